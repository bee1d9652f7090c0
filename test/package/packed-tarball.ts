import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll } from 'vitest'
import { describeRun, runNpm } from './run.js'
import { useTempDir } from './temp-dir.js'

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

/** The tarball `npm pack` made, as `npm publish` would upload it. */
export interface PackedTarball {
  readonly path: string
  readonly name: string
  readonly version: string
  /** The sha512 SRI of the tarball, which an install checks the file against. */
  readonly integrity: string
  /** Every file in the tarball, relative to its `package/` root. */
  readonly files: readonly string[]
}

/** Packs the repo into `destination` (never into the repo); `dist/` must already be built. */
export async function packTarball(destination: string): Promise<PackedTarball> {
  await mkdir(destination, { recursive: true })
  // --ignore-scripts: a prepack script would rebuild dist/, which other test files read meanwhile.
  const result = await runNpm(
    ['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
    { cwd: repoRoot },
  )
  if (result.code !== 0) throw new Error(`npm pack failed: ${describeRun(result)}`)
  return parsePackOutput(result.stdout, destination)
}

function parsePackOutput(stdout: string, destination: string): PackedTarball {
  const report: unknown = JSON.parse(stdout)
  const entry: unknown = Array.isArray(report) && report.length === 1 ? report[0] : undefined
  if (
    !isRecord(entry) ||
    typeof entry['filename'] !== 'string' ||
    typeof entry['name'] !== 'string' ||
    typeof entry['version'] !== 'string' ||
    typeof entry['integrity'] !== 'string' ||
    !Array.isArray(entry['files'])
  ) {
    throw new Error(`npm pack --json printed an unexpected report: ${stdout}`)
  }
  const files = entry['files'].map((file: unknown) => {
    if (isRecord(file) && typeof file['path'] === 'string') return file['path']
    throw new Error(`npm pack --json listed an unexpected file entry: ${JSON.stringify(file)}`)
  })
  return {
    path: join(destination, entry['filename']),
    name: entry['name'],
    version: entry['version'],
    integrity: entry['integrity'],
    files,
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Packs the repo once for this test file, into a temporary directory removed afterwards. */
export function usePackedTarball(): () => PackedTarball {
  const tempDir = useTempDir('line-webhook-pack-')
  let tarball: PackedTarball | undefined
  beforeAll(async () => {
    tarball = await packTarball(tempDir())
  })
  return () => {
    if (tarball === undefined) throw new Error('the tarball is packed in beforeAll')
    return tarball
  }
}
