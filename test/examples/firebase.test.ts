import express, { type Request } from 'express'
import type { HttpsFunction } from 'firebase-functions/v2/https'
import { createSignature } from 'line-webhook'
import { describe, expect, it } from 'vitest'
import { lineFunction } from '../../examples/firebase/function.js'
import { bodyOf, textEvent } from './support/bodies.js'
import { CHANNEL_SECRET } from './support/channels.js'
import { recordingWebhook, serveRecipe } from './support/recipe.js'
import { recipeContract } from './support/recipe-contract.js'

/**
 * An Express app that parses bodies as Cloud Functions' Functions Framework does before it calls
 * an HTTPS function: JSON, then text for every other type, each keeping its bytes in `rawBody`.
 */
function functionsFramework(fn: HttpsFunction): express.Express {
  const verify = (req: Request, _res: unknown, bytes: Buffer) => {
    Object.assign(req, { rawBody: bytes })
  }
  return (
    express()
      .use(express.json({ limit: '32mb', verify }))
      .use(express.text({ limit: '32mb', type: '*/*', verify }))
      // rawBody is there for every request that had a body.
      .all('/{*path}', (req, res) => fn(req as Request & { rawBody: Buffer }, res))
  )
}

describe('the Firebase Functions recipe', () => {
  recipeContract(
    () => {
      const recording = recordingWebhook({ respond: 'after-handlers' })
      return serveRecipe(functionsFramework(lineFunction(recording.webhook)), recording)
    },
    { respond: 'after-handlers' },
  )
})

it('the Firebase Functions recipe, called as the platform calls it, verifies req.rawBody beside the parsed req.body', async () => {
  const recording = recordingWebhook({ respond: 'after-handlers' })
  const body = bodyOf(textEvent('from Firebase'))
  const signature = await createSignature({ channelSecret: CHANNEL_SECRET, body })
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-line-signature': signature,
  }
  // The request the platform hands the function: already read, the bytes kept in rawBody.
  const req = {
    method: 'POST',
    url: '/',
    headers,
    rawBody: Buffer.from(body),
    body: JSON.parse(body) as unknown,
    readableEnded: true,
    get: (name: string) => headers[name.toLowerCase()],
    header: (name: string) => headers[name.toLowerCase()],
    on: () => req,
    removeListener: () => req,
    resume: () => req,
  }
  const written: unknown[] = []
  const res = {
    headersSent: false,
    writeHead: (status: number, head: Record<string, string>) => written.push(status, head),
    end: (text: string) => written.push(text),
  }
  await lineFunction(recording.webhook)(req as never, res as never)
  expect(written).toEqual([200, { 'content-type': 'text/plain; charset=utf-8' }, 'OK'])
  expect(recording.recorded.take()).toMatchObject([
    { kind: 'event', event: { message: { text: 'from Firebase' } } },
  ])
})
