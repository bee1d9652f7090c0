import { fileURLToPath } from 'node:url'
import { createSignature } from 'line-webhook'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { bundleLikeWrangler, type WorkerBundle } from '../runtimes/bundle-like-wrangler.js'
import {
  LEGACY_BODY,
  LEGACY_SIGNATURE,
  bodyOf,
  newEventId,
  post,
  textEvent,
  type Sent,
} from './support/bodies.js'
import {
  CHANNEL_ID,
  CHANNEL_SECRET,
  MAX_BODY_BYTES,
  OTHER_CHANNEL_ID,
  OTHER_CHANNEL_SECRET,
} from './support/channels.js'
import type { HonoRecorded } from './support/hono-test-worker.js'
import { SLOW_HANDLER_MS } from './support/recording-hooks.js'
import { startServerProcess } from './support/server-process.js'

const root = fileURLToPath(new URL('../../', import.meta.url))

let worker: WorkerBundle | undefined
const bundled = async (): Promise<WorkerBundle> =>
  (worker ??= await bundleLikeWrangler(root, 'test/examples/support/hono-test-worker.ts'))

interface RunningWorker {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string
  /** What the app's handlers recorded since the last call. */
  take(): Promise<HonoRecorded[]>
  close(): Promise<void>
}

/** The test Worker in workerd, served over HTTP on 127.0.0.1. */
async function startWorker(): Promise<RunningWorker> {
  const miniflare = new Miniflare({
    modules: true,
    script: (await bundled()).code,
    compatibilityDate: '2026-04-01',
    // No nodejs_compat: workerd would refuse a `node:` import, so the Web Crypto path runs.
    compatibilityFlags: [],
    bindings: {
      LINE_CHANNEL_ID: CHANNEL_ID,
      LINE_CHANNELS: `${CHANNEL_ID}=${CHANNEL_SECRET},${OTHER_CHANNEL_ID}=${OTHER_CHANNEL_SECRET}`,
    },
    host: '127.0.0.1',
    port: 0,
    cf: false,
  })
  const { origin } = await miniflare.ready
  return {
    origin: origin.replace(/\/$/, ''),
    async take() {
      const response = await fetch(`${origin}/__test/recorded`)
      return (await response.json()) as HonoRecorded[]
    },
    close: () => miniflare.dispose(),
  }
}

let running: RunningWorker | undefined
const started = (): RunningWorker => {
  if (running === undefined) throw new Error('the Worker did not start')
  return running
}
const url = (path: string): string => `${started().origin}${path}`

/** Everything recorded until `count` entries have come: handlers run after the answer. */
async function settle(count: number): Promise<HonoRecorded[]> {
  const recorded: HonoRecorded[] = []
  await vi.waitFor(
    async () => {
      recorded.push(...(await started().take()))
      expect(recorded.length).toBeGreaterThanOrEqual(count)
    },
    { timeout: 10_000, interval: 25 },
  )
  return recorded
}

/** What was recorded by now, once a request that should run no handler has been answered. */
const nothingMore = async (): Promise<HonoRecorded[]> => started().take()

beforeAll(async () => {
  running = await startWorker()
})
afterAll(async () => {
  await running?.close()
})
beforeEach(async () => {
  await running?.take()
})

describe('the Hono example in workerd', () => {
  it('bundles the Web Crypto build of line-webhook, with no node: import', async () => {
    const { inputs, code, externalImports } = await bundled()
    expect(inputs).toContain(`${root}dist/web/index.js`)
    expect(inputs.filter((input) => input.startsWith(`${root}dist/node`))).toEqual([])
    expect(externalImports).toEqual([])
    expect(code).not.toMatch(/\b(?:from|import)\s*\(?\s*["']node:/)
  })
})

describe('POST /webhook: webhook.fetch(c.req.raw, { waitUntil })', () => {
  it(
    'answers 200 first, then runs the typed handler through waitUntil',
    async () => {
      const sent = await post(url('/webhook'), bodyOf(textEvent('slow')))
      expect(sent).toEqual({ status: 200, text: 'OK' })
      // The handler takes SLOW_HANDLER_MS: the answer came before it finished.
      expect(await nothingMore()).toEqual([])
      expect(await settle(1)).toEqual([
        { kind: 'event', type: 'message', text: 'slow', pathname: '/webhook', secretIndex: 0 },
      ])
    },
    SLOW_HANDLER_MS * 10,
  )

  it("answers the console's Verify request 200, running nothing", async () => {
    expect((await post(url('/webhook'), bodyOf())).status).toBe(200)
    expect(await nothingMore()).toEqual([])
  })

  it.each([
    { request: 'no signature', options: { secret: null }, status: 401 },
    { request: 'a forged signature', options: { secret: 'not the secret' }, status: 401 },
    { request: 'a malformed signature', options: { signature: 'not base64!' }, status: 401 },
  ])('answers $status to $request, and runs nothing', async ({ options, status }) => {
    const sent = await post(url('/webhook'), bodyOf(textEvent('forged')), options)
    expect(sent).toEqual({ status, text: 'Unauthorized: the signature does not match' })
    expect(await nothingMore()).toEqual([])
  })

  it('verifies the bytes LINE sent, whatever the Content-Type: an escaped emoji decodes', async () => {
    const emojiBody = () => bodyOf(textEvent('EMOJI')).replace('"EMOJI"', '"\\uD83D\\uDE00"')
    for (const contentType of ['text/plain', null]) {
      expect((await post(url('/webhook'), emojiBody(), { contentType })).status).toBe(200)
    }
    const body = emojiBody()
    const signature = await createSignature({ channelSecret: CHANNEL_SECRET, body })
    const reserialised = JSON.stringify(JSON.parse(body))
    expect((await post(url('/webhook'), reserialised, { signature })).status).toBe(401)
    expect(await settle(2)).toMatchObject([
      { kind: 'event', text: '😀' },
      { kind: 'event', text: '😀' },
    ])
  })

  it.each([
    { request: 'malformed JSON', body: '{"destination":"U0","events":[' },
    { request: 'a broken envelope', body: '{"destination":"U0","events":{}}' },
  ])('answers 400 to $request, signed', async ({ body }) => {
    expect((await post(url('/webhook'), body)).status).toBe(400)
    expect(await nothingMore()).toEqual([])
  })

  it('answers 413 past maxBodyBytes', async () => {
    const big = bodyOf(textEvent('x'.repeat(MAX_BODY_BYTES)))
    expect((await post(url('/webhook'), big)).status).toBe(413)
    expect(await nothingMore()).toEqual([])
  })

  it('serves each channel with its own secret at /social/on/line/:channelId', async () => {
    const path = `/social/on/line/${OTHER_CHANNEL_ID}`
    const body = bodyOf(textEvent('to the other channel'))
    expect((await post(url(path), body, { secret: OTHER_CHANNEL_SECRET })).status).toBe(200)
    expect((await post(url(path), body)).status).toBe(401)
    expect(await settle(1)).toEqual([
      {
        kind: 'event',
        type: 'message',
        text: 'to the other channel',
        pathname: path,
        secretIndex: 0,
      },
    ])
  })

  it.each(['9999999999', 'constructor', '__proto__'])(
    'answers 404 for the unknown channel %s',
    async (channelId) => {
      const sent = await post(url(`/social/on/line/${channelId}`), bodyOf(textEvent('hello')))
      expect(sent.status).toBe(404)
    },
  )

  it('runs a redelivered event once, however often it comes', async () => {
    const again = textEvent('again', { deliveryContext: { isRedelivery: true } })
    expect((await post(url('/webhook'), bodyOf(again))).status).toBe(200)
    expect(await settle(1)).toEqual([expect.objectContaining({ text: 'again' })])
    // Handlers run in body order: once `after` is in, the copy before it was skipped.
    expect((await post(url('/webhook'), bodyOf(again, textEvent('after')))).status).toBe(200)
    expect(await settle(1)).toEqual([expect.objectContaining({ text: 'after' })])
  })

  it('takes the 2016 body signed in x-line-channelsignature, adapted to events', async () => {
    const sent = await post(url('/webhook'), LEGACY_BODY, {
      header: 'X-LINE-ChannelSignature',
      signature: LEGACY_SIGNATURE,
    })
    expect(sent.status).toBe(200)
    // The 2016 sample gives its seven messages one ID: events of one body are never
    // redeliveries of each other, so deduplication lets all of them run.
    const recorded = await settle(9)
    expect(recorded.map((entry) => entry.kind === 'event' && entry.type)).toEqual([
      ...Array<string>(7).fill('message'),
      'follow',
      'unfollow',
    ])
    expect(recorded[0]).toMatchObject({ text: 'hello' })
  })

  it('hands a failing handler to onError, and the fallbacks to their own handlers', async () => {
    const hologram = { type: 'hologram', webhookEventId: newEventId() }
    const broken = textEvent('broken', { message: { type: 'text', id: '1', text: 7 } })
    const body = bodyOf(textEvent('throw'), hologram, broken, textEvent('next'))
    expect((await post(url('/webhook'), body)).status).toBe(200)
    expect(await settle(4)).toEqual([
      { kind: 'handler-failed', error: 'Error: the bot failed' },
      { kind: 'unknown-event', type: 'hologram' },
      { kind: 'invalid-event', type: 2 },
      expect.objectContaining({ kind: 'event', text: 'next' }),
    ])
  })

  it('answers 500 behind a middleware that read the body first, and says why', async () => {
    const sent = await post(url('/parsed-first/webhook'), bodyOf(textEvent('hello')))
    expect(sent.status).toBe(500)
    const [logged, ...more] = await started().take()
    expect(more).toEqual([])
    expect(logged).toMatchObject({ kind: 'server-error' })
    expect(logged?.kind === 'server-error' && logged.error).toMatch(
      /^TypeError: line-webhook: the request body was already read before webhook\.fetch/,
    )
  })
})

describe('POST /validated/webhook: the signature, then sValidator with CallbackRequest', () => {
  const validated = (body: string, options?: Parameters<typeof post>[2]): Promise<Sent> =>
    post(url('/validated/webhook'), body, options)

  it('gives the route a CallbackRequest once the signature verifies', async () => {
    const sent = await validated(bodyOf(textEvent('hello'), { type: 'hologram' }))
    expect(sent.status).toBe(200)
    expect(JSON.parse(sent.text)).toEqual({
      destination: 'U44d64355f3d939f4db74649d82d0e0e0',
      events: ['message', 'UnknownEvent'],
    })
  })

  it("answers a signed body that is not a webhook body 400, with the validator's issues", async () => {
    const sent = await validated(JSON.stringify({ destination: 'U0', events: { secret: 'x' } }))
    expect(sent.status).toBe(400)
    expect(JSON.parse(sent.text)).toEqual({
      issues: [{ message: 'expected Array<Event>, got an object', path: ['events'] }],
    })
    expect(sent.text).not.toContain('secret')
  })

  it.each([
    { body: 'an invalid body', text: JSON.stringify({ events: 'none' }) },
    { body: 'malformed JSON', text: '{"events":[' },
    { body: 'a valid body', text: bodyOf(textEvent('hello')) },
  ])('answers 401, never 400, to $body that is not signed', async ({ text }) => {
    for (const options of [{ secret: null }, { secret: 'not the secret' }]) {
      expect(await validated(text, options)).toEqual({
        status: 401,
        text: 'Unauthorized: the signature does not match',
      })
    }
  })

  it('answers 413 past the size limit, before reading the signature', async () => {
    const big = bodyOf(textEvent('x'.repeat(MAX_BODY_BYTES)))
    expect((await validated(big, { secret: null })).status).toBe(413)
  })
})

describe('npx tsx examples/hono-workerd/serve.ts', () => {
  it('bundles the Worker, serves it in workerd on 127.0.0.1, and stops on SIGTERM', async () => {
    const server = await startServerProcess('examples/hono-workerd/serve.ts', {
      LINE_CHANNEL_ID: CHANNEL_ID,
      LINE_CHANNEL_SECRET: CHANNEL_SECRET,
    })
    const sent = await post(`${server.origin}/webhook`, bodyOf(textEvent('from the smoke test')))
    expect(sent.status).toBe(200)
    const { code, output } = await server.stop()
    // Miniflare's exit hook stops workerd and exits as a process killed by SIGTERM would.
    expect(code).toBe(128 + 15)
    expect(output).toContain(`[${CHANNEL_ID}] message/text "from the smoke test" from user`)
  })
})
