import { once } from 'node:events'
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createSignature,
  createWebhookHandler,
  type NodeRequestLike,
  type NodeResponseLike,
  type WebhookHandler,
  type WebhookHandlerOptions,
} from '../../src/index.js'
import { VERIFY_BODY, bodyOf, channelSecret, textMessage } from './support.js'

interface Answered {
  readonly status: number | undefined
  readonly headers: IncomingMessage['headers']
  readonly text: string
}

let server: Server
let port: number
let webhook: WebhookHandler
/** What each webhook.node call resolved or rejected with, to check it never rejects. */
let calls: Promise<void>[]

async function listen(options: WebhookHandlerOptions): Promise<void> {
  webhook = createWebhookHandler(options)
  calls = []
  server = createServer((req, res) => {
    calls.push(webhook.node(req, res))
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  port = (server.address() as AddressInfo).port
}

afterEach(async () => {
  server.closeAllConnections()
  server.close()
  await once(server, 'close')
  vi.restoreAllMocks()
})

/** Sends `chunks` one by one, then answers what came back. */
function send(
  chunks: readonly (string | Uint8Array)[],
  headers: Record<string, string | number> = {},
  method = 'POST',
): Promise<Answered> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method, path: '/webhook', headers },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => {
          resolve({ status: res.statusCode, headers: res.headers, text })
        })
      },
    )
    req.on('error', reject)
    for (const chunk of chunks) req.write(chunk)
    req.end()
  })
}

async function sendSigned(body: string, headers: Record<string, string> = {}): Promise<Answered> {
  const signature = await createSignature({ channelSecret, body })
  return send([body], { 'x-line-signature': signature, ...headers })
}

describe('webhook.node over a real node:http server', () => {
  const seen: string[] = []
  beforeEach(async () => {
    seen.length = 0
    await listen({
      channelSecret,
      maxBodyBytes: 4096,
      on: {
        message: (event) => {
          seen.push(event.message.type === 'text' ? event.message.text : String(event.message.type))
        },
      },
    })
  })

  it('answers 200 for a signed body read from the stream, then runs the handler', async () => {
    const answered = await sendSigned(bodyOf([textMessage('over node:http')]))
    expect([answered.status, answered.text]).toEqual([200, 'OK'])
    expect(answered.headers['content-type']).toBe('text/plain; charset=utf-8')
    await webhook.drain()
    expect(seen).toEqual(['over node:http'])
    await expect(Promise.all(calls)).resolves.toEqual([undefined])
  })

  it("answers the console's Verify request 200", async () => {
    expect((await sendSigned(VERIFY_BODY)).status).toBe(200)
  })

  it('reads a body sent in many chunks', async () => {
    const body = bodyOf([textMessage('chunked')])
    const signature = await createSignature({ channelSecret, body })
    const chunks = body.match(/.{1,7}/gs) ?? []
    expect((await send(chunks, { 'x-line-signature': signature })).status).toBe(200)
    await webhook.drain()
    expect(seen).toEqual(['chunked'])
  })

  it('answers 401, 400 and 405', async () => {
    expect((await send([VERIFY_BODY], { 'x-line-signature': 'wrong' })).status).toBe(401)
    expect((await sendSigned('not json')).status).toBe(400)
    const get = await send([], {}, 'GET')
    expect([get.status, get.headers.allow]).toEqual([405, 'POST'])
  })

  it('answers 413 at once for a Content-Length over the limit', async () => {
    const answered = await send(['x'.repeat(5000)], { 'content-length': 5000 })
    expect([answered.status, answered.headers.connection]).toEqual([413, 'close'])
  })

  it('answers 413 for a streamed body that goes over the limit, and stops collecting', async () => {
    const chunk = 'x'.repeat(1000)
    const answered = await send([chunk, chunk, chunk, chunk, chunk, chunk], {
      'transfer-encoding': 'chunked',
    })
    expect([answered.status, answered.text]).toEqual([413, 'Payload Too Large'])
    await expect(Promise.all(calls)).resolves.toEqual([undefined])
  })

  it('settles, runs nothing and reports nothing when the client goes away mid-body', async () => {
    const consoleError = vi.spyOn(console, 'error')
    const body = bodyOf([textMessage('never complete')])
    const signature = await createSignature({ channelSecret, body })
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/webhook',
      headers: { 'x-line-signature': signature, 'content-length': body.length },
    })
    req.on('error', () => undefined)
    req.write(body.slice(0, 20))
    await vi.waitFor(() => {
      expect(calls).toHaveLength(1)
    })
    req.destroy()
    await expect(Promise.all(calls)).resolves.toEqual([undefined])
    await webhook.drain()
    expect(seen).toEqual([])
    expect(consoleError).not.toHaveBeenCalled()
  })
})

describe('webhook.node on what platforms have read already', () => {
  /** A request as a platform hands it over: a stream, and what it has read. */
  function platformRequest(
    body: string,
    fields: Partial<Pick<NodeRequestLike, 'rawBody' | 'body' | 'method' | 'url'>> = {},
    headers: NodeRequestLike['headers'] = {},
  ): Readable & NodeRequestLike {
    return Object.assign(Readable.from([Buffer.from(body)]), {
      method: 'POST',
      url: '/webhook',
      headers,
      ...fields,
    })
  }

  function recordingResponse(headersSent = false) {
    const written: { status?: number; headers?: Readonly<Record<string, string>>; text?: string } =
      {}
    const res: NodeResponseLike = {
      headersSent,
      writeHead: (status, headers) => Object.assign(written, { status, headers }),
      end: (text) => Object.assign(written, { text }),
    }
    return { res, written }
  }

  const signed = async (body: string) => ({
    'x-line-signature': await createSignature({ channelSecret, body }),
  })

  it.each([
    [
      'req.rawBody, a Buffer (Firebase, Cloud Functions, NestJS)',
      (b: string) => ({ rawBody: Buffer.from(b) }),
    ],
    ['req.rawBody, a string', (b: string) => ({ rawBody: b })],
    ['req.body, a Buffer (express.raw)', (b: string) => ({ body: Buffer.from(b) })],
    ['req.body, a string (express.text)', (b: string) => ({ body: b })],
  ])('uses %s instead of the stream', async (_, fields) => {
    const seen: string[] = []
    const handler = createWebhookHandler({
      channelSecret,
      on: {
        message: (event, context) => void seen.push(`${context.request.pathname} ${event.type}`),
      },
    })
    const body = bodyOf([textMessage('read already')])
    // The stream holds something else: were it read, the signature would not match.
    const req = platformRequest('stream already consumed', fields(body), await signed(body))
    const { res, written } = recordingResponse()
    await handler.node(req, res)
    expect(written.status).toBe(200)
    await handler.drain()
    expect(seen).toEqual(['/webhook message'])
  })

  it('measures a body read already against the limit', async () => {
    const handler = createWebhookHandler({ channelSecret, maxBodyBytes: 10 })
    const { res, written } = recordingResponse()
    await handler.node(platformRequest('', { rawBody: 'é'.repeat(6) }), res)
    expect([written.status, written.headers?.['connection']]).toEqual([413, 'close'])
  })

  it('answers 500 and logs the fix when a JSON parser has turned the body into an object', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const handler = createWebhookHandler({ channelSecret })
    const req = platformRequest(
      VERIFY_BODY,
      { body: JSON.parse(VERIFY_BODY) as unknown },
      await signed(VERIFY_BODY),
    )
    const { res, written } = recordingResponse()
    await handler.node(req, res)
    expect([written.status, written.text]).toEqual([500, 'Internal Server Error'])
    expect(consoleError).toHaveBeenCalledOnce()
    const call: readonly unknown[] = consoleError.mock.calls[0] ?? []
    const [message, error] = call
    expect(message).toBe('line-webhook: answered 500, the server is set up wrongly:')
    expect(error).toBeInstanceOf(TypeError)
    expect(String(error)).toMatch(/JSON body parser ran before webhook\.node.*express\.raw/)
  })

  it('answers 500 and logs when the stream was read to its end and nothing kept', async () => {
    const onServerError = vi.fn()
    const handler = createWebhookHandler({ channelSecret, onServerError })
    const req = platformRequest(VERIFY_BODY, {}, await signed(VERIFY_BODY))
    for await (const chunk of req) expect(chunk).toBeDefined()
    expect(req.readableEnded).toBe(true)
    const { res, written } = recordingResponse()
    await handler.node(req, res)
    expect(written.status).toBe(500)
    expect(String(onServerError.mock.calls[0]?.[0])).toMatch(/read to its end/)
  })

  it('reads string chunks (a stream with setEncoding)', async () => {
    const handler = createWebhookHandler({ channelSecret })
    const req = platformRequest(VERIFY_BODY, {}, await signed(VERIFY_BODY))
    req.setEncoding('utf8')
    const { res, written } = recordingResponse()
    await handler.node(req, res)
    expect(written.status).toBe(200)
  })

  it('joins a repeated header, which then does not verify', async () => {
    const handler = createWebhookHandler({ channelSecret })
    const { 'x-line-signature': signature } = await signed(VERIFY_BODY)
    const req = platformRequest(VERIFY_BODY, {}, { 'x-line-signature': [signature, signature] })
    const { res, written } = recordingResponse()
    await handler.node(req, res)
    expect(written.status).toBe(401)
  })

  it('answers 405 when the platform gives no method', async () => {
    const handler = createWebhookHandler({ channelSecret })
    const req = platformRequest(VERIFY_BODY, { method: undefined, url: undefined })
    const { res, written } = recordingResponse()
    await handler.node(req, res)
    expect(written.status).toBe(405)
  })

  it('writes nothing when something else has answered', async () => {
    const handler = createWebhookHandler({ channelSecret })
    const { res, written } = recordingResponse(true)
    await handler.node(platformRequest(VERIFY_BODY, {}, await signed(VERIFY_BODY)), res)
    expect(written).toEqual({})
  })

  it('writes the answer before the first handler starts, with no timer in between', async () => {
    vi.useFakeTimers()
    try {
      const log: string[] = []
      const handler = createWebhookHandler({
        channelSecret,
        on: { message: () => void log.push('handled') },
      })
      const body = bodyOf([textMessage('answer first')])
      const res: NodeResponseLike = {
        writeHead: (status) => log.push(`answered ${status}`),
        end: () => log.push('ended'),
      }
      await handler.node(platformRequest('', { rawBody: body }, await signed(body)), res)
      // No timer is advanced: the handlers were started as the answer was written.
      await handler.drain()
      expect(log).toEqual(['answered 200', 'ended', 'handled'])
    } finally {
      vi.useRealTimers()
    }
  })

  it("runs the handlers before writing the answer with respond: 'after-handlers'", async () => {
    const log: string[] = []
    const handler = createWebhookHandler({
      channelSecret,
      respond: 'after-handlers',
      on: { message: () => void log.push('handled') },
    })
    const body = bodyOf([textMessage('lambda')])
    const res: NodeResponseLike = {
      writeHead: (status) => log.push(`answered ${status}`),
      end: () => undefined,
    }
    await handler.node(platformRequest('', { rawBody: body }, await signed(body)), res)
    expect(log).toEqual(['handled', 'answered 200'])
  })
})
