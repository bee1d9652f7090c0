/**
 * What the webhook servers and the worker agree on: the queue's name, how to reach Redis, and
 * what a job holds. Nothing here runs anything.
 */
import type { FollowEvent, MessageEvent, PostbackEvent, UnfollowEvent } from 'line-webhook'

/** The events this bot queues; add the types your bot handles. */
export type QueuedEvent = MessageEvent | FollowEvent | UnfollowEvent | PostbackEvent

/** A job's data: the verified, decoded event, as JSON. */
export interface LineEventJob {
  readonly event: QueuedEvent
  /** The bot's user ID the event was sent to (the body's `destination`). */
  readonly destination: string | undefined
}

export interface QueueSettings {
  readonly redisUrl: string
  readonly queueName: string
}

/** REDIS_URL (default redis://127.0.0.1:6379) and LINE_QUEUE (default line-events). */
export function queueSettingsFromEnv(env: NodeJS.ProcessEnv): QueueSettings {
  return {
    redisUrl: env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    queueName: env['LINE_QUEUE'] ?? 'line-events',
  }
}
