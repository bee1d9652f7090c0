/**
 * The webhook endpoint: verify, deduplicate across instances in Redis, and queue each event for
 * the worker. Nothing slow happens here, so it can wait for Redis before answering LINE.
 */
import type { Queue } from 'bullmq'
import {
  createRedisDedupStore,
  createWebhookHandler,
  type IoRedisClient,
  type WebhookEventContext,
  type WebhookHandler,
} from 'line-webhook'
import type { LineEventJob, QueuedEvent } from './queue.js'

export interface QueueingWebhookOptions {
  readonly channelSecret: string | readonly string[]
  /** Where events go: the worker process takes them from there. */
  readonly queue: Queue<LineEventJob>
  /** The Redis that every instance shares, for deduplication (the queue's connection will do). */
  readonly redis: IoRedisClient
  readonly log?: (line: string) => void
}

export function createQueueingWebhook(options: QueueingWebhookOptions): WebhookHandler {
  const { queue, log = console.error } = options
  const enqueue = async (event: QueuedEvent, context: WebhookEventContext) => {
    // The jobId makes BullMQ itself ignore the same event while its job is kept: a second guard.
    await queue.add(
      event.type,
      { event, destination: context.request.destination },
      {
        jobId: event.webhookEventId,
        attempts: 5,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: 1000,
        removeOnFail: 5000,
      },
    )
  }
  return createWebhookHandler({
    channelSecret: options.channelSecret,
    // Queue first, answer after: a 200 then means the event is in Redis, so an instance that
    // dies right after answering loses nothing. Queueing takes a millisecond or two.
    respond: 'after-handlers',
    // Shared by every instance: a redelivery that reaches another instance is skipped too. If
    // Redis fails, the event is queued anyway (onError says so): a possible duplicate, not a loss.
    dedup: { store: createRedisDedupStore({ client: options.redis, keyPrefix: 'line:seen:' }) },
    on: { message: enqueue, follow: enqueue, unfollow: enqueue, postback: enqueue },
    onError: (error, event) => {
      log(`could not queue ${event.type ?? 'an'} event: ${String(error)}`)
    },
  })
}
