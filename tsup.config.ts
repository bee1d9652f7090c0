import { fileURLToPath } from 'node:url'
import type { Plugin } from 'esbuild'
import { defineConfig, type Options } from 'tsup'

const webHmac = fileURLToPath(new URL('src/crypto/web.ts', import.meta.url))

/**
 * The web build swaps the platform HMAC (node:crypto) for Web Crypto, so the files under
 * dist/web import nothing from `node:` and load in Workers, browsers and edge bundles.
 */
const useWebCrypto: Plugin = {
  name: 'use-web-crypto',
  setup(build) {
    build.onResolve({ filter: /\/crypto\/platform\.js$/ }, () => ({ path: webHmac }))
  },
}

const shared: Options = {
  // The test kit and the 2016 format are entries of their own, so a service importing
  // `line-webhook` bundles none of them.
  entry: { index: 'src/index.ts', testing: 'src/testing/index.ts', legacy: 'src/legacy/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  target: 'es2022',
  sourcemap: false,
  treeshake: false,
  removeNodeProtocol: false,
}

export default defineConfig([
  { ...shared, outDir: 'dist/node', platform: 'node', clean: true },
  { ...shared, outDir: 'dist/web', platform: 'neutral', esbuildPlugins: [useWebCrypto] },
  // The `line-webhook` command: Node only, one ES module file run by the package's `bin`.
  {
    entry: { 'line-webhook': 'src/cli/line-webhook.ts' },
    outDir: 'dist/cli',
    format: ['esm'],
    platform: 'node',
    target: 'es2022',
    clean: true,
    removeNodeProtocol: false,
    banner: { js: '#!/usr/bin/env node' },
  },
])
