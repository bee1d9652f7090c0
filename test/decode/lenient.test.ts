/**
 * The lenient profile (`{ lenient: true }`), for vendors that forward LINE events and for
 * historical payloads. It must read the seeds' vendor bodies fully typed, let be absent exactly
 * what its types make optional, read numerals only where such senders write them, match event and
 * message types whatever their case, invent nothing, and never change a body strict mode accepts.
 */
import fc from 'fast-check'
import { assert, describe, expect, it } from 'vitest'
import {
  LenientCallbackRequest,
  LenientEvent,
  createSignature,
  decodeCallbackRequest,
  decodeWebhookRequest,
  parseWebhookRequest,
  type CallbackRequest,
  type DecodeOptions,
  type InvalidEvent,
  type Issue,
} from '../../src/index.js'
import {
  EVENT_TYPES,
  MESSAGE_TYPES,
  anyEventArbitrary,
  callbackRequestArbitrary,
  eventOfTypeArbitrary,
  isJsonObject,
  knownEventArbitrary,
  replaceAt,
  slotsOf,
  webhookSchema,
  type JsonObject,
  type JsonValue,
  type Path,
  type Slot,
} from '../support/arbitraries.js'
import { modernFixture, modernFixtureNames, seedSamples } from '../support/fixtures.js'
import { fallbacksIn } from '../support/fallbacks.js'

type Entry = LenientCallbackRequest['events'][number]

function lenientlyDecoded(body: unknown, options: DecodeOptions = {}): LenientCallbackRequest {
  const result = decodeCallbackRequest(body, { ...options, lenient: true })
  if (result._tag === 'Left') throw new Error(`expected Right, got ${JSON.stringify(result.left)}`)
  return result.right
}

function strictlyDecoded(body: unknown): CallbackRequest {
  const result = decodeCallbackRequest(body)
  if (result._tag === 'Left') throw new Error(`expected Right, got ${JSON.stringify(result.left)}`)
  return result.right
}

function isInvalid(entry: Entry | undefined): entry is InvalidEvent {
  return entry !== undefined && entry.type === undefined && entry._tag === 'InvalidEvent'
}

/** The one event of a lenient decoding of `body`, which must be an InvalidEvent. */
function onlyInvalidEvent(body: unknown): InvalidEvent {
  const { events } = lenientlyDecoded(body)
  expect(events).toHaveLength(1)
  const [entry] = events
  assert(isInvalid(entry), 'an InvalidEvent')
  return entry
}

/** Where and what, leaving out `expected`: each profile names its codecs its own way. */
const located = (issues: readonly Issue[]): { path: string; actual: unknown }[] =>
  issues.map(({ path, actual }) => ({ path, actual }))

/** A path as issues write it; the schema's own keys are all identifiers. */
function formatPath(path: Path): string {
  return path.reduce<string>((text, segment) => {
    if (typeof segment === 'number') return `${text}[${segment}]`
    return text === '' ? segment : `${text}.${segment}`
  }, '')
}

/** A body around one event, with a destination as LINE sends it. */
const bodyOf = (event: JsonValue): JsonObject => ({ destination: 'U0', events: [event] })

/**
 * `value` with `replacement` at `path`, copying only the objects on the way: the rest stays
 * shared, so a generated own `constructor` property is the same object on both sides of a
 * toStrictEqual, which compares constructors.
 */
function setAt(value: JsonValue, path: Path, replacement: JsonValue): JsonValue {
  const [key, ...rest] = path
  if (key === undefined) return replacement
  if (Array.isArray(value) && typeof key === 'number') {
    return value.map((item, index) => (index === key ? setAt(item, rest, replacement) : item))
  }
  assert(isJsonObject(value) && typeof key === 'string', `an object at ${String(key)}`)
  // A computed key: even `__proto__` stays an own data property.
  return { ...value, [key]: setAt(value[key] ?? null, rest, replacement) }
}

/** The `type` of a generated object, which is always a string. */
function typeOf(value: JsonObject): string {
  const type = value['type']
  assert(typeof type === 'string')
  return type
}

/** The value at `path` in `value`, if there is one. */
function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((parent, key) => {
    if (Array.isArray(parent))
      return typeof key === 'number' ? (parent as unknown[])[key] : undefined
    return isJsonObject(parent) ? parent[key] : undefined
  }, value)
}

function objectAt(value: unknown, key: string): JsonObject {
  const property = isJsonObject(value) ? value[key] : undefined
  assert(isJsonObject(property), `an object at ${key}`)
  return property
}

function firstEvent(json: unknown): JsonObject {
  const events = isJsonObject(json) ? json['events'] : undefined
  assert(Array.isArray(events))
  const [event] = events
  assert(isJsonObject(event))
  return event
}

/** Whether `type` names a known type in another case: the one place the profiles differ. */
function isCaseVariant(type: unknown, known: readonly string[]): boolean {
  if (typeof type !== 'string' || known.includes(type)) return false
  return known.some((name) => name.toLowerCase() === type.toLowerCase())
}

/**
 * Whether strict and lenient must read `event` alike: anything but a known type in another
 * case, and an empty type with a message, which lenient alone reads as a message event.
 */
function readAlike(event: unknown): boolean {
  if (!isJsonObject(event)) return true
  const { type, message } = event
  if (isCaseVariant(type, EVENT_TYPES)) return false
  if (type === '' && isJsonObject(message)) return false
  return !isJsonObject(message) || !isCaseVariant(message['type'], MESSAGE_TYPES)
}

/**
 * What lenient lets be absent, by event type and path: the common fields, every replyToken, a
 * follow event's `follow`, and the message fields forwarders and older SDKs leave out.
 */
const MAY_BE_ABSENT_IN_EVENTS = ['timestamp', 'mode', 'webhookEventId', 'deliveryContext']
const MAY_BE_ABSENT_IN_MESSAGES: Readonly<Record<string, readonly string[]>> = {
  text: ['quoteToken'],
  image: ['quoteToken', 'contentProvider'],
  video: ['quoteToken', 'contentProvider'],
  audio: ['contentProvider'],
  file: ['fileName', 'fileSize'],
  location: [],
  sticker: ['quoteToken', 'stickerResourceType'],
}

function mayBeAbsent(event: JsonObject, path: Path): boolean {
  const [key, inner] = path
  if (path.length === 1 && typeof key === 'string') {
    return (
      MAY_BE_ABSENT_IN_EVENTS.includes(key) ||
      key === 'replyToken' ||
      (key === 'follow' && event['type'] === 'follow')
    )
  }
  if (path.length !== 2 || key !== 'message' || typeof inner !== 'string') return false
  const type = objectAt(event, 'message')['type']
  return typeof type === 'string' && (MAY_BE_ABSENT_IN_MESSAGES[type] ?? []).includes(inner)
}

/** Where lenient also reads a numeral: `duration`, `fileSize`, the coordinates and `timestamp`. */
function takesNumeral(event: JsonObject, path: Path): boolean {
  if (path.length === 1) return path[0] === 'timestamp'
  if (path.length !== 2 || path[0] !== 'message') return false
  const type = objectAt(event, 'message')['type']
  const field = path[1]
  if (type === 'video' || type === 'audio') return field === 'duration'
  if (type === 'file') return field === 'fileSize'
  if (type === 'location') return field === 'latitude' || field === 'longitude'
  return false
}

/** The slots of a known-type event, as LINE's schema describes them. */
const slotsOfEvent = (event: JsonObject): Slot[] => slotsOf(webhookSchema.Event, event)

/** Known-type events of every kind, message and message-edited events twice as often. */
const strictValidEvent = fc.oneof(
  knownEventArbitrary({ extraProperties: true }),
  eventOfTypeArbitrary('message', { extraProperties: true }),
  eventOfTypeArbitrary('messageEdited', { extraProperties: true }),
)

/** `word` with each letter's case picked by fast-check. */
function anyCaseOf(word: string): fc.Arbitrary<string> {
  return fc
    .array(fc.boolean(), { minLength: word.length, maxLength: word.length })
    .map((upper) =>
      upper
        .map((up, index) => (up ? word.charAt(index).toUpperCase() : word.charAt(index)))
        .join(''),
    )
}

const seed000 = seedSamples('000_d39edbcc38ae43a0.txt')
const CAPTIONS = ['text', 'image', 'video', 'audio', 'file', 'location'] as const

/** A seed-000 sample by its caption, read afresh. */
function sample000(caption: string): JsonObject {
  const found = seed000.find((sample) => sample.caption === caption)
  assert(found !== undefined, `the ${caption} sample`)
  const json = structuredClone(found.json)
  assert(isJsonObject(json))
  return json
}

/** Seed 001's request sample, read afresh. */
function sample001(): JsonObject {
  const [only] = seedSamples('001_27c6983c64b32088.txt')
  assert(only !== undefined)
  const json = only.json
  assert(isJsonObject(json))
  return json
}

describe('seed 000 in lenient mode: all six samples, fully typed', () => {
  it('holds the six samples', () => {
    expect(seed000.map(({ caption }) => caption)).toStrictEqual(CAPTIONS)
  })

  it.each(CAPTIONS)('decodes the %s sample to a typed message event, no fallback', (caption) => {
    const json = sample000(caption)
    const body = lenientlyDecoded(json)
    expect(fallbacksIn(body)).toStrictEqual({})
    const [event] = body.events
    assert(event?.type === 'message')
    expect(LenientEvent.members.message.is(event)).toBe(true)
    expect(event.message.type).toBe(caption)
    expect(body.destination).toBe(json['destination'])
    expect(decodeCallbackRequest(json, { lenient: true, onInvalidEvent: 'fail' })).toStrictEqual({
      _tag: 'Right',
      right: body,
    })
  })

  it.each(['text', 'image', 'audio', 'file', 'location'])(
    'returns the %s sample as the very object: nothing to read differently, nothing added',
    (caption) => {
      const json = sample000(caption)
      expect(lenientlyDecoded(json)).toBe(json)
    },
  )

  it('reads the video duration "10735" as the number 10735, and changes nothing else', () => {
    const json = sample000('video')
    const before = structuredClone(json)
    const body = lenientlyDecoded(json)
    expect(body).toStrictEqual(replaceAt(json, ['events', 0, 'message', 'duration'], 10735))
    const [event] = body.events
    assert(event?.type === 'message' && event.message.type === 'video')
    expect(event.message.duration).toBe(10735)
    expect(json).toStrictEqual(before)
    // Only the path to the changed value is copied; the rest are the objects that came.
    const raw = firstEvent(json)
    expect(event.source).toBe(raw['source'])
    expect(event.message.contentProvider).toBe(objectAt(raw, 'message')['contentProvider'])
  })

  it('leaves the file sample without fileName and fileSize: absent stays absent', () => {
    const body = lenientlyDecoded(sample000('file'))
    const [event] = body.events
    assert(event?.type === 'message' && event.message.type === 'file')
    expect('fileName' in event.message).toBe(false)
    expect('fileSize' in event.message).toBe(false)
    expect(event.message.id).toBe('509379284860141587')
  })

  it('reads the typed fields of the samples as they came', () => {
    const [text] = lenientlyDecoded(sample000('text')).events
    assert(text?.type === 'message' && text.message.type === 'text')
    expect([text.message.text, text.timestamp, text.mode, text.webhookEventId]).toStrictEqual([
      '测试',
      1716363925648,
      'active',
      '01HYFM66MC7K0N6QAX1ZVDXD13',
    ])
    expect(text.deliveryContext).toStrictEqual({ isRedelivery: false })
    expect(text.message.quoteToken).toMatch(/^d0fu6/)

    const [location] = lenientlyDecoded(sample000('location')).events
    assert(location?.type === 'message' && location.message.type === 'location')
    expect([location.message.latitude, location.message.longitude]).toStrictEqual([
      22.581143, 113.954891,
    ])
    expect('quoteToken' in location.message).toBe(false)
  })
})

describe('seed 001 in lenient mode: an empty event type, a "TEXT" message, no envelope', () => {
  it('decodes to a text message event with exactly the fields that came', () => {
    const json = sample001()
    const before = structuredClone(json)
    const body = lenientlyDecoded(json)
    expect(body).toStrictEqual({
      events: [
        {
          type: 'message',
          mode: 'active',
          source: { type: 'user', userId: '8615897042502' },
          message: { id: 'asdwe145FFUfj', type: 'text', text: 'hello' },
        },
      ],
    })
    expect(fallbacksIn(body)).toStrictEqual({})
    expect('destination' in body).toBe(false)
    const [event] = body.events
    assert(event?.type === 'message' && event.message.type === 'text')
    for (const key of ['timestamp', 'webhookEventId', 'deliveryContext', 'replyToken']) {
      expect(key in event, key).toBe(false)
    }
    expect('quoteToken' in event.message).toBe(false)
    expect(event.message.text).toBe('hello')
    // The input is read, never written: the sample still says "" and "TEXT".
    expect(json).toStrictEqual(before)
    expect(firstEvent(json)['type']).toBe('')
  })

  it('decodes with onInvalidEvent: fail too, and through LenientEvent alone', () => {
    const json = sample001()
    const body = lenientlyDecoded(json)
    expect(decodeCallbackRequest(json, { lenient: true, onInvalidEvent: 'fail' })).toStrictEqual({
      _tag: 'Right',
      right: body,
    })
    expect(LenientEvent.decode(firstEvent(json))).toStrictEqual({
      _tag: 'Right',
      right: body.events[0],
    })
  })
})

describe('SDK-style bodies without quoteToken, webhookEventId, deliveryContext, mode, follow', () => {
  /** A fixture as an SDK of before those fields wrote it. */
  function withoutNewerFields(json: unknown): JsonObject {
    const copy = structuredClone(json)
    assert(isJsonObject(copy))
    const events = copy['events']
    assert(Array.isArray(events))
    for (const event of events) {
      if (!isJsonObject(event)) continue
      for (const key of ['webhookEventId', 'deliveryContext', 'mode']) {
        Reflect.deleteProperty(event, key)
      }
      if (event['type'] === 'follow') Reflect.deleteProperty(event, 'follow')
      const message = event['message']
      if (isJsonObject(message)) Reflect.deleteProperty(message, 'quoteToken')
    }
    return copy
  }

  describe.each(modernFixtureNames())('%s', (name) => {
    it('decodes leniently with the fallbacks strict mode makes of the full file, and no other', () => {
      const { json } = modernFixture(name)
      const old = withoutNewerFields(json)
      const body = lenientlyDecoded(old)
      const full = strictlyDecoded(json)
      expect(fallbacksIn(body)).toStrictEqual(fallbacksIn(full))
      // Nothing invented, nothing lost.
      expect(LenientCallbackRequest.encode(body)).toStrictEqual(old)
      if (Object.keys(fallbacksIn(full)).length === 0) expect(body).toBe(old)
      for (const event of body.events) {
        if (event.type === undefined) continue
        for (const key of ['webhookEventId', 'deliveryContext', 'mode']) {
          expect(key in event, key).toBe(false)
        }
        if (event.type === 'follow') expect('follow' in event).toBe(false)
        if (event.type === 'message' || event.type === 'messageEdited') {
          expect('quoteToken' in event.message).toBe(false)
        }
      }
    })

    it('keeps each such event as an InvalidEvent in strict mode', () => {
      const { json } = modernFixture(name)
      const full = strictlyDecoded(json).events
      const old = strictlyDecoded(withoutNewerFields(json)).events
      expect(old).toHaveLength(full.length)
      full.forEach((event, index) => {
        const entry = old[index]
        if (event.type === undefined)
          expect(entry?.type === undefined && entry?._tag).toBe(event._tag)
        else expect(isInvalid(entry), `events[${index}]`).toBe(true)
      })
    })
  })
})

describe('each field lenient may drop, dropped alone from a strict-valid body', () => {
  const cases: readonly (readonly [fixture: string, path: Path])[] = [
    ['ruby-sdk-03-with-a-full-text-messageevent.json', ['timestamp']],
    ['ruby-sdk-03-with-a-full-text-messageevent.json', ['mode']],
    ['ruby-sdk-03-with-a-full-text-messageevent.json', ['webhookEventId']],
    ['ruby-sdk-03-with-a-full-text-messageevent.json', ['deliveryContext']],
    ['ruby-sdk-03-with-a-full-text-messageevent.json', ['message', 'quoteToken']],
    ['ruby-sdk-05-with-two-image-messageevents.json', ['message', 'quoteToken']],
    ['ruby-sdk-05-with-two-image-messageevents.json', ['message', 'contentProvider']],
    ['ruby-sdk-06-with-a-video-messageevent.json', ['message', 'quoteToken']],
    ['ruby-sdk-06-with-a-video-messageevent.json', ['message', 'contentProvider']],
    ['ruby-sdk-07-with-an-audio-messageevent.json', ['message', 'contentProvider']],
    ['ruby-sdk-08-with-a-file-messageevent.json', ['message', 'fileName']],
    ['ruby-sdk-08-with-a-file-messageevent.json', ['message', 'fileSize']],
    ['ruby-sdk-10-with-an-animation-sticker-messageevent.json', ['message', 'quoteToken']],
    ['ruby-sdk-10-with-an-animation-sticker-messageevent.json', ['message', 'stickerResourceType']],
    ['ruby-sdk-13-with-a-simple-followevent.json', ['follow']],
    ['ruby-sdk-13-with-a-simple-followevent.json', ['replyToken']],
    ['ruby-sdk-16-with-a-joinevent.json', ['replyToken']],
    ['ruby-sdk-18-with-a-memberjoinedevent.json', ['replyToken']],
    ['ruby-sdk-22-with-a-videoplaycomplete.json', ['replyToken']],
    ['ruby-sdk-23-with-a-beaconevent.json', ['replyToken']],
    ['ruby-sdk-34-with-a-membershioevent.json', ['replyToken']],
  ]

  it.each(cases)('%s without %j', (fixture, path) => {
    const { json } = modernFixture(fixture)
    assert(isJsonObject(json))
    expect(strictlyDecoded(json)).toBe(json)
    const at = ['events', 0, ...path]
    const body = replaceAt(json, at, undefined)
    expect(body).not.toStrictEqual(json)

    const strict = strictlyDecoded(body).events[0]
    assert(strict !== undefined && strict.type === undefined && strict._tag === 'InvalidEvent')
    expect(located(strict.issues)).toStrictEqual([{ path: formatPath(at), actual: undefined }])
    expect(decodeCallbackRequest(body, { onInvalidEvent: 'fail' })._tag).toBe('Left')

    const decoded = lenientlyDecoded(body, { onInvalidEvent: 'fail' })
    expect(decoded).toBe(body)
    expect(fallbacksIn(decoded)).toStrictEqual({})
    const parent = valueAt(decoded.events[0], path.slice(0, -1))
    assert(isJsonObject(parent))
    expect(String(path.at(-1)) in parent).toBe(false)
  })

  it('a body without destination', () => {
    const { json } = modernFixture('ruby-sdk-03-with-a-full-text-messageevent.json')
    assert(isJsonObject(json))
    const body = replaceAt(json, ['destination'], undefined)
    expect(decodeCallbackRequest(body)).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'InvalidPayload',
        omittedIssues: 0,
        issues: [{ path: 'destination', expected: 'string', actual: undefined }],
      },
    })
    const decoded = lenientlyDecoded(body)
    expect(decoded).toBe(body)
    expect('destination' in decoded).toBe(false)
  })

  it('lets be absent exactly what the lenient types make optional, over generated events', () => {
    const scenario = strictValidEvent.chain((event) =>
      fc
        .constantFrom(...slotsOfEvent(event).filter((slot) => slot.required))
        .map((slot) => ({ event, path: slot.path })),
    )
    fc.assert(
      fc.property(scenario, ({ event, path }) => {
        const body = bodyOf(replaceAt(event, path, undefined))
        const issue = { path: formatPath(['events', 0, ...path]), actual: undefined }
        if (mayBeAbsent(event, path)) {
          expect(lenientlyDecoded(body)).toBe(body)
          const [strict] = strictlyDecoded(body).events
          assert(isInvalid(strict))
          expect(located(strict.issues)).toStrictEqual([issue])
        } else {
          // What the lenient types still require, lenient still requires.
          expect(located(onlyInvalidEvent(body).issues)).toStrictEqual([issue])
        }
      }),
      { numRuns: 400 },
    )
  })
})

describe('numerals: read only where intended, and only proper ones', () => {
  const video = sample000('video')
  const videoEvent = firstEvent(video)
  const location = sample000('location')
  const textSample = sample000('text')

  /** The one event of `body` after setting `path` (from the event) to `value`. */
  function withValue(json: JsonObject, path: Path, value: JsonValue): JsonObject {
    return replaceAt(json, ['events', 0, ...path], value)
  }

  const fileEvent = replaceAt(firstEvent(sample000('file')), ['message', 'fileSize'], 0)
  const file = bodyOf(fileEvent)

  it('reads numerals in duration, fileSize, timestamp, latitude and longitude', () => {
    const cases: readonly (readonly [JsonObject, Path, string, number])[] = [
      [video, ['message', 'duration'], '10735', 10735],
      [video, ['message', 'duration'], '0', 0],
      [file, ['message', 'fileSize'], '2138', 2138],
      [textSample, ['timestamp'], '1716363925648', 1716363925648],
      [location, ['message', 'latitude'], '22.581143', 22.581143],
      [location, ['message', 'longitude'], '113.954891', 113.954891],
      [location, ['message', 'latitude'], '-3', -3],
      [location, ['message', 'longitude'], '-33.8688', -33.8688],
      [location, ['message', 'latitude'], '0', 0],
    ]
    for (const [json, path, numeral, number] of cases) {
      const body = withValue(json, path, numeral)
      expect(lenientlyDecoded(body), numeral).toStrictEqual(withValue(json, path, number))
      expect(isInvalid(strictlyDecoded(body).events[0]), numeral).toBe(true)
    }
  })

  it.each([
    '10.5',
    '1e3',
    ' 12',
    '12 ',
    '\n12',
    '',
    '0x10',
    '0b1',
    '12abc',
    '+12',
    '1,000',
    '1_000',
    'Infinity',
    'NaN',
    '-',
    // Past 2^53 a numeral no longer names one number.
    '9007199254740993',
  ])('rejects %j for an integer', (numeral) => {
    const places: readonly (readonly [JsonObject, Path])[] = [
      [video, ['message', 'duration']],
      [file, ['message', 'fileSize']],
      [video, ['timestamp']],
    ]
    for (const [json, path] of places) {
      const invalid = onlyInvalidEvent(withValue(json, path, numeral))
      expect(located(invalid.issues)).toStrictEqual([
        { path: formatPath(['events', 0, ...path]), actual: numeral },
      ])
    }
  })

  it.each(['1e3', '1E3', ' 12', '12 ', '', '0x10', '12abc', '.5', '5.', '+1', '1,5', 'NaN', '-'])(
    'rejects %j for a latitude or longitude',
    (numeral) => {
      for (const field of ['latitude', 'longitude']) {
        const path = ['message', field]
        const invalid = onlyInvalidEvent(withValue(location, path, numeral))
        expect(located(invalid.issues)).toStrictEqual([
          { path: formatPath(['events', 0, ...path]), actual: numeral },
        ])
      }
    },
  )

  it('reads no numeral anywhere else: ids, counts, indexes, flags', () => {
    const text = {
      ...videoEvent,
      message: {
        type: 'text',
        id: '1',
        text: 'Hi (love)',
        quoteToken: 'q',
        emojis: [{ index: 3, length: 6, productId: 'p', emojiId: '001' }],
        mention: { mentionees: [{ type: 'user', index: 0, length: 2 }] },
      },
    }
    const image = {
      ...videoEvent,
      message: { type: 'image', id: '1', imageSet: { id: 's', index: 1, total: 2 } },
    }
    const activated = { ...videoEvent, type: 'activated', chatControl: { expireAt: 1 } }
    const membership = { ...videoEvent, type: 'membership', membership: { type: 'joined' } }
    const cases: readonly (readonly [JsonObject, Path, JsonValue, string])[] = [
      [text, ['message', 'emojis', 0, 'index'], 3, '3'],
      [text, ['message', 'emojis', 0, 'length'], 6, '6'],
      [text, ['message', 'mention', 'mentionees', 0, 'index'], 0, '0'],
      [image, ['message', 'imageSet', 'index'], 1, '1'],
      [image, ['message', 'imageSet', 'total'], 2, '2'],
      [activated, ['chatControl', 'expireAt'], 1653994422933, '1653994422933'],
      [membership, ['membership', 'membershipId'], 3189, '3189'],
      [text, ['deliveryContext', 'isRedelivery'], false, 'false'],
    ]
    for (const [event, path, valid, numeral] of cases) {
      const [typed] = lenientlyDecoded(bodyOf(replaceAt(event, path, valid))).events
      expect(typed?.type).toBe(event['type'])
      const invalid = onlyInvalidEvent(bodyOf(replaceAt(event, path, numeral)))
      expect(located(invalid.issues)).toStrictEqual([
        { path: formatPath(['events', 0, ...path]), actual: numeral },
      ])
    }
  })

  it('over generated events: a numeral is read where intended and nowhere else', () => {
    const decimal = fc
      .tuple(fc.integer({ min: -180, max: 180 }), fc.nat(999_999))
      .map(([whole, fraction]) => `${whole}.${fraction}`)
    const scenario = strictValidEvent.chain((event) => {
      const numeric = slotsOfEvent(event).filter(
        (slot) => slot.schema.kind === 'integer' || slot.schema.kind === 'number',
      )
      return fc.constantFrom(...numeric).chain((slot) => {
        const value = valueAt(event, slot.path)
        assert(typeof value === 'number')
        const numeral = slot.schema.kind === 'integer' ? fc.constant(String(value)) : decimal
        return numeral.map((text) => ({ event, path: slot.path, numeral: text }))
      })
    })
    fc.assert(
      fc.property(scenario, ({ event, path, numeral }) => {
        const body = bodyOf(setAt(event, path, numeral))
        if (takesNumeral(event, path)) {
          const expected = bodyOf(setAt(event, path, Number(numeral)))
          expect(lenientlyDecoded(body)).toStrictEqual(expected)
          expect(isInvalid(strictlyDecoded(body).events[0])).toBe(true)
        } else {
          expect(located(onlyInvalidEvent(body).issues)).toStrictEqual([
            { path: formatPath(['events', 0, ...path]), actual: numeral },
          ])
        }
      }),
      { numRuns: 300 },
    )
  })
})

describe('event and message types, matched whatever their case', () => {
  const textEvent = firstEvent(sample000('text'))
  const imageEvent = firstEvent(sample000('image'))

  it('reads "MESSAGE", "IMAGE" and "Text" as message, image and text', () => {
    const upper = {
      ...imageEvent,
      type: 'MESSAGE',
      message: { ...objectAt(imageEvent, 'message'), type: 'IMAGE' },
    }
    expect(lenientlyDecoded(bodyOf(upper)).events).toStrictEqual([imageEvent])
    const mixed = { ...textEvent, message: { ...objectAt(textEvent, 'message'), type: 'Text' } }
    const [text] = lenientlyDecoded(bodyOf(mixed)).events
    assert(text?.type === 'message' && text.message.type === 'text')
    expect(text).toStrictEqual(textEvent)
    // The input keeps its own spelling.
    expect(objectAt(mixed, 'message')['type']).toBe('Text')
  })

  it('reads "memberjoined" as memberJoined', () => {
    const { json } = modernFixture('ruby-sdk-18-with-a-memberjoinedevent.json')
    const event = firstEvent(json)
    const [decoded] = lenientlyDecoded(bodyOf({ ...event, type: 'memberjoined' })).events
    assert(decoded?.type === 'memberJoined')
    expect(decoded).toStrictEqual(event)
    expect(decoded.joined.members.length).toBeGreaterThan(0)
  })

  it('reads each of the 20 event types and 7 message types in upper and lower case', () => {
    expect(Object.keys(LenientEvent.members).sort()).toStrictEqual([...EVENT_TYPES].sort())
    const events = fc.sample(
      fc.oneof(...EVENT_TYPES.map((type) => eventOfTypeArbitrary(type))),
      200,
    )
    for (const event of events) {
      const type = typeOf(event)
      for (const spelling of [type.toUpperCase(), type.toLowerCase()]) {
        const [decoded] = lenientlyDecoded(bodyOf({ ...event, type: spelling })).events
        expect(decoded, spelling).toStrictEqual(event)
      }
    }
    for (const type of MESSAGE_TYPES) {
      const message = fc.sample(
        eventOfTypeArbitrary('message').filter(
          (event) => objectAt(event, 'message')['type'] === type,
        ),
        1,
      )[0]
      assert(message !== undefined)
      const shouted = {
        ...message,
        message: { ...objectAt(message, 'message'), type: type.toUpperCase() },
      }
      expect(lenientlyDecoded(bodyOf(shouted)).events, type).toStrictEqual([message])
    }
  })

  it('over generated events: any casing decodes to what strict makes of the exact one', () => {
    const scenario = strictValidEvent.chain((event) => {
      const hasMessage = event['type'] === 'message' || event['type'] === 'messageEdited'
      const message = hasMessage ? objectAt(event, 'message') : undefined
      return fc
        .tuple(
          anyCaseOf(typeOf(event)),
          message === undefined ? fc.constant(undefined) : anyCaseOf(typeOf(message)),
        )
        .map(([type, messageType]) => ({
          event,
          spelled:
            message === undefined || messageType === undefined
              ? { ...event, type }
              : { ...event, type, message: { ...message, type: messageType } },
        }))
    })
    fc.assert(
      fc.property(scenario, ({ event, spelled }) => {
        const [decoded] = lenientlyDecoded(bodyOf(spelled), { onInvalidEvent: 'fail' }).events
        expect(decoded).toStrictEqual(strictlyDecoded(bodyOf(event)).events[0])
      }),
      { numRuns: 300 },
    )
  })

  it('matches only event and message types: a source type stays exact', () => {
    const shoutedSource = { ...textEvent, source: { type: 'USER', userId: 'U0' } }
    const [event] = lenientlyDecoded(bodyOf(shoutedSource)).events
    assert(event?.type === 'message' && event.source?.type === undefined)
    expect(event.source?._tag).toBe('UnknownSource')
    expect(lenientlyDecoded(bodyOf(shoutedSource))).toStrictEqual(
      strictlyDecoded(bodyOf(shoutedSource)),
    )
  })

  it('keeps a near miss that is no case variant as an unknown type, as strict mode does', () => {
    for (const type of ['messages', ' message', 'message_', 'memberjoin']) {
      const body = bodyOf({ ...textEvent, type })
      const [event] = lenientlyDecoded(body).events
      assert(event !== undefined && event.type === undefined)
      expect(event._tag, type).toBe('UnknownEvent')
      expect(lenientlyDecoded(body)).toStrictEqual(strictlyDecoded(body))
    }
  })
})

describe('an empty type', () => {
  const textEvent = firstEvent(sample000('text'))

  it('is a message event when a message comes with it', () => {
    const [event] = lenientlyDecoded(bodyOf({ ...textEvent, type: '' })).events
    expect(event).toStrictEqual(textEvent)
  })

  it('is still an InvalidEvent without a message', () => {
    const withoutMessage = replaceAt(textEvent, ['message'], undefined)
    const cases: readonly JsonObject[] = [
      { ...withoutMessage, type: '' },
      { ...withoutMessage, type: '', message: null },
      { ...withoutMessage, type: '', message: 'hello' },
      { ...withoutMessage, type: '', message: [] },
      { ...withoutMessage, type: '', follow: { isUnblocked: false } },
      { type: '' },
    ]
    for (const event of cases) {
      const invalid = onlyInvalidEvent(bodyOf(event))
      expect(invalid.raw).toStrictEqual(event)
      expect(located(invalid.issues)).toStrictEqual([{ path: 'events[0].type', actual: '' }])
      expect(
        decodeCallbackRequest(bodyOf(event), { lenient: true, onInvalidEvent: 'fail' }),
      ).toStrictEqual({
        _tag: 'Left',
        left: { _tag: 'InvalidPayload', issues: invalid.issues, omittedIssues: 0 },
      })
    }
  })

  it('is not what a missing type is: no type with a message is no message event', () => {
    const invalid = onlyInvalidEvent(bodyOf(replaceAt(textEvent, ['type'], undefined)))
    expect(located(invalid.issues)).toStrictEqual([{ path: 'events[0].type', actual: undefined }])
  })
})

describe('lenient never changes a body strict mode accepts', () => {
  describe.each(modernFixtureNames())('%s', (name) => {
    it('decodes to what strict mode decodes it to, the very object where strict returns it', () => {
      const { json } = modernFixture(name)
      const strict = strictlyDecoded(json)
      const lenient = lenientlyDecoded(json)
      expect(lenient).toStrictEqual(strict)
      if (strict === json) expect(lenient).toBe(json)
      expect(decodeCallbackRequest(json, { lenient: true, onInvalidEvent: 'fail' })).toStrictEqual(
        decodeCallbackRequest(json, { onInvalidEvent: 'fail' }),
      )
    })
  })

  it('returns any generated strict-valid body as the very object', () => {
    const validBody = fc.oneof(
      callbackRequestArbitrary(),
      callbackRequestArbitrary({ extraProperties: true }),
    )
    fc.assert(
      fc.property(validBody, (body) => {
        expect(strictlyDecoded(body)).toBe(body)
        expect(lenientlyDecoded(body)).toBe(body)
        expect(lenientlyDecoded(body, { onInvalidEvent: 'fail' })).toBe(body)
        expect(LenientCallbackRequest.is(body)).toBe(true)
        const validated = LenientCallbackRequest.decode(body)
        expect(validated._tag === 'Right' && validated.right).toBe(body)
      }),
      { numRuns: 400 },
    )
  })

  it('makes the same fallbacks, and keeps the same unknown properties, as strict mode', () => {
    const body = callbackRequestArbitrary({ extraProperties: true, unknownTypes: true }).filter(
      (generated) => (generated['events'] as readonly unknown[]).every(readAlike),
    )
    fc.assert(
      fc.property(body, (generated) => {
        expect(lenientlyDecoded(generated)).toStrictEqual(strictlyDecoded(generated))
      }),
      { numRuns: 400 },
    )
  })

  it('over messy bodies: reads every event strict mode reads, the same, and more', () => {
    const messy = callbackRequestArbitrary(
      { extraProperties: true, unknownTypes: true },
      anyEventArbitrary(),
    )
    fc.assert(
      fc.property(messy, (body) => {
        const raws = body['events'] as readonly unknown[]
        const strict = strictlyDecoded(body).events
        const lenient = lenientlyDecoded(body).events
        expect(lenient).toHaveLength(strict.length)
        strict.forEach((entry, index) => {
          const other = lenient[index]
          if (entry.type !== undefined || entry._tag === 'UnknownEvent') {
            if (readAlike(raws[index])) expect(other).toStrictEqual(entry)
            return
          }
          // Strict kept it as invalid: lenient reads it typed, or keeps it invalid in its place.
          if (isInvalid(other)) {
            expect([other.index, other.raw]).toStrictEqual([entry.index, entry.raw])
          } else expect(other?.type).not.toBe(undefined)
        })
      }),
      { numRuns: 300 },
    )
  })

  it('fails with onInvalidEvent: "fail" exactly when lenient kept an InvalidEvent', () => {
    const messy = callbackRequestArbitrary(
      { extraProperties: true, unknownTypes: true },
      anyEventArbitrary(),
    )
    fc.assert(
      fc.property(messy, (body) => {
        const kept = lenientlyDecoded(body)
        const issues = kept.events.flatMap((entry) => (isInvalid(entry) ? entry.issues : []))
        const omitted = kept.events.reduce(
          (n, entry) => n + (isInvalid(entry) ? entry.omittedIssues : 0),
          0,
        )
        // A failure keeps the first 20 issues and counts the rest.
        const left = {
          _tag: 'InvalidPayload',
          issues: issues.slice(0, 20),
          omittedIssues: omitted + Math.max(0, issues.length - 20),
        }
        const failed = decodeCallbackRequest(body, { lenient: true, onInvalidEvent: 'fail' })
        if (issues.length === 0) expect(failed).toStrictEqual({ _tag: 'Right', right: kept })
        else expect(failed).toStrictEqual({ _tag: 'Left', left })
      }),
      { numRuns: 300 },
    )
  })

  it('fails a broken envelope as strict mode does', () => {
    for (const value of [null, [], 'body', { events: {} }, { destination: 1, events: [] }]) {
      const result = decodeCallbackRequest(value, { lenient: true })
      assert(result._tag === 'Left', JSON.stringify(value))
      expect(result.left.issues.length).toBeGreaterThan(0)
    }
  })

  // An `integer` is a safe integer: past 2^53 a JSON number no longer says which integer was
  // sent. Both profiles refuse it alike, so lenient still takes all that strict takes.
  const videoText = `{"destination":"U0","events":[{"type":"message","mode":"active","timestamp":1716445024988,"webhookEventId":"01HYJ1H5444AHFT914RBA6F5N2","deliveryContext":{"isRedelivery":false},"message":{"type":"video","id":"1","quoteToken":"q","contentProvider":{"type":"line"},"duration":1}}]}`
  it.each([
    [
      'events[0].message.duration',
      videoText.replace('"duration":1', '"duration":9007199254740993'),
    ],
    ['events[0].timestamp', videoText.replace('"timestamp":1716445024988', '"timestamp":1e21')],
    [
      'events[0].message.fileSize',
      videoText.replace(
        '"type":"video","id":"1","quoteToken":"q","contentProvider":{"type":"line"},"duration":1',
        '"type":"file","id":"1","fileName":"a.bin","fileSize":18446744073709551616',
      ),
    ],
  ])('refuses a whole number past 2^53 in %s, as strict mode does', (path, text) => {
    const json: unknown = JSON.parse(text)
    for (const options of [{}, { lenient: true }] as const) {
      const result = decodeCallbackRequest(json, { ...options, onInvalidEvent: 'fail' })
      assert(result._tag === 'Left')
      expect(result.left.issues.map((issue) => issue.path)).toStrictEqual([path])
    }
  })
})

describe('decodeWebhookRequest and parseWebhookRequest with { lenient: true }', () => {
  const channelSecret = 'lenient-test-secret'

  it('verifies, parses and decodes the signed seed-000 video body', async () => {
    const text = JSON.stringify(sample000('video'), null, 2)
    const bytes = new TextEncoder().encode(text)
    for (const body of [text, bytes]) {
      const signature = await createSignature({ channelSecret, body })
      const params = { channelSecret, body, signature }
      const result = await decodeWebhookRequest(params, { lenient: true })
      assert(result._tag === 'Right')
      const [event] = result.right.events
      assert(event?.type === 'message' && event.message.type === 'video')
      expect(event.message.duration).toBe(10735)
      const parsed: unknown = JSON.parse(text)
      expect(result.right).toStrictEqual(lenientlyDecoded(parsed))
      expect(await parseWebhookRequest(params, { lenient: true })).toStrictEqual(result.right)

      // The same request in strict mode keeps the event as invalid, or fails when asked to.
      const strict = await decodeWebhookRequest(params)
      assert(strict._tag === 'Right')
      expect(isInvalid(strict.right.events[0])).toBe(true)
      expect((await decodeWebhookRequest(params, { onInvalidEvent: 'fail' }))._tag).toBe('Left')
      expect(
        (await decodeWebhookRequest(params, { lenient: true, onInvalidEvent: 'fail' }))._tag,
      ).toBe('Right')
    }
  })

  it('still checks the signature first', async () => {
    const body = JSON.stringify(sample000('video'))
    const signature = await createSignature({ channelSecret: 'another', body })
    expect(
      await decodeWebhookRequest({ channelSecret, body, signature }, { lenient: true }),
    ).toStrictEqual({
      _tag: 'Left',
      left: { _tag: 'SignatureMismatch', reason: 'mismatch' },
    })
  })

  it('decodes the signed seed-001 body, which has no destination', async () => {
    const body = JSON.stringify(sample001())
    const signature = await createSignature({ channelSecret, body })
    const decoded = await parseWebhookRequest({ channelSecret, body, signature }, { lenient: true })
    expect(decoded.destination).toBeUndefined()
    const [event] = decoded.events
    assert(event?.type === 'message' && event.message.type === 'text')
    expect(event.message.text).toBe('hello')
  })
})
