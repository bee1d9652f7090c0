import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, webhookPlugin } from '../../examples/fastify/app.js'
import { bodyOf, post, textEvent } from './support/bodies.js'
import { CHANNEL_ID, CHANNEL_SECRET } from './support/channels.js'
import { webhookContract, type RunningExample } from './support/contract.js'
import { recordingReceiver } from './support/node-server.js'
import type { Recorder } from './support/recording-hooks.js'
import { startServerProcess } from './support/server-process.js'

async function serveFastify(app: FastifyInstance, recorded: Recorder): Promise<RunningExample> {
  const origin = await app.listen({ host: '127.0.0.1', port: 0 })
  return {
    origin,
    take: () => Promise.resolve(recorded.take()),
    close: () => app.close(),
  }
}

describe('the Fastify example', () => {
  webhookContract(() => {
    const { receiver, recorded } = recordingReceiver()
    return serveFastify(createApp(receiver), recorded)
  })
})

/*
 * Fastify parses JSON bodies app-wide, before any handler: the global JSON parser here. The
 * webhook plugin swaps it for a raw-bytes parser inside its own encapsulation context only, so
 * the webhook gets the bytes LINE signed while every other route keeps getting parsed JSON.
 */
describe("the Fastify example beside Fastify's own JSON parser", () => {
  let running: RunningExample | undefined

  beforeAll(async () => {
    const { receiver, recorded } = recordingReceiver()
    const app = Fastify()
    app.post('/api/echo', (request) => ({ parsed: typeof request.body }))
    await app.register(webhookPlugin(receiver))
    running = await serveFastify(app, recorded)
  })
  afterAll(async () => {
    await running?.close()
  })

  it('leaves the webhook its raw bytes, and the other routes their parsed JSON', async () => {
    if (running === undefined) throw new Error('not started')
    expect((await post(`${running.origin}/webhook`, bodyOf(textEvent('hello')))).status).toBe(200)
    const echoed = await fetch(`${running.origin}/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    })
    expect(await echoed.json()).toEqual({ parsed: 'object' })
  })
})

describe('npx tsx examples/fastify/server.ts', () => {
  it('serves on 127.0.0.1, prints what it handled, and exits 0 on SIGTERM', async () => {
    const server = await startServerProcess('examples/fastify/server.ts', {
      LINE_CHANNEL_ID: CHANNEL_ID,
      LINE_CHANNEL_SECRET: CHANNEL_SECRET,
    })
    const sent = await post(`${server.origin}/webhook`, bodyOf(textEvent('from the smoke test')))
    expect(sent.status).toBe(200)
    const { code, output } = await server.stop()
    expect(code).toBe(0)
    expect(output).toContain(`[${CHANNEL_ID}] message/text "from the smoke test" from user`)
  })
})
