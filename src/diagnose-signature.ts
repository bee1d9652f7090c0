import { isMacBase64 } from './internal/base64.js'
import { escapeNonAscii } from './internal/escape-non-ascii.js'
import { encoder } from './internal/utf8.js'
import {
  LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME,
  LINE_SIGNATURE_HTTP_HEADER_NAME,
  verifySignature,
  type VerifySignatureParams,
} from './signature.js'

/**
 * What {@link diagnoseSignature} looks at: what {@link verifySignature} checks, and the value of
 * the 2016 header if the request had one.
 *
 * @example
 * ```ts
 * import { diagnoseSignature, type DiagnoseSignatureParams } from 'line-webhook'
 *
 * const params: DiagnoseSignatureParams = { channelSecret: '8c570fa6dd201bb328f1c1eac23a96d8', body: '{}', signature: null }
 * console.log((await diagnoseSignature(params)).verified) // => false
 * ```
 *
 * @since 0.2.0
 * @category Signature
 */
export interface DiagnoseSignatureParams extends VerifySignatureParams {
  /**
   * The `x-line-channelsignature` header value (`LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME`), which
   * the 2016 BOT API trial signed with: used when `signature` is missing.
   */
  readonly legacySignature?: string | null | undefined
}

/**
 * The code of a {@link SignatureFinding}, for programs; its `message` is for people.
 *
 * - `missing-signature`: no `x-line-signature` header, or an empty one.
 * - `malformed-signature`: not 44 characters of strict, padded base64 of 32 bytes.
 * - `legacy-header`: the signature came in the 2016 `x-line-channelsignature` header.
 * - `secret-whitespace`: a channel secret has white space around it.
 * - `secret-looks-like-access-token`: a channel secret looks like a channel access token.
 * - `secret-not-hex`: a channel secret is not 32 hexadecimal digits.
 * - `other-secret`: the signature verifies with a secret of the list other than the first.
 * - `body-reserialised`: the signature matches the body changed in a way the finding names.
 * - `body-too-large-to-retry`: the body is too large to try re-serialisations of it.
 * - `no-known-cause`: none of the above explains the mismatch.
 *
 * @example
 * ```ts
 * import type { SignatureFindingCode } from 'line-webhook'
 *
 * type Secret = Extract<SignatureFindingCode, `secret-${string}`>
 * ```
 *
 * @since 0.2.0
 * @category Signature
 */
export type SignatureFindingCode =
  | 'missing-signature'
  | 'malformed-signature'
  | 'legacy-header'
  | 'secret-whitespace'
  | 'secret-looks-like-access-token'
  | 'secret-not-hex'
  | 'other-secret'
  | 'body-reserialised'
  | 'body-too-large-to-retry'
  | 'no-known-cause'

/**
 * One thing {@link diagnoseSignature} found. The message never holds the secret, the signature
 * or the body.
 *
 * @example
 * ```ts
 * import { diagnoseSignature, type SignatureFinding } from 'line-webhook'
 *
 * const { findings } = await diagnoseSignature({ channelSecret: '8c570fa6dd201bb328f1c1eac23a96d8', body: '{}', signature: undefined })
 * const codes = findings.map((finding: SignatureFinding) => finding.code)
 * console.log(codes) // => ["missing-signature"]
 * ```
 *
 * @since 0.2.0
 * @category Signature
 */
export interface SignatureFinding {
  readonly code: SignatureFindingCode
  readonly message: string
}

/**
 * What {@link diagnoseSignature} resolves to: whether the signature verifies, as
 * {@link verifySignature} says, and what explains it when it does not.
 *
 * @example
 * ```ts
 * import { createSignature, diagnoseSignature, type SignatureDiagnosis } from 'line-webhook'
 *
 * const channelSecret = '8c570fa6dd201bb328f1c1eac23a96d8'
 * const body = '{"destination":"U0","events":[]}'
 * const signature = await createSignature({ channelSecret, body })
 * const diagnosis: SignatureDiagnosis = await diagnoseSignature({ channelSecret, body, signature })
 * console.log(diagnosis) // => { verified: true, findings: [] }
 * ```
 *
 * @since 0.2.0
 * @category Signature
 */
export interface SignatureDiagnosis {
  readonly verified: boolean
  readonly findings: readonly SignatureFinding[]
}

/** Bodies larger than this are not re-serialised: each try signs the whole body again. */
const MAX_RETRY_BODY_BYTES = 1_048_576 // 1 MiB, a literal: esbuild keeps an unused `1024 * 1024`
/** Secrets of a list tried against the re-serialisations, so the work stays bounded. */
const MAX_RETRY_SECRETS = 8
/** A channel access token is a long base64-like string (about 172 characters); a secret is 32. */
const ACCESS_TOKEN = /^[\w+/=.-]{100,}$/
const CHANNEL_SECRET = /^[\da-f]{32}$/i
const SIGNATURE_LENGTH = 44

const SECRET_HELP =
  'The channel secret is under "Basic settings" of the channel in the LINE Developers Console.'
const RAW_BODY_HELP =
  'Verify the exact bytes LINE sent, read before any JSON parser (e.g. express.raw({ type: "application/json" }) or `await request.text()`).'

/**
 * Explains why a webhook signature does not verify: a missing or malformed header, the 2016
 * header, a channel secret with white space around it, one that is not 32 hexadecimal digits or
 * that is a channel access token, a body that something parsed and serialised again (it tries
 * what frameworks do, LINE's `\uXXXX` escaping, a trailing newline, a byte order mark and
 * pretty-printing, and names the one that matches), or a signature of another secret of the list.
 *
 * For your logs and tools, not for the request path: it signs the body several times. It never
 * puts the secret, the signature or the body in a message. Bodies over 1 MiB are not re-serialised.
 *
 * Rejects with a `TypeError`, never throws, when called wrongly (as {@link verifySignature} would).
 *
 * @example
 * ```ts
 * import { createSignature, diagnoseSignature } from 'line-webhook'
 *
 * const channelSecret = '8c570fa6dd201bb328f1c1eac23a96d8'
 * const sent = '{"events":[{"message":{"text":"\\u3053\\u3093"}}]}'
 * const signature = await createSignature({ channelSecret, body: sent })
 *
 * // A JSON body parser ran and the app serialised its result again.
 * const body = JSON.stringify(JSON.parse(sent))
 * const { verified, findings } = await diagnoseSignature({ channelSecret, body, signature })
 * console.log(verified) // => false
 * console.log(findings.map((finding) => finding.code)) // => ["body-reserialised"]
 * ```
 *
 * @since 0.2.0
 * @category Signature
 */
export async function diagnoseSignature(
  params: DiagnoseSignatureParams,
): Promise<SignatureDiagnosis> {
  const { channelSecret, body, signature, legacySignature } = params
  const findings: SignatureFinding[] = []
  const present = (value: unknown): value is string => typeof value === 'string' && value !== ''
  let header = LINE_SIGNATURE_HTTP_HEADER_NAME
  let value = signature
  if (!present(signature) && present(legacySignature)) {
    header = LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME
    value = legacySignature
  }
  // Checks the arguments as verifySignature does, rejecting on misuse.
  const verified = await verifySignature({ channelSecret, body, signature: value })
  const secrets: readonly string[] =
    typeof channelSecret === 'string' ? [channelSecret] : channelSecret
  const name = (index: number) =>
    secrets.length === 1 ? 'The channel secret' : `channelSecret[${index}]`
  if (header !== LINE_SIGNATURE_HTTP_HEADER_NAME) {
    findings.push({
      code: 'legacy-header',
      message: `The request has no ${LINE_SIGNATURE_HTTP_HEADER_NAME} header but a signature in ${header}, the header of the 2016 BOT API trial; it ${verified ? 'verifies' : 'does not verify'} by the same rule. Read LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME for such callbacks, and decode their bodies with { acceptLegacy: decodeLegacyCallbackRequest } from line-webhook/legacy.`,
    })
  }
  if (verified) {
    const first = await verifySignature({
      channelSecret: secrets.slice(0, 1),
      body,
      signature: value,
    })
    if (!first) {
      const index = await firstVerifying(secrets, body, value)
      findings.push({
        code: 'other-secret',
        message: `The signature verifies with ${name(index)}, not channelSecret[0]: LINE still signs with that secret. If you are rotating it, the new one is not in use yet.`,
      })
    }
    return { verified, findings }
  }

  if (!present(value)) {
    findings.push({
      code: 'missing-signature',
      message: `The request has no ${LINE_SIGNATURE_HTTP_HEADER_NAME} header, or an empty one: it did not come from LINE, or a proxy removed the header. Read it as request.headers.get('${LINE_SIGNATURE_HTTP_HEADER_NAME}') (or req.get in Express).`,
    })
  } else {
    const malformed = malformation(value)
    if (malformed !== undefined) {
      findings.push({
        code: 'malformed-signature',
        message: `The ${header} value ${malformed}; LINE sends 44 characters of standard base64 with one "=" of padding.`,
      })
    }
  }
  findings.push(...secrets.flatMap((secret, index) => secretFindings(secret, name(index))))

  if (present(value) && malformation(value) === undefined) {
    const match = await matchingChange(secrets.slice(0, MAX_RETRY_SECRETS), body, value)
    if (match === 'too large') {
      findings.push({
        code: 'body-too-large-to-retry',
        message: `The body is over ${MAX_RETRY_BODY_BYTES} bytes, so no re-serialisations of it were tried.`,
      })
    } else if (match !== undefined) {
      if (match.secret === undefined) {
        findings.push({
          code: 'body-reserialised',
          message: `The signature matches the body ${match.change}: ${match.cause}. ${RAW_BODY_HELP}`,
        })
      } else {
        // Completes what the secret's own finding said: trimmed, it is the right one.
        const label = name(match.secret)
        const at = findings.findIndex(
          (finding) => finding.code === 'secret-whitespace' && finding.message.startsWith(label),
        )
        const body =
          match.change === 'as it is' ? '' : `, and the body ${match.change} (${match.cause})`
        findings[at] = {
          code: 'secret-whitespace',
          message: `${label} has white space around it, and the signature matches it without${body}. Trim the secret where you read it (a newline from a file or an .env value?).`,
        }
      }
    } else if (findings.length === 0) {
      findings.push({
        code: 'no-known-cause',
        message: `The signature matches no usual change to the body. The secret may be another channel's (${SECRET_HELP}), or the body was changed in another way. ${RAW_BODY_HELP}`,
      })
    }
  }
  return { verified, findings }
}

/** How `value` is not a signature's shape, never quoting it; `undefined` if it has the shape. */
function malformation(value: string): string | undefined {
  if (value.trim() !== value) return 'has white space around it'
  if (/[-_]/.test(value)) return 'holds "-" or "_": it is URL-safe base64, not standard base64'
  if (value.length !== SIGNATURE_LENGTH) {
    return `is ${value.length} characters long, not ${SIGNATURE_LENGTH}${value.endsWith('=') ? '' : ' (is its "=" padding missing?)'}`
  }
  return isMacBase64(value) ? undefined : 'is not strict base64 of 32 bytes'
}

function secretFindings(secret: string, name: string): SignatureFinding[] {
  const findings: SignatureFinding[] = []
  const trimmed = secret.trim()
  if (trimmed !== secret) {
    findings.push({
      code: 'secret-whitespace',
      message: `${name} has white space around it (a newline from a file or an .env value?); LINE signs with the secret without it.`,
    })
  }
  if (ACCESS_TOKEN.test(trimmed)) {
    findings.push({
      code: 'secret-looks-like-access-token',
      message: `${name} is ${trimmed.length} characters long, like a channel access token; the channel secret is 32 hexadecimal digits. ${SECRET_HELP}`,
    })
  } else if (!CHANNEL_SECRET.test(trimmed)) {
    findings.push({
      code: 'secret-not-hex',
      message: `${name} is ${trimmed.length === 32 ? 'not all hexadecimal digits' : `${trimmed.length} characters long`}; a channel secret is 32 hexadecimal digits. ${SECRET_HELP}`,
    })
  }
  return findings
}

async function firstVerifying(
  secrets: readonly string[],
  body: string | Uint8Array,
  signature: string | null | undefined,
): Promise<number> {
  const verified = await Promise.all(
    secrets.map((channelSecret) => verifySignature({ channelSecret, body, signature })),
  )
  return verified.indexOf(true)
}

interface Change {
  /** How the body was changed, for people. */
  readonly change: string
  /** Why it would have been. */
  readonly cause: string
  /** The index of the secret that matched once trimmed; `undefined` when it matched as it is. */
  readonly secret?: number
}

const utf8 = /*#__PURE__*/ new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const BOM = '\uFEFF'

const REPARSED =
  'a JSON parser read the body and the app serialised the result again (JSON.stringify writes non-ASCII characters as they are)'
const CHANGED = 'something between LINE and verifySignature changed the body'

/** A body LINE may have sent: how the given body differs from it, and why that happens. */
interface Candidate {
  readonly change: string
  readonly cause: string
  readonly body: string
}

/** What LINE may have sent, were `text` its body after a framework changed it. */
function candidates(text: string): readonly Candidate[] {
  const unescaped = 'with non-ASCII characters written as \\uXXXX escapes, as LINE writes them'
  const tries: Candidate[] = [
    { change: 'with a trailing newline removed', cause: CHANGED, body: text.replace(/\r?\n$/, '') },
    { change: 'with a trailing newline added', cause: CHANGED, body: `${text}\n` },
    {
      change: 'with its byte order mark removed',
      cause: CHANGED,
      body: text.startsWith(BOM) ? text.slice(1) : text,
    },
    { change: 'with white space around it removed', cause: CHANGED, body: text.trim() },
    { change: unescaped, cause: REPARSED, body: escapeNonAscii(text) },
  ]
  let parsed: unknown
  try {
    parsed = JSON.parse(text.startsWith(BOM) ? text.slice(1) : text)
  } catch {
    return tries.filter((candidate) => candidate.body !== text)
  }
  const pretty = [2, 4].find((indent) => text === JSON.stringify(parsed, null, indent))
  const cause =
    pretty === undefined
      ? 'a JSON parser read the body and the app serialised the result again'
      : `a JSON parser read the body and the app serialised the result again, pretty-printed with ${pretty} spaces`
  const compact = JSON.stringify(parsed)
  const upper = (json: string) =>
    escapeNonAscii(json).replace(
      /\\u[\da-f]{4}/g,
      (escape) => `\\u${escape.slice(2).toUpperCase()}`,
    )
  tries.push(
    { change: `serialised compactly ${unescaped}`, cause, body: escapeNonAscii(compact) },
    { change: 'serialised compactly with upper-case \\uXXXX escapes', cause, body: upper(compact) },
    { change: 'serialised compactly as JSON.stringify(JSON.parse(body))', cause, body: compact },
  )
  for (const indent of [2, 4]) {
    const printed = JSON.stringify(parsed, null, indent)
    const change = `pretty-printed with ${indent} spaces`
    tries.push(
      { change, cause, body: printed },
      { change: `${change} ${unescaped}`, cause, body: escapeNonAscii(printed) },
    )
  }
  return tries.filter((candidate) => candidate.body !== text)
}

/** The change to `body` whose signature `signature` is, trying each secret as is and trimmed. */
async function matchingChange(
  secrets: readonly string[],
  body: string | Uint8Array,
  signature: string,
): Promise<Change | 'too large' | undefined> {
  const keys = secrets.flatMap((secret, index) => {
    const trimmed = secret.trim()
    return trimmed === secret || trimmed === ''
      ? [{ secret, index: undefined }]
      : [
          { secret, index: undefined },
          { secret: trimmed, index },
        ]
  })
  // The body as it is, with a trimmed secret.
  for (const key of keys) {
    if (
      key.index !== undefined &&
      (await verifySignature({ channelSecret: key.secret, body, signature }))
    ) {
      return { change: 'as it is', cause: '', secret: key.index }
    }
  }
  if (byteLength(body) > MAX_RETRY_BODY_BYTES) return 'too large'
  let text: string
  try {
    text = typeof body === 'string' ? body : utf8.decode(body)
  } catch {
    return undefined
  }
  for (const { change, cause, body: candidate } of candidates(text)) {
    for (const key of keys) {
      if (await verifySignature({ channelSecret: key.secret, body: candidate, signature })) {
        return key.index === undefined ? { change, cause } : { change, cause, secret: key.index }
      }
    }
  }
  return undefined
}

/**
 * A body's size in UTF-8 bytes, as LINE signed it. A string is encoded only when its length
 * leaves the answer open: never more than 1 MiB of characters.
 */
function byteLength(body: string | Uint8Array): number {
  if (typeof body !== 'string') return body.length
  return body.length > MAX_RETRY_BODY_BYTES ? body.length : encoder.encode(body).length
}
