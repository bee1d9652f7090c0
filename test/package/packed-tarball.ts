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

export interface PackOptions {
  /** The package folder to pack. Default: this repo. */
  readonly from?: string
  /**
   * Run the lifecycle scripts (`prepack` builds `dist/`), as `npm pack` and `npm publish` do.
   * Default `false`: in the repo, a rebuild would rewrite `dist/` while other test files read it.
   */
  readonly scripts?: boolean
  readonly timeoutMs?: number
}

/** Packs a package into `destination` (never into the package); by default the repo's built `dist/`. */
export async function packTarball(
  destination: string,
  options: PackOptions = {},
): Promise<PackedTarball> {
  await mkdir(destination, { recursive: true })
  const scripts = options.scripts === true ? [] : ['--ignore-scripts']
  const result = await runNpm(['pack', '--json', ...scripts, '--pack-destination', destination], {
    cwd: options.from ?? repoRoot,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  })
  if (result.code !== 0) throw new Error(`npm pack failed: ${describeRun(result)}`)
  return parsePackOutput(result.stdout, destination)
}

/**
 * The JSON report npm pack prints last. Lifecycle scripts print to the same stdout before it, so it
 * starts at the last line that is just `[`.
 */
function packReport(stdout: string): unknown {
  const start = stdout.startsWith('[') ? 0 : stdout.lastIndexOf('\n[\n') + 1
  try {
    return JSON.parse(stdout.slice(start))
  } catch (error) {
    throw new Error(`npm pack --json printed no JSON report last: ${stdout}`, { cause: error })
  }
}

function parsePackOutput(stdout: string, destination: string): PackedTarball {
  const report: unknown = packReport(stdout)
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
