import Koa, { type Middleware } from 'koa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, webhookMiddleware } from '../../examples/koa/app.js'
import { bodyOf, post, textEvent } from './support/bodies.js'
import { expectRawWebhookBesideParsedJson, serverScriptContract } from './support/contract.js'
import { recordingWebhook, serveRecipe, type RunningRecipe } from './support/recipe.js'
import { recipeContract } from './support/recipe-contract.js'

describe('the Koa example', () => {
  recipeContract(() => {
    const recording = recordingWebhook()
    return serveRecipe(createApp(recording.webhook).callback(), recording)
  })
})

/** What koa-bodyparser does, in short: read the whole body and parse JSON into ctx.request.body. */
const jsonBodyParser: Middleware = async (ctx, next) => {
  if (ctx.is('application/json') !== false) {
    const chunks: Buffer[] = []
    for await (const chunk of ctx.req as AsyncIterable<Buffer>) chunks.push(chunk)
    Object.assign(ctx.request, {
      body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
    })
  }
  await next()
}

/*
 * A body parser that runs before the webhook consumes the stream the signature was computed
 * over, and keeps no raw body: the webhook answers 500 and says to reorder. Used after the
 * webhook middleware, the parser does no harm.
 */
describe('the Koa example beside a JSON body parser', () => {
  let after: RunningRecipe | undefined
  let before: RunningRecipe | undefined
  const beforeRecording = recordingWebhook()

  beforeAll(async () => {
    const recording = recordingWebhook()
    const jsonAfter = createApp(recording.webhook)
      .use(jsonBodyParser)
      .use((ctx) => {
        ctx.body = { parsed: typeof (ctx.request as { body?: unknown }).body }
      })
    after = await serveRecipe(jsonAfter.callback(), recording)
    const jsonBefore = new Koa().use(jsonBodyParser).use(webhookMiddleware(beforeRecording.webhook))
    before = await serveRecipe(jsonBefore.callback(), beforeRecording)
  })
  afterAll(async () => {
    await after?.close()
    await before?.close()
  })

  it('used after the webhook middleware, leaves the webhook its raw bytes', async () => {
    if (after === undefined) throw new Error('not started')
    await expectRawWebhookBesideParsedJson(after.origin)
  })

  it('used before it, answers 500 and logs an error that says to reorder', async () => {
    if (before === undefined) throw new Error('not started')
    expect((await post(`${before.origin}/webhook`, bodyOf(textEvent('hello')))).status).toBe(500)
    const [logged, ...more] = await before.settle()
    expect(more).toEqual([])
    const error = logged?.kind === 'error' ? logged.error : undefined
    expect(error).toBeInstanceOf(TypeError)
    expect(String(error)).toMatch(/read to its end before webhook\.node.*Mount the webhook before/)
  })
})

it('the Koa example answers 405 to a GET on the webhook path, and passes other paths on', async () => {
  const recording = recordingWebhook()
  const app = createApp(recording.webhook).use((ctx) => {
    ctx.body = 'the rest of the app'
  })
  const running = await serveRecipe(app.callback(), recording)
  try {
    const get = await fetch(`${running.origin}/webhook`)
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST'])
    expect(await (await fetch(`${running.origin}/other`)).text()).toBe('the rest of the app')
  } finally {
    await running.close()
  }
})

serverScriptContract('examples/koa/server.ts')
