/**
 * What the types promise for the 2016 format: the adapter and `acceptLegacy: decodeLegacyCallbackRequest` give the
 * lenient profile's types, everything else keeps its types, and the legacy types say what the
 * format may leave out. Checked by the compiler only (vitest typecheck); nothing here runs.
 */
import type { Either } from 'fp-ts/lib/Either.js'
import { describe, expectTypeOf, test } from 'vitest'
import {
  type LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME,
  decodeCallbackRequest,
  decodeWebhookRequest,
  parseWebhookRequest,
  type AcceptLegacyOptions,
  type CallbackRequest,
  type DecodeOptions,
  type InvalidPayload,
  type LenientCallbackRequest,
  type StrictOptions,
  type VerifySignatureParams,
  type WebhookFailure,
} from '../../src/index.js'
import {
  decodeLegacyCallbackRequest,
  legacyResultOf,
  type LegacyContactMessageContent,
  type LegacyContent,
  type LegacyLocation,
  type LegacyResult,
} from '../../src/legacy/index.js'

declare const body: unknown
declare const params: VerifySignatureParams
declare const entry: LenientCallbackRequest['events'][number]
declare const strictEntry: CallbackRequest['events'][number]

type Lenient = Either<InvalidPayload, LenientCallbackRequest>
type Strict = Either<InvalidPayload, CallbackRequest>

describe('decodeLegacyCallbackRequest', () => {
  test('returns the lenient profile’s body or an InvalidPayload', () => {
    expectTypeOf(decodeLegacyCallbackRequest(body)).toEqualTypeOf<Lenient>()
    expectTypeOf(
      decodeLegacyCallbackRequest(body, { onInvalidEvent: 'fail' }),
    ).toEqualTypeOf<Lenient>()
    // @ts-expect-error: there is no profile to choose; the result is always lenient
    decodeLegacyCallbackRequest(body, { lenient: false })
  })
})

describe('decodeCallbackRequest with acceptLegacy', () => {
  test('acceptLegacy: decodeLegacyCallbackRequest gives the lenient type, whatever else is set', () => {
    expectTypeOf(
      decodeCallbackRequest(body, { acceptLegacy: decodeLegacyCallbackRequest }),
    ).toEqualTypeOf<Lenient>()
    expectTypeOf(
      decodeCallbackRequest(body, { acceptLegacy: decodeLegacyCallbackRequest, lenient: false }),
    ).toEqualTypeOf<Lenient>()
    expectTypeOf(
      decodeCallbackRequest(body, {
        acceptLegacy: decodeLegacyCallbackRequest,
        onInvalidEvent: 'fail',
      }),
    ).toEqualTypeOf<Lenient>()
    const options: AcceptLegacyOptions = { acceptLegacy: decodeLegacyCallbackRequest }
    expectTypeOf(decodeCallbackRequest(body, options)).toEqualTypeOf<Lenient>()
  })

  test('acceptLegacy: false or absent keeps the strict type', () => {
    expectTypeOf(decodeCallbackRequest(body)).toEqualTypeOf<Strict>()
    expectTypeOf(decodeCallbackRequest(body, { acceptLegacy: false })).toEqualTypeOf<Strict>()
    expectTypeOf(decodeCallbackRequest(body, { onInvalidEvent: 'keep' })).toEqualTypeOf<Strict>()
  })

  test('options only known at run time give the type that covers both', () => {
    const options: DecodeOptions = {
      acceptLegacy: Math.random() > 0.5 && decodeLegacyCallbackRequest,
    }
    expectTypeOf(decodeCallbackRequest(body, options)).toEqualTypeOf<Lenient>()
  })

  test('StrictOptions rules acceptLegacy out', () => {
    // @ts-expect-error: a legacy body adapts to the lenient type, which is not strict
    const options: StrictOptions = { acceptLegacy: decodeLegacyCallbackRequest }
    expectTypeOf(options).toEqualTypeOf<StrictOptions>()
  })

  test('acceptLegacy takes the legacy decoder, no longer true', () => {
    // @ts-expect-error: 0.1's `true`; the decoder now comes from line-webhook/legacy
    decodeCallbackRequest(body, { acceptLegacy: true })
    // @ts-expect-error: any function will not do, only one that decodes a legacy body
    decodeCallbackRequest(body, { acceptLegacy: (value: string) => value })
  })
})

describe('decodeWebhookRequest and parseWebhookRequest with acceptLegacy', () => {
  test('give the lenient type', () => {
    expectTypeOf(
      decodeWebhookRequest(params, { acceptLegacy: decodeLegacyCallbackRequest }),
    ).toEqualTypeOf<Promise<Either<WebhookFailure, LenientCallbackRequest>>>()
    expectTypeOf(
      parseWebhookRequest(params, { acceptLegacy: decodeLegacyCallbackRequest }),
    ).toEqualTypeOf<Promise<LenientCallbackRequest>>()
    expectTypeOf(decodeWebhookRequest(params, { acceptLegacy: false })).toEqualTypeOf<
      Promise<Either<WebhookFailure, CallbackRequest>>
    >()
    expectTypeOf(parseWebhookRequest(params)).toEqualTypeOf<Promise<CallbackRequest>>()
  })
})

describe('legacyResultOf and the legacy types', () => {
  test('takes any entry of events, and may find no result', () => {
    expectTypeOf(legacyResultOf(entry)).toEqualTypeOf<LegacyResult | undefined>()
    expectTypeOf(legacyResultOf(strictEntry)).toEqualTypeOf<LegacyResult | undefined>()
    // @ts-expect-error: only objects are ever adapted events
    legacyResultOf('event')
  })

  test('say what the 2016 format may leave out, send as null, or send as a string', () => {
    expectTypeOf<LegacyResult['fromChannel']>().toEqualTypeOf<number | string | undefined>()
    expectTypeOf<LegacyResult['toChannel']>().toEqualTypeOf<number | string | undefined>()
    expectTypeOf<LegacyResult['eventType']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<LegacyResult['content']>().toEqualTypeOf<LegacyContent | undefined>()
    expectTypeOf<LegacyContent['text']>().toEqualTypeOf<string | null | undefined>()
    expectTypeOf<LegacyContent['location']>().toEqualTypeOf<LegacyLocation | null | undefined>()
    expectTypeOf<LegacyContent['contentMetadata']>().toEqualTypeOf<
      Readonly<Record<string, string>> | null | undefined
    >()
    expectTypeOf<LegacyContent['params']>().toEqualTypeOf<readonly (string | null)[] | undefined>()
    expectTypeOf<LegacyLocation['phone']>().toEqualTypeOf<string | null | undefined>()
    expectTypeOf<LegacyContactMessageContent['type']>().toEqualTypeOf<'legacy:contact'>()
  })

  test('the header name is a literal', () => {
    expectTypeOf<
      typeof LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME
    >().toEqualTypeOf<'x-line-channelsignature'>()
  })
})
