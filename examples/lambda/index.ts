// The function's handler: index.handler (LINE_CHANNEL_SECRET=... and optionally LINE_CHANNEL_ID, LINE_CHANNELS)
import { consoleHooks } from '../shared/console.js'
import { createLineWebhook } from '../shared/line-webhook.js'
import { channelsFromEnv } from '../shared/webhook-handling.js'
import { createLambdaHandler } from './handler.js'

// Module scope: a warm function keeps its memory of handled events between invocations.
export const handler = createLambdaHandler(
  createLineWebhook({
    ...channelsFromEnv(process.env),
    ...consoleHooks,
    respond: 'after-handlers',
  }),
)
