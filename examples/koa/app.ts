import Koa, { type Middleware } from 'koa'
import type { WebhookHandler } from 'line-webhook'

/** `/webhook` and `/social/on/line/:channelId`: no router dependency for two paths. */
const WEBHOOK_PATH = /^\/(?:webhook|social\/on\/line\/[^/]+)$/

/**
 * Hands the webhook paths to `webhook.node`, which reads the raw body and answers (405 for a
 * method other than POST). Use it before any body parser: one that ran first consumed the bytes
 * the signature covers (answered 500, with the fix in the log).
 */
export function webhookMiddleware(webhook: WebhookHandler): Middleware {
  return async (ctx, next) => {
    if (!WEBHOOK_PATH.test(ctx.path)) {
      await next()
      return
    }
    // webhook.node writes the answer itself: Koa must not write one too.
    ctx.respond = false
    await webhook.node(ctx.req, ctx.res)
  }
}

export function createApp(webhook: WebhookHandler): Koa {
  return new Koa().use(webhookMiddleware(webhook))
}
