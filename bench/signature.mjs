/**
 * verifySignature against @line/bot-sdk's validateSignature, on one payload per process:
 * `node --expose-gc bench/signature.mjs text-600B` (bench/run.mjs forks one per payload).
 */
import { createHmac } from 'node:crypto'
import { validateSignature } from '@line/bot-sdk'
import { verifySignature } from 'line-webhook' // resolves as Node users get it: dist/node
import { verifySignature as verifySignatureWeb } from '../dist/web/index.js'
import { serveFresh } from './fresh-process.mjs'
import { measureRows } from './paired.mjs'
import { buildPayload } from './payloads.mjs'

const channelSecret = 'c3f1b0a9e8d74c6b5a4f3e2d1c0b9a87'

async function main([payloadName = 'text-600B']) {
  const nodeBuild = import.meta.resolve('line-webhook')
  if (!nodeBuild.endsWith('/dist/node/index.js')) throw new Error(`loaded ${nodeBuild}`)

  const { body, events } = buildPayload(payloadName)
  // Signed independently of both libraries, so neither side grades its own work.
  const signature = createHmac('sha256', channelSecret).update(body).digest('base64')

  // The SDK is synchronous; ours resolves a Promise and is timed as a caller awaits it.
  const baseline = {
    name: 'validateSignature (@line/bot-sdk, sync)',
    run: () => validateSignature(body, channelSecret, signature),
  }
  const candidates = [
    {
      name: 'verifySignature (dist/node, awaited)',
      run: () => verifySignature({ channelSecret, body, signature }),
      async: true,
      budgetMs: 8000,
    },
    // Context, not a contest: what runtimes without node:crypto get, here measured on Node.
    {
      name: 'verifySignature (dist/web, Web Crypto, awaited)',
      run: () => verifySignatureWeb({ channelSecret, body, signature }),
      async: true,
      budgetMs: 4000,
    },
  ]

  return measureRows({ payload: { name: payloadName, body, events }, baseline, candidates })
}

await serveFresh(import.meta.url, main)
