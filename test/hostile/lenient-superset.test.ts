import fc from 'fast-check'
import { assert, describe, expect, it } from 'vitest'
import { decodeCallbackRequest, type LenientCallbackRequest } from '../../src/index.js'
import {
  anyEventArbitrary,
  callbackRequestArbitrary,
  destinationArbitrary,
  type JsonValue,
} from '../support/arbitraries.js'
import { modernFixture, modernFixtureNames, seedSamples } from '../support/fixtures.js'

/*
 * Whatever the strict profile types, the lenient one types too. Lenient matches `type` whatever
 * its case, so `{"type":"TEXT","id":"1"}` became an invalid text message where strict kept an
 * UnknownMessageContent; it now falls back as strict does.
 */

type Entry = LenientCallbackRequest['events'][number]
const isInvalid = (entry: Entry | undefined): boolean =>
  entry?.type === undefined && entry?._tag === 'InvalidEvent'

/** Checks the property for `body`: strict's Right is lenient's, and so is each typed event. */
function assertSuperset(body: unknown): void {
  const strict = decodeCallbackRequest(body)
  if (strict._tag === 'Left') return
  const lenient = decodeCallbackRequest(body, { lenient: true })
  assert(lenient._tag === 'Right', 'lenient rejects a body strict accepts')
  strict.right.events.forEach((entry, index) => {
    if (!isInvalid(entry)) expect(isInvalid(lenient.right.events[index])).toBe(false)
  })
  const strictFail = decodeCallbackRequest(body, { onInvalidEvent: 'fail' })
  if (strictFail._tag === 'Right') {
    expect(decodeCallbackRequest(body, { lenient: true, onInvalidEvent: 'fail' })._tag).toBe(
      'Right',
    )
  }
}

/** `value` with every `type` string re-cased as `cases` says, in walk order. */
function recase(value: JsonValue, cases: readonly number[], at = { index: 0 }): JsonValue {
  if (Array.isArray(value)) return value.map((item) => recase(item, cases, at))
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (key !== 'type' || typeof item !== 'string')
        return [key, recase(item as JsonValue, cases, at)]
      const variant = cases[at.index++ % cases.length] ?? 0
      const cased = [item, item.toUpperCase(), item.charAt(0).toUpperCase() + item.slice(1)]
      return [key, cased[variant % cased.length] ?? item]
    }),
  )
}

const cases = fc.array(fc.nat(2), { minLength: 1, maxLength: 8 })

describe('lenient types whatever strict types', () => {
  it('keeps {"type":"TEXT","id":"1"} an UnknownMessageContent in a message event', () => {
    const event = {
      type: 'message',
      mode: 'active',
      timestamp: 1,
      webhookEventId: 'W',
      deliveryContext: { isRedelivery: false },
      source: { type: 'user', userId: 'U' },
      replyToken: 'r',
      message: { type: 'TEXT', id: '1' },
    }
    const body = { destination: 'U0', events: [event] }
    for (const options of [{}, { lenient: true }] as const) {
      const result = decodeCallbackRequest(body, { ...options, onInvalidEvent: 'fail' })
      assert(result._tag === 'Right')
      const [decoded] = result.right.events
      assert(decoded?.type === 'message' && decoded.message.type === undefined)
      expect(decoded.message.raw).toBe(event.message)
    }
    // A loosely-named type that does match is still read as the known member.
    const text = { ...event, message: { type: 'TEXT', id: '1', text: 'hi' } }
    const read = decodeCallbackRequest({ destination: 'U0', events: [text] }, { lenient: true })
    assert(read._tag === 'Right' && read.right.events[0]?.type === 'message')
    expect(read.right.events[0].message).toStrictEqual({ type: 'text', id: '1', text: 'hi' })
  })

  it('still fails an empty type, which strict fails too, when lenient cannot read it', () => {
    const body = { events: [{ type: '', message: { type: 'text' } }] }
    const result = decodeCallbackRequest(body, { lenient: true, onInvalidEvent: 'fail' })
    assert(result._tag === 'Left')
    expect(result.left.issues.map((issue) => issue.path)).toContain('events[0].message.id')
  })

  it('over generated bodies, with every type re-cased', () => {
    const body = fc.oneof(
      callbackRequestArbitrary({ unknownTypes: true }),
      fc.record({ destination: destinationArbitrary, events: fc.array(anyEventArbitrary()) }),
    )
    fc.assert(
      fc.property(body, cases, (value, variants) => {
        assertSuperset(value)
        assertSuperset(recase(value, variants))
      }),
      { numRuns: 400 },
    )
  })

  it('over the corpus, with every type re-cased', () => {
    const bodies = [
      ...modernFixtureNames().map((name) => modernFixture(name).json),
      ...['000_d39edbcc38ae43a0.txt', '001_27c6983c64b32088.txt'].flatMap((file) =>
        seedSamples(file).map((sample) => sample.json),
      ),
    ]
    expect(bodies.length).toBeGreaterThan(5)
    for (const body of bodies) {
      assertSuperset(body)
      for (const variant of [1, 2]) assertSuperset(recase(body as JsonValue, [variant]))
    }
  })
})
