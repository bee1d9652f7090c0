import type { Either } from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { lenientCallbackRequest, type LenientCallbackRequest } from '../codecs/lenient.js'
import { invalidPayload, type InvalidPayload } from '../errors.js'
import { right } from '../internal/either.js'
import { isRecord } from '../internal/record.js'
import { issuesOf, IssueTally } from '../issue.js'
import { adaptLegacyResult } from './adapt-legacy-result.js'
import { legacyIssue } from './legacy-issues.js'
import { legacyResult } from './legacy-result.js'
import { rememberLegacyResult } from './legacy-result-of.js'

/** The bot's MID, `to[0]` of the results, when they all agree on one. */
function destinationOf(results: readonly unknown[]): string | undefined {
  let destination: string | undefined
  for (const result of results) {
    const to = isRecord(result) ? result['to'] : undefined
    const first: unknown = Array.isArray(to) ? to[0] : undefined
    if (typeof first !== 'string') continue
    if (destination !== undefined && first !== destination) return undefined
    destination = first
  }
  return destination
}

/**
 * Decodes an already-parsed body of the 2016 LINE BOT API trial format (`{"result": [...]}`)
 * into today's events, typed with the lenient profile, so one handler serves both formats
 * (`decodeCallbackRequest` takes either with `acceptLegacy: decodeLegacyCallbackRequest`). Pure and total: it never
 * throws, and fails only when the body is not an object or `result` is not an array.
 *
 * Each result becomes one event, in order: a message (`contentType` 1 text, 2 image, 3 video,
 * 4 audio with `AUDLEN` as `duration`, 7 location, 8 sticker from `STKPKGID`/`STKID`, its
 * `STKVER` and `STKTXT` kept) or a `follow` (`opType` 4) or `unfollow` (`opType` 8) event.
 * `timestamp` is `content.createdTime` (else the result's `createdTime`), `source` the user in
 * `content.from` (`params[0]` for operations), `webhookEventId` the result's `id`, `mode`
 * "active", and `destination` the results' `to[0]` when they agree (else absent). Nothing the
 * format lacks is invented: no reply or quote tokens, no `deliveryContext`.
 *
 * What today's events cannot say falls back, kept whole: a contact (`contentType` 10) is an
 * `UnknownMessageContent` whose `raw` is a {@link LegacyContactMessageContent}; another
 * `contentType` n an `UnknownMessageContent` of type `legacy:contentType:n` with the whole
 * content; another `opType` n or `eventType` s an `UnknownEvent` of type `legacy:opType:n` or
 * `legacy:eventType:s` with the whole result. A malformed result becomes an `InvalidEvent`
 * (whose issues name fields of the adapted event in its `raw`), or with
 * `onInvalidEvent: 'fail'` fails the body, naming the legacy fields
 * (`result[5].content.contentMetadata.STKID`). {@link legacyResultOf} gives back each event's
 * result.
 *
 * @example
 * ```ts
 * import { decodeLegacyCallbackRequest } from 'line-webhook/legacy'
 *
 * const body: unknown = JSON.parse(`{"result":[{
 *   "from":"u206d25c2ea6bd87c17655609a1c37cb8","fromChannel":1341301815,
 *   "to":["u0cc15697597f61dd8b01cea8b027050e"],"toChannel":1441301333,
 *   "eventType":"138311609000106303","id":"ABCDEF-12345678901",
 *   "content":{"id":"325708","createdTime":1332394961610,"from":"uff2aec188e58752ee1fb0f9507c6529a",
 *     "to":["u0cc15697597f61dd8b01cea8b027050e"],"toType":1,"contentType":1,"text":"hello"}}]}`)
 * const result = decodeLegacyCallbackRequest(body)
 * console.log(result._tag === 'Right' && result.right.destination) // => "u0cc15697597f61dd8b01cea8b027050e"
 * console.log(result._tag === 'Right' && result.right.events) // => [{ type: "message", mode: "active", timestamp: 1332394961610, source: { type: "user", userId: "uff2aec188e58752ee1fb0f9507c6529a" }, webhookEventId: "ABCDEF-12345678901", message: { type: "text", id: "325708", text: "hello" } }]
 *
 * const sticker = { eventType: '138311609000106303', content: { id: '1', contentType: 8, contentMetadata: { STKPKGID: '1' } } }
 * const failed = decodeLegacyCallbackRequest({ result: [sticker] }, { onInvalidEvent: 'fail' })
 * console.log(failed._tag === 'Left' && failed.left.issues) // => [{ path: "result[0].content.contentMetadata.STKID", expected: "string", actual: undefined }]
 * console.log(decodeLegacyCallbackRequest({ result: {} })._tag) // => "Left"
 * ```
 *
 * @since 0.1.0
 * @category The 2016 BOT API trial format
 */
export function decodeLegacyCallbackRequest(
  value: unknown,
  options?: { readonly onInvalidEvent?: 'keep' | 'fail' },
): Either<InvalidPayload, LenientCallbackRequest> {
  if (!isRecord(value)) {
    return invalidPayload([{ path: '', expected: 'LegacyCallbackRequest', actual: value }])
  }
  const results: unknown = value['result']
  if (!Array.isArray(results)) {
    return invalidPayload([{ path: 'result', expected: 'Array<LegacyResult>', actual: results }])
  }
  // Array.from visits holes, which map would skip.
  const adapted = Array.from(results as readonly unknown[], (result) => adaptLegacyResult(result))
  const events = adapted.map(({ event }) => event)
  const destination = destinationOf(results)
  const body = destination === undefined ? { events } : { destination, events }
  const context: t.Context = [{ key: '', type: lenientCallbackRequest, actual: body }]
  const decoded = lenientCallbackRequest.validate(body, context)
  // Unreachable: `events` is an array and `destination` a string, all the envelope asks.
  /* v8 ignore if */
  if (decoded._tag === 'Left') return invalidPayload(issuesOf(decoded.left))

  const fail = options?.onInvalidEvent === 'fail'
  const tally = new IssueTally()
  decoded.right.events.forEach((entry, index) => {
    const result: unknown = results[index]
    if (legacyResult.is(result)) rememberLegacyResult(entry, result)
    if (fail && entry.type === undefined && entry._tag === 'InvalidEvent') {
      // adapted has an entry per result, as events has: `?? []` only satisfies the compiler.
      /* v8 ignore next */
      const origins = adapted[index]?.origins ?? []
      // Fields read from one legacy field (latitude and longitude from a missing `location`)
      // fail at one place, which is said once.
      const seen = new Set<string>()
      for (const issue of entry.issues) {
        const translated = legacyIssue(issue, index, result, origins)
        const key = `${translated.path}\0${translated.expected}`
        if (!seen.has(key)) tally.add(translated)
        seen.add(key)
      }
      tally.omitted += entry.omittedIssues
    }
  })
  return tally.issues.length > 0
    ? invalidPayload(tally.issues, tally.omitted)
    : right(decoded.right)
}
