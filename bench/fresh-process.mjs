/**
 * One measurement per fresh Node process. A heap that already holds a large body, or code the JIT
 * optimised for another payload, skews the next measurement (a 1 MB body built first inflated a
 * 600-byte ratio from 1.1x to 1.45x), so the orchestrator forks a child per payload.
 */
import { fork } from 'node:child_process'
import console from 'node:console'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

// --expose-gc lets a child collect warm-up garbage before it starts counting.
const CHILD_FLAGS = ['--expose-gc']

/** Runs the benchmark module `url` in a new process with `args`; resolves what it reported. */
export function runFresh(url, args) {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(url), args, { execArgv: CHILD_FLAGS })
    let result
    child.on('message', (message) => (result = message))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0 && result !== undefined) resolve(result)
      else reject(new Error(`${fileURLToPath(url)} ${args.join(' ')} exited with ${code}`))
    })
  })
}

/**
 * The child side: when this module was forked by {@link runFresh}, run `main` with the arguments
 * and send its result back; when started by hand (`node bench/signature.mjs text-600B`), print it.
 */
export async function serveFresh(url, main) {
  if (process.argv[1] !== fileURLToPath(url)) return
  const result = await main(process.argv.slice(2))
  if (process.send === undefined) console.log(JSON.stringify(result, null, 2))
  // Disconnecting closes the IPC channel, the last thing keeping the child alive.
  else process.send(result, () => process.disconnect())
}
