// npx tsx examples/nestjs/server.ts (LINE_CHANNEL_SECRET=... and optionally LINE_CHANNEL_ID, LINE_CHANNELS, PORT)
import { consoleHooks } from '../shared/console.js'
import { createLineWebhook } from '../shared/line-webhook.js'
import { channelsFromEnv } from '../shared/webhook-handling.js'
import { createApp } from './app.js'

const webhook = createLineWebhook({ ...channelsFromEnv(process.env), ...consoleHooks })
const app = await createApp(webhook)
await app.listen(Number(process.env['PORT'] ?? 3000), '127.0.0.1')
console.log(`NestJS example listening on ${await app.getUrl()}`)

// Stop taking requests, then let the events already answered finish.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void app.close().then(() => webhook.drain()))
}
