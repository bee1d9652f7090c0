import type { IncomingMessage } from 'node:http'
import Koa, { type Context, type Middleware, type Next } from 'koa'
import { statusOfError, type WebhookReceiver } from '../shared/webhook-handling.js'

/** The request's bytes, or `undefined` past `limit`. */
async function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  // Node discards an unread body once the answer is sent.
  if (Number(req.headers['content-length']) > limit) return undefined
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    // Past the limit, read on without keeping: the connection stays good for the 413.
    if (size <= limit) chunks.push(chunk)
  }
  return size > limit ? undefined : Buffer.concat(chunks)
}

/** No router dependency for two routes: `/webhook` is the default channel. */
function channelRoute(path: string): { channelId?: string } | undefined {
  if (path === '/webhook') return {}
  const channelId = /^\/social\/on\/line\/([^/]+)$/.exec(path)?.[1]
  return channelId === undefined ? undefined : { channelId }
}

/**
 * `POST /webhook` and `POST /social/on/line/:channelId`, for a body of any Content-Type. Use it
 * before any body parser: one that ran first consumed the bytes the signature covers (a signed
 * request then gets a 500 and a logged TypeError that names the fix; an unsigned one its 401).
 */
export function webhookMiddleware(receiver: WebhookReceiver): Middleware {
  return async (ctx: Context, next: Next) => {
    const route = ctx.method === 'POST' ? channelRoute(ctx.path) : undefined
    if (route === undefined) {
      await next()
      return
    }
    // Read already: pass on what the parser left, which line-webhook refuses, naming the fix.
    const parsed = ctx.req.readableEnded
    const body = parsed
      ? (ctx.request as { body?: unknown }).body
      : await readRawBody(ctx.req, receiver.maxBodyBytes)
    if (!parsed && body === undefined) ctx.throw(413)
    const receipt = await receiver.receive({
      channelId: route.channelId,
      body,
      header: (name) => ctx.get(name) || undefined, // Koa says '' for a missing header
    })
    ctx.status = receipt.status
    ctx.body = receipt.message
    // Only once Koa has sent the answer: handling may take longer than LINE waits.
    if (receipt.status === 200) ctx.res.once('close', () => void receipt.handle())
  }
}

export function createApp(receiver: WebhookReceiver): Koa {
  const app = new Koa()
  app.use(webhookMiddleware(receiver))
  // Koa answers errors itself; 5xx are bugs here, worth a log line.
  app.on('error', (error: unknown) => {
    if (statusOfError(error) >= 500) receiver.log({ kind: 'error', error })
  })
  return app
}
