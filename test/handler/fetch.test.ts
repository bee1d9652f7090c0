import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME,
  createSignature,
  createWebhookHandler,
  type MessageEvent,
  type WebhookEventContext,
} from '../../src/index.js'
import { decodeLegacyCallbackRequest } from '../../src/legacy/index.js'
import {
  URL_,
  VERIFY_BODY,
  bodyOf,
  channelSecret,
  deferred,
  eventOf,
  followEvent,
  signedRequest,
  textMessage,
} from './support.js'

afterEach(() => {
  vi.restoreAllMocks()
})

const textOf = (event: MessageEvent): string =>
  event.message.type === 'text' ? event.message.text : String(event.message.type)

describe('webhook.fetch answers', () => {
  it('200 once verified and decoded, then runs the handler after the answer', async () => {
    const seen: string[] = []
    const webhook = createWebhookHandler({
      channelSecret,
      on: { message: (event) => void seen.push(textOf(event)) },
    })
    const response = await webhook.fetch(await signedRequest(bodyOf([textMessage('hi')])))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await response.text()).toBe('OK')
    expect(seen).toEqual([])
    await webhook.drain()
    expect(seen).toEqual(['hi'])
  })

  it("200 for the console's Verify request, running no handler", async () => {
    const onUnknownEvent = vi.fn()
    const message = vi.fn()
    const webhook = createWebhookHandler({ channelSecret, on: { message }, onUnknownEvent })
    const response = await webhook.fetch(await signedRequest(VERIFY_BODY))
    expect(response.status).toBe(200)
    await webhook.drain()
    expect(message).not.toHaveBeenCalled()
    expect(onUnknownEvent).not.toHaveBeenCalled()
  })

  it('401 for a wrong or missing signature, running nothing', async () => {
    const message = vi.fn()
    const webhook = createWebhookHandler({ channelSecret, on: { message } })
    const body = bodyOf([textMessage('forged')])
    const forged = await webhook.fetch(await signedRequest(body, { secret: 'another secret' }))
    expect([forged.status, await forged.text()]).toEqual([
      401,
      'Unauthorized: the signature does not match',
    ])
    const unsigned = await webhook.fetch(new Request(URL_, { method: 'POST', body }))
    expect(unsigned.status).toBe(401)
    const empty = await webhook.fetch(new Request(URL_, { method: 'POST' }))
    expect(empty.status).toBe(401)
    await webhook.drain()
    expect(message).not.toHaveBeenCalled()
  })

  it('400 for a signed body that is not JSON, or not a webhook body', async () => {
    const webhook = createWebhookHandler({ channelSecret })
    const notJson = await webhook.fetch(await signedRequest('{"destination":'))
    expect([notJson.status, await notJson.text()]).toEqual([
      400,
      'Bad Request: the body is not JSON',
    ])
    const notWebhook = await webhook.fetch(await signedRequest('[]'))
    expect([notWebhook.status, await notWebhook.text()]).toEqual([
      400,
      'Bad Request: the body is not a LINE webhook body',
    ])
  })

  it('400 for bytes that are not UTF-8, signed or not', async () => {
    const webhook = createWebhookHandler({ channelSecret })
    const body = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])
    const signature = await createSignature({ channelSecret, body })
    const signed = new Request(URL_, {
      method: 'POST',
      body,
      headers: { 'x-line-signature': signature },
    })
    expect((await webhook.fetch(signed)).status).toBe(400)
    expect((await webhook.fetch(new Request(URL_, { method: 'POST', body }))).status).toBe(401)
  })

  it('405 with Allow: POST for any other method', async () => {
    const webhook = createWebhookHandler({ channelSecret })
    for (const method of ['GET', 'HEAD', 'PUT', 'OPTIONS']) {
      const response = await webhook.fetch(new Request(URL_, { method }))
      expect([method, response.status, response.headers.get('allow')]).toEqual([
        method,
        405,
        'POST',
      ])
    }
  })

  it('ignores the Content-Type', async () => {
    const webhook = createWebhookHandler({ channelSecret })
    for (const type of [
      'text/plain',
      'application/octet-stream',
      'application/json; charset=utf-8',
    ]) {
      const request = await signedRequest(VERIFY_BODY, { headers: { 'content-type': type } })
      expect((await webhook.fetch(request)).status).toBe(200)
    }
  })

  it('never rejects or answers 5xx for hostile input', async () => {
    const onServerError = vi.fn()
    const webhook = createWebhookHandler({ channelSecret, maxBodyBytes: 1024, onServerError })
    const requests = [
      new Request(URL_, { method: 'POST', body: 'x'.repeat(10_000) }),
      new Request(URL_, { method: 'POST', body: '\u0000'.repeat(100) }),
      new Request(URL_, {
        method: 'POST',
        body: '{"destination":"U0","events":[]}',
        headers: { 'x-line-signature': '=' },
      }),
      new Request(URL_, {
        method: 'POST',
        body: '[[[[[[[[[[',
        headers: { 'content-length': 'lots' },
      }),
      new Request(URL_, { method: 'DELETE', body: 'x' }),
      await signedRequest(
        JSON.stringify({ destination: 'U0', events: [1, null, 'x', { type: '' }] }),
      ),
    ]
    const statuses = await Promise.all(requests.map(async (r) => (await webhook.fetch(r)).status))
    expect(statuses).toEqual([413, 401, 401, 401, 405, 200])
    await webhook.drain()
    expect(onServerError).not.toHaveBeenCalled()
  })
})

describe('the body limit', () => {
  it('answers 413 at once for a Content-Length over maxBodyBytes', async () => {
    const webhook = createWebhookHandler({ channelSecret, maxBodyBytes: 10 })
    const request = await signedRequest(VERIFY_BODY, { headers: { 'content-length': '41' } })
    const response = await webhook.fetch(request)
    expect([response.status, await response.text()]).toEqual([413, 'Payload Too Large'])
    expect(request.bodyUsed).toBe(false)
  })

  it('stops reading a streamed body at the limit', async () => {
    let pulled = 0
    let cancelled = false
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1
        controller.enqueue(new Uint8Array(100))
      },
      cancel() {
        cancelled = true
      },
    })
    const webhook = createWebhookHandler({ channelSecret, maxBodyBytes: 1000 })
    const request = new Request(URL_, {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit)
    const response = await webhook.fetch(request)
    expect(response.status).toBe(413)
    // Ten chunks fit; the eleventh goes over; a stream may pull a few ahead, never on and on.
    expect(pulled).toBeGreaterThanOrEqual(11)
    expect(pulled).toBeLessThan(20)
    await vi.waitFor(() => {
      expect(cancelled).toBe(true)
    })
  })

  it('stops at the limit even when cancelling the stream fails', async () => {
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(100))
      },
      cancel() {
        throw new Error('cannot cancel')
      },
    })
    const webhook = createWebhookHandler({ channelSecret, maxBodyBytes: 150 })
    const request = new Request(URL_, {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect((await webhook.fetch(request)).status).toBe(413)
  })

  it('accepts a body of exactly maxBodyBytes', async () => {
    const webhook = createWebhookHandler({ channelSecret, maxBodyBytes: VERIFY_BODY.length })
    expect((await webhook.fetch(await signedRequest(VERIFY_BODY))).status).toBe(200)
  })

  it('answers 400 for a stream that fails mid-body', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"destination"'))
        controller.error(new Error('connection reset'))
      },
    })
    const webhook = createWebhookHandler({ channelSecret })
    const request = new Request(URL_, {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit)
    const response = await webhook.fetch(request)
    expect([response.status, await response.text()]).toEqual([
      400,
      'Bad Request: the body could not be read',
    ])
  })

  it('answers 500 and says why when the body was read before', async () => {
    const onServerError = vi.fn()
    const webhook = createWebhookHandler({ channelSecret, onServerError })
    const request = await signedRequest(VERIFY_BODY)
    await request.text()
    expect((await webhook.fetch(request)).status).toBe(500)
    expect(onServerError).toHaveBeenCalledWith(expect.any(TypeError))
    expect(String(onServerError.mock.calls[0]?.[0])).toMatch(/already read.*request\.clone\(\)/)
  })
})

describe('answering first, or after the handlers', () => {
  it('hands the running handlers to waitUntil', async () => {
    const seen: string[] = []
    const waitUntil = vi.fn<(promise: Promise<unknown>) => void>()
    const webhook = createWebhookHandler({
      channelSecret,
      on: { message: (event) => void seen.push(textOf(event)) },
    })
    const response = await webhook.fetch(await signedRequest(bodyOf([textMessage('a')])), {
      waitUntil,
    })
    expect(response.status).toBe(200)
    expect(waitUntil).toHaveBeenCalledOnce()
    expect(seen).toEqual([])
    await waitUntil.mock.calls[0]?.[0]
    expect(seen).toEqual(['a'])
  })

  it("calls waitUntil on its context, as Cloudflare's ctx requires", async () => {
    const given: unknown[] = []
    // workerd's ExecutionContext throws "Illegal invocation" when waitUntil is called unbound.
    class ExecutionContext {
      waitUntil(promise: Promise<unknown>): void {
        if (!(this instanceof ExecutionContext)) throw new TypeError('Illegal invocation')
        given.push(promise)
      }
    }
    const webhook = createWebhookHandler({ channelSecret, on: { message: () => undefined } })
    const request = await signedRequest(bodyOf([textMessage('a')]))
    expect((await webhook.fetch(request, new ExecutionContext())).status).toBe(200)
    expect(given).toHaveLength(1)
  })

  it('runs the handlers without waitUntil when the context has none', async () => {
    const seen: string[] = []
    const webhook = createWebhookHandler({
      channelSecret,
      on: { message: (event) => void seen.push(textOf(event)) },
    })
    const request = await signedRequest(bodyOf([textMessage('a')]))
    expect((await webhook.fetch(request, {})).status).toBe(200)
    await webhook.drain()
    expect(seen).toEqual(['a'])
  })

  it('calls no waitUntil for a request that runs nothing', async () => {
    const waitUntil = vi.fn()
    const webhook = createWebhookHandler({ channelSecret })
    await webhook.fetch(await signedRequest(VERIFY_BODY), { waitUntil })
    await webhook.fetch(new Request(URL_), { waitUntil })
    expect(waitUntil).not.toHaveBeenCalled()
  })

  it("runs the handlers before answering with respond: 'after-handlers'", async () => {
    const seen: string[] = []
    const webhook = createWebhookHandler({
      channelSecret,
      respond: 'after-handlers',
      on: {
        message: async (event) => {
          await Promise.resolve()
          seen.push(textOf(event))
        },
      },
    })
    const response = await webhook.fetch(
      await signedRequest(bodyOf([textMessage('a'), textMessage('b')])),
    )
    expect(response.status).toBe(200)
    expect(seen).toEqual(['a', 'b'])
  })

  it('runs the handlers before answering once maxPendingRequests are still running', async () => {
    const gate = deferred()
    const seen: string[] = []
    const webhook = createWebhookHandler({
      channelSecret,
      maxPendingRequests: 1,
      on: {
        message: async (event) => {
          if (textOf(event) === 'slow') await gate.promise
          seen.push(textOf(event))
        },
      },
    })
    await webhook.fetch(await signedRequest(bodyOf([textMessage('slow')])))
    await webhook.fetch(await signedRequest(bodyOf([textMessage('pressed')])))
    expect(seen).toEqual(['pressed'])
    gate.resolve()
    await webhook.drain()
    expect(seen).toEqual(['pressed', 'slow'])
  })
})

describe('handlers', () => {
  it('run in body order, one after another', async () => {
    const log: string[] = []
    const first = deferred()
    const webhook = createWebhookHandler({
      channelSecret,
      on: {
        message: async (event) => {
          log.push(`start ${textOf(event)}`)
          if (textOf(event) === '1') await first.promise
          log.push(`end ${textOf(event)}`)
        },
        follow: () => void log.push('follow'),
      },
    })
    const body = bodyOf([textMessage('1'), followEvent(), textMessage('2')])
    await webhook.fetch(await signedRequest(body))
    await vi.waitFor(() => {
      expect(log).toEqual(['start 1'])
    })
    first.resolve()
    await webhook.drain()
    expect(log).toEqual(['start 1', 'end 1', 'follow', 'start 2', 'end 2'])
  })

  it('send a throw or a rejection to onError with its event, and the others still run', async () => {
    const seen: string[] = []
    const onError = vi.fn()
    const webhook = createWebhookHandler({
      channelSecret,
      onError,
      on: {
        message: async (event) => {
          if (textOf(event) === 'rejects') throw new Error('rejected')
          seen.push(textOf(event))
          return Promise.resolve()
        },
        follow: () => {
          throw new Error('thrown')
        },
      },
    })
    const follow = followEvent()
    await webhook.fetch(
      await signedRequest(bodyOf([textMessage('rejects'), follow, textMessage('runs')])),
    )
    await webhook.drain()
    expect(seen).toEqual(['runs'])
    expect(
      onError.mock.calls.map(([error, event]) => [
        (error as Error).message,
        (event as { type: string }).type,
      ]),
    ).toEqual([
      ['rejected', 'message'],
      ['thrown', 'follow'],
    ])
  })

  it('survive an onError that throws or rejects: no crash, no unhandled rejection', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const after = vi.fn()
    let calls = 0
    const webhook = createWebhookHandler({
      channelSecret,
      onError: () => {
        calls += 1
        if (calls === 1) throw new Error('onError threw')
        return Promise.reject(new Error('onError rejected'))
      },
      on: {
        message: () => {
          throw new Error('handler failed')
        },
        follow: after,
      },
    })
    const body = bodyOf([textMessage('1'), textMessage('2'), followEvent()])
    await webhook.fetch(await signedRequest(body))
    await webhook.drain()
    expect(after).toHaveBeenCalledOnce()
    expect(consoleError).toHaveBeenCalledTimes(2)
    expect(consoleError.mock.calls.map((call) => (call[3] as Error).message)).toEqual([
      'onError threw',
      'onError rejected',
    ])
    // Both errors, each said for what it is: the handler's, then the one onError raised.
    expect(consoleError.mock.calls[0]?.slice(0, 3)).toEqual([
      'line-webhook: onError threw while reporting',
      new Error('handler failed'),
      'and then',
    ])
  })

  it('report to console.error by default, naming the event type only', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const webhook = createWebhookHandler({
      channelSecret,
      dedup: false,
      on: {
        message: () => {
          throw new Error('boom')
        },
      },
      onInvalidEvent: () => {
        throw new Error('bang')
      },
    })
    await webhook.fetch(
      await signedRequest(bodyOf([textMessage('secret text'), { type: 'message' }])),
    )
    await webhook.drain()
    expect(consoleError.mock.calls).toEqual([
      ['line-webhook: handling a message event failed:', new Error('boom')],
      ['line-webhook: handling a fallback event failed:', new Error('bang')],
    ])
  })

  it('give the fallbacks to onUnknownEvent and onInvalidEvent', async () => {
    const unknown = vi.fn()
    const invalid = vi.fn()
    const webhook = createWebhookHandler({
      channelSecret,
      onUnknownEvent: unknown,
      onInvalidEvent: invalid,
    })
    const hologram = eventOf('hologram')
    await webhook.fetch(await signedRequest(bodyOf([hologram, { type: 'message' }, 5])))
    await webhook.drain()
    expect(unknown).toHaveBeenCalledWith(
      expect.objectContaining({ _tag: 'UnknownEvent', raw: hologram }),
      expect.anything(),
    )
    expect(
      invalid.mock.calls.map(([event]) => (event as { index: number; raw: unknown }).raw),
    ).toEqual([{ type: 'message' }, 5])
  })

  it('skip events of a type without a handler, and fallbacks without one', async () => {
    const follow = vi.fn()
    const webhook = createWebhookHandler({ channelSecret, on: { follow } })
    const body = bodyOf([
      textMessage('no handler'),
      eventOf('hologram'),
      { type: 'message' },
      followEvent(),
    ])
    expect((await webhook.fetch(await signedRequest(body))).status).toBe(200)
    await webhook.drain()
    expect(follow).toHaveBeenCalledOnce()
  })

  it('pass decode options through', async () => {
    const strict = createWebhookHandler({ channelSecret, decode: { onInvalidEvent: 'fail' } })
    const invalid = bodyOf([{ type: 'message' }])
    expect((await strict.fetch(await signedRequest(invalid))).status).toBe(400)

    const seen: unknown[] = []
    const lenient = createWebhookHandler({
      channelSecret,
      decode: { lenient: true },
      on: { message: (event) => void seen.push(event.message) },
    })
    const forwarded = JSON.stringify({
      events: [
        {
          type: '',
          source: { type: 'user', userId: 'U0' },
          message: { id: '1', type: 'TEXT', text: 'hello' },
        },
      ],
    })
    expect((await lenient.fetch(await signedRequest(forwarded))).status).toBe(200)
    await lenient.drain()
    expect(seen).toEqual([{ id: '1', type: 'text', text: 'hello' }])
  })
})

describe('the context', () => {
  it('says which secret verified, and carries the verified request', async () => {
    const contexts: WebhookEventContext[] = []
    const webhook = createWebhookHandler({
      channelSecret: ['new secret', 'old secret'],
      on: { message: (_, context) => void contexts.push(context) },
    })
    for (const secret of ['old secret', 'new secret']) {
      const body = bodyOf([textMessage(secret)], 'Ubot')
      await webhook.fetch(
        await signedRequest(body, { secret, url: `${URL_}?from=${secret.split(' ')[0] ?? ''}` }),
      )
    }
    await webhook.drain()
    expect(
      contexts.map(({ secretIndex, signatureHeader, request }) => ({
        secretIndex,
        signatureHeader,
        method: request.method,
        url: request.url,
        pathname: request.pathname,
        destination: request.destination,
        signature: typeof request.header('X-Line-Signature'),
      })),
    ).toEqual([
      {
        secretIndex: 1,
        signatureHeader: 'x-line-signature',
        method: 'POST',
        url: `${URL_}?from=old`,
        pathname: '/webhook',
        destination: 'Ubot',
        signature: 'string',
      },
      {
        secretIndex: 0,
        signatureHeader: 'x-line-signature',
        method: 'POST',
        url: `${URL_}?from=new`,
        pathname: '/webhook',
        destination: 'Ubot',
        signature: 'string',
      },
    ])
  })

  it('names the 2016 header when acceptLegacy took the signature from it', async () => {
    const headers: string[] = []
    const webhook = createWebhookHandler({
      channelSecret,
      decode: { acceptLegacy: decodeLegacyCallbackRequest },
      dedup: false,
      on: { unfollow: (_, context) => void headers.push(context.signatureHeader) },
    })
    const operation = {
      eventType: '138311609100106403',
      id: 'ABCDEF-12345678903',
      content: { opType: 8, params: ['u0f3bfc598b061eba02183bfc5280886a'] },
    }
    const body = JSON.stringify({ result: [operation] })
    const signature = await createSignature({ channelSecret, body })
    const legacy = new Request(URL_, {
      method: 'POST',
      body,
      headers: { [LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME]: signature },
    })
    expect((await webhook.fetch(legacy)).status).toBe(200)
    expect((await webhook.fetch(await signedRequest(body))).status).toBe(200)
    expect((await webhook.fetch(new Request(URL_, { method: 'POST', body }))).status).toBe(401)
    await webhook.drain()
    expect(headers).toEqual(['x-line-channelsignature', 'x-line-signature'])
  })

  it('ignores the 2016 header without acceptLegacy', async () => {
    const webhook = createWebhookHandler({ channelSecret })
    const signature = await createSignature({ channelSecret, body: VERIFY_BODY })
    const request = new Request(URL_, {
      method: 'POST',
      body: VERIFY_BODY,
      headers: { [LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME]: signature },
    })
    expect((await webhook.fetch(request)).status).toBe(401)
  })
})
