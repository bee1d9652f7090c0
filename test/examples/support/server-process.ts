/**
 * Starts an example's server script as a user would (`npx tsx examples/<name>/server.ts`), and
 * stops it with SIGTERM, as a process manager does.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url))

export interface ServerProcess {
  readonly origin: string
  /** Sends SIGTERM; resolves with the exit code and everything printed. */
  stop(): Promise<{ readonly code: number | null; readonly output: string }>
}

export async function startServerProcess(
  script: string,
  env: Readonly<Record<string, string>>,
): Promise<ServerProcess> {
  const child = spawn(tsx, [script], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = once(child, 'exit')
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`${script} did not start in time:\n${output}`))
    }, 60_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1]
      if (found !== undefined) {
        clearTimeout(timer)
        resolve(found)
      }
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    void exited.then(() => {
      clearTimeout(timer)
      reject(new Error(`${script} exited before listening:\n${output}`))
    })
  })
  return {
    origin,
    async stop() {
      child.kill('SIGTERM')
      const [code] = (await exited) as [number | null]
      return { code, output }
    },
  }
}
