// app/api/line/route.ts: LINE's webhook URL is https://<your app>/api/line
import { createWebhookHandler } from 'line-webhook'

// Module scope: one handler per server process, so its memory of handled events lasts.
const webhook = createWebhookHandler({
  // Read per request: `next build` loads this module, often where the secret is not set.
  channelSecret: () => process.env['LINE_CHANNEL_SECRET'] ?? '',
  on: {
    message: (event) => {
      if (event.message.type === 'text') console.info(`message/text ${event.message.text}`)
    },
    follow: (event) => {
      console.info(`follow from ${event.source?.type ?? 'nobody'}`)
    },
  },
})

export const POST = (request: Request) => webhook.fetch(request)
