import type { Either } from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { callbackRequest, EventList, type CallbackRequest } from './codecs/callback-request.js'
import {
  lenientCallbackRequest,
  LenientEventList,
  type LenientCallbackRequest,
} from './codecs/lenient.js'
import { invalidPayload, type InvalidPayload } from './errors.js'
import { right } from './internal/either.js'
import { isRecord } from './internal/record.js'
import { issuesOf, IssueTally } from './issue.js'
import { isLegacyBody } from './legacy/is-legacy-body.js'

/**
 * How to decode a body.
 *
 * @example
 * ```ts
 * import { decodeCallbackRequest, type DecodeOptions } from 'line-webhook'
 *
 * const options: DecodeOptions = { onInvalidEvent: 'fail' }
 * const body = { destination: 'U0', events: [{ type: 'message' }] }
 * console.log(decodeCallbackRequest(body, options)._tag) // => "Left"
 * ```
 *
 * @since 0.1.0
 * @category Decoding
 */
export interface DecodeOptions {
  /**
   * Read the body with the lenient profile (`LenientCallbackRequest`): for vendors that forward
   * LINE events and for historical payloads. Default `false`: LINE's schema, exactly.
   */
  readonly lenient?: boolean
  /**
   * What an event of a known type that does not match its schema does: `'keep'` (the default)
   * keeps it in place as an `InvalidEvent` and decodes the others; `'fail'` fails the body with
   * an `InvalidPayload` naming every issue of every invalid event.
   */
  readonly onInvalidEvent?: 'keep' | 'fail'
  /**
   * Also take bodies of the 2016 BOT API trial format: pass `decodeLegacyCallbackRequest` from
   * `line-webhook/legacy`, and a body with `result` and no `events` is adapted by it (honouring
   * `onInvalidEvent`); any other is decoded as without it. Absent or `false` (the default):
   * nothing of the 2016 format is bundled, and such a body is an `InvalidPayload`.
   */
  readonly acceptLegacy?: LegacyDecoder | false
}

/**
 * The type of `decodeLegacyCallbackRequest` from `line-webhook/legacy`, which
 * {@link DecodeOptions}' `acceptLegacy` takes: it lives in an entry point of its own, so a service
 * that receives only today's bodies bundles none of the 2016 format.
 *
 * @example
 * ```ts
 * import { decodeCallbackRequest, type LegacyDecoder } from 'line-webhook'
 * import { decodeLegacyCallbackRequest } from 'line-webhook/legacy'
 *
 * const acceptLegacy: LegacyDecoder = decodeLegacyCallbackRequest
 * const result = decodeCallbackRequest({ result: [] }, { acceptLegacy })
 * console.log(result._tag === 'Right' && result.right) // => { events: [] }
 * ```
 *
 * @since 0.2.0
 * @category Decoding
 */
export type LegacyDecoder = (
  value: unknown,
  options?: { readonly onInvalidEvent?: 'keep' | 'fail' },
) => Either<InvalidPayload, LenientCallbackRequest>

/**
 * Options that select the lenient profile, so the result is typed `LenientCallbackRequest`.
 *
 * @example
 * ```ts
 * import { decodeCallbackRequest, type LenientOptions } from 'line-webhook'
 *
 * const options: LenientOptions = { lenient: true }
 * const result = decodeCallbackRequest({ events: [] }, options)
 * console.log(result._tag === 'Right' && result.right.destination) // => undefined
 * ```
 *
 * @since 0.1.0
 * @category Decoding
 */
export type LenientOptions = DecodeOptions & {
  /** `true`: read the body with the lenient profile, typed `LenientCallbackRequest`. */
  readonly lenient: true
}

/**
 * Options that also take 2016 BOT API trial bodies, so the result is typed
 * `LenientCallbackRequest`, the type of what `decodeLegacyCallbackRequest` returns (a strict
 * `CallbackRequest` is one too).
 *
 * @example
 * ```ts
 * import { decodeCallbackRequest, type AcceptLegacyOptions } from 'line-webhook'
 * import { decodeLegacyCallbackRequest } from 'line-webhook/legacy'
 *
 * const options: AcceptLegacyOptions = { acceptLegacy: decodeLegacyCallbackRequest }
 * const legacy = decodeCallbackRequest({ result: [] }, options)
 * console.log(legacy._tag === 'Right' && legacy.right) // => { events: [] }
 * const modern = decodeCallbackRequest({ destination: 'U0', events: [] }, options)
 * console.log(modern._tag === 'Right' && modern.right) // => { destination: "U0", events: [] }
 * ```
 *
 * @since 0.1.0
 * @category Decoding
 */
export type AcceptLegacyOptions = DecodeOptions & {
  /** `decodeLegacyCallbackRequest`: also take 2016 BOT API trial bodies, adapted by it. */
  readonly acceptLegacy: LegacyDecoder
}

/**
 * Options that keep LINE's schema exactly, so the result is typed `CallbackRequest`.
 *
 * @example
 * ```ts
 * import { decodeCallbackRequest, type StrictOptions } from 'line-webhook'
 *
 * const options: StrictOptions = { onInvalidEvent: 'keep' }
 * console.log(decodeCallbackRequest({ events: [] }, options)._tag) // => "Left"
 * ```
 *
 * @since 0.1.0
 * @category Decoding
 */
export type StrictOptions = DecodeOptions & {
  /** Absent or `false`: LINE's schema, exactly. */
  readonly lenient?: false
  /** Absent or `false`: a 2016 BOT API trial body is an `InvalidPayload`, like any other. */
  readonly acceptLegacy?: false
}

const strictProfile = { request: callbackRequest, events: EventList }
const lenientProfile = { request: lenientCallbackRequest, events: LenientEventList }

/** Adds the issues of the invalid events in `events` to `tally`. */
function tallyInvalidEvents(events: LenientCallbackRequest['events'], tally: IssueTally): void {
  for (const event of events) {
    if (event.type === undefined && event._tag === 'InvalidEvent') {
      for (const issue of event.issues) tally.add(issue)
      tally.omitted += event.omittedIssues
    }
  }
}

/** Adds the issues of the invalid events in `events`, found on their own, to `tally`. */
function tallyEventIssues(
  list: typeof EventList | typeof LenientEventList,
  events: unknown,
  context: t.Context,
  tally: IssueTally,
): void {
  const result = list.validate(events, context)
  if (result._tag === 'Right') tallyInvalidEvents(result.right, tally)
}

/**
 * Decodes an already-parsed webhook body into a {@link CallbackRequest}. Pure and synchronous;
 * it checks no signature (see `decodeWebhookRequest`).
 *
 * Only a broken envelope fails the whole body. An event of a newer type becomes an
 * `UnknownEvent`; an event that does not match its schema becomes an `InvalidEvent` in its
 * place, unless `onInvalidEvent: 'fail'`. Unknown properties are kept. Valid bodies come back
 * as the very object passed in. With `acceptLegacy: decodeLegacyCallbackRequest` (from
 * `line-webhook/legacy`), a 2016 BOT API trial body (`result` and no `events`) is adapted by it.
 *
 * Throws a `TypeError` when called wrongly: `acceptLegacy` that is neither that function nor
 * `false` (`true` was how 0.1 asked for it).
 *
 * @example
 * ```ts
 * import { decodeCallbackRequest } from 'line-webhook'
 * import { decodeLegacyCallbackRequest } from 'line-webhook/legacy'
 *
 * const body: unknown = JSON.parse('{"destination":"xxxxxxxxxx","events":[]}')
 * const result = decodeCallbackRequest(body)
 * console.log(result._tag === 'Right' && result.right.events.length) // => 0
 * console.log(decodeCallbackRequest([])._tag) // => "Left"
 *
 * const operation = { eventType: '138311609100106403', id: 'ABCDEF-12345678903', content: { opType: 8, params: ['u0f3bfc598b061eba02183bfc5280886a'] } }
 * const legacy = decodeCallbackRequest({ result: [operation] }, { acceptLegacy: decodeLegacyCallbackRequest })
 * console.log(legacy._tag === 'Right' && legacy.right.events[0]?.type) // => "unfollow"
 * ```
 *
 * @since 0.1.0
 * @category Decoding
 */
export function decodeCallbackRequest(
  value: unknown,
  options: LenientOptions | AcceptLegacyOptions,
): Either<InvalidPayload, LenientCallbackRequest>
export function decodeCallbackRequest(
  value: unknown,
  options?: StrictOptions,
): Either<InvalidPayload, CallbackRequest>
export function decodeCallbackRequest(
  value: unknown,
  options?: DecodeOptions,
): Either<InvalidPayload, LenientCallbackRequest>
export function decodeCallbackRequest(
  value: unknown,
  options?: DecodeOptions,
): Either<InvalidPayload, LenientCallbackRequest> {
  const acceptLegacy = legacyDecoder(options?.acceptLegacy)
  if (acceptLegacy !== undefined && isLegacyBody(value)) return acceptLegacy(value, options)
  const profile = options?.lenient === true ? lenientProfile : strictProfile
  // One pass: a valid body comes back as the very object (it may still hold InvalidEvents if it
  // was decoded before), and only the events that fail their guard are validated.
  const context: t.Context = [{ key: '', type: profile.request, actual: value }]
  const result = profile.request.validate(value, context)
  if (result._tag === 'Left') {
    const events = isRecord(value) ? value['events'] : undefined
    const eventsContext = [...context, { key: 'events', type: profile.events, actual: events }]
    // The envelope's issues (two at most), then its events', as a failure keeps them.
    const tally = new IssueTally()
    for (const issue of issuesOf(result.left)) tally.add(issue)
    tallyEventIssues(profile.events, events, eventsContext, tally)
    return invalidPayload(tally.issues, tally.omitted)
  }
  const decoded: LenientCallbackRequest = result.right
  if (options?.onInvalidEvent === 'fail') {
    const tally = new IssueTally()
    tallyInvalidEvents(decoded.events, tally)
    if (tally.issues.length > 0) return invalidPayload(tally.issues, tally.omitted)
  }
  return right(decoded)
}

/** The legacy decoder asked for, if any; misuse (`true`, as 0.1 took it) throws. */
export function legacyDecoder(value: unknown): LegacyDecoder | undefined {
  if (value === undefined || value === false) return undefined
  if (typeof value === 'function') return value as LegacyDecoder
  throw new TypeError(
    `line-webhook: acceptLegacy takes decodeLegacyCallbackRequest from 'line-webhook/legacy', or false; got ${value === true ? 'true' : typeof value}.`,
  )
}
