import { describe, expect, it, vi } from 'vitest'
import { decodeCallbackRequest } from '../../src/decode.js'
import { Event } from '../../src/codecs/event.js'
import { MessageContent } from '../../src/codecs/message-content.js'
import {
  createTestEvent,
  type TestEventOverrides,
  type TestEventType,
} from '../../src/testing/index.js'

const EVENT_TYPES = Object.keys(Event.members) as TestEventType[]
const MESSAGE_TYPES = Object.keys(MessageContent.members)

/** Decodes `event` alone in the strict profile, as part of a body: every InvalidEvent fails. */
function decodeStrict(event: unknown) {
  return decodeCallbackRequest(
    { destination: 'U0123456789abcdef0123456789abcdef', events: [event] },
    { onInvalidEvent: 'fail' },
  )
}

describe('createTestEvent', () => {
  it('covers the 20 event types', () => {
    expect(EVENT_TYPES).toHaveLength(20)
  })

  it.each(EVENT_TYPES)('makes a %s event that decodes strict, as the same value', (type) => {
    const event = createTestEvent(type)
    expect(event.type).toBe(type)
    const decoded = decodeStrict(JSON.parse(JSON.stringify(event)))
    expect(decoded).toEqual({ _tag: 'Right', right: expect.anything() as unknown })
    if (decoded._tag === 'Right') expect(decoded.right.events).toEqual([event])
  })

  // The defaults are documented as what LINE sends: every value is pinned, not only the shape
  // (an emptied string or list still decodes). The time and the random IDs are fixed first; the
  // webhookEventId also counts calls, so it is replaced.
  it('gives the documented defaults, value for value', () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 11, 2), toFake: ['Date'] })
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.5)
    try {
      const names = [...EVENT_TYPES, ...MESSAGE_TYPES.map((type) => `message:${type}`)]
      const defaults = Object.fromEntries(
        names.map((name) => {
          const [eventType, type] = name.split(':') as [TestEventType, string | undefined]
          const overrides = type === undefined ? undefined : { message: { type } }
          const event = createTestEvent(eventType, overrides as TestEventOverrides<TestEventType>)
          return [name, { ...event, webhookEventId: '<fresh>' }]
        }),
      )
      expect(defaults).toMatchSnapshot()
    } finally {
      random.mockRestore()
      vi.useRealTimers()
    }
  })

  it.each(MESSAGE_TYPES)('makes a whole %s message when the override names its type', (type) => {
    const overrides = { message: { type } } as TestEventOverrides<'message'>
    for (const eventType of ['message', 'messageEdited'] as const) {
      const event = createTestEvent(eventType, overrides)
      expect(event.message.type).toBe(type)
      expect(decodeStrict(JSON.parse(JSON.stringify(event)))._tag).toBe('Right')
      expect(MessageContent.is(event.message)).toBe(true)
    }
  })

  it('merges overrides deeply, keeping the defaults beside them', () => {
    const event = createTestEvent('message', { message: { type: 'text', text: 'hi' } })
    expect(event.message).toMatchObject({ type: 'text', text: 'hi' })
    const message = event.message.type === 'text' ? event.message : undefined
    expect(message?.id).toMatch(/^[1-9]\d{17}$/)
    expect(message?.quoteToken).toMatch(/^[\w-]{43}$/)

    const redelivered = createTestEvent('follow', {
      deliveryContext: { isRedelivery: true },
      source: { userId: 'U00000000000000000000000000000000' },
    })
    expect(redelivered.deliveryContext.isRedelivery).toBe(true)
    expect(redelivered.source).toEqual({
      type: 'user',
      userId: 'U00000000000000000000000000000000',
    })
    expect(redelivered.follow).toEqual({ isUnblocked: false })
  })

  it('starts from the default of another source, membership or module type', () => {
    const room = createTestEvent('join', { source: { type: 'room' } })
    expect(room.source).toEqual({
      type: 'room',
      roomId: expect.stringMatching(/^R[\da-f]{32}$/) as unknown,
      userId: expect.stringMatching(/^U[\da-f]{32}$/) as unknown,
    })
    const left = createTestEvent('membership', { membership: { type: 'left' } })
    expect(left.membership).toEqual({ type: 'left', membershipId: 3189 })
    const renewed = createTestEvent('membership', { membership: { type: 'renewed' } })
    expect(renewed.membership).toEqual({ type: 'renewed', membershipId: 3189 })
    const detached = createTestEvent('module', { module: { type: 'detached' } })
    expect(detached.module).toMatchObject({ type: 'detached', reason: 'bot_deleted' })
    for (const event of [room, left, renewed, detached]) expect(Event.is(event)).toBe(true)
  })

  it('replaces arrays whole and removes an optional property set to undefined', () => {
    const event = createTestEvent('memberJoined', {
      joined: {
        members: [
          { type: 'user', userId: 'U1' },
          { type: 'user', userId: 'U2' },
        ],
      },
    })
    expect(event.joined.members.map((member) => member.userId)).toEqual(['U1', 'U2'])
    const sourceless = createTestEvent('unfollow', { source: undefined })
    expect('source' in sourceless).toBe(false)
    expect(Event.is(sourceless)).toBe(true)
  })

  it('gives each event a fresh ULID-like webhookEventId, even within one millisecond', () => {
    const ids = Array.from({ length: 1000 }, () => createTestEvent('unfollow').webhookEventId)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
  })

  it('stamps the time now', () => {
    const before = Date.now()
    const { timestamp } = createTestEvent('unfollow')
    expect(timestamp).toBeGreaterThanOrEqual(before)
    expect(timestamp).toBeLessThanOrEqual(Date.now())
  })

  it('rejects overrides that break the schema, naming the path', () => {
    const overrides = {
      message: { type: 'file', fileSize: '12' },
    } as unknown as TestEventOverrides<'message'>
    expect(() => createTestEvent('message', overrides)).toThrow(
      new TypeError(
        "line-webhook/testing: createTestEvent('message', overrides) makes an event LINE's schema does not allow: message.fileSize: expected integer.",
      ),
    )
  })

  it('rejects a nested type this version does not know, and an unknown event type', () => {
    const overrides = { message: { type: 'hologram' } } as unknown as TestEventOverrides<'message'>
    expect(() => createTestEvent('message', overrides)).toThrow(
      /sets a type this version does not know/,
    )
    expect(() => createTestEvent('hologram' as TestEventType)).toThrow(
      /^line-webhook\/testing: createTestEvent has no event type "hologram"; give one of message, /,
    )
    expect(() => createTestEvent('toString' as TestEventType)).toThrow(TypeError)
  })

  it('keeps __proto__ in overrides an ordinary key', () => {
    const overrides = JSON.parse(
      '{"postback":{"__proto__":{"polluted":true},"data":"x"}}',
    ) as TestEventOverrides<'postback'>
    const event = createTestEvent('postback', overrides)
    expect(event.postback.data).toBe('x')
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(Object.getPrototypeOf(event.postback)).toBe(Object.prototype)
  })
})
