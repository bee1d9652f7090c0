/**
 * Run by memory.test.ts under a small heap (`--max-old-space-size`): decodes 250,000 invalid
 * events in every mode, then the 0.98 MB body of invalid keywords, and prints what it kept.
 */
import process from 'node:process'
import { createSignature, decodeCallbackRequest, decodeWebhookRequest } from '../../src/index.js'
import { decodeLegacyCallbackRequest } from '../../src/legacy/index.js'

const HUGE = 250_000
// Of the smallest events, one of those with the most issues: every common field is missing.
const text = `{"destination":"U0","events":[${Array(HUGE).fill('{"type":"message"}').join(',')}]}`
const kept: number[] = []
for (const options of [
  {},
  { lenient: true },
  { onInvalidEvent: 'fail' },
  { lenient: true, onInvalidEvent: 'fail' },
  { acceptLegacy: decodeLegacyCallbackRequest },
] as const) {
  const result = decodeCallbackRequest(JSON.parse(text), options)
  kept.push(
    result._tag === 'Left'
      ? result.left.issues.length
      : result.right.events.filter((event) => event.type === undefined).length,
  )
}
const channelSecret = 'memory'
const signature = await createSignature({ channelSecret, body: text })
const signed = await decodeWebhookRequest({ channelSecret, body: text, signature })
kept.push(signed._tag === 'Right' ? signed.right.events.length : -1)
process.stdout.write(JSON.stringify(kept))
