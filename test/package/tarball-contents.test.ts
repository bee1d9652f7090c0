import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isRecord, repoRoot, usePackedTarball } from './packed-tarball.js'

const tarball = usePackedTarball()

/** Besides package.json, npm always packs these from the root; CHANGELOG.md is listed in `files`. */
const ROOT_FILES = ['CHANGELOG.md', 'LICENSE', 'README.md', 'package.json']
/**
 * The two builds: ESM and CJS code with their declarations, nothing else (no sources, no maps);
 * and the `line-webhook` command.
 */
const BUILD_FILE = /^dist\/((node|web)\/[\w.-]+\.(js|cjs|d\.ts|d\.cts)|cli\/line-webhook\.js)$/
/** Point resolvers without `exports` support (node10) at each sub-path entry's node build. */
const SUBPATH_STUBS = ['testing/package.json', 'legacy/package.json']
/** The entry points each build holds: the main one, `line-webhook/testing` and `/legacy`. */
const ENTRIES = ['index', 'testing', 'legacy']

/** Every relative file path package.json points at, wherever in `exports` it sits. */
function pointedAt(value: unknown): string[] {
  if (typeof value === 'string') return value.startsWith('./') ? [value.slice(2)] : []
  if (Array.isArray(value)) return value.flatMap(pointedAt)
  return isRecord(value) ? Object.values(value).flatMap(pointedAt) : []
}

describe('the packed tarball', () => {
  it('holds the root files and the two builds, and nothing else', () => {
    const { files } = tarball()
    expect(files.filter((file) => !file.includes('/')).sort()).toEqual(ROOT_FILES)
    expect(files.filter((file) => file.includes('/') && !BUILD_FILE.test(file)).sort()).toEqual(
      [...SUBPATH_STUBS].sort(),
    )
    for (const build of ['node', 'web']) {
      for (const entry of ENTRIES) {
        for (const extension of ['js', 'cjs', 'd.ts', 'd.cts']) {
          expect(files).toContain(`dist/${build}/${entry}.${extension}`)
        }
      }
    }
    expect(files).toContain('dist/cli/line-webhook.js')
  })

  it('holds every file package.json points at', async () => {
    const manifest: unknown = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8'))
    if (!isRecord(manifest)) throw new Error('package.json is not an object')
    const targets = pointedAt([
      manifest['exports'],
      manifest['main'],
      manifest['module'],
      manifest['types'],
      manifest['bin'],
    ])
    expect(targets.length).toBeGreaterThan(0)
    expect(targets.filter((target) => !tarball().files.includes(target))).toEqual([])
  })

  it('was written outside the repo', async () => {
    expect(tarball().path.startsWith(repoRoot)).toBe(false)
    expect((await readdir(repoRoot)).filter((name) => name.endsWith('.tgz'))).toEqual([])
  })
})
