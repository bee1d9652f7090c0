import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { build, type Metafile } from 'esbuild'
import { beforeAll, describe, expect, it } from 'vitest'
import { useConsumerProject } from './consumer-project.js'
import { expectCorrectBehaviour, published } from './observations.js'
import { describeRun, runNode } from './run.js'

const consumer = useConsumerProject()

/**
 * Node always applies the "node" condition, so the web build is reached the way other runtimes
 * reach it: a bundler targeting the browser resolves with "browser", "import"/"require" and
 * "default". The bundles then run in Node, whose Web Crypto the web build uses.
 */
const bundles = [
  { app: 'consumer.mjs', format: 'esm', outfile: 'web-consumer.mjs', entry: 'dist/web/index.js' },
  { app: 'consumer.cjs', format: 'cjs', outfile: 'web-consumer.cjs', entry: 'dist/web/index.cjs' },
] as const

const metafiles = new Map<string, Metafile>()

beforeAll(async () => {
  for (const { app, format, outfile } of bundles) {
    const result = await build({
      absWorkingDir: consumer().dir,
      entryPoints: [app],
      outfile,
      bundle: true,
      platform: 'browser',
      format,
      metafile: true,
      logLevel: 'silent',
    })
    metafiles.set(outfile, result.metafile)
  }
})

describe('the tarball bundled for the browser', () => {
  it.each(bundles)('$app bundles $entry and leaves no import behind', async (bundle) => {
    const metafile = metafiles.get(bundle.outfile)
    const packageFiles = Object.keys(metafile?.inputs ?? {}).filter((input) =>
      input.startsWith('node_modules/line-webhook/'),
    )
    // The ES module build keeps what its entry points share (index, testing) in chunk files.
    const chunk = /^node_modules\/line-webhook\/dist\/web\/chunk-\w+\.js$/
    expect(packageFiles.filter((file) => !chunk.test(file))).toEqual([
      `node_modules/line-webhook/${bundle.entry}`,
    ])
    // Nothing is left for the runtime to load, node:crypto above all.
    expect(metafile?.outputs[bundle.outfile]?.imports).toEqual([])
    const code = await readFile(join(consumer().dir, bundle.outfile), 'utf8')
    expect(code).not.toMatch(/["']node:/)
  })

  it.each(bundles)('$outfile creates and verifies signatures', async ({ outfile }) => {
    const result = await runNode([outfile, JSON.stringify(published)], { cwd: consumer().dir })
    expectCorrectBehaviour(result)
  })

  it.each(bundles)('$outfile signs with Web Crypto, so fails without it', async ({ outfile }) => {
    const args = ['-r', './hide-web-crypto.cjs', outfile, JSON.stringify(published)]
    const result = await runNode(args, { cwd: consumer().dir })
    expect(result.code, describeRun(result)).not.toBe(0)
    expect(result.stderr).toContain('line-webhook: no Web Crypto (globalThis.crypto.subtle) here')
  })
})
