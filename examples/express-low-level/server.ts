// npx tsx examples/express-low-level/server.ts (LINE_CHANNEL_SECRET=... and optionally LINE_CHANNEL_ID, LINE_CHANNELS, PORT)
import type { AddressInfo } from 'node:net'
import { consoleHooks } from '../shared/console.js'
import { channelsFromEnv, createWebhookReceiver } from '../shared/webhook-handling.js'
import { createApp } from './app.js'

const receiver = createWebhookReceiver({ ...channelsFromEnv(process.env), ...consoleHooks })
const server = createApp(receiver).listen(Number(process.env['PORT'] ?? 3000), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo
  console.log(`Express (low-level) example listening on http://127.0.0.1:${port}`)
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => server.close())
}
