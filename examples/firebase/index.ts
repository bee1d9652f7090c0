// Deployed as the function `line`. LINE_CHANNEL_SECRET (and optionally LINE_CHANNEL_ID, LINE_CHANNELS)
// from functions/.env, which deploy reads too; for a secret, see the README (defineSecret, read per request).
import { consoleHooks } from '../shared/console.js'
import { createLineWebhook } from '../shared/line-webhook.js'
import { channelsFromEnv } from '../shared/webhook-handling.js'
import { lineFunction } from './function.js'

export const line = lineFunction(
  createLineWebhook({
    ...channelsFromEnv(process.env),
    ...consoleHooks,
    respond: 'after-handlers',
  }),
)
