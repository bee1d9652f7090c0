/**
 * The conformance corpus: real webhook bodies from LINE's own SDK test suites. Every one must
 * decode in strict mode, fully typed except where this file says a fallback is deliberate.
 */
import { assert, describe, expect, it } from 'vitest'
import {
  CallbackRequest,
  Event,
  Mentionee,
  MessageContent,
  ModuleContent,
  Source,
  decodeCallbackRequest,
} from '../../src/index.js'
import { modernFixture, modernFixtureNames } from '../support/fixtures.js'
import { isRecord } from '../../src/internal/record.js'
import { fallbacksIn } from '../support/fallbacks.js'

/**
 * The fallbacks each file decodes to, by path; every other event and nested union in the corpus
 * must come out as its typed member. A file not listed here has none.
 */
const deliberateFallbacks: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  // Its last event has `"type": "undefined"`, a type LINE never sent.
  'python-sdk-webhook.json': { 'events[27]': 'UnknownEvent' },
  'ruby-sdk-00-with-a-unknown-event.json': { 'events[0]': 'UnknownEvent' },
  'ruby-sdk-01-with-an-unknown-message-type.json': { 'events[0].message': 'UnknownMessageContent' },
}

const names = modernFixtureNames()

/** The `events` of a fixture as it came. */
function rawEvents(json: unknown): readonly unknown[] {
  assert(isRecord(json), 'a webhook body is an object')
  const events = json['events']
  assert(Array.isArray(events), 'a webhook body has an events array')
  return events
}

/** A fixture and its strict decoding, from one read: identity is checked against it. */
function decodeFixture(name: string): {
  readonly json: unknown
  readonly decoded: CallbackRequest
} {
  const { json } = modernFixture(name)
  const result = decodeCallbackRequest(json)
  assert(result._tag === 'Right', `${name} decodes`)
  return { json, decoded: result.right }
}

it('reads a corpus that has the files this test names', () => {
  expect(names.length).toBeGreaterThanOrEqual(36)
  for (const name of Object.keys(deliberateFallbacks)) expect(names).toContain(name)
})

describe.each(names)('%s', (name) => {
  it('decodes in strict mode, and with onInvalidEvent: fail', () => {
    const { json } = modernFixture(name)
    expect(decodeCallbackRequest(json)._tag).toBe('Right')
    expect(decodeCallbackRequest(json, { onInvalidEvent: 'fail' })._tag).toBe('Right')
  })

  it('types every event and nested union, except the deliberate fallbacks', () => {
    expect(fallbacksIn(decodeFixture(name).decoded)).toStrictEqual(deliberateFallbacks[name] ?? {})
  })

  it('types each event as the member its `type` names', () => {
    const { json, decoded } = decodeFixture(name)
    const raws = rawEvents(json)
    const { events } = decoded
    expect(events).toHaveLength(raws.length)
    for (const [index, event] of events.entries()) {
      const raw = raws[index]
      assert(isRecord(raw))
      if (event.type === undefined) {
        expect(event._tag, `events[${index}]`).toBe('UnknownEvent')
        continue
      }
      expect(event.type).toBe(raw['type'])
      expect(Event.members[event.type].is(event), `events[${index}] is a ${event.type}`).toBe(true)
    }
  })

  it('returns the very objects it was given wherever no fallback was made', () => {
    const { json, decoded } = decodeFixture(name)
    const raws = rawEvents(json)
    const fallbacks = Object.keys(deliberateFallbacks[name] ?? {})
    if (fallbacks.length === 0) {
      expect(decoded).toBe(json)
      return
    }
    for (const [index, event] of decoded.events.entries()) {
      const made = fallbacks.some((path) => path.startsWith(`events[${index}]`))
      if (!made) expect(event, `events[${index}]`).toBe(raws[index])
      else if (event.type === undefined && event._tag === 'UnknownEvent') {
        expect(event.raw).toBe(raws[index])
      } else expect(event).not.toBe(raws[index])
    }
  })

  it('encodes back to the JSON it came from', () => {
    const { json, decoded } = decodeFixture(name)
    expect(CallbackRequest.encode(decoded)).toStrictEqual(json)
  })
})

describe('the corpus as a whole', () => {
  const events = names.flatMap((name) => decodeFixture(name).decoded.events)

  /** The `type`s of the typed values `pick` finds in every event. */
  function typesOf(
    pick: (event: Event) => readonly { readonly type?: string | undefined }[],
  ): string[] {
    const types = events.flatMap((event) =>
      event.type === undefined && event._tag === 'InvalidEvent'
        ? []
        : pick(event).map(({ type }) => type),
    )
    return [...new Set(types.filter((type) => type !== undefined))].sort()
  }

  it('covers every event type, decoded as its typed member', () => {
    expect(typesOf((event) => [event])).toStrictEqual(Object.keys(Event.members).sort())
  })

  it('covers every message, source, mentionee and module type, each typed', () => {
    const messages = typesOf((event) =>
      event.type === 'message' || event.type === 'messageEdited' ? [event.message] : [],
    )
    expect(messages).toStrictEqual(Object.keys(MessageContent.members).sort())
    expect(
      typesOf((event) => (event.type === undefined ? [] : [event.source ?? {}])),
    ).toStrictEqual(Object.keys(Source.members).sort())
    const mentionees = typesOf((event) =>
      event.type === 'message' && event.message.type === 'text'
        ? (event.message.mention?.mentionees ?? [])
        : [],
    )
    expect(mentionees).toStrictEqual(Object.keys(Mentionee.members).sort())
    expect(typesOf((event) => (event.type === 'module' ? [event.module] : []))).toStrictEqual(
      Object.keys(ModuleContent.members).sort(),
    )
    const memberships = typesOf((event) => (event.type === 'membership' ? [event.membership] : []))
    // The corpus has no left or renewed membership: LINE's SDKs test only joined.
    expect(memberships).toStrictEqual(['joined'])
  })
})

describe('python-sdk-webhook.json, field by field', () => {
  const { json, decoded } = decodeFixture('python-sdk-webhook.json')
  const raws = rawEvents(json)
  const { destination, events } = decoded

  it('accepts a destination that is not a user ID pattern', () => {
    expect(destination).toBe('U123')
    expect(events).toHaveLength(28)
  })

  it('keeps the postback params of each picker', () => {
    const params = events.map((event) =>
      event.type === 'postback' ? event.postback.params : undefined,
    )
    expect(params.filter((param) => param !== undefined)).toStrictEqual([
      { datetime: '2017-12-25T01:00' },
      { date: '2013-04-01' },
      { time: '10:00' },
      { datetime: '2013-04-01T10:00' },
    ])
  })

  it('types the image set and the external content provider', () => {
    const withSet = events[24]
    assert(withSet?.type === 'message' && withSet.message.type === 'image')
    expect(withSet.message.imageSet).toStrictEqual({
      id: 'E005D41A7288F41B655',
      index: 2,
      total: 2,
    })
    expect(withSet.message.contentProvider).toStrictEqual({ type: 'line' })

    const external = events[1]
    assert(external?.type === 'message' && external.message.type === 'image')
    expect(external.source).toStrictEqual({
      type: 'room',
      roomId: 'Ra8dbf4673c4c812cd491258042226c99',
    })
    expect(external.message.contentProvider).toStrictEqual({
      type: 'external',
      originalContentUrl: 'https://example.com',
      previewImageUrl: 'https://example.com',
    })
    const video = events[2]
    assert(video?.type === 'message' && video.message.type === 'video')
    expect(video.message.duration).toBe(60000)
    expect(video.message.contentProvider.originalContentUrl).toBe('https://example.com')
  })

  it('keeps the quoteToken the spec does not list on the audio message', () => {
    const audio = events[3]
    assert(audio?.type === 'message' && audio.message.type === 'audio')
    expect(audio.message).toHaveProperty('quoteToken', 'quoteToken')
    expect(audio.message.contentProvider).toStrictEqual({
      type: 'external',
      originalContentUrl: 'https://example.com',
    })
  })

  it('types the sticker with its keywords and text', () => {
    const sticker = events[5]
    assert(sticker?.type === 'message' && sticker.message.type === 'sticker')
    expect(sticker.message.stickerResourceType).toBe('STATIC')
    expect(sticker.message.keywords).toStrictEqual(['Love You', 'Love'])
    expect(sticker.message.text).toBe('Just sticker')
  })

  it('tells a redelivered event', () => {
    const redelivered = events.map((event) =>
      event.type === undefined ? undefined : event.deliveryContext.isRedelivery,
    )
    expect(redelivered.flatMap((flag, index) => (flag === true ? [index] : []))).toStrictEqual([25])
  })

  it('types the beacon, account link, members, file, unsend, video and edit events', () => {
    const [beacon, beaconWithDm, link] = [events[11], events[12], events[13]]
    assert(beacon?.type === 'beacon' && beaconWithDm?.type === 'beacon')
    expect(beacon.beacon).toStrictEqual({ hwid: 'd41d8cd98f', type: 'enter' })
    expect(beaconWithDm.beacon.dm).toBe('1234567890abcdef')
    assert(link?.type === 'accountLink')
    expect(link.link).toStrictEqual({ result: 'ok', nonce: 'Vb771wDYtXuammLszK6h9A' })

    const [joined, left, file, unsend, played] = events.slice(19, 24)
    assert(joined?.type === 'memberJoined' && left?.type === 'memberLeft')
    expect(joined.joined.members.map((member) => member.userId)).toStrictEqual([
      'U4af4980629...',
      'U91eeaf62d9...',
    ])
    expect(left.left.members).toHaveLength(2)
    assert(file?.type === 'message' && file.message.type === 'file')
    expect([file.message.fileName, file.message.fileSize]).toStrictEqual(['file.txt', 2138])
    assert(unsend?.type === 'unsend' && unsend.source?.type === 'group')
    expect([unsend.unsend.messageId, unsend.source.userId]).toStrictEqual([
      '325708',
      'U206d25c2ea6bd87c17655609a1c37cb8',
    ])
    assert(played?.type === 'videoPlayComplete')
    expect(played.videoPlayComplete.trackingId).toBe('track_id')
    const lastEdit = events[26]
    assert(lastEdit?.type === 'messageEdited' && lastEdit.message.type === 'text')
    expect(lastEdit.message.text).toBe('Hello, edited world')
  })

  it('keeps the unknown event whole, its extra field included', () => {
    const unknown = events[27]
    assert(unknown !== undefined && unknown.type === undefined)
    assert(unknown._tag === 'UnknownEvent')
    expect(unknown.raw).toBe(raws[27])
    expect(unknown.raw.type).toBe('undefined')
    expect(unknown.raw['undefinedField']).toStrictEqual({ '1': 1 })
  })
})

describe('ruby SDK cases, field by field', () => {
  function only(name: string): CallbackRequest['events'][number] {
    const { events } = decodeFixture(name).decoded
    expect(events).toHaveLength(1)
    const [event] = events
    assert(event !== undefined)
    return event
  }

  it('accepts placeholder destinations and an empty events list', () => {
    const verify = decodeFixture('ruby-sdk-02-with-empty-event-for-webhook-test.json').decoded
    expect(verify).toStrictEqual({ destination: 'xxxxxxxxxx', events: [] })
  })

  it('types a full text message: emojis, mention of all and of a user with isSelf', () => {
    const event = only('ruby-sdk-03-with-a-full-text-messageevent.json')
    assert(event.type === 'message' && event.message.type === 'text')
    expect(event.source).toStrictEqual({
      type: 'group',
      groupId: 'Ca56f94637c...',
      userId: 'U4af4980629...',
    })
    const { text, quoteToken, emojis, mention } = event.message
    expect([text, quoteToken]).toStrictEqual([
      '@All @example Good Morning!! (love)',
      'q3Plxr4AgKd...',
    ])
    expect(emojis).toStrictEqual([
      { index: 29, length: 6, productId: '5ac1bfd5040ab15980c9b435', emojiId: '001' },
    ])
    const [all, user] = mention?.mentionees ?? []
    assert(all?.type === 'all' && user?.type === 'user')
    expect([all.index, all.length]).toStrictEqual([0, 4])
    expect([user.index, user.length, user.userId, user.isSelf]).toStrictEqual([
      5,
      8,
      'U49585cd0d5...',
      false,
    ])
  })

  it('types a minimum text message: no emojis, no mention', () => {
    const event = only('ruby-sdk-04-with-a-minimum-text-messageevent.json')
    assert(event.type === 'message' && event.message.type === 'text')
    expect(event.message.text).toBe(' Hi ')
    expect(event.message.emojis).toBeUndefined()
    expect(event.message.mention).toBeUndefined()
  })

  it('types stickers: animation keywords, message sticker text', () => {
    const animation = only('ruby-sdk-10-with-an-animation-sticker-messageevent.json')
    assert(animation.type === 'message' && animation.message.type === 'sticker')
    expect(animation.message.stickerResourceType).toBe('ANIMATION')
    expect(animation.message.keywords).toHaveLength(14)
    expect(animation.message.text).toBeUndefined()

    const message = only('ruby-sdk-11-with-a-sticker-messageevent.json')
    assert(message.type === 'message' && message.message.type === 'sticker')
    expect(message.message.stickerResourceType).toBe('MESSAGE')
    expect(message.message.text).toBe('今週末\\n一緒に\\n遊ぼうよ！')
  })

  it('types the rich menu postback, module, activation, delivery and membership events', () => {
    const richMenu = only('ruby-sdk-21-with-a-rich-menu-selected-postbackevent.json')
    assert(richMenu.type === 'postback')
    expect(richMenu.postback).toStrictEqual({
      data: 'richmenu-changed-to-b',
      params: { newRichMenuAliasId: 'richmenu-alias-b', status: 'SUCCESS' },
    })

    const attached = only('ruby-sdk-25-with-a-attached-moduleevent.json')
    assert(attached.type === 'module' && attached.module.type === 'attached')
    expect(attached.module.scopes).toStrictEqual(['message:send', 'message:receive'])
    expect(attached.source).toBeUndefined()
    const detached = only('ruby-sdk-26-with-a-detached-moduleevent.json')
    assert(detached.type === 'module' && detached.module.type === 'detached')
    expect(detached.module.reason).toBe('bot_deleted')

    const activated = only('ruby-sdk-27-with-a-activatedevent.json')
    assert(activated.type === 'activated')
    expect(activated.chatControl.expireAt).toBe(1653994422933)

    const delivery = only(
      'ruby-sdk-32-with-a-pnpdeliverycompletionevent-with-x-line-delivery-tag.json',
    )
    assert(delivery.type === 'delivery')
    expect(delivery.delivery.data).toMatch(/menu01$/)

    const membership = only('ruby-sdk-34-with-a-membershioevent.json')
    assert(membership.type === 'membership' && membership.membership.type === 'joined')
    expect(membership.membership.membershipId).toBe(3189)
    expect(membership.replyToken).toBe('nHuyWiB7yP5Zw52FIkcQobQuGDXCTA')

    const edited = only('ruby-sdk-33-with-a-messageeditedevent.json')
    assert(edited.type === 'messageEdited' && edited.message.type === 'text')
    expect(edited.message.text).toBe('Hello, world! (edited)')
  })

  it('keeps an unknown event whole', () => {
    const { json } = modernFixture('ruby-sdk-00-with-a-unknown-event.json')
    const result = decodeCallbackRequest(json)
    assert(result._tag === 'Right')
    const [event] = result.right.events
    assert(event !== undefined && event.type === undefined)
    assert(event._tag === 'UnknownEvent')
    expect(event.raw).toBe(rawEvents(json)[0])
    expect(event.raw['foo']).toStrictEqual({ bar: 'baz' })
  })

  it('keeps a message event typed around a message of an unknown type', () => {
    const { json } = modernFixture('ruby-sdk-01-with-an-unknown-message-type.json')
    const raw = rawEvents(json)[0]
    assert(isRecord(raw))
    const result = decodeCallbackRequest(json)
    assert(result._tag === 'Right')
    const [event] = result.right.events
    assert(event?.type === 'message')
    expect(event.replyToken).toBe('nHuyWiB7yP5Zw52FIkcQobQuGDXCTA')
    expect(event.source).toBe(raw['source'])
    const { message } = event
    assert(message.type === undefined)
    expect(message._tag).toBe('UnknownMessageContent')
    expect(message.raw).toBe(raw['message'])
    expect(message.raw['text']).toBe('Test Message')
  })
})
