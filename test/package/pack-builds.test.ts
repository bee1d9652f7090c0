/**
 * `npm pack` and `npm publish` must build first: packed right after a fresh clone's `npm ci` (no
 * `dist/` yet), the tarball once held four files and no code, and an install from git failed with
 * ERR_MODULE_NOT_FOUND. The `prepack` script builds; this packs a copy of the sources with no
 * `dist/`, lifecycle scripts on, as a fresh clone would.
 */
import { cp, readdir, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { repoRoot, packTarball, type PackedTarball } from './packed-tarball.js'
import { useTempDir } from './temp-dir.js'

/**
 * What the build reads (package.json's scripts, the tsup and TypeScript configs, the sources) and
 * the root files npm always packs. Tests, examples and `dist/` stay behind.
 */
const SOURCES = [
  'package.json',
  'tsconfig.json',
  'tsup.config.ts',
  'src',
  'testing',
  'legacy',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
]

const tempDir = useTempDir('line-webhook-fresh-pack-')
let tarball: PackedTarball | undefined
let before: readonly string[] = []

beforeAll(async () => {
  const clone = join(tempDir(), 'clone')
  for (const source of SOURCES) {
    await cp(join(repoRoot, source), join(clone, source), { recursive: true })
  }
  // The dependencies `npm ci` would install: linked, not copied, to keep this test cheap.
  await symlink(join(repoRoot, 'node_modules'), join(clone, 'node_modules'), 'junction')
  before = await readdir(clone)
  // The build (declarations included) is most of the cost: allow for a loaded machine.
  tarball = await packTarball(join(tempDir(), 'pack'), {
    from: clone,
    scripts: true,
    timeoutMs: 280_000,
  })
}, 300_000)

function packed(): PackedTarball {
  if (tarball === undefined) throw new Error('the tarball is packed in beforeAll')
  return tarball
}

describe('npm pack in a tree with no dist/', () => {
  it('starts from sources only', () => {
    expect([...before].sort()).toEqual([...SOURCES, 'node_modules'].sort())
  })

  it('builds first, so the tarball ships both builds with their declarations', () => {
    const { files } = packed()
    for (const build of ['node', 'web']) {
      for (const entry of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts']) {
        expect(files).toContain(`dist/${build}/${entry}`)
      }
    }
  })

  it('ships no sources, only the build and the root files', () => {
    expect(
      packed()
        .files.filter((file) => !file.startsWith('dist/'))
        .sort(),
    ).toEqual([
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'legacy/package.json',
      'package.json',
      'testing/package.json',
    ])
  })
})
