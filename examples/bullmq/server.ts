// npx tsx examples/bullmq/server.ts (LINE_CHANNEL_SECRET=..., REDIS_URL, LINE_QUEUE, PORT)
// Run as many as you like behind a load balancer: they share deduplication and the queue.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Queue } from 'bullmq'
import { Redis } from 'ioredis'
import { createQueueingWebhook } from './app.js'
import { queueSettingsFromEnv, type LineEventJob } from './queue.js'

const { redisUrl, queueName } = queueSettingsFromEnv(process.env)
const redis = new Redis(redisUrl)
const queue = new Queue<LineEventJob>(queueName, { connection: redis })
const webhook = createQueueingWebhook({
  channelSecret: process.env['LINE_CHANNEL_SECRET'] ?? '',
  queue,
  redis,
})

const server = createServer((req, res) => {
  if (req.url === '/webhook') void webhook.node(req, res)
  else res.writeHead(404).end()
})
server.listen(Number(process.env['PORT'] ?? 3000), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo
  console.log(`BullMQ example listening on http://127.0.0.1:${port}, queueing to ${queueName}`)
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close()
    server.closeAllConnections()
    void webhook
      .drain()
      .then(() => queue.close())
      .then(() => redis.quit())
  })
}
