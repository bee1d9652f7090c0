/**
 * decodeWebhookRequest (verify, parse, validate) against the floor of not validating at all, on
 * one payload per process: `node --expose-gc bench/decode.mjs text-600B` (bench/run.mjs forks).
 */
import { Buffer } from 'node:buffer'
import { createHmac, timingSafeEqual } from 'node:crypto'
import { middleware } from '@line/bot-sdk'
import { decodeWebhookRequest } from 'line-webhook' // resolves as Node users get it: dist/node
import { serveFresh } from './fresh-process.mjs'
import { measureRows } from './paired.mjs'
import { buildPayload } from './payloads.mjs'

const channelSecret = 'c3f1b0a9e8d74c6b5a4f3e2d1c0b9a87'

async function main([payloadName = 'text-600B']) {
  const { body, events } = buildPayload(payloadName)
  // Signed independently of both libraries, so neither side grades its own work.
  const signature = createHmac('sha256', channelSecret).update(body).digest('base64')

  // Measure the path a valid body takes: every event decodes to its typed member.
  const check = await decodeWebhookRequest({ channelSecret, body, signature })
  if (check._tag !== 'Right' || check.right.events.some((event) => event.type === undefined)) {
    throw new Error(`${payloadName} does not decode to typed events`)
  }

  // The floor: what @line/bot-sdk's middleware does with a raw Buffer, validating nothing.
  const baseline = {
    name: 'floor: node:crypto HMAC + JSON.parse(buffer.toString())',
    run: () => {
      const mac = createHmac('sha256', channelSecret).update(body).digest()
      const expected = Buffer.from(signature, 'base64')
      if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return false
      return JSON.parse(body.toString())
    },
  }
  const lineMiddleware = middleware({ channelSecret })
  const response = {}
  const candidates = [
    // The method's own error: the floor timed against itself should read 1.00.
    { name: 'control: the floor against itself', run: baseline.run },
    {
      name: 'decodeWebhookRequest (dist/node, awaited)',
      run: async () =>
        (await decodeWebhookRequest({ channelSecret, body, signature }))._tag === 'Right',
      async: true,
    },
    {
      name: '@line/bot-sdk middleware (casts, validates nothing)',
      run: () =>
        new Promise((resolve) => {
          const request = { headers: { 'x-line-signature': signature }, rawBody: body }
          lineMiddleware(request, response, (error) => resolve(error === undefined))
        }),
      async: true,
    },
  ]

  return measureRows({ payload: { name: payloadName, body, events }, baseline, candidates })
}

await serveFresh(import.meta.url, main)
