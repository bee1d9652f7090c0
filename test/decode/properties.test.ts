/**
 * Properties of decoding, checked over bodies generated from LINE's schema
 * (../support/arbitraries.ts). On a failure fast-check prints the shrunk counterexample with its
 * `seed` and `path`; pass both to `fc.assert` to replay it.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CallbackRequest,
  Event,
  decodeCallbackRequest,
  type DecodeOptions,
  type InvalidEvent,
} from '../../src/index.js'
import {
  anyEventArbitrary,
  callbackRequestArbitrary,
  corruptionArbitrary,
  EVENT_TYPES,
  destinationArbitrary,
  eventOfTypeArbitrary,
  isJsonObject,
  jsonValueArbitrary,
  knownEventArbitrary,
  type JsonObject,
  type JsonValue,
  type Path,
} from '../support/arbitraries.js'

const everything = { extraProperties: true, unknownTypes: true } as const

/** Values no JSON text gives: Maps, Dates, boxed strings, null prototypes, holes, bigints, ... */
const anything = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
})

/** Bodies with everything a body can hold: unknown types and properties, invalid events, junk. */
const messyBody = callbackRequestArbitrary(everything, anyEventArbitrary())

function decoded(body: unknown): CallbackRequest {
  const result = decodeCallbackRequest(body)
  if (result._tag === 'Left') throw new Error(`expected Right, got ${JSON.stringify(result.left)}`)
  return result.right
}

const isInvalidEvent = (entry: CallbackRequest['events'][number]): entry is InvalidEvent =>
  entry.type === undefined && entry._tag === 'InvalidEvent'

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/**
 * A path the way issues write it (`events[2].message.fileSize`, `params["a b"]`). Identifiers
 * are ASCII only, as in src/issue.ts: `.ключ` would be as valid JavaScript, but not the same text.
 * Keys of postback `params` are the sender's, so they are always quoted (`params["A"]`).
 */
function formatPath(path: Path): string {
  return path.reduce<string>((text, segment, position) => {
    if (typeof segment === 'number') return `${text}[${segment}]`
    // The keys of postback `params` are the sender's: always quoted.
    const senderKey = path[position - 1] === 'params'
    if (senderKey || !IDENTIFIER.test(segment)) return `${text}[${JSON.stringify(segment)}]`
    return text === '' ? segment : `${text}.${segment}`
  }, '')
}

describe('decodeCallbackRequest, over generated bodies', () => {
  it('returns a valid body as the very object passed in, which CallbackRequest.is accepts', () => {
    const validBody = fc.oneof(
      callbackRequestArbitrary(),
      callbackRequestArbitrary({ extraProperties: true }),
    )
    fc.assert(
      fc.property(validBody, (body) => {
        const result = decodeCallbackRequest(body)
        expect(result).toStrictEqual({ _tag: 'Right', right: body })
        expect(result._tag === 'Right' && result.right).toBe(body)
        expect(CallbackRequest.is(body)).toBe(true)
        // io-ts's own decode skips the `is` shortcut: validating must keep the object too.
        const validated = CallbackRequest.decode(body)
        expect(validated._tag === 'Right' && validated.right).toBe(body)
      }),
      { numRuns: 500 },
    )
  })

  it('decodes what it encodes back to the same value: decode(encode(x)) equals x', () => {
    fc.assert(
      fc.property(messyBody, (body) => {
        const value = decoded(body)
        // toStrictEqual: the fallbacks and InvalidEvents must come back as the same classes.
        expect(decoded(CallbackRequest.encode(value))).toStrictEqual(value)
      }),
      { numRuns: 400 },
    )
  })

  it('loses nothing: encode(decode(body)) equals the body', () => {
    fc.assert(
      fc.property(messyBody, (body) => {
        expect(CallbackRequest.encode(decoded(body))).toStrictEqual(body)
      }),
      { numRuns: 400 },
    )
  })

  it('keeps an event broken in one place as an InvalidEvent that names the place', () => {
    // Message events twice as often: their message content is the deepest schema.
    const target = fc.oneof(
      knownEventArbitrary(everything),
      eventOfTypeArbitrary('message', everything),
    )
    const broken = target.chain((original) =>
      corruptionArbitrary(original).map((corruption) => ({ original, ...corruption })),
    )
    const scenario = fc
      .tuple(
        destinationArbitrary,
        fc.array(anyEventArbitrary(), { maxLength: 5 }),
        broken,
        fc.nat(),
      )
      .map(([destination, others, corruption, at]) => {
        const index = at % (others.length + 1)
        const around = (event: JsonValue): JsonObject => ({
          destination,
          events: [...others.slice(0, index), event, ...others.slice(index)],
        })
        return {
          index,
          corruption,
          intact: around(corruption.original),
          body: around(corruption.event),
        }
      })
    fc.assert(
      fc.property(scenario, ({ index, corruption, intact, body }) => {
        const expected = decoded(intact).events
        const { events } = decoded(body)
        expect(events).toHaveLength(expected.length)

        const entry = events[index]
        if (entry === undefined || !isInvalidEvent(entry)) {
          throw new Error(`events[${index}] should be an InvalidEvent`)
        }
        expect(entry.index).toBe(index)
        expect(entry.raw).toBe(corruption.event)
        expect(entry.issues.map((issue) => issue.path)).toStrictEqual([
          formatPath(['events', index, ...corruption.path]),
        ])
        expect(entry.issues[0]?.actual).toBe(corruption.actual)

        events.forEach((other, position) => {
          if (position === index) return
          expect(other).toStrictEqual(expected[position])
        })
      }),
      { numRuns: 500 },
    )
  })

  it('fails a body with onInvalidEvent: "fail" exactly when it kept an InvalidEvent', () => {
    fc.assert(
      fc.property(messyBody, (body) => {
        const kept = decoded(body)
        const issues = kept.events.flatMap((entry) => (isInvalidEvent(entry) ? entry.issues : []))
        const omitted = kept.events.reduce(
          (n, entry) => n + (isInvalidEvent(entry) ? entry.omittedIssues : 0),
          0,
        )
        // A failure keeps the first 20 issues and counts the rest.
        const left = {
          _tag: 'InvalidPayload',
          issues: issues.slice(0, 20),
          omittedIssues: omitted + Math.max(0, issues.length - 20),
        }
        const failed = decodeCallbackRequest(body, { onInvalidEvent: 'fail' })
        if (issues.length === 0) expect(failed).toStrictEqual({ _tag: 'Right', right: kept })
        else expect(failed).toStrictEqual({ _tag: 'Left', left })
      }),
      { numRuns: 300 },
    )
  })
})

describe('decodeCallbackRequest, over any value', () => {
  const json = fc.oneof(
    fc.jsonValue(),
    fc.record({ destination: fc.jsonValue(), events: fc.jsonValue() }),
  )
  const notJson = fc.oneof(
    anything,
    fc.record({ destination: anything, events: fc.array(anything, { maxLength: 4 }) }),
  )

  const profiles: readonly (DecodeOptions | undefined)[] = [
    undefined,
    { onInvalidEvent: 'fail' },
    { lenient: true },
    { lenient: true, onInvalidEvent: 'fail' },
  ]

  it('returns an Either and never throws; a Left names at least one issue', () => {
    fc.assert(
      fc.property(fc.oneof(json, notJson), (value) => {
        for (const options of profiles) {
          const result = decodeCallbackRequest(value, options)
          if (result._tag === 'Left') {
            expect(result.left._tag).toBe('InvalidPayload')
            expect(result.left.issues.length).toBeGreaterThan(0)
          } else {
            expect(result._tag).toBe('Right')
          }
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('keeps one entry per event, whatever JSON the events are, each in the right kind', () => {
    const body = fc.record({
      destination: fc.string(),
      events: fc.array(fc.oneof(jsonValueArbitrary, anyEventArbitrary()), { maxLength: 6 }),
    })
    fc.assert(
      fc.property(body, ({ destination, events: input }) => {
        const { events } = decoded({ destination, events: input })
        expect(events).toHaveLength(input.length)
        events.forEach((entry, index) => {
          const raw = input[index]
          const type = isJsonObject(raw) ? raw['type'] : undefined
          if (entry.type !== undefined) {
            expect(entry.type).toBe(type)
            expect(Event.encode(entry)).toStrictEqual(raw)
            return
          }
          expect(entry.raw).toBe(raw)
          if (typeof type !== 'string' || type === '') {
            // No type at all is not a newer type: it must not pass for an UnknownEvent.
            expect(entry._tag).toBe('InvalidEvent')
          } else if (!EVENT_TYPES.includes(type)) {
            expect(entry._tag).toBe('UnknownEvent')
          }
          if (isInvalidEvent(entry)) {
            expect(entry.index).toBe(index)
            expect(entry.issues.length).toBeGreaterThan(0)
          }
        })
      }),
      { numRuns: 500 },
    )
  })

  it('returns Right only with decoded events in events, even for values JSON cannot give', () => {
    const body = fc.record({
      destination: fc.string(),
      events: fc.oneof(
        fc.array(anything, { maxLength: 4 }),
        // Holes: JSON.parse never makes them, but code can. Array#every skips holes, so a guard
        // built on it passes arrays that validation would turn into InvalidEvents.
        fc.sparseArray(knownEventArbitrary(), { maxLength: 4 }),
      ),
    })
    fc.assert(
      fc.property(body, (value) => {
        const result = decodeCallbackRequest(value)
        if (result._tag === 'Left') return
        const { events } = result.right
        expect(events).toHaveLength(value.events.length)
        for (let index = 0; index < events.length; index++) {
          const entry: unknown = events[index]
          expect(entry, `events[${index}]`).toBeTypeOf('object')
          expect(entry, `events[${index}]`).not.toBeNull()
        }
      }),
      { numRuns: 300 },
    )
  })
})
