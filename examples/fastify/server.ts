// npx tsx examples/fastify/server.ts (LINE_CHANNEL_SECRET=... and optionally LINE_CHANNEL_ID, LINE_CHANNELS, PORT)
import { consoleHooks } from '../shared/console.js'
import { channelsFromEnv, createWebhookReceiver } from '../shared/webhook-handling.js'
import { createApp } from './app.js'

const receiver = createWebhookReceiver({ ...channelsFromEnv(process.env), ...consoleHooks })
const app = createApp(receiver)
const address = await app.listen({ host: '127.0.0.1', port: Number(process.env['PORT'] ?? 3000) })
console.log(`Fastify example listening on ${address}`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void app.close())
}
