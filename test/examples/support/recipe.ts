/** A recipe under test: the examples' webhook with recording hooks, served on 127.0.0.1. */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { WebhookHandler } from 'line-webhook'
import {
  createLineWebhook,
  type LineWebhookOptions,
} from '../../../examples/shared/line-webhook.js'
import { MAX_BODY_BYTES, channelConfig } from './channels.js'
import { origin } from './node-server.js'
import { recorder, type Recorded, type Recorder } from './recording-hooks.js'

export interface RecordingWebhook {
  readonly webhook: WebhookHandler
  readonly recorded: Recorder
}

/** The examples' webhook for the test channels, with hooks that record. */
export function recordingWebhook(
  options: Pick<LineWebhookOptions, 'respond'> = {},
): RecordingWebhook {
  const recorded = recorder()
  const webhook = createLineWebhook({
    ...channelConfig,
    ...recorded.hooks,
    maxBodyBytes: MAX_BODY_BYTES,
    ...options,
  })
  return { webhook, recorded }
}

export interface RunningRecipe {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string
  /** What was recorded since the last call, at once: handlers may still be running. */
  taken(): readonly Recorded[]
  /** Once the handlers running now have settled, what was recorded since the last call. */
  settle(): Promise<readonly Recorded[]>
  close(): Promise<void>
}

/** A recipe served by something with its own `close()`: Fastify, NestJS. */
export function runningRecipe(
  origin: string,
  { webhook, recorded }: RecordingWebhook,
  close: () => Promise<void>,
): RunningRecipe {
  return {
    origin,
    taken: () => recorded.take(),
    settle: async () => {
      await webhook.drain()
      return recorded.take()
    },
    close,
  }
}

/** Serves `handler` (an Express app, a Koa callback) on `node:http` until `close()`. */
export async function serveRecipe(
  handler: (req: IncomingMessage, res: ServerResponse) => unknown,
  recording: RecordingWebhook,
): Promise<RunningRecipe> {
  const server = createServer((req, res) => void handler(req, res))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(0, '127.0.0.1', resolve)
  })
  return runningRecipe(
    origin(server),
    recording,
    () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error)
          else resolve()
        })
        // fetch keeps connections alive; close() would wait for them.
        server.closeAllConnections()
      }),
  )
}
