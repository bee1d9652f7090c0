import type { Either } from 'fp-ts/lib/Either.js'
import { left } from './internal/either.js'
import type { Issue } from './issue.js'

/**
 * The request's signature did not verify, and `reason` says how: the `x-line-signature` header
 * is `'missing'` (absent or empty), `'malformed'` (not the padded standard base64 of 32 bytes
 * that LINE sends), or a well-formed `'mismatch'` (no channel secret given verifies the body).
 * None of them carries the header's value or anything of the secret.
 *
 * @example
 * ```ts
 * import { decodeWebhookRequest, formatWebhookFailure, type SignatureMismatch } from 'line-webhook'
 *
 * const result = await decodeWebhookRequest({ channelSecret: 'secret', body: '{}', signature: 'abc' })
 * const failure: SignatureMismatch | undefined = result._tag === 'Left' && result.left._tag === 'SignatureMismatch' ? result.left : undefined
 * console.log(failure?.reason) // => "malformed"
 * console.log(formatWebhookFailure({ _tag: 'SignatureMismatch', reason: 'missing' }).startsWith('signature mismatch: x-line-signature is missing')) // => true
 * ```
 *
 * @since 0.1.0
 * @category Failures
 */
export interface SignatureMismatch {
  readonly _tag: 'SignatureMismatch'
  /**
   * How the signature failed: `'missing'`, the header is absent or empty (a proxy or framework
   * may have dropped it); `'malformed'`, it is not canonical padded base64 of 32 bytes (it was
   * changed on the way, or did not come from LINE); `'mismatch'`, it is well formed but no
   * channel secret given verifies the body (a wrong secret, or a body that is not the raw bytes).
   *
   * @since 0.2.0
   */
  readonly reason: 'missing' | 'malformed' | 'mismatch'
}

/**
 * The body is not JSON: not UTF-8 (`reason: 'encoding'`) or not JSON syntax (`'syntax'`).
 *
 * @example
 * ```ts
 * import { formatWebhookFailure, type MalformedJson } from 'line-webhook'
 *
 * const failure: MalformedJson = { _tag: 'MalformedJson', reason: 'syntax' }
 * console.log(formatWebhookFailure(failure)) // => "malformed JSON: the body is not valid JSON"
 * ```
 *
 * @since 0.1.0
 * @category Failures
 */
export interface MalformedJson {
  readonly _tag: 'MalformedJson'
  readonly reason: 'encoding' | 'syntax'
}

/**
 * The JSON is not a webhook body: the envelope is broken (not an object, `destination` not a
 * string, `events` not an array), or, with `onInvalidEvent: 'fail'`, some event is invalid.
 *
 * @example
 * ```ts
 * import { formatWebhookFailure, type InvalidPayload } from 'line-webhook'
 *
 * const failure: InvalidPayload = {
 *   _tag: 'InvalidPayload',
 *   issues: [{ path: 'events[2].message.fileSize', expected: 'integer', actual: '12' }],
 *   omittedIssues: 0,
 * }
 * console.log(formatWebhookFailure(failure, { values: true })) // => 'invalid payload:\nevents[2].message.fileSize: expected integer, got "12"'
 * ```
 *
 * @since 0.1.0
 * @category Failures
 */
export interface InvalidPayload {
  readonly _tag: 'InvalidPayload'
  /** The problems found, in body order: at least one, at most 20. */
  readonly issues: readonly Issue[]
  /**
   * How many more problems were found and left out: a failure keeps at most 20 issues (and
   * each invalid event at most 10) and past them only counts, so that a hostile body costs no
   * more than its size. `0` when none were.
   *
   * @since 0.2.0
   */
  readonly omittedIssues: number
}

/** A failed decode with these `issues` (an `IssueTally`'s, when there may be many). */
export function invalidPayload(
  issues: readonly Issue[],
  omittedIssues = 0,
): Either<InvalidPayload, never> {
  return left({ _tag: 'InvalidPayload', issues, omittedIssues })
}

/**
 * Why a webhook request was not accepted. Plain data: narrow it on `_tag`.
 *
 * @example
 * ```ts
 * import { decodeWebhookRequest, type WebhookFailure } from 'line-webhook'
 *
 * const result = await decodeWebhookRequest({ channelSecret: 'secret', body: '{}', signature: null })
 * const failure: WebhookFailure | undefined = result._tag === 'Left' ? result.left : undefined
 * console.log(failure?._tag) // => "SignatureMismatch"
 * ```
 *
 * @since 0.1.0
 * @category Failures
 */
export type WebhookFailure = SignatureMismatch | MalformedJson | InvalidPayload

/**
 * How {@link formatWebhookFailure} renders.
 *
 * @example
 * ```ts
 * import type { FormatOptions } from 'line-webhook'
 *
 * const options: FormatOptions = { values: true }
 * console.log(options.values) // => true
 * ```
 *
 * @since 0.1.0
 * @category Failures
 */
export interface FormatOptions {
  /**
   * Show the values that came, not only their kinds. They are body content (user messages,
   * IDs), so they are left out unless you ask. Default `false`.
   */
  readonly values?: boolean
}

const MAX_VALUE_LENGTH = 60

/** A path segment holding a key the sender chose: `["card 4111"]`. */
const QUOTED_KEY = /\["(?:[^"\\]|\\.)*"\]/g

/** A quoted key as shown: clipped as values are, so that every line stays short. */
const clipKey = (key: string): string =>
  key.length > MAX_VALUE_LENGTH ? `${key.slice(0, MAX_VALUE_LENGTH - 3)}…"]` : key

function kindOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  switch (typeof value) {
    case 'object':
      return 'an object'
    case 'string':
      return value === '' ? 'an empty string' : 'a string'
    default:
      return `a ${typeof value}`
  }
}

function show(value: unknown, values: boolean): string {
  if (value === undefined) return 'nothing (missing)'
  if (!values) return kindOf(value)
  let text: unknown
  try {
    text = JSON.stringify(value) // not a string for functions and symbols
  } catch {
    return kindOf(value) // a BigInt, or a cycle
  }
  if (typeof text !== 'string') return kindOf(value)
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text
}

/** One line per reason, with what to check; never the header's value or the secret. */
const SIGNATURE_MISMATCH: Readonly<Record<SignatureMismatch['reason'], string>> = {
  missing:
    'signature mismatch: x-line-signature is missing or empty; LINE signs every request, so a proxy, load balancer or framework in front of this service may have dropped the header, or the request did not come from LINE',
  malformed:
    'signature mismatch: x-line-signature is malformed, not the padded base64 of a 32-byte HMAC-SHA256 that LINE sends; something on the way may have changed the header, or the request did not come from LINE',
  mismatch:
    'signature mismatch: x-line-signature is well formed but matches the body under no channel secret given; check the channel secret (and, while rotating, that the current one is in the list), and that the body is the raw bytes LINE sent, not JSON parsed and serialised again',
}

/**
 * Renders a failure for people: a headline, then one line per problem with its path, what was
 * expected and what came (`events[2].message.fileSize: expected integer, got a string`). It never
 * contains the channel secret; it shows body values, and keys the sender chose (postback
 * `params`), only with `{ values: true }`.
 *
 * @example
 * ```ts
 * import { decodeCallbackRequest, formatWebhookFailure } from 'line-webhook'
 *
 * const result = decodeCallbackRequest({ events: 'none' })
 * if (result._tag === 'Left') {
 *   console.log(formatWebhookFailure(result.left)) // => "invalid payload:\ndestination: expected string, got nothing (missing)\nevents: expected Array<Event>, got a string"
 *   console.log(formatWebhookFailure(result.left, { values: true }).endsWith('got "none"')) // => true
 * }
 * ```
 *
 * @since 0.1.0
 * @category Failures
 */
export function formatWebhookFailure(failure: WebhookFailure, options?: FormatOptions): string {
  switch (failure._tag) {
    case 'SignatureMismatch':
      return SIGNATURE_MISMATCH[failure.reason]
    case 'MalformedJson':
      return failure.reason === 'encoding'
        ? 'malformed JSON: the body is not valid UTF-8'
        : 'malformed JSON: the body is not valid JSON'
    case 'InvalidPayload': {
      const values = options?.values ?? false
      const lines = failure.issues.map(({ path, expected, actual }) => {
        // Quoted keys are the sender's (postback params): body content too.
        const where = values ? path.replace(QUOTED_KEY, clipKey) : path.replace(QUOTED_KEY, '[…]')
        return `${where === '' ? '(body)' : where}: expected ${expected}, got ${show(actual, values)}`
      })
      const omitted = failure.omittedIssues
      if (omitted > 0) lines.push(`… and ${omitted} more ${omitted === 1 ? 'issue' : 'issues'}`)
      return ['invalid payload:', ...lines].join('\n')
    }
  }
}

/** Marks WebhookErrors from any copy of this package: `instanceof` fails across copies. */
const WEBHOOK_ERROR = /*#__PURE__*/ Symbol.for('line-webhook.WebhookError')

/**
 * The one error `parseWebhookRequest` rejects with, carrying the {@link WebhookFailure}. Its
 * message never contains the channel secret or body values.
 *
 * @example
 * ```ts
 * import { WebhookError } from 'line-webhook'
 *
 * const error = new WebhookError({ _tag: 'MalformedJson', reason: 'syntax' })
 * console.log([error.name, error.failure._tag]) // => ["WebhookError", "MalformedJson"]
 * ```
 *
 * @since 0.1.0
 * @category Failures
 */
export class WebhookError extends Error {
  override readonly name = 'WebhookError'
  /** Why the request was not accepted. Not enumerable: its issues hold body values. */
  declare readonly failure: WebhookFailure

  constructor(failure: WebhookFailure) {
    super(`line-webhook: ${formatWebhookFailure(failure)}`)
    // Log serialisers copy enumerable properties; the failure's issues hold body values.
    Object.defineProperty(this, 'failure', { value: failure })
    // Set here, not as a class field: a computed field key keeps this class in every bundle.
    Object.defineProperty(this, WEBHOOK_ERROR, { value: true })
  }
}

/**
 * Whether `value` is a {@link WebhookError}, even one from another copy of this package (where
 * `instanceof` would say no).
 *
 * @example
 * ```ts
 * import { isWebhookError, parseWebhookRequest } from 'line-webhook'
 *
 * try {
 *   await parseWebhookRequest({ channelSecret: 'secret', body: '{}', signature: 'forged' })
 * } catch (error) {
 *   console.log(isWebhookError(error) && error.failure._tag) // => "SignatureMismatch"
 * }
 * ```
 *
 * @since 0.1.0
 * @category Failures
 */
export function isWebhookError(value: unknown): value is WebhookError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { readonly [WEBHOOK_ERROR]?: unknown })[WEBHOOK_ERROR] === true
  )
}
