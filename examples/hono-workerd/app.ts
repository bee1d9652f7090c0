import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { consoleHooks } from '../shared/console.js'
import {
  DEFAULT_MAX_BODY_BYTES,
  channelsFromEnv,
  createWebhookReceiver,
  type LineEnv,
  type WebhookHooks,
  type WebhookReceiver,
} from '../shared/webhook-handling.js'

/** The Worker's bindings: `LINE_CHANNEL_SECRET` as a secret (`wrangler secret put`), the rest as vars. */
export type Env = LineEnv

export interface AppOptions {
  readonly hooks?: WebhookHooks
  readonly maxBodyBytes?: number
}

/** `POST /webhook` and `POST /social/on/line/:channelId`, for Workers and any fetch runtime. */
export function createApp({
  hooks = consoleHooks,
  maxBodyBytes = DEFAULT_MAX_BODY_BYTES,
}: AppOptions = {}): Hono<{ Bindings: Env }> {
  // Bindings arrive with the first request; the receiver (and what it remembers) then lives on
  // with the isolate.
  let receiver: WebhookReceiver | undefined
  const receiverFor = (env: Env) =>
    (receiver ??= createWebhookReceiver({ ...channelsFromEnv(env), ...hooks, maxBodyBytes }))

  async function answer(c: Context<{ Bindings: Env }>, channelId?: string): Promise<Response> {
    // Read already by a middleware: Hono would hand back its JSON re-serialised, which is not
    // what LINE signed. Pass on the parsed value instead, which line-webhook refuses, naming the
    // fix (a signed request then gets a 500 and a logged TypeError; an unsigned one its 401).
    const body: unknown = c.req.raw.bodyUsed
      ? await c.req.json<unknown>().catch(() => undefined)
      : new Uint8Array(await c.req.arrayBuffer())
    const receipt = await receiverFor(c.env).receive({
      channelId,
      body,
      header: (name) => c.req.header(name),
    })
    // Handled once the answer is out; waitUntil keeps the Worker alive until then.
    if (receipt.status === 200) c.executionCtx.waitUntil(receipt.handle())
    return c.text(receipt.message, receipt.status)
  }

  const limit = bodyLimit({
    maxSize: maxBodyBytes,
    onError: (c) => c.text('payload too large', 413),
  })
  const app = new Hono<{ Bindings: Env }>()
  app.post('/webhook', limit, (c) => answer(c))
  app.post('/social/on/line/:channelId', limit, (c) => answer(c, c.req.param('channelId')))
  app.onError((error, c) => {
    hooks.log({ kind: 'error', error })
    return c.text('internal error', 500)
  })
  return app
}
