/**
 * Takes the TSDoc `@example` blocks out of the built declarations (dist/*\/index.d.ts, .d.cts).
 * They were half of every declaration file that each consumer's compiler reads; they stay in the
 * source, where test/doc-examples.test.ts runs them, and in the API reference. The summaries,
 * field docs, `@since` and `@category` stay, so editors still explain each name.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const TAG = /^\s*\* @\w+/
const END = /^\s*\*\/\s*$/
const FENCE = /^\s*\*\s*```/

/** `text` without its `@example` blocks: from the tag to the next tag or the comment's end. */
export function stripExamples(text) {
  const kept = []
  let inExample = false
  let inFence = false
  for (const line of text.split('\n')) {
    if (inExample) {
      if (FENCE.test(line)) inFence = !inFence
      else if (END.test(line) || (!inFence && TAG.test(line))) inExample = false
      if (inExample) continue
    }
    if (/^\s*\* @example\b/.test(line)) {
      inExample = true
      inFence = false
      // The blank comment line before the tag goes with it.
      if (/^\s*\*\s*$/.test(kept.at(-1) ?? '')) kept.pop()
      continue
    }
    kept.push(line)
  }
  return kept.join('\n')
}

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')
for (const build of await readdir(dist)) {
  for (const name of ['index.d.ts', 'index.d.cts']) {
    const file = join(dist, build, name)
    const text = await readFile(file, 'utf8').catch(() => undefined)
    if (text !== undefined) await writeFile(file, stripExamples(text))
  }
}
