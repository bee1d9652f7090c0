import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../examples/express/app.js'
import { bodyOf, post, textEvent } from './support/bodies.js'
import { expectRawWebhookBesideParsedJson, serverScriptContract } from './support/contract.js'
import { recordingWebhook, serveRecipe, type RunningRecipe } from './support/recipe.js'
import { recipeContract } from './support/recipe-contract.js'

describe('the Express example', () => {
  recipeContract(() => {
    const recording = recordingWebhook()
    return serveRecipe(createApp(recording.webhook), recording)
  })
})

/*
 * The example's own express.json() comes after the webhook routes and serves the rest of the app.
 * One that runs first parses the body into an object: the bytes LINE signed are gone, so the
 * webhook answers 500 (LINE retries once the order is fixed) and says how to fix it.
 */
describe('the Express example beside express.json()', () => {
  let after: RunningRecipe | undefined
  let before: RunningRecipe | undefined
  const beforeRecording = recordingWebhook()

  beforeAll(async () => {
    const recording = recordingWebhook()
    const app = createApp(recording.webhook).post('/api/echo', (req, res) => {
      res.json({ parsed: typeof req.body })
    })
    after = await serveRecipe(app, recording)
    const jsonFirst = express().use(express.json()).post('/webhook', beforeRecording.webhook.node)
    before = await serveRecipe(jsonFirst, beforeRecording)
  })
  afterAll(async () => {
    await after?.close()
    await before?.close()
  })

  it('after the webhook routes, leaves the webhook its raw bytes and the app its JSON', async () => {
    if (after === undefined) throw new Error('not started')
    await expectRawWebhookBesideParsedJson(after.origin)
  })

  it('before them, answers 500 and logs a TypeError that names the fix', async () => {
    if (before === undefined) throw new Error('not started')
    expect((await post(`${before.origin}/webhook`, bodyOf(textEvent('hello')))).status).toBe(500)
    const [logged, ...more] = await before.settle()
    expect(more).toEqual([])
    const error = logged?.kind === 'error' ? logged.error : undefined
    expect(error).toBeInstanceOf(TypeError)
    expect(String(error)).toMatch(/a JSON body parser ran before webhook\.node/)
    expect(String(error)).toContain("express.raw({ type: '*/*' })")
  })

  it('before them, still takes a body the JSON parser left alone (not application/json)', async () => {
    if (before === undefined) throw new Error('not started')
    const sent = await post(`${before.origin}/webhook`, bodyOf(textEvent('plain')), {
      contentType: 'text/plain',
    })
    expect(sent.status).toBe(200)
    expect(await before.settle()).toMatchObject([{ kind: 'event' }])
  })
})

serverScriptContract('examples/express/server.ts')
