// npx tsx examples/hono-workerd/serve.ts (LINE_CHANNEL_SECRET=... and optionally LINE_CHANNEL_ID,
// LINE_CHANNELS, PORT): the Worker in workerd, the runtime Cloudflare runs, through Miniflare.
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { Miniflare } from 'miniflare'

// As Wrangler bundles a Worker without nodejs_compat: no `node` condition, so line-webhook's
// Web Crypto build is the one bundled in.
const { outputFiles } = await build({
  entryPoints: [fileURLToPath(new URL('worker.ts', import.meta.url))],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'browser',
  conditions: ['workerd', 'worker', 'browser'],
})

const bindings: Record<string, string> = {}
for (const name of ['LINE_CHANNEL_ID', 'LINE_CHANNEL_SECRET', 'LINE_CHANNELS']) {
  const value = process.env[name]
  if (value !== undefined) bindings[name] = value
}

const miniflare = new Miniflare({
  modules: true,
  script: outputFiles[0]?.text ?? '',
  compatibilityDate: '2026-04-01',
  bindings,
  host: '127.0.0.1',
  port: Number(process.env['PORT'] ?? 8787),
  cf: false, // no download of Cloudflare's request.cf data
})
// Ctrl-C or SIGTERM: Miniflare's own exit hook stops workerd, and exits with 128 + the signal.
console.log(`Hono example (workerd) listening on ${(await miniflare.ready).origin}`)
