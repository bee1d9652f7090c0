import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)

/** The runtimes installed as devDependencies, so CI tests the pinned versions, not whatever is on PATH. */
export const runtimeBinaries = {
  bun: fileURLToPath(new URL('../../node_modules/.bin/bun', import.meta.url)),
  deno: fileURLToPath(new URL('../../node_modules/.bin/deno', import.meta.url)),
} as const

const RUN_TIMEOUT_MS = 60_000

/**
 * Runs a runtime's command line to completion and returns its standard output. A hung runtime is
 * killed at the time limit instead of stalling CI; a failure rejects with its stderr, which is
 * the only clue a CI log will have.
 */
export async function runRuntime(
  binary: string,
  args: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string>> = {},
): Promise<string> {
  const { stdout } = await execFileAsync(binary, args, {
    cwd,
    env: {
      ...process.env,
      // No update checks or telemetry: the tests must never reach the network.
      DO_NOT_TRACK: '1',
      DENO_NO_UPDATE_CHECK: '1',
      NO_COLOR: '1',
      ...env,
    },
    encoding: 'utf8',
    timeout: RUN_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  })
  return stdout
}
