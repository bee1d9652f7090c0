/**
 * A hostile body against the floor of not validating it: `npm run build && node --expose-gc
 * bench/hostile.mjs`. The body is a signed 0.98 MB webhook of 5 sticker events with 98,000
 * invalid keywords each (490,000 issues before they were capped). Target: decodeWebhookRequest
 * takes at most 3x the time of node:crypto HMAC + JSON.parse of the same bytes, in both
 * `onInvalidEvent` modes. Prints each median ratio (paired batches, as bench/paired.mjs
 * explains) and exits non-zero when one is over.
 */
import { Buffer } from 'node:buffer'
import { createHmac, timingSafeEqual } from 'node:crypto'
import console from 'node:console'
import process from 'node:process'
import { decodeWebhookRequest } from 'line-webhook' // resolves as Node users get it: dist/node
import { measurePaired } from './paired.mjs'

const TARGET = 3
const channelSecret = 'c3f1b0a9e8d74c6b5a4f3e2d1c0b9a87'

const event = {
  type: 'message',
  mode: 'active',
  timestamp: 1462629479859,
  webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR',
  deliveryContext: { isRedelivery: false },
  source: { type: 'user', userId: 'U4af4980629' },
  replyToken: 'r',
  message: {
    type: 'sticker',
    id: '1',
    quoteToken: 'q',
    stickerId: '1',
    packageId: '1',
    stickerResourceType: 'STATIC',
    keywords: Array(98_000).fill(0),
  },
}
const body = Buffer.from(JSON.stringify({ destination: 'U0', events: Array(5).fill(event) }))
const signature = createHmac('sha256', channelSecret).update(body).digest('base64')

const baseline = {
  name: 'node:crypto HMAC + JSON.parse(buffer.toString())',
  run: () => {
    const mac = createHmac('sha256', channelSecret).update(body).digest()
    const expected = Buffer.from(signature, 'base64')
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return false
    return JSON.parse(body.toString())
  },
}

console.log(`body: ${(body.length / 1e6).toFixed(2)} MB, 5 events x 98,000 invalid keywords\n`)
let over = false
for (const options of [{ onInvalidEvent: 'keep' }, { onInvalidEvent: 'fail' }]) {
  // Check what is measured: the capped failure, in each mode.
  const check = await decodeWebhookRequest({ channelSecret, body, signature }, options)
  const kept =
    check._tag === 'Left' ? check.left.omittedIssues : check.right.events[0]?.omittedIssues
  if (kept === undefined) throw new Error('the body did not decode to capped issues')
  const result = await measurePaired({
    candidate: {
      name: `decodeWebhookRequest, onInvalidEvent: ${options.onInvalidEvent}`,
      run: () => decodeWebhookRequest({ channelSecret, body, signature }, options),
      async: true,
    },
    baseline,
    warmupMs: 2000,
  })
  const pass = result.ratio <= TARGET
  over ||= !pass
  console.log(
    `onInvalidEvent: ${options.onInvalidEvent}: ${result.ratio.toFixed(2)}x ` +
      `(IQR ${result.q1.toFixed(2)}–${result.q3.toFixed(2)}; ` +
      `${(result.candidateNs / 1e6).toFixed(1)} ms vs ${(result.baselineNs / 1e6).toFixed(1)} ms; ` +
      `${result.kept} pairs kept, ${result.offCpu} off-CPU, ${result.moved} moved) ` +
      `${pass ? 'PASS' : 'OVER'} (target <= ${TARGET}x)`,
  )
}
if (over) process.exitCode = 1
