// npx tsx examples/koa/server.ts (LINE_CHANNEL_SECRET=... and optionally LINE_CHANNEL_ID, LINE_CHANNELS, PORT)
import type { AddressInfo } from 'node:net'
import { consoleHooks } from '../shared/console.js'
import { createLineWebhook } from '../shared/line-webhook.js'
import { channelsFromEnv } from '../shared/webhook-handling.js'
import { createApp } from './app.js'

const webhook = createLineWebhook({ ...channelsFromEnv(process.env), ...consoleHooks })
const server = createApp(webhook).listen(Number(process.env['PORT'] ?? 3000), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo
  console.log(`Koa example listening on http://127.0.0.1:${port}`)
})

// Stop taking requests, then let the events already answered finish.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => server.close(() => void webhook.drain()))
}
