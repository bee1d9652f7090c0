/**
 * Properties of the adapter over generated 2016 bodies: well-formed results, every value the
 * format writes loosely (numerals for channel ids, nulls), unknown types, and junk in every
 * place. The arbitraries are written from the format as LINE's wiki and the 2016 Go SDK show it,
 * not from the adapter. On a failure fast-check prints the `seed` and `path` to replay.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LenientCallbackRequest, decodeCallbackRequest } from '../../src/index.js'
import {
  LegacyResult,
  decodeLegacyCallbackRequest,
  legacyResultOf,
} from '../../src/legacy/index.js'

const MESSAGE = '138311609000106303'
const OPERATION = '138311609100106403'

/** Anything JSON can hold, where a field has no business holding it. */
const junk: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 2 })

/** A value as the format writes it, or null (its "absent"), or junk now and then. */
function loosely<T>(value: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 24, arbitrary: value },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: junk },
  )
}

const mid = fc.stringMatching(/^u[0-9a-f]{32}$/)
const millis = fc.integer({ min: 1_300_000_000_000, max: 1_500_000_000_000 })
const numeral = (arbitrary: fc.Arbitrary<number>) => arbitrary.map(String)
const channelId = fc.oneof(fc.nat(), numeral(fc.nat()))

const location = fc.record(
  {
    title: loosely(fc.string()),
    address: loosely(fc.string()),
    latitude: loosely(
      fc.oneof(
        fc.double({ min: -90, max: 90, noNaN: true }),
        numeral(fc.integer({ min: -90, max: 90 })),
      ),
    ),
    longitude: loosely(fc.double({ min: -180, max: 180, noNaN: true })),
    phone: loosely(fc.string()),
  },
  { requiredKeys: ['latitude', 'longitude'] },
)

const contentMetadata = fc.record(
  {
    AT_RECV_MODE: fc.constant('2'),
    SKIP_BADGE_COUNT: fc.constant('true'),
    AUDLEN: loosely(numeral(fc.nat())),
    STKPKGID: loosely(numeral(fc.nat())),
    STKID: loosely(numeral(fc.nat())),
    STKVER: fc.constantFrom('1', '100'),
    STKTXT: fc.string(),
    mid: loosely(mid),
    displayName: fc.string(),
  },
  { requiredKeys: ['AUDLEN', 'STKPKGID', 'STKID', 'mid'] },
)

const messageContent = fc.record(
  {
    id: loosely(numeral(fc.nat())),
    createdTime: loosely(millis),
    from: loosely(mid),
    to: fc.array(mid, { maxLength: 2 }),
    toType: fc.constant(1),
    contentType: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(1, 2, 3, 4, 7, 8, 10) },
      { weight: 1, arbitrary: fc.integer() },
      { weight: 1, arbitrary: junk },
    ),
    text: loosely(fc.string()),
    location: loosely(location),
    contentMetadata: loosely(contentMetadata),
    deliveredTime: fc.constant(0),
    seq: fc.constant(null),
  },
  { requiredKeys: ['id', 'from', 'contentType', 'text', 'location', 'contentMetadata'] },
)

const operationContent = fc.record(
  {
    revision: fc.nat(),
    opType: fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(4, 8) },
      { weight: 1, arbitrary: fc.integer() },
      { weight: 1, arbitrary: junk },
    ),
    params: loosely(fc.array(fc.option(mid), { maxLength: 3 })),
  },
  { requiredKeys: ['opType', 'params'] },
)

/** The envelope's fields, which do not depend on the event type. */
const envelope = {
  from: mid,
  fromChannel: loosely(channelId),
  to: loosely(fc.array(mid, { maxLength: 2 })),
  toChannel: loosely(channelId),
  id: loosely(fc.string()),
  createdTime: loosely(millis),
}

/** A result: mostly a message or an operation as the format has them, sometimes anything. */
const legacyResult = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      { ...envelope, eventType: fc.constant(MESSAGE), content: messageContent },
      { requiredKeys: ['eventType', 'content'] },
    ),
  },
  {
    weight: 2,
    arbitrary: fc.record(
      { ...envelope, eventType: fc.constant(OPERATION), content: operationContent },
      { requiredKeys: ['eventType', 'content'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      {
        ...envelope,
        eventType: fc.oneof(fc.constantFrom(MESSAGE, OPERATION), fc.string(), junk),
        content: fc.oneof(messageContent, operationContent, junk),
      },
      { requiredKeys: [] },
    ),
  },
)

const legacyBody = fc.record({
  result: fc.array(
    fc.oneof({ weight: 8, arbitrary: legacyResult }, { weight: 1, arbitrary: junk }),
    {
      maxLength: 6,
    },
  ),
})

/** Values no JSON text gives (Maps, null prototypes, holes, bigints, ...) in the body's place. */
const anything = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
})

const anyBody = fc.oneof(
  legacyBody,
  anything,
  fc.record({ result: fc.array(fc.oneof(legacyResult, anything), { maxLength: 4 }) }),
  fc.record({ result: anything }),
)

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

describe('decodeLegacyCallbackRequest, over generated bodies', () => {
  it('returns a value for any body, failing only without an object with a `result` array', () => {
    fc.assert(
      fc.property(anyBody, fc.constantFrom('keep' as const, 'fail' as const), (body, mode) => {
        const result = decodeLegacyCallbackRequest(body, { onInvalidEvent: mode })
        const envelopeOk = isObject(body) && Array.isArray(body['result'])
        if (mode === 'keep') expect(result._tag).toBe(envelopeOk ? 'Right' : 'Left')
        if (result._tag === 'Left') expect(result.left.issues.length).toBeGreaterThan(0)
      }),
      { numRuns: 300 },
    )
  })

  it('returns what decodes with the lenient codec, to an equal value', () => {
    fc.assert(
      fc.property(legacyBody, (body) => {
        const result = decodeLegacyCallbackRequest(body)
        if (result._tag === 'Left') throw new Error('a body with a result array never fails')
        expect(LenientCallbackRequest.is(result.right)).toBe(true)
        const again = LenientCallbackRequest.decode(LenientCallbackRequest.encode(result.right))
        expect(again).toStrictEqual({ _tag: 'Right', right: result.right })
      }),
      { numRuns: 300 },
    )
  })

  it('gives today’s JSON, which survives JSON and decodes leniently again', () => {
    fc.assert(
      fc.property(legacyBody, (body) => {
        const result = decodeLegacyCallbackRequest(body)
        if (result._tag === 'Left') throw new Error('a body with a result array never fails')
        const text = JSON.stringify(LenientCallbackRequest.encode(result.right))
        const reread = decodeCallbackRequest(JSON.parse(text), { lenient: true })
        expect(reread._tag).toBe('Right')
      }),
      { numRuns: 200 },
    )
  })

  it('makes one entry per result, in order, each reaching its result when it is a LegacyResult', () => {
    fc.assert(
      fc.property(legacyBody, ({ result: results }) => {
        const result = decodeLegacyCallbackRequest({ result: results })
        if (result._tag === 'Left') throw new Error('a body with a result array never fails')
        const { events } = result.right
        expect(events).toHaveLength(results.length)
        events.forEach((entry, index) => {
          const original = results[index]
          expect(legacyResultOf(entry)).toBe(LegacyResult.is(original) ? original : undefined)
          if (entry.type === undefined && entry._tag === 'InvalidEvent') {
            expect(entry.index).toBe(index)
          }
        })
      }),
      { numRuns: 200 },
    )
  })

  it('invents no value the 2016 format lacks', () => {
    fc.assert(
      fc.property(legacyBody, (body) => {
        const result = decodeLegacyCallbackRequest(body)
        if (result._tag === 'Left') throw new Error('a body with a result array never fails')
        for (const event of result.right.events) {
          if (event.type === undefined) continue
          for (const key of ['replyToken', 'deliveryContext', 'follow']) {
            expect(event).not.toHaveProperty(key)
          }
          if (event.type === 'message' && event.message.type !== undefined) {
            for (const key of ['quoteToken', 'contentProvider', 'stickerResourceType']) {
              expect(event.message).not.toHaveProperty(key)
            }
          }
        }
      }),
      { numRuns: 200 },
    )
  })

  it('fails with onInvalidEvent "fail" exactly when it keeps an InvalidEvent, naming `result`', () => {
    fc.assert(
      fc.property(legacyBody, (body) => {
        const kept = decodeLegacyCallbackRequest(body)
        if (kept._tag === 'Left') throw new Error('a body with a result array never fails')
        const invalid = kept.right.events.filter(
          (entry) => entry.type === undefined && entry._tag === 'InvalidEvent',
        )
        const failed = decodeLegacyCallbackRequest(body, { onInvalidEvent: 'fail' })
        expect(failed._tag).toBe(invalid.length > 0 ? 'Left' : 'Right')
        if (failed._tag === 'Left') {
          for (const { path } of failed.left.issues) expect(path).toMatch(/^result\[\d+\]/)
        }
      }),
      { numRuns: 200 },
    )
  })

  it('leaves the body as it was', () => {
    fc.assert(
      fc.property(legacyBody, (body) => {
        // structuredClone gives null-prototype objects a prototype, which toEqual overlooks.
        const copy = structuredClone(body)
        decodeLegacyCallbackRequest(body, { onInvalidEvent: 'fail' })
        expect(body).toEqual(copy)
      }),
      { numRuns: 100 },
    )
  })
})
