import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { createApp, webhookPlugin } from '../../examples/fastify/app.js'
import {
  expectRawWebhookBesideParsedJson,
  serverScriptContract,
  webhookContract,
  type RunningExample,
} from './support/contract.js'
import { recordingReceiver } from './support/node-server.js'
import type { Recorder } from './support/recording-hooks.js'

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
    await expectRawWebhookBesideParsedJson(running.origin)
  })
})

serverScriptContract('examples/fastify/server.ts')
