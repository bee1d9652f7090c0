/**
 * A clone with nothing beside it must run every test, example and benchmark: no file of the
 * repository may point outside it (the tests once read a sibling `../shared/` folder and failed
 * with ENOENT in a bare clone).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { filesUnder, outsideReferences, scanFiles } from './support/outside-references.js'

const root = fileURLToPath(new URL('..', import.meta.url))

/** What runs or builds: the code, its tests, examples and benchmarks, CI, and root configs. */
const FOLDERS = ['src', 'test', 'examples', 'bench', '.ci', '.github']
const ROOT_FILES = [
  'package.json',
  'tsconfig.json',
  'tsup.config.ts',
  'vitest.config.ts',
  'eslint.config.js',
]
/** Third-party data kept byte for byte: its prose is not a reference of ours. */
const DATA = join(root, 'test', 'fixtures')

function scanned(): string[] {
  return [
    ...FOLDERS.map((folder) => join(root, folder))
      .filter((folder) => existsSync(folder))
      .flatMap((folder) => filesUnder(folder, [DATA])),
    ...ROOT_FILES.map((file) => join(root, file)),
  ]
}

describe('the repository is self-contained', () => {
  it('scans the loaders, the CI script and this file, but not the copied data', () => {
    const files = scanned()
    for (const file of [
      'test/support/fixtures.ts',
      'test/legacy/legacy-fixtures.ts',
      'test/examples/support/bodies.ts',
      'test/repository-self-contained.test.ts',
      '.ci/run',
      'package.json',
    ]) {
      expect(files).toContain(join(root, file))
    }
    expect(files.filter((file) => file.startsWith(DATA))).toEqual([])
  })

  it('has no file that refers to a path outside the repository', () => {
    expect(scanFiles(root, scanned())).toEqual([])
  })

  it('holds every fixture the loaders read', () => {
    for (const fixture of [
      'conformance/modern/python-sdk-webhook.json',
      'conformance/legacy/go-sdk-2016-receive.json',
      'seeds/000_d39edbcc38ae43a0.txt',
      'seeds/001_27c6983c64b32088.txt',
      'seeds/003_4730e1a3d8e74500.txt',
      'README.md',
    ]) {
      expect(existsSync(join(DATA, fixture)), fixture).toBe(true)
    }
  })
})

describe('outsideReferences', () => {
  const file = join(root, 'test', 'support', 'fixtures.ts')
  const paths = (text: string) => outsideReferences(root, file, text).map(({ path }) => path)
  // Built, not written out: this file is scanned too, and must itself point nowhere outside.
  const up = (levels: number) => '../'.repeat(levels)

  it('flags what the tests used to read beside the clone', () => {
    expect(paths(`const shared = new URL('${up(3)}shared/', import.meta.url)`)).toEqual([
      `${up(3)}shared/`,
    ])
    expect(paths(` * Loads the corpus (${up(3)}shared/seeds) as \`unknown\``)).toEqual([
      `${up(3)}shared/seeds`,
    ])
    expect(paths(`import { x } from '${up(3)}shared/index.js'`)).toEqual([
      `${up(3)}shared/index.js`,
    ])
  })

  it('flags a URL that climbs above the root, and an absolute path beside the repository', () => {
    expect(paths(`new URL('${up(2)}..', import.meta.url)`)).toEqual([`${up(2)}..`])
    const sibling = join(root, '..', 'shared', 'seeds').split('\\').join('/')
    expect(paths(`readFileSync('${sibling}')`)).toEqual([sibling])
  })

  it('reports the file and line', () => {
    expect(outsideReferences(root, file, `ok\nnew URL('${up(3)}x', base)`)).toEqual([
      { file: 'test/support/fixtures.ts', line: 2, path: `${up(3)}x` },
    ])
  })

  it('passes paths that stay inside, spreads and paths of the machine', () => {
    expect(
      paths(
        [
          "new URL('../fixtures/', import.meta.url)",
          `new URL('${up(2)}', import.meta.url)`,
          "import { f } from './fixtures.js'",
          'const all = [...files, ...more]',
          "mkdtemp(join('/tmp', 'x')); execFile('/bin/sh')",
          'see https://example.invalid/a/../b and examples/shared/webhook-handling.ts',
        ].join('\n'),
      ),
    ).toEqual([])
  })
})
