import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, webhookRouter } from '../../examples/express-low-level/app.js'
import { bodyOf, post, textEvent } from './support/bodies.js'
import {
  expectRawWebhookBesideParsedJson,
  expectUnsignedRefused,
  serverScriptContract,
  webhookContract,
  type RunningExample,
} from './support/contract.js'
import { recordingReceiver, serve } from './support/node-server.js'

describe('the low-level Express example', () => {
  webhookContract(() => {
    const { receiver, recorded } = recordingReceiver()
    return serve(createApp(receiver), recorded)
  })
})

/*
 * A JSON parser that runs before the webhook leaves it an object instead of the bytes LINE
 * signed. Mounted after the webhook router (or on other paths) it does no harm: express.raw is
 * on the webhook routes only. Mounted before, line-webhook refuses the object with a TypeError
 * that says what to do: a signed request is answered 500, a bug of the app's, and an unsigned
 * one 401, as ever.
 */
describe('the low-level Express example beside a global express.json()', () => {
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
    await expectRawWebhookBesideParsedJson(after.origin)
  })

  it('mounted before it, answers a signed request 500 and logs a TypeError that names the fix', async () => {
    if (before === undefined) throw new Error('not started')
    expect((await post(`${before.origin}/webhook`, bodyOf(textEvent('hello')))).status).toBe(500)
    const [logged, ...more] = beforeRecorded.recorded.take()
    expect(more).toEqual([])
    expect(logged?.kind).toBe('error')
    const error = logged?.kind === 'error' ? logged.error : undefined
    expect(error).toBeInstanceOf(TypeError)
    expect(String(error)).toMatch(/got an object: read it before any JSON parser/)
    expect(String(error)).toContain('express.raw({ type: () => true })')
  })

  it.each(['application/json', 'text/plain', null])(
    'mounted before it, still answers 401, not 500, to an unsigned %s request',
    async (contentType) => {
      if (before === undefined) throw new Error('not started')
      await expectUnsignedRefused(before.origin, beforeRecorded.recorded, contentType)
    },
  )
})

serverScriptContract('examples/express-low-level/server.ts')
