import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useConsumerProject } from './consumer-project.js'
import { repoRoot } from './packed-tarball.js'
import { describeRun, run } from './run.js'

const consumer = useConsumerProject()
const tsc = join(repoRoot, 'node_modules', '.bin', 'tsc')
const PACKAGE = '/node_modules/line-webhook/'

/**
 * The fixtures' tsconfigs have lib ES2022, `types: []` and skipLibCheck off, so the package's
 * declarations compile only if they need no DOM or Node types; fixtures/consumer.mts and .cts use
 * the exported types and mark misuse with @ts-expect-error, which fails the compile if accepted.
 */
const programs = [
  {
    config: 'tsconfig.node16.json',
    gets: 'the node build types for .mts and .cts',
    declarations: ['dist/node/index.d.cts', 'dist/node/index.d.ts'],
  },
  {
    config: 'tsconfig.bundler.json',
    gets: 'the web build types',
    declarations: ['dist/web/index.d.ts'],
  },
] as const

describe('TypeScript apps of the tarball', () => {
  it.each(programs)('$config compiles, with $gets', async ({ config, declarations }) => {
    const result = await run(tsc, ['-p', config, '--listFiles', '--pretty', 'false'], {
      cwd: consumer().dir,
    })
    expect(result.code, describeRun(result)).toBe(0)
    const files = result.stdout.split(/\r?\n/).filter((line) => line !== '')
    const fromPackage = files.flatMap((file) => {
      const at = file.lastIndexOf(PACKAGE)
      return at === -1 ? [] : [file.slice(at + PACKAGE.length)]
    })
    // Declarations the entry points share (`event-<hash>.d.ts`) come along with them.
    const shared = /^dist\/(node|web)\/[a-z-]+-[\w]{8}\.d\.c?ts$/
    expect(fromPackage.filter((file) => !shared.test(file)).sort()).toEqual(declarations)
    // Nothing else came in: no @types, nothing but TypeScript's own libs, the app and its packages.
    const unexpected = files.filter(
      (file) =>
        !/\/node_modules\/typescript\/lib\/lib\.[\w.]+\.d\.ts$/.test(file) &&
        !/\/consumer\.[mc]ts$/.test(file) &&
        !/\/node_modules\/(line-webhook|io-ts|fp-ts)\//.test(file),
    )
    expect(unexpected).toEqual([])
  })
})
