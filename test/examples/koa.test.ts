import Koa, { type Middleware } from 'koa'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, webhookMiddleware } from '../../examples/koa/app.js'
import { bodyOf, post, textEvent } from './support/bodies.js'
import {
  expectRawWebhookBesideParsedJson,
  expectUnsignedRefused,
  serverScriptContract,
  webhookContract,
  type RunningExample,
} from './support/contract.js'
import { recordingReceiver, serve } from './support/node-server.js'

describe('the Koa example', () => {
  webhookContract(() => {
    const { receiver, recorded } = recordingReceiver()
    return serve(createApp(receiver).callback(), recorded)
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
 * over; reading it again would give nothing (and a misleading 401). The example passes on what
 * the parser left, and line-webhook refuses it: a signed request fails loudly with a 500 and a
 * logged TypeError that says what to do, an unsigned one gets its 401 as ever. Mounted after the
 * webhook middleware, the parser does no harm.
 */
describe('the Koa example beside a global JSON body parser', () => {
  let after: RunningExample | undefined
  let before: RunningExample | undefined
  const beforeRecorded = recordingReceiver()

  beforeAll(async () => {
    const { receiver, recorded } = recordingReceiver()
    const jsonAfter = createApp(receiver)
      .use(jsonBodyParser)
      .use((ctx) => {
        ctx.body = { parsed: typeof (ctx.request as { body?: unknown }).body }
      })
    after = await serve(jsonAfter.callback(), recorded)
    const jsonBefore = new Koa().use(jsonBodyParser).use(webhookMiddleware(beforeRecorded.receiver))
    jsonBefore.on('error', (error: unknown) => {
      beforeRecorded.receiver.log({ kind: 'error', error })
    })
    before = await serve(jsonBefore.callback(), beforeRecorded.recorded)
  })
  afterAll(async () => {
    await after?.close()
    await before?.close()
  })

  it('used after the webhook middleware, leaves the webhook its raw bytes', async () => {
    if (after === undefined) throw new Error('not started')
    await expectRawWebhookBesideParsedJson(after.origin)
  })

  it('used before it, answers a signed request 500 and logs an error that says to reorder', async () => {
    if (before === undefined) throw new Error('not started')
    expect((await post(`${before.origin}/webhook`, bodyOf(textEvent('hello')))).status).toBe(500)
    const [logged, ...more] = beforeRecorded.recorded.take()
    expect(more).toEqual([])
    expect(logged?.kind === 'error' && logged.error).toBeInstanceOf(TypeError)
    expect(logged?.kind === 'error' && String(logged.error)).toMatch(
      /A JSON body parser probably ran first.*Register the webhook route before any global JSON parser/,
    )
  })

  it.each(['application/json', 'text/plain', null])(
    'used before it, still answers 401, not 500, to an unsigned %s request',
    async (contentType) => {
      if (before === undefined) throw new Error('not started')
      await expectUnsignedRefused(before.origin, beforeRecorded.recorded, contentType)
    },
  )
})

serverScriptContract('examples/koa/server.ts')
