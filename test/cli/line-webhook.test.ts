/**
 * The built `line-webhook` command (dist/cli, made by `npm run build`), run as users run it: a
 * child process with arguments, environment and standard input.
 */
import { spawn } from 'node:child_process'
import { accessSync, constants, readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSignature, verifySignature } from '../../src/signature.js'

const root = fileURLToPath(new URL('../..', import.meta.url))
const cli = join(root, 'dist', 'cli', 'line-webhook.js')
const channelSecret = '8c570fa6dd201bb328f1c1eac23a96d8'
const body = '{"destination":"U0123456789abcdef0123456789abcdef","events":[]}'

interface Ran {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

function runCli(
  args: readonly string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...options.env }
    if (options.env?.['LINE_CHANNEL_SECRET'] === undefined) delete env['LINE_CHANNEL_SECRET']
    const child = spawn(process.execPath, [cli, ...args], { cwd: root, env })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      resolve({ code, stdout, stderr })
    })
    child.stdin.end(options.stdin ?? '')
  })
}

let dir = ''
let bodyFile = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'line-webhook-cli-'))
  bodyFile = join(dir, 'body.json')
  await writeFile(bodyFile, body)
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('line-webhook', () => {
  it('is built as an executable node script named by package.json "bin"', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      bin: Record<string, string>
    }
    expect(join(root, manifest.bin['line-webhook'] ?? '')).toBe(cli)
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
    if (process.platform !== 'win32') {
      expect(() => {
        accessSync(cli, constants.X_OK)
      }).not.toThrow()
    }
  })

  it('prints its help with --help', async () => {
    const ran = await runCli(['--help'])
    expect(ran.code).toBe(0)
    expect(ran.stdout).toMatch(/^Usage: line-webhook <command>/)
    for (const command of ['sign', 'verify', 'decode', 'send'])
      expect(ran.stdout).toContain(command)
  })

  it.each([
    [[], /no command given/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['sign', '--nope'], /Unknown option '--nope'/],
    [['sign', 'BODY'], /no channel secret: give --secret or set LINE_CHANNEL_SECRET/],
    [['verify', '--secret', channelSecret, 'BODY'], /give the x-line-signature value/],
    [
      ['sign', '--secret', channelSecret, '/no/such/file'],
      /cannot read \/no\/such\/file \(ENOENT\)/,
    ],
    [['send', '--secret', channelSecret, 'BODY'], /give the address to POST to with --url/],
    [
      ['send', '--secret', channelSecret, '--url', 'http://127.0.0.1:1', '--event', 'hologram'],
      /no event type "hologram"/,
    ],
    [['sign', '--secret', '', 'BODY'], /channelSecret must be a non-empty string/],
  ])('exits 2 with a clear message when misused: %s', async (args, message) => {
    // The body file is made in beforeAll, after the table is built.
    const ran = await runCli(args.map((arg) => (arg === 'BODY' ? bodyFile : arg)))
    expect(ran.code).toBe(2)
    expect(ran.stderr).toMatch(message)
    expect(ran.stderr).toContain('Run line-webhook --help for usage.')
  })

  it('signs a body from a file, from standard input, with the secret from the environment', async () => {
    const expected = `${await createSignature({ channelSecret, body })}\n`
    expect(await runCli(['sign', '--secret', channelSecret, bodyFile])).toEqual({
      code: 0,
      stdout: expected,
      stderr: '',
    })
    expect(await runCli(['sign', '--secret', channelSecret], { stdin: body })).toMatchObject({
      code: 0,
      stdout: expected,
    })
    expect(
      await runCli(['sign', '-'], { stdin: body, env: { LINE_CHANNEL_SECRET: channelSecret } }),
    ).toMatchObject({ code: 0, stdout: expected })
  })

  it('verifies: exit 0 when the signature holds, else 1 with the diagnosis', async () => {
    const signature = await createSignature({ channelSecret, body })
    const good = await runCli([
      'verify',
      '--secret',
      channelSecret,
      '--signature',
      signature,
      bodyFile,
    ])
    expect(good).toEqual({ code: 0, stdout: 'verified\n', stderr: '' })
    const pretty = JSON.stringify(JSON.parse(body), null, 2)
    const bad = await runCli(['verify', '--signature', signature], {
      stdin: pretty,
      env: { LINE_CHANNEL_SECRET: channelSecret },
    })
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(
      /^not verified\n- body-reserialised: The signature matches the body serialised compactly/,
    )
    expect(bad.stderr).not.toContain(channelSecret)
    expect(bad.stderr).not.toContain(signature)
  })

  it('decodes a body to JSON, verifying it when given a signature', async () => {
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
    const unsigned = await runCli(['decode'], { stdin: withEvent })
    expect(unsigned.code).toBe(0)
    expect(JSON.parse(unsigned.stdout)).toEqual({ destination: 'U0', events: [event] })
    const signature = await createSignature({ channelSecret, body: withEvent })
    const signed = await runCli(['decode', '--secret', channelSecret, '--signature', signature], {
      stdin: withEvent,
    })
    expect(JSON.parse(signed.stdout)).toEqual({ destination: 'U0', events: [event] })
    const forged = await runCli(['decode', '--secret', channelSecret, '--signature', signature], {
      stdin: `${withEvent} `,
    })
    expect(forged.code).toBe(1)
    expect(forged.stderr).toMatch(/^signature mismatch: .*\nnot verified\n- body-reserialised: /)
  })

  it('prints the formatted failure and exits 1 for a body that does not decode', async () => {
    const invalid = JSON.stringify({
      destination: 'U0',
      events: [{ type: 'follow', follow: { isUnblocked: 'yes' } }],
    })
    const ran = await runCli(['decode'], { stdin: invalid })
    expect(ran.code).toBe(0) // an invalid event is kept as InvalidEvent, not a failure
    expect(JSON.parse(ran.stdout)).toMatchObject({ events: [{ _tag: 'InvalidEvent', index: 0 }] })
    const notJson = await runCli(['decode'], { stdin: '{"destination":' })
    expect(notJson).toEqual({
      code: 1,
      stdout: '',
      stderr: 'malformed JSON: the body is not valid JSON\n',
    })
    const broken = await runCli(['decode', '--values'], { stdin: '{"destination":1,"events":[]}' })
    expect(broken).toEqual({
      code: 1,
      stdout: '',
      stderr: 'invalid payload:\ndestination: expected string, got 1\n',
    })
  })

  it('decodes 2016 bodies with --legacy and newer shapes with --lenient', async () => {
    const legacy = JSON.stringify({ result: [] })
    expect((await runCli(['decode'], { stdin: legacy })).code).toBe(1)
    const adapted = await runCli(['decode', '--legacy'], { stdin: legacy })
    expect(adapted.code).toBe(0)
    expect(JSON.parse(adapted.stdout)).toMatchObject({ events: [] })
    const noDestination = JSON.stringify({ events: [] })
    expect((await runCli(['decode'], { stdin: noDestination })).code).toBe(1)
    expect((await runCli(['decode', '--lenient'], { stdin: noDestination })).code).toBe(0)
  })

  describe('send, to a real local server', () => {
    interface Received {
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
          received.push({ headers: request.headers, body: Buffer.concat(chunks) })
          const status = request.url === '/reject' ? 401 : 200
          response
            .writeHead(status, { 'content-type': 'text/plain' })
            .end(status === 200 ? 'ok' : 'bad signature')
        })
      })
      const listening = server
      await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve))
      url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`
    })
    afterAll(async () => {
      await new Promise((resolve) => server?.close(resolve))
    })

    it('POSTs a signed body file and prints the answer', async () => {
      received.length = 0
      const ran = await runCli([
        'send',
        '--secret',
        channelSecret,
        '--url',
        `${url}/callback`,
        bodyFile,
      ])
      expect(ran).toEqual({ code: 0, stdout: '200 OK\nok\n', stderr: '' })
      const [request] = received
      expect(request?.body.toString('utf8')).toBe(body)
      expect(request?.headers['content-type']).toBe('application/json')
      const signature = request?.headers['x-line-signature']
      expect(
        await verifySignature({
          channelSecret,
          body: request?.body ?? '',
          signature: typeof signature === 'string' ? signature : undefined,
        }),
      ).toBe(true)
    })

    it('POSTs a test event with --event and exits 1 when the server says no', async () => {
      received.length = 0
      const ok = await runCli(['send', '--event', 'message', '--url', `${url}/callback`], {
        env: { LINE_CHANNEL_SECRET: channelSecret },
      })
      expect(ok.code).toBe(0)
      const sent = JSON.parse(received[0]?.body.toString('utf8') ?? '') as {
        events: { type: string; message: { type: string } }[]
      }
      expect(sent.events).toHaveLength(1)
      expect(sent.events[0]).toMatchObject({ type: 'message', message: { type: 'text' } })
      const rejected = await runCli([
        'send',
        '--secret',
        channelSecret,
        '--event',
        'follow',
        '--url',
        `${url}/reject`,
      ])
      expect(rejected).toEqual({ code: 1, stdout: '401 Unauthorized\nbad signature\n', stderr: '' })
    })

    it('exits 1 with a message when nothing listens', async () => {
      // A port that was just free: nothing listens there now.
      const closed = createServer()
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
      const { port } = closed.address() as AddressInfo
      await new Promise((resolve) => closed.close(resolve))
      const ran = await runCli([
        'send',
        '--secret',
        channelSecret,
        '--url',
        `http://127.0.0.1:${port}/`,
        bodyFile,
      ])
      expect(ran).toEqual({
        code: 1,
        stdout: '',
        stderr: `line-webhook: could not POST to http://127.0.0.1:${port}/ or read its answer (Error: connect ECONNREFUSED 127.0.0.1:${port})\n`,
      })
    })
  })
})
