import Fastify from 'fastify'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { createApp, webhookPlugin } from '../../examples/fastify/app.js'
import { expectRawWebhookBesideParsedJson, serverScriptContract } from './support/contract.js'
import { recordingWebhook, runningRecipe, type RunningRecipe } from './support/recipe.js'
import { recipeContract } from './support/recipe-contract.js'

describe('the Fastify example', () => {
  recipeContract(async () => {
    const recording = recordingWebhook()
    const app = createApp(recording.webhook)
    const origin = await app.listen({ host: '127.0.0.1', port: 0 })
    return runningRecipe(origin, recording, () => app.close())
  })
})

/*
 * Fastify parses JSON bodies app-wide, before any handler. The webhook plugin swaps its parsers
 * for one that leaves the stream unread, inside its own encapsulation context only: the webhook
 * reads the bytes LINE signed, and every other route keeps getting parsed JSON.
 */
describe("the Fastify example beside Fastify's own JSON parser", () => {
  let running: RunningRecipe | undefined

  beforeAll(async () => {
    const recording = recordingWebhook()
    const app = Fastify()
    app.post('/api/echo', (request) => ({ parsed: typeof request.body }))
    await app.register(webhookPlugin(recording.webhook))
    const origin = await app.listen({ host: '127.0.0.1', port: 0 })
    running = runningRecipe(origin, recording, () => app.close())
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
