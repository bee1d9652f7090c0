// The CLI runs on Node only (package.json "bin"); the web build never reaches src/cli.
// eslint-disable-next-line no-restricted-imports
import { readFile } from 'node:fs/promises'
// eslint-disable-next-line no-restricted-imports
import { parseArgs } from 'node:util'
import {
  createSignature,
  decodeCallbackRequest,
  decodeWebhookRequest,
  diagnoseSignature,
  formatWebhookFailure,
  LINE_SIGNATURE_HTTP_HEADER_NAME,
  type DecodeOptions,
  type MalformedJson,
  type SignatureDiagnosis,
} from '../index.js'
import { decodeLegacyCallbackRequest } from '../legacy/index.js'
import { createTestEvent, createTestRequest, type TestEventType } from '../testing/index.js'
import { HELP } from './help.js'

/** What the command reads and writes, so that tests and the entry point can each provide it. */
export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>
  readonly readStdin: () => Promise<Uint8Array>
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
}

/** Exit codes: 0 done, 1 the answer is no (or the server said no), 2 the command was misused. */
const OK = 0
const NO = 1
const USAGE = 2

/** A mistake in the command line: printed with a pointer to --help, exit 2. */
class UsageError extends Error {}

const OPTIONS = {
  secret: { type: 'string', multiple: true },
  signature: { type: 'string' },
  'legacy-signature': { type: 'string' },
  lenient: { type: 'boolean' },
  legacy: { type: 'boolean' },
  values: { type: 'boolean' },
  url: { type: 'string' },
  event: { type: 'string' },
  destination: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

type Values = ReturnType<typeof parse>['values']

function parse(args: readonly string[]) {
  return parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true })
}

/** Runs `line-webhook ...args`; resolves to the exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(args)
  } catch (error) {
    // parseArgs throws only TypeErrors, whose message names the option.
    return usage(io, (error as Error).message)
  }
  const { values, positionals } = parsed
  const [command, file, ...extra] = positionals
  if (values.help === true || command === 'help') {
    io.stdout(HELP)
    return OK
  }
  try {
    if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`)
    switch (command) {
      case 'sign':
        return await sign(values, file, io)
      case 'verify':
        return await verify(values, file, io)
      case 'decode':
        return await decode(values, file, io)
      case 'send':
        return await send(values, file, io)
      case undefined:
        throw new UsageError('no command given')
      default:
        throw new UsageError(`unknown command "${command}"`)
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof TypeError) return usage(io, error.message)
    throw error
  }
}

function usage(io: CliIo, message: string): number {
  io.stderr(`line-webhook: ${message}\nRun line-webhook --help for usage.\n`)
  return USAGE
}

function secrets(values: Values, io: CliIo): readonly string[] {
  const given = values.secret ?? []
  if (given.length > 0) return given
  const fromEnv = io.env['LINE_CHANNEL_SECRET']
  if (fromEnv !== undefined && fromEnv !== '') return [fromEnv]
  throw new UsageError('no channel secret: give --secret or set LINE_CHANNEL_SECRET')
}

function oneSecret(values: Values, io: CliIo): string {
  const [secret, ...more] = secrets(values, io)
  if (secret === undefined || more.length > 0) throw new UsageError('give exactly one --secret')
  return secret
}

/** The body's exact bytes, from `file` or standard input (`-` or no file). */
async function readBody(file: string | undefined, io: CliIo): Promise<Uint8Array> {
  if (file === undefined || file === '-') return io.readStdin()
  try {
    return new Uint8Array(await readFile(file))
  } catch (error) {
    // readFile's errors carry the system's code (ENOENT, EISDIR, EACCES).
    throw new UsageError(`cannot read ${file} (${String((error as { code?: unknown }).code)})`)
  }
}

async function sign(values: Values, file: string | undefined, io: CliIo): Promise<number> {
  const channelSecret = oneSecret(values, io)
  io.stdout(`${await createSignature({ channelSecret, body: await readBody(file, io) })}\n`)
  return OK
}

function formatDiagnosis({ verified, findings }: SignatureDiagnosis): string {
  const lines = findings.map(({ code, message }) => `- ${code}: ${message}`)
  return [verified ? 'verified' : 'not verified', ...lines].join('\n') + '\n'
}

async function verify(values: Values, file: string | undefined, io: CliIo): Promise<number> {
  const channelSecret = secrets(values, io)
  if (values.signature === undefined && values['legacy-signature'] === undefined) {
    throw new UsageError('give the x-line-signature value with --signature')
  }
  const diagnosis = await diagnoseSignature({
    channelSecret,
    body: await readBody(file, io),
    signature: values.signature,
    legacySignature: values['legacy-signature'],
  })
  ;(diagnosis.verified ? io.stdout : io.stderr)(formatDiagnosis(diagnosis))
  return diagnosis.verified ? OK : NO
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

async function decode(values: Values, file: string | undefined, io: CliIo): Promise<number> {
  const options: DecodeOptions = {
    lenient: values.lenient === true,
    acceptLegacy: values.legacy === true && decodeLegacyCallbackRequest,
  }
  const body = await readBody(file, io)
  const format = { values: values.values === true }
  if (values.signature !== undefined) {
    const channelSecret = secrets(values, io)
    const signature = values.signature
    const result = await decodeWebhookRequest({ channelSecret, body, signature }, options)
    if (result._tag === 'Right') return printJson(result.right, io)
    io.stderr(`${formatWebhookFailure(result.left, format)}\n`)
    if (result.left._tag === 'SignatureMismatch') {
      io.stderr(formatDiagnosis(await diagnoseSignature({ channelSecret, body, signature })))
    }
    return NO
  }
  // No signature to check: decode the body as it is.
  let json: unknown
  try {
    json = JSON.parse(utf8.decode(body))
  } catch (error) {
    const failure: MalformedJson = {
      _tag: 'MalformedJson',
      reason: error instanceof SyntaxError ? 'syntax' : 'encoding',
    }
    io.stderr(`${formatWebhookFailure(failure)}\n`)
    return NO
  }
  const result = decodeCallbackRequest(json, options)
  if (result._tag === 'Right') return printJson(result.right, io)
  io.stderr(`${formatWebhookFailure(result.left, format)}\n`)
  return NO
}

function printJson(value: unknown, io: CliIo): number {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`)
  return OK
}

async function send(values: Values, file: string | undefined, io: CliIo): Promise<number> {
  const channelSecret = oneSecret(values, io)
  if (values.url === undefined) throw new UsageError('give the address to POST to with --url')
  let url: URL
  try {
    url = new URL(values.url)
  } catch {
    throw new UsageError(`--url ${values.url} is not an absolute URL`)
  }
  const destination = values.destination === undefined ? {} : { destination: values.destination }
  let request: Request
  if (values.event !== undefined) {
    if (file !== undefined) throw new UsageError('give a body file or --event, not both')
    const event = createTestEvent(values.event as TestEventType)
    request = await createTestRequest({ channelSecret, events: [event], url, ...destination })
  } else {
    const body = await readBody(file, io)
    const signature = await createSignature({ channelSecret, body })
    request = new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [LINE_SIGNATURE_HTTP_HEADER_NAME]: signature },
      body: new Uint8Array(body),
    })
  }
  let response: Response
  let text: string
  try {
    response = await fetch(request)
    text = await response.text()
  } catch (error) {
    // fetch fails with "fetch failed", or "terminated" when the answer breaks off; the reason
    // (ECONNREFUSED, bad port, the socket closed) is its cause.
    const { cause } = error as { cause?: unknown }
    io.stderr(`line-webhook: could not POST to ${url.href} or read its answer (${String(cause)})\n`)
    return NO
  }
  io.stdout(`${response.status} ${response.statusText}\n${text}${text.endsWith('\n') ? '' : '\n'}`)
  return response.ok ? OK : NO
}
