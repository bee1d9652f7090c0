import { execFile } from 'node:child_process'

export interface RunResult {
  /** The exit code, or `null` when a signal (such as the timeout) ended the process. */
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

export interface RunOptions {
  readonly cwd: string
  readonly timeoutMs?: number
}

/**
 * Runs a program to completion and reports how it ended, leaving the verdict to the test, so a
 * failing exit still shows its output in the assertion message.
 */
export function run(
  file: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        cwd: options.cwd,
        encoding: 'utf8',
        timeout: options.timeoutMs ?? 60_000,
        maxBuffer: 32 * 1024 * 1024,
        // Plain text to assert on: CI=true turns colour on in picocolors-based tools (publint).
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
        // npm and the tool shims in node_modules/.bin are .cmd files on Windows, run by a shell.
        shell: process.platform === 'win32',
      },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ code: 0, stdout, stderr })
        } else if (typeof error.code === 'number' || typeof error.signal === 'string') {
          resolve({ code: typeof error.code === 'number' ? error.code : null, stdout, stderr })
        } else {
          reject(new Error(`could not run ${file}`, { cause: error })) // ENOENT and the like
        }
      },
    )
  })
}

/** Runs `node` (the one running the tests) with `args`. */
export function runNode(args: readonly string[], options: RunOptions): Promise<RunResult> {
  return run(process.execPath, args, options)
}

/** Runs npm quietly: no audit, funding or update chatter, warnings off. */
export function runNpm(args: readonly string[], options: RunOptions): Promise<RunResult> {
  return run(
    'npm',
    [...args, '--loglevel=error', '--no-audit', '--no-fund', '--no-update-notifier'],
    options,
  )
}

/** `result` as text for an assertion message. */
export function describeRun(result: RunResult): string {
  return `exit ${String(result.code)}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`
}
