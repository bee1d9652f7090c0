/**
 * Hooks that record what an example's handling did, for the tests to assert on. No `node:`
 * import: the Hono test Worker bundles this too.
 */
import type {
  EventContext,
  KnownEvent,
  LogEntry,
  WebhookHooks,
} from '../../../examples/shared/webhook-handling.js'

export type Recorded =
  ({ readonly kind: 'event'; readonly event: KnownEvent } & EventContext) | LogEntry

/** How long the bot takes over a text message `slow`: long after LINE has had its answer. */
export const SLOW_HANDLER_MS = 1500

export interface Recorder {
  readonly hooks: WebhookHooks
  /** What was recorded since the last call. */
  take(): Recorded[]
}

export function recorder(): Recorder {
  const recorded: Recorded[] = []
  return {
    hooks: {
      async onEvent(event, context) {
        const text =
          event.type === 'message' && event.message.type === 'text' ? event.message.text : undefined
        if (text === 'slow') await new Promise((resolve) => setTimeout(resolve, SLOW_HANDLER_MS))
        if (text === 'throw') throw new Error('the bot failed')
        recorded.push({ kind: 'event', event, ...context })
      },
      log(entry) {
        recorded.push(entry)
      },
    },
    take: () => recorded.splice(0),
  }
}
