/**
 * A body with one event in every 28 that leaves the fast path (of a newer type, or broken)
 * against the same body with known, valid events only: only those events should cost more. One
 * variant per process: `node --expose-gc bench/fallbacks.mjs mixed-60KB-unknown`.
 */
import { createHmac } from 'node:crypto'
import { decodeCallbackRequest, decodeWebhookRequest } from 'line-webhook' // dist/node
import { serveFresh } from './fresh-process.mjs'
import { measureRows } from './paired.mjs'
import { buildPayload } from './payloads.mjs'

const channelSecret = 'c3f1b0a9e8d74c6b5a4f3e2d1c0b9a87'

/** What the variant's events decode to that a valid known event does not. */
const EXPECTED = { 'mixed-60KB-unknown': 'UnknownEvent', 'mixed-60KB-invalid': 'InvalidEvent' }

function signed(name) {
  const { body, events } = buildPayload(name)
  const signature = createHmac('sha256', channelSecret).update(body).digest('base64')
  return { name, body, events, signature, parsed: JSON.parse(body.toString()) }
}

async function main([variantName = 'mixed-60KB-unknown']) {
  const tag = EXPECTED[variantName]
  if (tag === undefined) throw new Error(`one of ${Object.keys(EXPECTED).join(', ')}`)
  const known = signed('mixed-60KB')
  const variant = signed(variantName)

  const fallbacks = (payload) => {
    const result = decodeCallbackRequest(payload.parsed)
    if (result._tag !== 'Right') throw new Error(`${payload.name} does not decode`)
    return result.right.events.filter((event) => event.type === undefined)
  }
  const found = fallbacks(variant)
  if (fallbacks(known).length !== 0 || found.length !== Math.floor(variant.events / 28)) {
    throw new Error(`${variantName} should hold one fallback in every 28 events`)
  }
  if (found.some((event) => event._tag !== tag)) throw new Error(`expected ${tag}s`)

  const receive = (payload) => async () =>
    (await decodeWebhookRequest({ channelSecret, ...payload }))._tag === 'Right'
  const decode = (payload) => () => decodeCallbackRequest(payload.parsed)._tag === 'Right'
  const rows = (run, what, async) =>
    measureRows({
      payload: { name: variantName, body: variant.body, events: variant.events },
      baseline: { name: `${what} of mixed-60KB (known events only)`, run: run(known), async },
      candidates: [{ name: `${what}, 1 ${tag} in 28`, run: run(variant), async }],
    })
  return [
    ...(await rows(receive, 'decodeWebhookRequest', true)),
    ...(await rows(decode, 'decodeCallbackRequest of the parsed body', false)),
  ]
}

await serveFresh(import.meta.url, main)
