import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createSignature,
  createWebhookHandler,
  type ChannelSecretResolver,
  type WebhookRequest,
} from '../../src/index.js'
import { VERIFY_BODY, bodyOf, channelSecret, signedRequest, textMessage } from './support.js'

afterEach(() => {
  vi.restoreAllMocks()
})

/** The contact-centre seed's routes: /social/on/line/{channelId}. */
const secretsByChannel = new Map<string, string | readonly string[]>([
  ['1001', 'secret of 1001'],
  ['1002', ['new secret of 1002', 'old secret of 1002']],
])
const byPath: ChannelSecretResolver = (request) =>
  secretsByChannel.get(request.pathname.split('/').at(-1) ?? '')
const channelUrl = (id: string) => `https://bot.example/social/on/line/${id}?via=test`

describe('several channels', () => {
  it('verifies each channel with its own secrets, chosen from the URL', async () => {
    const indexes: number[] = []
    const webhook = createWebhookHandler({
      channelSecret: byPath,
      on: { message: (_, context) => void indexes.push(context.secretIndex) },
    })
    const body = bodyOf([textMessage('to 1002')])
    const old = await signedRequest(body, { secret: 'old secret of 1002', url: channelUrl('1002') })
    expect((await webhook.fetch(old)).status).toBe(200)
    const crossed = await signedRequest(bodyOf([textMessage('to 1001')]), {
      secret: 'new secret of 1002',
      url: channelUrl('1001'),
    })
    expect((await webhook.fetch(crossed)).status).toBe(401)
    await webhook.drain()
    expect(indexes).toEqual([1])
  })

  it('answers 404 for a channel not served here, before verifying anything', async () => {
    const webhook = createWebhookHandler({ channelSecret: byPath })
    const response = await webhook.fetch(await signedRequest(VERIFY_BODY, { url: channelUrl('9') }))
    expect([response.status, await response.text()]).toEqual([
      404,
      'Not Found: no channel is served here',
    ])
  })

  it("chooses by the body's unverified destination, asynchronously, and still verifies", async () => {
    const asked: WebhookRequest[] = []
    const webhook = createWebhookHandler({
      channelSecret: async (request) => {
        asked.push(request)
        await Promise.resolve()
        return request.destination === 'Ubot1' ? channelSecret : undefined
      },
    })
    const body = bodyOf([], 'Ubot1')
    expect((await webhook.fetch(await signedRequest(body))).status).toBe(200)
    expect((await webhook.fetch(await signedRequest(body, { secret: 'forger' }))).status).toBe(401)
    expect((await webhook.fetch(await signedRequest(bodyOf([], 'Ubot2')))).status).toBe(404)
    expect(asked.map((request) => [request.destination, request.destination])).toEqual([
      ['Ubot1', 'Ubot1'],
      ['Ubot1', 'Ubot1'],
      ['Ubot2', 'Ubot2'],
    ])
  })

  it('gives a channelSecret function no destination from a body without a string one', async () => {
    const destinations: unknown[] = []
    const webhook = createWebhookHandler({
      channelSecret: (request) => {
        destinations.push(request.destination)
        return channelSecret
      },
    })
    for (const body of ['not json', '[]', '{"destination":7,"events":[]}']) {
      await webhook.fetch(await signedRequest(body))
    }
    expect(destinations).toEqual([undefined, undefined, undefined])
  })

  it.each([
    [
      'throws',
      () => {
        throw new Error('secret store down')
      },
    ],
    ['rejects', () => Promise.reject(new Error('secret store down'))],
    ['returns an empty secret', () => ''],
    ['returns an empty list', () => []],
    ['returns a list with an empty secret', () => ['ok', '']],
    ['returns null', () => null],
    ['returns a number', () => 42],
    ['returns a list with a number', () => ['ok', 42]],
  ] as [string, ChannelSecretResolver][])(
    'answers 500 and reports to onServerError when the function %s',
    async (_, channelSecretOf) => {
      const onServerError = vi.fn()
      const webhook = createWebhookHandler({ channelSecret: channelSecretOf, onServerError })
      const response = await webhook.fetch(await signedRequest(VERIFY_BODY))
      expect([response.status, await response.text()]).toEqual([500, 'Internal Server Error'])
      expect(onServerError).toHaveBeenCalledOnce()
      expect(String(onServerError.mock.calls[0]?.[0])).toMatch(
        /^(Error: secret store down|TypeError: line-webhook: channelSecret must be a non-empty string)/,
      )
    },
  )

  it('still answers 500 when onServerError throws, logging both errors', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const failure = new Error('secret store down')
    const loggerFailure = new Error('logger down')
    const webhook = createWebhookHandler({
      channelSecret: () => {
        throw failure
      },
      onServerError: () => {
        throw loggerFailure
      },
    })
    const response = await webhook.fetch(await signedRequest(VERIFY_BODY))
    expect([response.status, await response.text()]).toEqual([500, 'Internal Server Error'])
    expect(consoleError.mock.calls).toEqual([
      ['line-webhook: onServerError threw while reporting', failure, 'and then', loggerFailure],
    ])
    expect(consoleError.mock.calls[0]?.[1]).toBe(failure)
    expect(consoleError.mock.calls[0]?.[3]).toBe(loggerFailure)
  })

  it('logs a failing channelSecret function to console.error by default', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const webhook = createWebhookHandler({ channelSecret: () => '' })
    expect((await webhook.fetch(await signedRequest(VERIFY_BODY))).status).toBe(500)
    expect(String(consoleError.mock.calls[0]?.[1])).toMatch(/non-empty string.*Basic settings/)
  })
})

describe('the request a handler and a channelSecret function see', () => {
  it.each([
    ['https://bot.example/a/b?x=1#f', '/a/b'],
    ['https://bot.example', ''],
    ['/social/on/line/1001?x=1', '/social/on/line/1001'],
    ['/webhook#part', '/webhook'],
    ['/webhook', '/webhook'],
  ])('takes the pathname of %s', async (url, pathname) => {
    const pathnames: string[] = []
    const webhook = createWebhookHandler({
      channelSecret: (request) => {
        pathnames.push(request.pathname)
        return channelSecret
      },
    })
    const signature = await createSignature({ channelSecret, body: VERIFY_BODY })
    const { Readable } = await import('node:stream')
    const req = Object.assign(Readable.from([VERIFY_BODY]), {
      method: 'POST',
      url,
      headers: { 'x-line-signature': signature },
    })
    const res = { writeHead: () => undefined, end: () => undefined }
    await webhook.node(req, res)
    expect(pathnames).toEqual([pathname])
  })
})

describe('createWebhookHandler refuses misuse at once', () => {
  it.each([
    ['an empty secret', { channelSecret: '' }, /channelSecret must be a non-empty string/],
    ['an empty list', { channelSecret: [] }, /channelSecret must be a non-empty string/],
    ['a list with an empty secret', { channelSecret: ['a', ''] }, /non-empty list/],
    ['a number for a secret', { channelSecret: 42 }, /channelSecret must be a non-empty string/],
    ['a list with a number', { channelSecret: ['a', 42] }, /non-empty list/],
    ['no secret', { channelSecret: undefined }, /channelSecret must be/],
    [
      'maxBodyBytes 0',
      { channelSecret, maxBodyBytes: 0 },
      /maxBodyBytes must be a positive integer, got 0/,
    ],
    [
      'maxPendingRequests 1.5',
      { channelSecret, maxPendingRequests: 1.5 },
      /maxPendingRequests must be a positive integer, got 1.5/,
    ],
  ])('%s', (_, options, message) => {
    expect(() => createWebhookHandler(options as never)).toThrow(TypeError)
    expect(() => createWebhookHandler(options as never)).toThrow(message)
  })
})
