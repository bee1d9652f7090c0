import { fileURLToPath } from 'node:url'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleLikeWrangler, type WorkerBundle } from '../runtimes/bundle-like-wrangler.js'
import { bodyOf, post, textEvent } from './support/bodies.js'
import {
  CHANNEL_ID,
  CHANNEL_SECRET,
  OTHER_CHANNEL_ID,
  OTHER_CHANNEL_SECRET,
} from './support/channels.js'
import { webhookContract, type RunningExample } from './support/contract.js'
import type { Recorded } from './support/recording-hooks.js'
import { startServerProcess } from './support/server-process.js'

const root = fileURLToPath(new URL('../../', import.meta.url))

let worker: WorkerBundle | undefined
const bundled = async (): Promise<WorkerBundle> =>
  (worker ??= await bundleLikeWrangler(root, 'test/examples/support/hono-test-worker.ts'))

/** The test Worker in workerd, served over HTTP on 127.0.0.1. */
async function startWorker(): Promise<RunningExample> {
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
    origin,
    async take() {
      const response = await fetch(`${origin}/__test/recorded`)
      return (await response.json()) as Recorded[]
    },
    close: () => miniflare.dispose(),
  }
}

describe('the Hono example in workerd', () => {
  it('bundles the Web Crypto build of line-webhook, with no node: import', async () => {
    const { inputs, code, externalImports } = await bundled()
    expect(inputs).toContain(`${root}dist/web/index.js`)
    expect(inputs.filter((input) => input.startsWith(`${root}dist/node`))).toEqual([])
    expect(externalImports).toEqual([])
    expect(code).not.toMatch(/\b(?:from|import)\s*\(?\s*["']node:/)
  })

  webhookContract(startWorker)
})

/*
 * Hono caches a body once read: after a middleware's `c.req.json()`, `c.req.arrayBuffer()`
 * hands back JSON.stringify of the parsed value, which differs from the bytes LINE signed
 * whenever LINE escaped a character or spaced its JSON. The example passes on the parsed value,
 * and line-webhook refuses it: a signed request loudly (500, and a logged TypeError that says
 * what to do) instead of with a misleading 401, an unsigned one with its 401 as ever.
 */
describe('the Hono example behind a middleware that parsed the body first', () => {
  let running: RunningExample | undefined

  beforeAll(async () => {
    running = await startWorker()
  })
  afterAll(async () => {
    await running?.close()
  })

  it('answers a signed request 500 and logs an error that names the fix', async () => {
    if (running === undefined) throw new Error('not started')
    await running.take()
    const sent = await post(`${running.origin}/parsed-first/webhook`, bodyOf(textEvent('hello')))
    expect(sent.status).toBe(500)
    const [logged, ...more] = await running.take()
    expect(more).toEqual([])
    expect(logged?.kind === 'error' && String(logged.error)).toMatch(
      /^TypeError: .*A JSON body parser probably ran first.*before any global JSON parser/,
    )
  })

  it('still answers 401, not 500, to an unsigned request', async () => {
    if (running === undefined) throw new Error('not started')
    await running.take()
    const sent = await post(`${running.origin}/parsed-first/webhook`, bodyOf(textEvent('hello')), {
      secret: null,
    })
    expect(sent).toEqual({
      status: 401,
      text: expect.stringMatching(/^signature mismatch: /) as unknown,
    })
    expect(await running.take()).toEqual([
      expect.objectContaining({ kind: 'rejected', status: 401 }),
    ])
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
