/**
 * What an app pays in bytes for importing from line-webhook: the app is bundled by esbuild for the
 * browser (so `line-webhook` resolves to dist/web, as in Workers and edge bundles), minified, and
 * gzipped at level 9. Only the named imports are used, so tree-shaking decides the rest.
 */
import { build } from 'esbuild'
import { URL, fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/** One row per app; kB are 1000 bytes, as bundle-size tools report them. */
export const BUNDLE_TARGETS = [
  // Guards against growth, at what the code weighs today. Issue 10 asks for 1 kB and 8 kB.
  // verifySignature alone is 0.98 kB: the Web Crypto HMAC and its key cache, the constant-time
  // compare and the misuse messages. A strict decode is 9.8 kB, 8 kB not met: io-ts and fp-ts
  // weigh 2 kB however little of them is used (classes and top-level values without a
  // pure annotation never tree-shake); the straight-line guards that make valid bodies cost
  // what parsing costs, 1.5 kB; the lenient profile's codecs, 0.7 kB, which `lenient: true`
  // keeps reachable from every decode. They were 1.27 and 11.4 kB before, 1.87 and 12.3 kB
  // with the 2016 adapter in the main entry point.
  { imports: ['verifySignature'], limitKb: 1.0 },
  { imports: ['decodeWebhookRequest'], limitKb: 9.9 },
]

/** Bundles an app that imports `imports` from line-webhook; its minified and gzipped sizes. */
export async function measureBundle({ imports, limitKb }) {
  const result = await build({
    stdin: {
      contents: `export { ${imports.join(', ')} } from 'line-webhook'`,
      resolveDir: ROOT,
      loader: 'js',
    },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const inputs = Object.keys(result.metafile.inputs)
  if (!inputs.includes('dist/web/index.js')) {
    throw new Error(`expected the app to bundle dist/web/index.js, got ${inputs.join(', ')}`)
  }
  const code = result.outputFiles[0].contents
  const gzipBytes = gzipSync(code, { level: 9 }).length
  return { imports, minBytes: code.length, gzipBytes, limitKb, pass: gzipBytes <= limitKb * 1000 }
}
