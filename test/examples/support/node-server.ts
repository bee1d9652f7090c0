/** Runs a Node example in this process, on 127.0.0.1 and a free port. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  createWebhookReceiver,
  type WebhookReceiver,
} from '../../../examples/shared/webhook-handling.js'
import { MAX_BODY_BYTES, channelConfig } from './channels.js'
import type { RunningExample } from './contract.js'
import { recorder, type Recorder } from './recording-hooks.js'

/** A receiver for the test channels, with hooks that record. */
export function recordingReceiver(): { receiver: WebhookReceiver; recorded: Recorder } {
  const recorded = recorder()
  const receiver = createWebhookReceiver({
    ...channelConfig,
    ...recorded.hooks,
    maxBodyBytes: MAX_BODY_BYTES,
  })
  return { receiver, recorded }
}

export function origin(server: Server): string {
  const { port } = server.address() as AddressInfo
  return `http://127.0.0.1:${port}`
}

/** Serves `handler` (an Express app, a Koa callback) until `close()`. */
export async function serve(
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>,
  recorded: Recorder,
): Promise<RunningExample> {
  const server = createServer((req, res) => void handler(req, res))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(0, '127.0.0.1', resolve)
  })
  return {
    origin: origin(server),
    take: () => Promise.resolve(recorded.take()),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error) reject(error)
          else resolve()
        })
        // fetch keeps connections alive; close() would wait for them.
        server.closeAllConnections()
      }),
  }
}
