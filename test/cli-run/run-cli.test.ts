/**
 * `runCli` (../../src/cli/run-cli.ts) in process, with its standard input, output and environment
 * given as a `CliIo`: every command, option, failure and exit code, so that coverage of src/ sees
 * the CLI. test/cli/line-webhook.test.ts runs the built command as a child process.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HELP } from '../../src/cli/help.js'
import { runCli } from '../../src/cli/run-cli.js'
import { createSignature, verifySignature } from '../../src/signature.js'

const channelSecret = '8c570fa6dd201bb328f1c1eac23a96d8'
const otherSecret = '0123456789abcdef0123456789abcdef'
const body = '{"destination":"U0123456789abcdef0123456789abcdef","events":[]}'
const HINT = 'Run line-webhook --help for usage.\n'

interface Ran {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs the command with `stdin` as its standard input and only `env` as its environment. */
async function run(
  args: readonly string[],
  options: { stdin?: string | Uint8Array; env?: Record<string, string> } = {},
): Promise<Ran> {
  const { stdin = '', env = {} } = options
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, {
    env,
    readStdin: () =>
      Promise.resolve(typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin),
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    },
  })
  return { code, stdout, stderr }
}

let dir = ''
let bodyFile = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'line-webhook-run-cli-'))
  bodyFile = join(dir, 'body.json')
  await writeFile(bodyFile, body)
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('runCli', () => {
  it.each([['--help'], ['-h'], ['help'], ['sign', '--help']])(
    'prints the help and exits 0 for %s',
    async (...args) => {
      expect(await run(args)).toEqual({ code: 0, stdout: HELP, stderr: '' })
    },
  )

  it.each<[string[], string, Record<string, string>?]>([
    [[], 'no command given'],
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['sign', '--nope'], "Unknown option '--nope'"],
    [['sign', 'a.json', 'b.json'], 'unexpected arguments: b.json'],
    [['sign'], 'no channel secret: give --secret or set LINE_CHANNEL_SECRET'],
    [
      ['sign'],
      'no channel secret: give --secret or set LINE_CHANNEL_SECRET',
      { LINE_CHANNEL_SECRET: '' },
    ],
    [['sign', '--secret', channelSecret, '--secret', otherSecret], 'give exactly one --secret'],
    [['sign', '--secret', ''], 'channelSecret must be a non-empty string'],
    [['verify', '--secret', channelSecret], 'give the x-line-signature value with --signature'],
    [['sign', '--secret', channelSecret, '/no/such/file'], 'cannot read /no/such/file (ENOENT)'],
    [['send', '--secret', channelSecret], 'give the address to POST to with --url'],
    [['send', '--secret', channelSecret, '--url', 'callback'], '--url callback is not an absolute'],
    [
      ['send', '--secret', channelSecret, '--url', 'http://127.0.0.1:1/', '--event', 'follow', 'x'],
      'give a body file or --event, not both',
    ],
    [
      ['send', '--secret', channelSecret, '--url', 'http://127.0.0.1:1/', '--event', 'hologram'],
      'no event type "hologram"',
    ],
  ])('exits 2 with a pointer to --help when misused: %j', async (args, message, env) => {
    const ran = await run(args, env === undefined ? {} : { env })
    expect(ran.code).toBe(2)
    expect(ran.stdout).toBe('')
    expect(ran.stderr).toMatch(/^line-webhook: /)
    expect(ran.stderr).toContain(message)
    expect(ran.stderr.endsWith(`\n${HINT}`)).toBe(true)
  })

  it('rejects with an unexpected error rather than calling it misuse', async () => {
    const broken = new Error('stdin went away')
    const io = {
      env: {},
      readStdin: () => Promise.reject(broken),
      stdout: () => undefined,
      stderr: () => undefined,
    }
    // The entry point reports these as unexpected (exit 70); they are not misuse.
    await expect(runCli(['sign', '--secret', channelSecret], io)).rejects.toBe(broken)
  })

  it('signs the exact bytes of a file, of standard input (no file or -), with either secret', async () => {
    const expected = `${await createSignature({ channelSecret, body })}\n`
    const fromFile = await run(['sign', '--secret', channelSecret, bodyFile])
    expect(fromFile).toEqual({ code: 0, stdout: expected, stderr: '' })
    expect(await run(['sign', '--secret', channelSecret], { stdin: body })).toEqual(fromFile)
    const env = { LINE_CHANNEL_SECRET: channelSecret }
    expect(await run(['sign', '-'], { stdin: body, env })).toEqual(fromFile)
    // --secret wins over the environment.
    expect(
      await run(['sign', '--secret', channelSecret, '-'], {
        stdin: body,
        env: { LINE_CHANNEL_SECRET: otherSecret },
      }),
    ).toEqual(fromFile)
    // Not UTF-8: the bytes are signed as they are, not decoded first.
    const bytes = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])
    expect(await run(['sign', '--secret', channelSecret], { stdin: bytes })).toEqual({
      code: 0,
      stdout: `${await createSignature({ channelSecret, body: bytes })}\n`,
      stderr: '',
    })
  })

  describe('verify', () => {
    it('exits 0 and prints "verified" when the signature holds', async () => {
      const signature = await createSignature({ channelSecret, body })
      expect(
        await run(['verify', '--secret', channelSecret, '--signature', signature, bodyFile]),
      ).toEqual({ code: 0, stdout: 'verified\n', stderr: '' })
    })

    it('exits 1 with the diagnosis on standard error, naming no secret or signature', async () => {
      const signature = await createSignature({ channelSecret, body })
      const pretty = JSON.stringify(JSON.parse(body), null, 2)
      const ran = await run(['verify', '--signature', signature], {
        stdin: pretty,
        env: { LINE_CHANNEL_SECRET: channelSecret },
      })
      expect(ran.code).toBe(1)
      expect(ran.stdout).toBe('')
      expect(ran.stderr).toMatch(
        /^not verified\n- body-reserialised: The signature matches the body serialised compactly/,
      )
      expect(ran.stderr).not.toContain(channelSecret)
      expect(ran.stderr).not.toContain(signature)
    })

    it('takes several secrets while rotating, and says which one verified', async () => {
      const signature = await createSignature({ channelSecret, body })
      const ran = await run(
        ['verify', '--secret', otherSecret, '--secret', channelSecret, '--signature', signature],
        { stdin: body },
      )
      expect(ran.code).toBe(0)
      expect(ran.stdout).toMatch(
        /^verified\n- other-secret: The signature verifies with channelSecret\[1\], not channelSecret\[0\]/,
      )
    })

    it('checks a 2016 x-line-channelsignature given with --legacy-signature', async () => {
      const signature = await createSignature({ channelSecret, body })
      const good = await run(
        ['verify', '--secret', channelSecret, '--legacy-signature', signature],
        { stdin: body },
      )
      expect(good.code).toBe(0)
      expect(good.stdout).toMatch(/^verified\n- legacy-header: .* it verifies by the same rule/)
      const bad = await run(['verify', '--secret', otherSecret, '--legacy-signature', signature], {
        stdin: body,
      })
      expect(bad.code).toBe(1)
      expect(bad.stderr).toMatch(/^not verified\n- legacy-header: .* it does not verify/)
    })
  })

  describe('decode', () => {
    const event = {
      type: 'follow',
      mode: 'active',
      timestamp: 1462629479859,
      webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR',
      deliveryContext: { isRedelivery: false },
      source: { type: 'user', userId: 'U4af4980629' },
      replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA',
      follow: { isUnblocked: false },
    }
    const withEvent = JSON.stringify({ destination: 'U0', events: [event] })
    const wrongDestination = '{"destination":1,"events":[]}'

    it('prints the decoded body as indented JSON', async () => {
      const ran = await run(['decode'], { stdin: withEvent })
      expect(ran).toEqual({
        code: 0,
        stdout: `${JSON.stringify({ destination: 'U0', events: [event] }, null, 2)}\n`,
        stderr: '',
      })
    })

    it('verifies first with --signature: decoded when it holds, else the failure and the diagnosis', async () => {
      const signature = await createSignature({ channelSecret, body: withEvent })
      const signed = await run(['decode', '--secret', channelSecret, '--signature', signature], {
        stdin: withEvent,
      })
      expect(signed.code).toBe(0)
      expect(JSON.parse(signed.stdout)).toEqual({ destination: 'U0', events: [event] })
      const forged = await run(['decode', '--signature', signature], {
        stdin: `${withEvent} `,
        env: { LINE_CHANNEL_SECRET: channelSecret },
      })
      expect(forged.code).toBe(1)
      expect(forged.stdout).toBe('')
      expect(forged.stderr).toMatch(/^signature mismatch: .*\nnot verified\n- [a-z-]+: /)
    })

    it('prints a signed body that does not decode without a signature diagnosis', async () => {
      const signature = await createSignature({ channelSecret, body: wrongDestination })
      const args = ['decode', '--secret', channelSecret, '--signature', signature]
      expect(await run(args, { stdin: wrongDestination })).toEqual({
        code: 1,
        stdout: '',
        stderr: 'invalid payload:\ndestination: expected string, got a number\n',
      })
      expect(await run([...args, '--values'], { stdin: wrongDestination })).toEqual({
        code: 1,
        stdout: '',
        stderr: 'invalid payload:\ndestination: expected string, got 1\n',
      })
    })

    it('exits 1 for a body that is not JSON, or not UTF-8', async () => {
      expect(await run(['decode'], { stdin: '{"destination":' })).toEqual({
        code: 1,
        stdout: '',
        stderr: 'malformed JSON: the body is not valid JSON\n',
      })
      expect(await run(['decode'], { stdin: new Uint8Array([0x22, 0xff, 0x22]) })).toEqual({
        code: 1,
        stdout: '',
        stderr: 'malformed JSON: the body is not valid UTF-8\n',
      })
    })

    it('shows the values of invalid fields only with --values', async () => {
      expect(await run(['decode'], { stdin: wrongDestination })).toEqual({
        code: 1,
        stdout: '',
        stderr: 'invalid payload:\ndestination: expected string, got a number\n',
      })
      expect(await run(['decode', '--values', '-'], { stdin: wrongDestination })).toEqual({
        code: 1,
        stdout: '',
        stderr: 'invalid payload:\ndestination: expected string, got 1\n',
      })
    })

    it('decodes 2016 bodies with --legacy and bodies without destination with --lenient', async () => {
      const legacy = JSON.stringify({ result: [] })
      expect((await run(['decode'], { stdin: legacy })).code).toBe(1)
      const adapted = await run(['decode', '--legacy'], { stdin: legacy })
      expect(adapted.code).toBe(0)
      expect(JSON.parse(adapted.stdout)).toMatchObject({ events: [] })
      const noDestination = JSON.stringify({ events: [] })
      expect((await run(['decode'], { stdin: noDestination })).code).toBe(1)
      const lenient = await run(['decode', '--lenient'], { stdin: noDestination })
      expect(lenient).toEqual({ code: 0, stdout: '{\n  "events": []\n}\n', stderr: '' })
    })
  })

  describe('send, to a real local server', () => {
    interface Received {
      readonly url: string | undefined
      readonly headers: Record<string, string | string[] | undefined>
      readonly body: Buffer
    }
    const received: Received[] = []
    let server: Server | undefined
    let url = ''
    beforeAll(async () => {
      server = createServer((request, response) => {
        const chunks: Buffer[] = []
        request.on('data', (chunk: Buffer) => chunks.push(chunk))
        request.on('end', () => {
          received.push({ url: request.url, headers: request.headers, body: Buffer.concat(chunks) })
          const status = request.url === '/reject' ? 401 : 200
          // One answer ends with a newline, so the command must not add a second.
          response
            .writeHead(status, { 'content-type': 'text/plain' })
            .end(status === 200 ? 'ok' : 'bad signature\n')
        })
      })
      const listening = server
      await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve))
      url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`
    })
    afterAll(async () => {
      await new Promise((resolve) => server?.close(resolve))
    })

    async function signedBy(request: Received | undefined): Promise<boolean> {
      const signature = request?.headers['x-line-signature']
      return verifySignature({
        channelSecret,
        body: request?.body ?? '',
        signature: typeof signature === 'string' ? signature : undefined,
      })
    }

    it('POSTs a body file or standard input, signed, and prints the answer', async () => {
      received.length = 0
      const args = ['send', '--secret', channelSecret, '--url', `${url}/callback`]
      expect(await run([...args, bodyFile])).toEqual({
        code: 0,
        stdout: '200 OK\nok\n',
        stderr: '',
      })
      expect(await run(args, { stdin: body })).toEqual({
        code: 0,
        stdout: '200 OK\nok\n',
        stderr: '',
      })
      expect(received).toHaveLength(2)
      for (const request of received) {
        expect(request.url).toBe('/callback')
        expect(request.body.toString('utf8')).toBe(body)
        expect(request.headers['content-type']).toBe('application/json')
        expect(await signedBy(request)).toBe(true)
      }
    })

    it('POSTs a test event with --event and --destination, the secret from the environment', async () => {
      received.length = 0
      const ran = await run(
        ['send', '--event', 'message', '--destination', 'Ubot', '--url', `${url}/callback`],
        { env: { LINE_CHANNEL_SECRET: channelSecret } },
      )
      expect(ran).toEqual({ code: 0, stdout: '200 OK\nok\n', stderr: '' })
      const [request] = received
      expect(await signedBy(request)).toBe(true)
      const sent = JSON.parse(request?.body.toString('utf8') ?? '') as {
        destination: string
        events: { type: string; message: { type: string } }[]
      }
      expect(sent.destination).toBe('Ubot')
      expect(sent.events).toHaveLength(1)
      expect(sent.events[0]).toMatchObject({ type: 'message', message: { type: 'text' } })
    })

    it('exits 1 and prints the answer when the server says no', async () => {
      const ran = await run([
        'send',
        '--secret',
        channelSecret,
        '--event',
        'follow',
        '--url',
        `${url}/reject`,
      ])
      expect(ran).toEqual({ code: 1, stdout: '401 Unauthorized\nbad signature\n', stderr: '' })
    })

    it('exits 1 with the reason when nothing listens, or fetch refuses the port', async () => {
      // A port that was just free: nothing listens there now.
      const closed = createServer()
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
      const { port } = closed.address() as AddressInfo
      await new Promise((resolve) => closed.close(resolve))
      const refused = `http://127.0.0.1:${port}/`
      expect(await run(['send', '--secret', channelSecret, '--url', refused, bodyFile])).toEqual({
        code: 1,
        stdout: '',
        stderr: `line-webhook: could not POST to ${refused} or read its answer (Error: connect ECONNREFUSED 127.0.0.1:${port})\n`,
      })
      // fetch blocks some ports (here 1, tcpmux) before connecting.
      const blocked = 'http://127.0.0.1:1/'
      expect(await run(['send', '--secret', channelSecret, '--url', blocked, bodyFile])).toEqual({
        code: 1,
        stdout: '',
        stderr: `line-webhook: could not POST to ${blocked} or read its answer (Error: bad port)\n`,
      })
    })

    it('exits 1, not 2, when the answer breaks off after its headers', async () => {
      const breaking = createServer((request, response) => {
        request.resume()
        response.writeHead(200, { 'content-length': '100' })
        response.write('partial')
        setTimeout(() => response.socket?.destroy(), 20)
      })
      await new Promise<void>((resolve) => breaking.listen(0, '127.0.0.1', resolve))
      const { port } = breaking.address() as AddressInfo
      const url = `http://127.0.0.1:${port}/`
      try {
        expect(await run(['send', '--secret', channelSecret, '--url', url, bodyFile])).toEqual({
          code: 1,
          stdout: '',
          stderr: `line-webhook: could not POST to ${url} or read its answer (SocketError: other side closed)\n`,
        })
      } finally {
        await new Promise((resolve) => breaking.close(resolve))
      }
    })
  })
})
