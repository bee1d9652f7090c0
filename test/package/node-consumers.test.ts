import { lstat, readFile, realpath } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { useConsumerProject } from './consumer-project.js'
import { expectCorrectBehaviour, published } from './observations.js'
import { describeRun, runNode } from './run.js'

const consumer = useConsumerProject()

/** Node's -r preloads before ES module entry points too. */
const HIDE_WEB_CRYPTO = ['-r', './hide-web-crypto.cjs']

const apps = [
  {
    app: 'consumer.cjs',
    loads: 'require',
    entry: 'dist/node/index.cjs',
    resolve: ['-p', "require.resolve('line-webhook')"],
  },
  {
    app: 'consumer.mjs',
    loads: 'import',
    entry: 'dist/node/index.js',
    resolve: ['--input-type=module', '-e', "console.log(import.meta.resolve('line-webhook'))"],
  },
] as const

describe('the tarball installed in a Node app', () => {
  it('is unpacked from the tarball, not linked to the repo', async () => {
    const { packageDir, tarball } = consumer()
    expect((await lstat(packageDir)).isSymbolicLink()).toBe(false)
    const manifest: unknown = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8'))
    expect(manifest).toMatchObject({ name: tarball.name, version: tarball.version })
  })

  it.each(apps)('resolves $loads to the node build, $entry', async ({ resolve, entry }) => {
    const { dir, packageDir } = consumer()
    const result = await runNode(resolve, { cwd: dir })
    expect(result.code, describeRun(result)).toBe(0)
    const printed = result.stdout.trim()
    const file = printed.startsWith('file:') ? fileURLToPath(printed) : printed
    expect(
      relative(await realpath(packageDir), file)
        .split(sep)
        .join('/'),
    ).toBe(entry)
  })

  it.each(apps)('$app creates and verifies signatures', async ({ app }) => {
    const result = await runNode([app, JSON.stringify(published)], { cwd: consumer().dir })
    expectCorrectBehaviour(result)
  })

  it.each(apps)('$app needs no Web Crypto: it runs on node:crypto', async ({ app }) => {
    const args = [...HIDE_WEB_CRYPTO, app, JSON.stringify(published)]
    expectCorrectBehaviour(await runNode(args, { cwd: consumer().dir }))
  })
})
