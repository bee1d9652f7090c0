/**
 * Realistic LINE webhook bodies, built the way LINE sends them: compact JSON, UTF-8 bytes.
 *
 * Deterministic (a seeded generator), so every run and every child process hashes the same bytes.
 * Build only the payload a process measures: a large body built in the same heap skews the others.
 */
import { Buffer } from 'node:buffer'

/** Mulberry32: tiny, seedable, good enough to vary ids and texts. */
function generator(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const HEX = '0123456789abcdef'
const DIGITS = '0123456789'
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const TOKEN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

// Mixed scripts, because real chats are mostly not ASCII and multi-byte UTF-8 changes the byte count.
const TEXTS = [
  'こんにちは！明日の会議は何時からですか？資料は共有フォルダに入れておきました。',
  'Hello! Could you send me the tracking number for order #48213? Thanks a lot.',
  'สวัสดีครับ ขอสอบถามเวลาเปิดร้านวันเสาร์หน่อยครับ',
  '了解です👍 では18時に渋谷駅のハチ公前で待ち合わせしましょう。',
  'Apakah masih ada stok untuk ukuran M warna biru? Saya mau pesan dua.',
  '予約番号 A-1029 の変更をお願いします。人数を4名から6名にしたいです。',
]

const STICKER_KEYWORDS = ['Party', 'Cony', 'Brown', 'Hooray', 'Yay', 'Happy', 'Celebrate', 'Fun']

export function createPayloadKit(seed) {
  const random = generator(seed)
  const pick = (items) => items[Math.floor(random() * items.length)]
  const chars = (alphabet, length) => {
    let text = ''
    for (let index = 0; index < length; index++) text += pick(alphabet)
    return text
  }
  let clock = 1716363925648

  const userId = () => `U${chars(HEX, 32)}`
  const common = () => {
    clock += 1 + Math.floor(random() * 900)
    return {
      webhookEventId: `01H${chars(CROCKFORD, 23)}`,
      deliveryContext: { isRedelivery: false },
      timestamp: clock,
    }
  }
  const messageIds = () => ({ id: chars(DIGITS, 18), quoteToken: chars(TOKEN, 118) })
  const userSource = () => ({ type: 'user', userId: userId() })
  const groupSource = () =>
    random() < 0.8
      ? { type: 'group', groupId: `C${chars(HEX, 32)}`, userId: userId() }
      : { type: 'room', roomId: `R${chars(HEX, 32)}`, userId: userId() }
  const anySource = () => (random() < 0.5 ? userSource() : groupSource())
  const replied = (event) => ({ ...event, replyToken: chars(HEX, 32), mode: 'active' })

  const textEvent = (source = userSource()) =>
    replied({
      type: 'message',
      message: { type: 'text', ...messageIds(), text: pick(TEXTS) },
      ...common(),
      source,
    })

  const imageEvent = () =>
    replied({
      type: 'message',
      message: {
        type: 'image',
        ...messageIds(),
        contentProvider: { type: 'line' },
        imageSet: { id: chars(HEX.toUpperCase(), 64), index: 1, total: 2 },
      },
      ...common(),
      source: anySource(),
    })

  const stickerEvent = () =>
    replied({
      type: 'message',
      message: {
        type: 'sticker',
        ...messageIds(),
        stickerId: chars(DIGITS, 8),
        packageId: chars(DIGITS, 5),
        stickerResourceType: pick(['STATIC', 'ANIMATION', 'POPUP']),
        keywords: STICKER_KEYWORDS.slice(0, 3 + Math.floor(random() * 5)),
      },
      ...common(),
      source: anySource(),
    })

  const locationEvent = () =>
    replied({
      type: 'message',
      message: {
        type: 'location',
        ...messageIds(),
        title: 'my location',
        address: '〒102-8282 東京都千代田区紀尾井町1番3号',
        latitude: 35.67966 + random() / 100,
        longitude: 139.73669 + random() / 100,
      },
      ...common(),
      source: anySource(),
    })

  const followEvent = () =>
    replied({ type: 'follow', ...common(), source: userSource(), follow: { isUnblocked: false } })

  const postbackEvent = () =>
    replied({
      type: 'postback',
      postback: {
        data: `action=buy&itemid=${chars(DIGITS, 6)}`,
        params: { datetime: '2024-05-22T16:30' },
      },
      ...common(),
      source: anySource(),
    })

  const MIXED = [
    () => textEvent(anySource()),
    () => textEvent(groupSource()),
    imageEvent,
    stickerEvent,
    locationEvent,
    followEvent,
    postbackEvent,
  ]

  const body = (events) => ({ destination: userId(), events })

  return {
    /** One text message from a user: the most common webhook request. */
    textMessage: () => body([textEvent()]),
    /** Mixed events from users, groups and rooms, added until the body reaches `bytes`. */
    mixedEvents: (bytes) => {
      const events = []
      const payload = body(events)
      let size = JSON.stringify(payload).length
      while (size < bytes) {
        const event = pick(MIXED)()
        events.push(event)
        size += Buffer.byteLength(JSON.stringify(event)) + 1
      }
      return payload
    },
  }
}

/** Every `nth` event of `json` replaced by `change(event)`: the rest stays byte for byte. */
function everyNth(json, nth, change) {
  const events = json.events.map((event, index) =>
    (index + 1) % nth === 0 ? change(event) : event,
  )
  return { ...json, events }
}

/** An event of a type this version does not know: it decodes to an `UnknownEvent`. */
const ofNewerType = (event) => ({ ...event, type: 'messageReaction' })

/** An event of a known type that breaks its schema in one place: it decodes to an `InvalidEvent`. */
const withTimestampAsText = (event) => ({ ...event, timestamp: String(event.timestamp) })

/** The payloads benchmarks name on their command line; each builds its body on demand. */
export const PAYLOADS = {
  'text-600B': () => createPayloadKit(1).textMessage(),
  'mixed-60KB': () => createPayloadKit(2).mixedEvents(60_000),
  'mixed-1MB': () => createPayloadKit(3).mixedEvents(1_000_000),
  /** mixed-60KB with one event in every 28 of a newer type. */
  'mixed-60KB-unknown': () => everyNth(PAYLOADS['mixed-60KB'](), 28, ofNewerType),
  /** mixed-60KB with one event in every 28 broken (its timestamp a string). */
  'mixed-60KB-invalid': () => everyNth(PAYLOADS['mixed-60KB'](), 28, withTimestampAsText),
}

/** The body bytes and parsed shape of a named payload. */
export function buildPayload(name) {
  const build = PAYLOADS[name]
  if (build === undefined) {
    throw new Error(`unknown payload ${name}; one of ${Object.keys(PAYLOADS).join(', ')}`)
  }
  const json = build()
  const body = Buffer.from(JSON.stringify(json))
  return { name, body, events: json.events.length }
}
