import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, webhookRouter } from '../../examples/express/app.js'
import { bodyOf, post, textEvent } from './support/bodies.js'
import { CHANNEL_ID, CHANNEL_SECRET } from './support/channels.js'
import { webhookContract, type RunningExample } from './support/contract.js'
import { recordingReceiver, serve } from './support/node-server.js'
import { startServerProcess } from './support/server-process.js'

describe('the Express example', () => {
  webhookContract(() => {
    const { receiver, recorded } = recordingReceiver()
    return serve(createApp(receiver), recorded)
  })
})

/*
 * A JSON parser that runs before the webhook leaves it an object instead of the bytes LINE
 * signed. Mounted after the webhook router (or on other paths) it does no harm: express.raw is
 * on the webhook routes only. Mounted before, line-webhook refuses the object with a TypeError
 * that says what to do; the request is answered 500, a bug of the app's.
 */
describe('the Express example beside a global express.json()', () => {
  let after: RunningExample | undefined
  let before: RunningExample | undefined
  const beforeRecorded = recordingReceiver()

  beforeAll(async () => {
    const { receiver, recorded } = recordingReceiver()
    const jsonAfter = express()
      .use(webhookRouter(receiver))
      .use(express.json())
      .post('/api/echo', (req, res) => {
        res.json({ parsed: typeof req.body })
      })
    after = await serve(jsonAfter, recorded)
    const jsonBefore = express().use(express.json()).use(webhookRouter(beforeRecorded.receiver))
    before = await serve(jsonBefore, beforeRecorded.recorded)
  })
  afterAll(async () => {
    await after?.close()
    await before?.close()
  })

  it('mounted after the webhook router, leaves the webhook its raw bytes', async () => {
    if (after === undefined) throw new Error('not started')
    expect((await post(`${after.origin}/webhook`, bodyOf(textEvent('hello')))).status).toBe(200)
    const echoed = await fetch(`${after.origin}/api/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    })
    expect(await echoed.json()).toEqual({ parsed: 'object' })
  })

  it('mounted before it, ends in a 500 and a logged TypeError that names express.raw', async () => {
    if (before === undefined) throw new Error('not started')
    expect((await post(`${before.origin}/webhook`, bodyOf(textEvent('hello')))).status).toBe(500)
    const [logged, ...more] = beforeRecorded.recorded.take()
    expect(more).toEqual([])
    expect(logged?.kind).toBe('error')
    const error = logged?.kind === 'error' ? logged.error : undefined
    expect(error).toBeInstanceOf(TypeError)
    expect(String(error)).toMatch(/got an object\. A JSON body parser probably ran first/)
    expect(String(error)).toContain("express.raw({ type: 'application/json' })")
  })
})

describe('npx tsx examples/express/server.ts', () => {
  it('serves on 127.0.0.1, prints what it handled, and exits 0 on SIGTERM', async () => {
    const server = await startServerProcess('examples/express/server.ts', {
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
