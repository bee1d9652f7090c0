// The `line-webhook` command (package.json "bin"). Node only: the web build never reaches src/cli.
// eslint-disable-next-line no-restricted-imports
import process from 'node:process'
import { runCli } from './run-cli.js'

async function readStdin(): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Uint8Array)
  return new Uint8Array(Buffer.concat(chunks))
}

runCli(process.argv.slice(2), {
  env: process.env,
  readStdin,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`line-webhook: unexpected error: ${String(error)}\n`)
    process.exitCode = 70
  },
)
