/**
 * Cloudflare Workers (and any Content-Security-Policy without 'unsafe-eval') refuse code made at
 * run time: no `eval` and no `Function` constructor, in the sources or in what ships. The workerd
 * test (test/runtimes/workerd.test.ts) proves the Worker loads; this names the line that would
 * stop it, in every built file.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
/** `eval(…)`, `new Function(…)`, `Function(…)` called bare, `globalThis.eval` and the like. */
const DYNAMIC_CODE = /\beval\s*\(|\bnew\s+Function\b|(?<![.\w$])Function\s*\(|\.eval\b/

async function filesUnder(dir: string, extension: RegExp): Promise<string[]> {
  const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile() && extension.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
}

/** Each line of `files` that makes code at run time, as `file:line: text`. */
async function dynamicCode(files: readonly string[]): Promise<string[]> {
  const found: string[] = []
  for (const file of files) {
    const lines = (await readFile(file, 'utf8')).split('\n')
    lines.forEach((line, index) => {
      if (DYNAMIC_CODE.test(line))
        found.push(`${relative(root, file)}:${index + 1}: ${line.trim()}`)
    })
  }
  return found
}

describe('no code made at run time', () => {
  it.each([
    ['eval(source)'],
    ['const f = new Function("a", "return a")'],
    ['Function("return this")()'],
    ['globalThis.eval(source)'],
  ])('the check itself finds %s', (line) => {
    expect(DYNAMIC_CODE.test(line)).toBe(true)
  })

  it.each([['evaluate(x)'], ['typeof value === "function"'], ['isFunction(x)']])(
    'and passes %s',
    (line) => {
      expect(DYNAMIC_CODE.test(line)).toBe(false)
    },
  )

  it('in the built files, node, web and the command (npm run build first)', async () => {
    const files = await filesUnder('dist', /\.(c?js)$/)
    expect(files.length).toBeGreaterThan(0)
    expect(await dynamicCode(files)).toEqual([])
  })

  it('in the sources', async () => {
    expect(await dynamicCode(await filesUnder('src', /\.ts$/))).toEqual([])
  })
})
