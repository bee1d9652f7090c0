import type { Either } from 'fp-ts/lib/Either.js'
import type { CallbackRequest } from './codecs/callback-request.js'
import type { LenientCallbackRequest } from './codecs/lenient.js'
import {
  decodeCallbackRequest,
  type AcceptLegacyOptions,
  type DecodeOptions,
  type LenientOptions,
  type StrictOptions,
} from './decode.js'
import { WebhookError, type MalformedJson, type WebhookFailure } from './errors.js'
import { left } from './internal/either.js'
import { isWellFormed } from './internal/utf8.js'
import {
  checkSignature,
  rejected,
  type SignatureCheck,
  type VerifySignatureParams,
} from './signature.js'

// ignoreBOM keeps a byte order mark, so bytes and strings both fail on it alike.
const utf8 = /*#__PURE__*/ new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

function parseJson(body: string | Uint8Array): Either<MalformedJson, unknown> {
  let text: string
  if (typeof body === 'string') {
    // A lone surrogate: not the UTF-8 LINE sent (see internal/utf8.ts), so it fails as bytes do.
    if (!isWellFormed(body)) return left({ _tag: 'MalformedJson', reason: 'encoding' })
    text = body
  } else {
    try {
      text = utf8.decode(body)
    } catch {
      return left({ _tag: 'MalformedJson', reason: 'encoding' })
    }
  }
  try {
    return { _tag: 'Right', right: JSON.parse(text) as unknown }
  } catch {
    // The parser's message quotes the body; the failure carries none of it.
    return left({ _tag: 'MalformedJson', reason: 'syntax' })
  }
}

/**
 * Verifies a webhook request's signature over the exact body bytes, parses the JSON and decodes
 * it: the whole of receiving a webhook, with every outcome a value. Resolves a `Left` with a
 * {@link WebhookFailure} (`SignatureMismatch`, `MalformedJson`, `InvalidPayload`) or a `Right`
 * with the {@link CallbackRequest}. It never rejects for anything that came from the network.
 * A service that still receives 2016 BOT API trial bodies passes
 * `acceptLegacy: decodeLegacyCallbackRequest` (from `line-webhook/legacy`) and the value of
 * whichever signature header came (`LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME` for those).
 *
 * Rejects with a `TypeError` when called wrongly, as `verifySignature` does, never by throwing:
 * an empty channel secret, or a body that is not a string or `Uint8Array` (a JSON body parser
 * ran first: register the webhook route before it).
 *
 * @example
 * ```ts
 * import { createSignature, decodeWebhookRequest } from 'line-webhook'
 *
 * const channelSecret = 'secret'
 * const body = '{"destination":"xxxxxxxxxx","events":[]}'
 * const signature = await createSignature({ channelSecret, body })
 * const result = await decodeWebhookRequest({ channelSecret, body, signature })
 * console.log(result._tag === 'Right' && result.right.destination) // => "xxxxxxxxxx"
 *
 * const forged = await decodeWebhookRequest({ channelSecret, body: '{"events":[]}', signature })
 * console.log(forged._tag === 'Left' && forged.left) // => { _tag: "SignatureMismatch", reason: "mismatch" }
 *
 * const unsigned = await decodeWebhookRequest({ channelSecret, body, signature: null })
 * console.log(unsigned._tag === 'Left' && unsigned.left) // => { _tag: "SignatureMismatch", reason: "missing" }
 * ```
 *
 * @since 0.1.0
 * @category Decoding
 */
export function decodeWebhookRequest(
  params: VerifySignatureParams,
  options: LenientOptions | AcceptLegacyOptions,
): Promise<Either<WebhookFailure, LenientCallbackRequest>>
export function decodeWebhookRequest(
  params: VerifySignatureParams,
  options?: StrictOptions,
): Promise<Either<WebhookFailure, CallbackRequest>>
export function decodeWebhookRequest(
  params: VerifySignatureParams,
  options?: DecodeOptions,
): Promise<Either<WebhookFailure, LenientCallbackRequest>>
export function decodeWebhookRequest(
  params: VerifySignatureParams,
  options?: DecodeOptions,
): Promise<Either<WebhookFailure, LenientCallbackRequest>> {
  try {
    return receive(params, options)
  } catch (error) {
    return rejected(error) // misuse
  }
}

/** decodeWebhookRequest's work; misuse throws here. */
function receive(
  params: VerifySignatureParams,
  options: DecodeOptions | undefined,
): Promise<Either<WebhookFailure, LenientCallbackRequest>> {
  // Read once: a getter could answer differently the second time.
  const { channelSecret, body, signature } = params
  const checked = checkSignature({ channelSecret, body, signature })
  // node:crypto answers at once: settle without a promise hop.
  if (typeof checked !== 'object') return Promise.resolve(decodeVerified(checked, body, options))
  // Web Crypto answers later: decode a copy of the bytes it was given (it copied them in this same
  // tick), not what the caller's buffer holds by then. Buffer#slice would be a view, not a copy.
  const verifiedBody = typeof body === 'string' ? body : new Uint8Array(body)
  return checked.then((settled) => decodeVerified(settled, verifiedBody, options))
}

export function decodeVerified(
  checked: SignatureCheck,
  body: string | Uint8Array,
  options: DecodeOptions | undefined,
): Either<WebhookFailure, LenientCallbackRequest> {
  if (checked !== true) return left({ _tag: 'SignatureMismatch', reason: checked })
  const json = parseJson(body)
  return json._tag === 'Left' ? json : decodeCallbackRequest(json.right, options)
}

/**
 * {@link decodeWebhookRequest}, resolving to the {@link CallbackRequest} or rejecting with a
 * {@link WebhookError} that carries the failure: for code that prefers `try`/`catch`.
 *
 * Rejects with a `TypeError` when called wrongly, as `verifySignature` does, never by throwing.
 *
 * @example
 * ```ts
 * import { createSignature, isWebhookError, parseWebhookRequest } from 'line-webhook'
 *
 * const channelSecret = 'secret'
 * const body = '{"destination":"xxxxxxxxxx","events":[]}'
 * const signature = await createSignature({ channelSecret, body })
 * const { events } = await parseWebhookRequest({ channelSecret, body, signature })
 * console.log(events) // => []
 *
 * const error: unknown = await parseWebhookRequest({ channelSecret, body: 'not json', signature: await createSignature({ channelSecret, body: 'not json' }) }).catch((e: unknown) => e)
 * console.log(isWebhookError(error) && error.failure) // => { _tag: "MalformedJson", reason: "syntax" }
 * ```
 *
 * @since 0.1.0
 * @category Decoding
 */
export function parseWebhookRequest(
  params: VerifySignatureParams,
  options: LenientOptions | AcceptLegacyOptions,
): Promise<LenientCallbackRequest>
export function parseWebhookRequest(
  params: VerifySignatureParams,
  options?: StrictOptions,
): Promise<CallbackRequest>
export function parseWebhookRequest(
  params: VerifySignatureParams,
  options?: DecodeOptions,
): Promise<LenientCallbackRequest>
export function parseWebhookRequest(
  params: VerifySignatureParams,
  options?: DecodeOptions,
): Promise<LenientCallbackRequest> {
  return decodeWebhookRequest(params, options).then((result) => {
    if (result._tag === 'Left') throw new WebhookError(result.left)
    return result.right
  })
}
