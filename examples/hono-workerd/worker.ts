// The Worker. Deploy it with `npx wrangler deploy examples/hono-workerd/worker.ts --name line-webhook
// --compatibility-date 2026-04-01` (no nodejs_compat needed) and `npx wrangler secret put
// LINE_CHANNEL_SECRET`; run it locally in workerd with `npx tsx examples/hono-workerd/serve.ts`.
import { createApp } from './app.js'

export default createApp()
