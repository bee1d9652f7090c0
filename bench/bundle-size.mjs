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
  // Guards against growth, at what the code weighs today. Issue 10 asks for 1 kB and 8 kB, not
  // met yet: verify is 1.27 kB (Web Crypto's key cache, the misuse checks and their messages);
  // a strict decode 11.4 kB (io-ts's index module whole, the lenient profile's codecs, and the
  // straight-line guards, 2 kB, that make valid bodies cost what parsing costs). It was 1.87 kB
  // and 12.3 kB before the 2016 adapter moved to line-webhook/legacy.
  { imports: ['verifySignature'], limitKb: 1.3 },
  { imports: ['decodeWebhookRequest'], limitKb: 11.5 },
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
