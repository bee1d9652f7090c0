import express, { type Express } from 'express'
import type { WebhookHandler } from 'line-webhook'

/**
 * `POST /webhook` and `POST /social/on/line/:channelId` (the webhook answers 404 for a channel it
 * does not serve). `webhook.node` reads the raw body itself, so these routes come before any
 * `express.json()`: a JSON parser that ran first leaves an object, not the bytes LINE signed
 * (answered 500, with the fix in the log).
 */
export function createApp(webhook: WebhookHandler): Express {
  const app = express()
  app.post(['/webhook', '/social/on/line/:channelId'], webhook.node)
  // The rest of your app, after the webhook routes.
  app.use(express.json())
  return app
}
