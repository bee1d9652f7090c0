import { onRequest, type HttpsFunction } from 'firebase-functions/v2/https'
import type { WebhookHandler } from 'line-webhook'

/**
 * An HTTPS function for `webhook`. The platform parses the body before the function runs and
 * keeps its bytes in `req.rawBody`, which `webhook.node` verifies. Create the webhook with
 * `respond: 'after-handlers'`: once a function has answered, its CPU is throttled (unless you
 * keep it allocated), so the handlers run first.
 */
export function lineFunction(webhook: WebhookHandler): HttpsFunction {
  return onRequest((req, res) => webhook.node(req, res))
}
