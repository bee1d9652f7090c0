import type { LenientCallbackRequest } from '../codecs/lenient.js'
import type { DecodeOptions } from '../decode.js'
import type { WebhookFailure } from '../errors.js'
import {
  LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME,
  LINE_SIGNATURE_HTTP_HEADER_NAME,
  checkSignature,
  type SignatureCheck,
} from '../signature.js'
import { isThenable } from '../internal/thenable.js'
import { decodeVerified } from '../webhook.js'
import { answers, type Answer } from './answer.js'
import type { WebhookEventContext } from './event-handlers.js'
import type { ChannelSecretResolver } from './options.js'
import { declaredTooLarge, type BodyRead } from './read-body.js'
import { createWebhookRequest, type WebhookRequest } from './webhook-request.js'

/** A request as an adapter hands it over: the same from `fetch` and `node:http`. */
export interface IncomingWebhook {
  readonly method: string
  readonly url: string
  readonly header: (name: string) => string | undefined
  /** Reads the raw body, stopping once it is over `maxBytes`. Never rejects. */
  readonly readBody: (maxBytes: number) => Promise<BodyRead>
}

/** What {@link receive} needs to know. */
export interface ReceiveSettings {
  readonly channelSecret: ChannelSecretResolver
  readonly maxBodyBytes: number
  readonly decode: DecodeOptions | undefined
  readonly onServerError: (error: unknown) => void
}

/** A request answered already, or a verified and decoded body whose events are to be handled. */
export type Received =
  | { readonly _tag: 'Answered'; readonly answer: Answer }
  | {
      readonly _tag: 'Verified'
      readonly events: LenientCallbackRequest['events']
      readonly context: WebhookEventContext
    }

// Functions, not lookup tables: a module-level object built from `answers` would stay in every
// bundle that imports this package, handler or not.
function answerOfFailure(failure: WebhookFailure): Answer {
  switch (failure._tag) {
    case 'SignatureMismatch':
      return answers.signatureMismatch
    case 'MalformedJson':
      return answers.malformedJson
    case 'InvalidPayload':
      return answers.invalidPayload
  }
}

const answerOfRead = (read: { readonly _tag: 'TooLarge' | 'Unreadable' }): Answer =>
  read._tag === 'TooLarge' ? answers.tooLarge : answers.unreadable

const answered = (answer: Answer): Received => ({ _tag: 'Answered', answer })

/**
 * Everything between a request and its events: the method, the size, reading the body, choosing
 * the secrets, verifying, decoding. Nothing here runs a handler, and nothing from the network
 * makes it reject or answer 5xx.
 */
export async function receive(
  incoming: IncomingWebhook,
  settings: ReceiveSettings,
): Promise<Received> {
  if (incoming.method !== 'POST') return answered(answers.methodNotAllowed)
  const { header } = incoming
  if (declaredTooLarge(header('content-length'), settings.maxBodyBytes)) {
    return answered(answers.tooLarge)
  }
  const read = await incoming.readBody(settings.maxBodyBytes)
  if (read._tag === 'Misconfigured') return serverError(read.error, settings)
  if (read._tag !== 'Body') return answered(answerOfRead(read))
  const { body } = read
  const request = createWebhookRequest(incoming.method, incoming.url, header, body)
  let secrets: readonly string[] | undefined
  try {
    // Awaited only if it is a promise: each await is a hop on every request.
    const resolved = settings.channelSecret(request)
    secrets = requireSecrets(isThenable(resolved) ? await resolved : resolved)
  } catch (error) {
    return serverError(error, settings)
  }
  if (secrets === undefined) return answered(answers.unknownChannel)
  const signatureHeader = signatureHeaderOf(header, settings.decode)
  const verdict = verifiedBy(secrets, body, header(signatureHeader))
  const { check, secretIndex } = isThenable(verdict) ? await verdict : verdict
  const decoded = decodeVerified(check, body, settings.decode)
  if (decoded._tag === 'Left') return answered(answerOfFailure(decoded.left))
  return {
    _tag: 'Verified',
    events: decoded.right.events,
    context: { request: verifiedRequest(request, decoded.right), secretIndex, signatureHeader },
  }
}

function serverError(error: unknown, settings: ReceiveSettings): Received {
  try {
    settings.onServerError(error)
  } catch (failure) {
    // The answer is 500 whatever the logger does; the request must still be answered.
    console.error('line-webhook: onServerError threw while reporting', error, 'and then', failure)
  }
  return answered(answers.serverError)
}

/** The 2016 header is looked at only when asked for, and only when today's is absent. */
function signatureHeaderOf(
  header: (name: string) => string | undefined,
  decode: DecodeOptions | undefined,
): string {
  return typeof decode?.acceptLegacy === 'function' &&
    header(LINE_SIGNATURE_HTTP_HEADER_NAME) === undefined &&
    header(LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME) !== undefined
    ? LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME
    : LINE_SIGNATURE_HTTP_HEADER_NAME
}

/** Which secret verified a body, if any, and the check's verdict. */
interface Verdict {
  readonly check: SignatureCheck
  readonly secretIndex: number
}

/**
 * The index of the first secret that verifies `body` (-1 for none), and the verdict. How the others
 * failed is not kept: every failure is the same 401 to the sender. At once where the platform's
 * HMAC is synchronous (node:crypto).
 */
function verifiedBy(
  secrets: readonly string[],
  body: Uint8Array,
  signature: string | undefined,
): Verdict | Promise<Verdict> {
  const checks = secrets.map((channelSecret) => checkSignature({ channelSecret, body, signature }))
  return checks.some(isThenable)
    ? Promise.all(checks.map(async (check) => check)).then(verdictOf)
    : verdictOf(checks as readonly SignatureCheck[])
}

function verdictOf(checks: readonly SignatureCheck[]): Verdict {
  const secretIndex = checks.indexOf(true)
  return { check: secretIndex === -1 ? 'mismatch' : true, secretIndex }
}

/** The request, with the `destination` now read from the verified, decoded body. */
function verifiedRequest(request: WebhookRequest, body: LenientCallbackRequest): WebhookRequest {
  const { method, url, pathname, header } = request
  return { method, url, pathname, header, destination: body.destination }
}

const SECRET_HINT =
  'Find it under "Basic settings" of your channel in the LINE Developers Console, and check that the variable holding it is set.'

/** A secret or list of secrets as a non-empty list of non-empty strings; `undefined` stays. */
export function requireSecrets(value: unknown): readonly string[] | undefined {
  if (value === undefined) return undefined
  const secrets: readonly unknown[] = Array.isArray(value) ? value : [value]
  if (secrets.length > 0 && secrets.every((s) => typeof s === 'string' && s !== '')) {
    return secrets as readonly string[]
  }
  throw new TypeError(
    'line-webhook: channelSecret must be a non-empty string or a non-empty list of them' +
      ` (or a function returning one, or undefined for a channel not served here). ${SECRET_HINT}`,
  )
}
