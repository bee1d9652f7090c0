import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isRecord, repoRoot, usePackedTarball } from './packed-tarball.js'
import { describeRun, run } from './run.js'

const tarball = usePackedTarball()
const bin = (name: string): string => join(repoRoot, 'node_modules', '.bin', name)

describe('package linters on the packed tarball', () => {
  it('publint --strict finds no error, warning or suggestion', async () => {
    const result = await run(bin('publint'), ['run', tarball().path, '--strict'], {
      cwd: dirname(tarball().path),
    })
    expect(result.code, describeRun(result)).toBe(0)
    expect(result.stdout).not.toMatch(/^(Errors|Warnings|Suggestions):/m)
    expect(result.stdout.trim().split('\n').at(-1)).toBe('All good!')
  })

  it('are-the-types-wrong finds no problem for node10, node16 (CJS and ESM) or bundlers', async () => {
    // Run outside the repo so no .attw.json there can turn rules off.
    const result = await run(
      bin('attw'),
      [tarball().path, '--profile', 'strict', '--format', 'json'],
      { cwd: dirname(tarball().path) },
    )
    expect(result.code, describeRun(result)).toBe(0)
    const report: unknown = JSON.parse(result.stdout)
    expect(report).toMatchObject({ analysis: { types: { kind: 'included' }, problems: [] } })

    // Each resolution mode gets the build meant for it: the node build under Node, web elsewhere.
    const at = (file: string): string => `/node_modules/line-webhook/${file}`
    for (const [entrypoint, file] of [
      ['.', 'index'],
      ['./testing', 'testing'],
      ['./legacy', 'legacy'],
    ] as const) {
      expect(resolvedFiles(report, entrypoint), entrypoint).toEqual({
        node10: [at(`dist/node/${file}.d.cts`), at(`dist/node/${file}.cjs`)],
        'node16-cjs': [at(`dist/node/${file}.d.cts`), at(`dist/node/${file}.cjs`)],
        'node16-esm': [at(`dist/node/${file}.d.ts`), at(`dist/node/${file}.js`)],
        bundler: [at(`dist/web/${file}.d.ts`), at(`dist/web/${file}.js`)],
      })
    }
  })
})

/** The declaration and code file each resolution mode found for `entrypoint`. */
function resolvedFiles(report: unknown, entrypoint: string): Record<string, unknown[]> {
  const resolutions = pick(report, 'analysis', 'entrypoints', entrypoint, 'resolutions')
  return Object.fromEntries(
    Object.entries(isRecord(resolutions) ? resolutions : {}).map(([mode, resolution]) => [
      mode,
      [
        pick(resolution, 'resolution', 'fileName'),
        pick(resolution, 'implementationResolution', 'fileName'),
      ],
    ]),
  )
}

/** The value at `keys` in parsed JSON, or `undefined`. */
function pick(value: unknown, ...keys: readonly string[]): unknown {
  return keys.reduce<unknown>(
    (current, key) => (isRecord(current) ? current[key] : undefined),
    value,
  )
}
