// npx tsx examples/bullmq/worker.ts (REDIS_URL, LINE_QUEUE): your bot's work, off the webhook path.
// Run as many as you need; each job goes to one of them, and a failed one is retried.
import { Worker, type Job } from 'bullmq'
import { Redis } from 'ioredis'
import { describeEvent } from '../shared/console.js'
import { queueSettingsFromEnv, type LineEventJob } from './queue.js'

const { redisUrl, queueName } = queueSettingsFromEnv(process.env)

/** The bot: here it prints; yours replies, stores, calls other services. */
function handle(job: Job<LineEventJob>): Promise<void> {
  const { event } = job.data
  console.log(`processed ${event.webhookEventId}: ${describeEvent(event)}`)
  return Promise.resolve()
}

// A worker blocks on Redis while it waits for jobs: BullMQ wants no retry limit per request.
const connection = new Redis(redisUrl, { maxRetriesPerRequest: null })
const worker = new Worker<LineEventJob>(queueName, handle, { connection, concurrency: 1 })
worker.on('failed', (job, error) => {
  console.error(`job ${job?.id ?? '?'} failed: ${error.message}`)
})
await worker.waitUntilReady()
console.log(`BullMQ worker ready, processing ${queueName}`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    // Lets the running job finish, then exits.
    void worker.close().then(() => connection.quit())
  })
}
