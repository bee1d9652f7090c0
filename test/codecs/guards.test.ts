/**
 * The guards of ../../src/codecs/guards.ts, written out by hand for speed, against the codecs'
 * `validate`, which checks by the declared properties: `is` must accept exactly the values that
 * `validate` returns unchanged. Events broken in one place reach every guard: each is called,
 * through its union's and its parent's, on the way to the place that is broken.
 */
import fc from 'fast-check'
import type * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { CallbackRequest, Event, LenientMessageContent } from '../../src/index.js'
import {
  anyEventArbitrary,
  corruptionArbitrary,
  destinationArbitrary,
  eventOfTypeArbitrary,
  knownEventArbitrary,
  MESSAGE_TYPES,
} from '../support/arbitraries.js'

/** What `is` must say: `validate` succeeds and returns the value itself. */
function validatesUnchanged(codec: t.Mixed, value: unknown): boolean {
  const result = codec.validate(value, [{ key: '', type: codec, actual: value }])
  return result._tag === 'Right' && result.right === value
}

describe('the guards', () => {
  it('accept exactly the events that validate unchanged', () => {
    fc.assert(
      fc.property(anyEventArbitrary(), (event) => {
        expect(Event.is(event)).toBe(validatesUnchanged(Event, event))
      }),
      { numRuns: 2000 },
    )
  })

  it('reject every event broken in one place, and accept it intact', () => {
    // Known types all the way down, so that the intact event is valid. Message events as often
    // as there are message types, for their many guards.
    const known = { extraProperties: true } as const
    const target = fc.oneof(
      knownEventArbitrary(known),
      ...MESSAGE_TYPES.map(() => eventOfTypeArbitrary('message', known)),
    )
    const broken = target.chain((original) =>
      corruptionArbitrary(original).map((corruption) => ({ original, ...corruption })),
    )
    fc.assert(
      fc.property(broken, ({ original, event }) => {
        expect(Event.is(original)).toBe(true)
        expect(validatesUnchanged(Event, event)).toBe(false)
        expect(Event.is(event)).toBe(false)
      }),
      { numRuns: 2000 },
    )
  })

  it('accept a body exactly when it validates unchanged', () => {
    const body = fc.record({
      destination: fc.oneof(destinationArbitrary, fc.constant(undefined), fc.integer()),
      events: fc.array(anyEventArbitrary(), { maxLength: 4 }),
    })
    fc.assert(
      fc.property(body, (value) => {
        expect(CallbackRequest.is(value)).toBe(validatesUnchanged(CallbackRequest, value))
      }),
      { numRuns: 500 },
    )
  })

  it('leave the codecs derived for the lenient profile to the generic check', () => {
    const location = { type: 'location', id: '1', latitude: 35.6, longitude: 139.7 }
    const codec = LenientMessageContent.members.location
    expect(codec.is(location)).toBe(true)
    expect(codec.is({ ...location, latitude: Infinity })).toBe(false)
    // A numeral decodes to a number: valid, but not as it came.
    expect(codec.is({ ...location, latitude: '35.6' })).toBe(false)
    expect(validatesUnchanged(codec, { ...location, latitude: '35.6' })).toBe(false)
  })
})
