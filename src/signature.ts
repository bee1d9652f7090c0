import { hmacSha256 } from './crypto/platform.js'
import type { SignatureMismatch } from './errors.js'
import { isMacBase64 } from './internal/base64.js'
import { equalInConstantTime } from './internal/constant-time.js'
import { bytesOf, isWellFormed } from './internal/utf8.js'

/**
 * The header LINE signs each webhook request with, lower-cased as Node and `Headers` report it.
 *
 * @example
 * ```ts
 * import { LINE_SIGNATURE_HTTP_HEADER_NAME } from 'line-webhook'
 *
 * const headers = new Headers({ 'X-Line-Signature': 'abc=' })
 * console.log(headers.get(LINE_SIGNATURE_HTTP_HEADER_NAME)) // => "abc="
 * ```
 *
 * @since 0.1.0
 * @category Signature
 */
export const LINE_SIGNATURE_HTTP_HEADER_NAME = 'x-line-signature'

/**
 * The header the 2016 LINE BOT API trial signed its callbacks with (`X-LINE-ChannelSignature`),
 * lower-cased as Node and `Headers` report it. The rule is today's: base64 of HMAC-SHA256 of the
 * exact body, keyed by the channel secret, so `verifySignature` checks its value as it is.
 *
 * @example
 * ```ts
 * import { LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME, createSignature, verifySignature } from 'line-webhook'
 *
 * const channelSecret = 'testsecret'
 * const body = '{"result":[]}'
 * const headers = new Headers({ 'X-LINE-ChannelSignature': await createSignature({ channelSecret, body }) })
 * const signature = headers.get(LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME)
 * console.log(await verifySignature({ channelSecret, body, signature })) // => true
 * ```
 *
 * @since 0.1.0
 * @category Signature
 */
export const LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME = 'x-line-channelsignature'

/**
 * What {@link verifySignature} checks.
 *
 * @example
 * ```ts
 * import { verifySignature, type VerifySignatureParams } from 'line-webhook'
 *
 * const params: VerifySignatureParams = {
 *   channelSecret: ['new secret', 'old secret'],
 *   body: '{"destination":"U0","events":[]}',
 *   signature: undefined,
 * }
 * console.log(await verifySignature(params)) // => false
 * ```
 *
 * @since 0.1.0
 * @category Signature
 */
export interface VerifySignatureParams {
  /**
   * The channel secret, or while you rotate it, a non-empty list of secrets: any one verifies.
   */
  readonly channelSecret: string | readonly string[]
  /**
   * The exact bytes LINE sent, before any JSON parsing. A string counts as its UTF-8 bytes.
   */
  readonly body: string | Uint8Array
  /**
   * The `x-line-signature` header value, as it came. Missing (`null`, `undefined`) or empty is
   * fine: it does not verify, and `decodeWebhookRequest` says so with `reason: 'missing'`.
   */
  readonly signature: string | null | undefined
}

/**
 * What {@link createSignature} signs.
 *
 * @example
 * ```ts
 * import { createSignature, type CreateSignatureParams } from 'line-webhook'
 *
 * const params: CreateSignatureParams = { channelSecret: 'SECRET', body: '{}' }
 * console.log(await createSignature(params)) // => "3q8QXTAGaey18yL8FWTqdVlbMr6hcuNvM4tefa0o9nA="
 * ```
 *
 * @since 0.1.0
 * @category Signature
 */
export interface CreateSignatureParams {
  /** The channel secret to sign with. */
  readonly channelSecret: string
  /** The exact bytes to sign. A string counts as its UTF-8 bytes. */
  readonly body: string | Uint8Array
}

/**
 * Checks a webhook request's `x-line-signature` against the exact body bytes: base64 of
 * HMAC-SHA256 keyed by the channel secret, compared in constant time.
 *
 * Resolves `false` for a missing, empty, malformed or wrong signature: the header verifies only
 * as the one canonical encoding, strict, padded, standard base64, so URL-safe characters, missing
 * padding or white space never verify. A string body that is not well-formed UTF-16 (a lone
 * surrogate) has no UTF-8 bytes, so no signature covers it: it resolves `false`, never verifying
 * as the body with U+FFFD in its place. It never rejects for anything that came from the network.
 *
 * Rejects with a `TypeError` when called wrongly, before any work and never by throwing: an
 * empty channel secret, or a body that is not a string or `Uint8Array` (most often because a
 * JSON body parser ran first).
 *
 * @example
 * ```ts
 * import { createSignature, verifySignature } from 'line-webhook'
 *
 * const channelSecret = 'test_secret'
 * const body = '{"hello":"world"}'
 * const signature = 't7Hn4ZDHqs6e+wdvI5TyQIvzie0DmMUmuXEBqyyE/tM='
 * console.log(await verifySignature({ channelSecret, body, signature })) // => true
 * console.log(await verifySignature({ channelSecret, body: body + ' ', signature })) // => false
 *
 * // While rotating the secret, accept either.
 * const rotated = await createSignature({ channelSecret: 'new secret', body })
 * console.log(await verifySignature({ channelSecret: ['new secret', channelSecret], body, signature: rotated })) // => true
 *
 * // Misuse rejects: a parsed body is not the bytes LINE signed.
 * const misuse = await verifySignature({ channelSecret, body: JSON.parse(body) as never, signature }).catch((error: unknown) => error)
 * console.log(misuse instanceof TypeError) // => true
 * ```
 *
 * @since 0.1.0
 * @category Signature
 */
export function verifySignature(params: VerifySignatureParams): Promise<boolean> {
  try {
    const signed = isSigned(params.channelSecret, params.body, params.signature, utf8)
    return typeof signed === 'boolean' ? Promise.resolve(signed) : signed
  } catch (error) {
    return rejected(error)
  }
}

/** Whether a signature verified (`true`), or why it did not: {@link SignatureMismatch}'s reason. */
export type SignatureCheck = true | SignatureMismatch['reason']

/**
 * {@link verifySignature}'s answer with the reason for a `false`, at once where the platform's
 * HMAC is synchronous (node:crypto): `decodeWebhookRequest` then settles with no promise hop.
 * A string that is not well formed is checked as its WTF-8 bytes (internal/utf8.ts), so when
 * they are what was signed, the decoder goes on to fail it as MalformedJson, as it fails them.
 * Misuse throws here; the public functions turn that into a rejection.
 */
export function checkSignature(
  params: VerifySignatureParams,
): SignatureCheck | Promise<SignatureCheck> {
  // Read once: a getter could answer differently the second time.
  const { channelSecret, body, signature } = params
  const signed = isSigned(channelSecret, body, signature, bytesOf)
  return typeof signed === 'boolean'
    ? checkOf(signed, signature)
    : signed.then((settled) => checkOf(settled, signature))
}

/** Why `signature` did not verify, told after the check: its shape is no secret. */
function checkOf(signed: boolean, signature: unknown): SignatureCheck {
  if (signed) return true
  if (signature === undefined || signature === null || signature === '') return 'missing'
  return typeof signature === 'string' && isMacBase64(signature) ? 'mismatch' : 'malformed'
}

/** The bytes a string body stands for, as the HMAC takes them; `undefined` if it has none. */
type BytesOf = (text: string) => string | Uint8Array | undefined

/** A string's UTF-8 bytes, which the HMAC encodes; none when it is not well formed. */
const utf8: BytesOf = (text) => (isWellFormed(text) ? text : undefined)

/**
 * Whether `signature` is the base64 MAC of `body` under one of the secrets, all of them computed
 * and compared: the MAC's one canonical encoding is the only text that matches. A string body
 * stands for `bytesOfText(body)`, and verifies under no signature when that is `undefined`. Misuse
 * throws.
 */
function isSigned(
  channelSecret: unknown,
  body: unknown,
  signature: unknown,
  bytesOfText: BytesOf,
): boolean | Promise<boolean> {
  const secrets = channelSecrets(channelSecret)
  const data = typeof body === 'string' ? bytesOfText(body) : rawBytes(body)
  if (data === undefined) return false
  // Base64 of a 32-byte HMAC-SHA256: 43 characters and one `=`. (A literal: esbuild keeps a
  // top-level constant as a variable, bytes in every app's bundle.)
  if (typeof signature !== 'string' || signature.length !== 44) return false
  if (typeof secrets === 'string') return matches(hmacSha256(secrets, data), signature)
  const answers = secrets.map((secret) => matches(hmacSha256(secret, data), signature))
  return answers.every((answer) => typeof answer === 'boolean')
    ? answers.includes(true)
    : // eslint-disable-next-line @typescript-eslint/await-thenable -- some are promises
      Promise.all(answers).then((settled) => settled.includes(true))
}

function matches(mac: string | Promise<string>, signature: string): boolean | Promise<boolean> {
  return typeof mac === 'string'
    ? equalInConstantTime(mac, signature)
    : mac.then((settled) => equalInConstantTime(settled, signature))
}

/**
 * A rejection with `error`: the functions that return a promise reject on misuse, never throw,
 * so a caller's `.catch()` sees it.
 */
export function rejected(error: unknown): Promise<never> {
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- rethrown as caught
  return Promise.reject(error)
}

/**
 * The `x-line-signature` value LINE would send with `body`: for your tests, and for services
 * that forward webhook bodies and sign them again.
 *
 * Rejects with a `TypeError`, never throwing, for an empty channel secret or a body that is not
 * a string or `Uint8Array`.
 *
 * @example
 * ```ts
 * import { createSignature } from 'line-webhook'
 *
 * const signature = await createSignature({ channelSecret: 'test_secret', body: '{"hello":"world"}' })
 * console.log(signature) // => "t7Hn4ZDHqs6e+wdvI5TyQIvzie0DmMUmuXEBqyyE/tM="
 *
 * const misuse = await createSignature({ channelSecret: '', body: '{}' }).catch((error: unknown) => error)
 * console.log(misuse instanceof TypeError) // => true
 * ```
 *
 * @since 0.1.0
 * @category Signature
 */
export function createSignature(params: CreateSignatureParams): Promise<string> {
  try {
    const secret = requireSecret(params.channelSecret)
    const { body } = params
    const data = typeof body === 'string' ? bytesOf(body) : rawBytes(body)
    return Promise.resolve(hmacSha256(secret, data))
  } catch (error) {
    return rejected(error)
  }
}

/** A misuse: the package's name, what was wrong and how to fix it, never the value itself. */
function misuse(message: string): TypeError {
  return new TypeError(`line-webhook: ${message}.`)
}

function requireSecret(value: unknown): string {
  if (typeof value === 'string' && value.length > 0) return value
  throw misuse(`channelSecret must be a non-empty string, got ${describe(value)}`)
}

/** The secret, or the non-empty list of them; the list is checked whole before any work. */
function channelSecrets(value: unknown): string | readonly string[] {
  if (!Array.isArray(value)) return requireSecret(value)
  if (value.length === 0) throw misuse('channelSecret is an empty list')
  return value.map(requireSecret)
}

/** A body that is not a string must be a Uint8Array; anything else is misuse. */
function rawBytes(body: unknown): Uint8Array {
  // Uint8Array, Buffer included, from this realm or another (vm contexts, test runners).
  if (ArrayBuffer.isView(body) && (body as Tagged)[Symbol.toStringTag] === 'Uint8Array') {
    return body as Uint8Array
  }
  // The signature covers the exact bytes LINE sent, not what a parser made of them. No body at
  // all is most often a raw-body parser that skipped the request: its `type` did not match.
  throw misuse(
    `body must be the raw request body, a string or Uint8Array, got ${describe(body)}: ` +
      (body instanceof ArrayBuffer
        ? 'wrap the ArrayBuffer, new Uint8Array(body)'
        : 'read it before any JSON parser, e.g. express.raw({ type: () => true })'),
  )
}

interface Tagged {
  readonly [Symbol.toStringTag]?: unknown
}

/** What kind of value came, never the value itself: it may be a secret or a body. */
function describe(value: unknown): string {
  if (value === '') return 'an empty string'
  if (Array.isArray(value)) return 'an array'
  if (value === null) return 'null'
  if (typeof value !== 'object') return typeof value
  // A typed array or DataView other than a Uint8Array: its kind says what to convert.
  return ArrayBuffer.isView(value)
    ? `a ${String((value as Tagged)[Symbol.toStringTag])}`
    : 'an object'
}
