/**
 * House rule: every export of src/index.ts has TSDoc with a summary, `@since`, `@category` and an
 * `@example` that this test type-checks and runs. Exports are listed by the compiler, so new ones
 * are tested without touching this file. The rules an example must follow (how `// =>` checks
 * work, when an example may have none) are in ./support/doc-examples.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CHECK_MODULE,
  cachingHost,
  compilerOptions,
  documentedExports,
  formatDiagnostics,
  formatExampleDiagnostic,
  formatLocation,
  rewriteExample,
  typeCheck,
  type Example,
  type RewrittenExample,
} from './support/doc-examples.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const indexFile = path.join(root, 'src', 'index.ts')
const testingFile = path.join(root, 'src', 'testing', 'index.ts')
const legacyFile = path.join(root, 'src', 'legacy', 'index.ts')
const options = compilerOptions(root)
const host = cachingHost(options)
const exported = documentedExports(indexFile, root, options, host)
/** The exports of `line-webhook/testing`, whose examples import from both entry points. */
const testingExported = documentedExports(testingFile, root, options, host)
/** The exports of `line-webhook/legacy`, whose examples import from the main entry too. */
const legacyExported = documentedExports(legacyFile, root, options, host)
/** Sub-path entries: an example of any entry may import from any, so all become one module. */
const ENTRY_SPECIFIER = /(['"])line-webhook\/(?:testing|legacy)\1/g

/** Inside the repo (and gitignored) so that vite resolves and transforms them like test code. */
const cacheDir = path.join(root, '.cache', 'doc-examples')

interface WrittenExample {
  readonly example: Example
  readonly file: string
  readonly rewritten: RewrittenExample
}

let runDir: string | undefined
const written = new Map<string, WrittenExample[]>()
let typeChecked: ReturnType<typeof typeCheck> | undefined

beforeAll(() => {
  mkdirSync(cacheDir, { recursive: true })
  // A directory per run: another run may be using the one next to it.
  runDir = mkdtempSync(path.join(cacheDir, 'run-'))
  writeFileSync(path.join(runDir, 'check.ts'), CHECK_MODULE)
  // `line-webhook`, `line-webhook/testing` and `line-webhook/legacy` all become this module.
  const specifier = (file: string) =>
    `../${path.relative(cacheDir, file).replace(/\.ts$/, '.js').split(path.sep).join('/')}`
  writeFileSync(
    path.join(runDir, 'all-entries.ts'),
    [indexFile, testingFile, legacyFile]
      .map((file) => `export * from '${specifier(file)}'\n`)
      .join(''),
  )
  const entries = [
    { prefix: '', exports: exported },
    { prefix: 'testing:', exports: testingExported },
    { prefix: 'legacy:', exports: legacyExported },
  ]
  for (const { prefix, exports } of entries) {
    for (const { name, declarations } of exports) {
      const files = declarations.flatMap(({ examples }, declaration) =>
        examples.map((example, index) => {
          const rewritten = rewrite(example, name)
          const fileName = `${prefix.replace(':', '.')}${name}.${declaration}.${index}.ts`
          return { example, rewritten, file: write(fileName, rewritten) }
        }),
      )
      written.set(`${prefix}${name}`, files)
    }
  }
  // One program for all examples. Unused locals are no error in a snippet: a type example may
  // declare a type only to show that it compiles.
  typeChecked = typeCheck(
    [...written.values()].flat().map(({ file }) => file),
    { ...options, noUnusedLocals: false, noUnusedParameters: false },
    host,
  )
  // Type-checking every example takes seconds, more on a loaded machine than the default 10 s.
}, 120_000)

function rewrite(example: Example, name: string): RewrittenExample {
  const code = example.code.replace(ENTRY_SPECIFIER, "'line-webhook'")
  return rewriteExample({ ...example, code }, name, './all-entries.js', './check.js')
}

function write(fileName: string, rewritten: RewrittenExample): string {
  if (runDir === undefined) throw new Error('beforeAll has not run')
  const file = path.join(runDir, fileName)
  writeFileSync(file, rewritten.code)
  return file
}

/** Imports a written example, which throws if a check fails; resolves the checks that never ran. */
async function run(file: string, rewritten: RewrittenExample): Promise<readonly string[]> {
  const check = path.join(runDir ?? '', 'check.ts')
  const { ran } = (await import(/* @vite-ignore */ check)) as { ran: ReadonlySet<string> }
  await import(/* @vite-ignore */ file)
  return rewritten.checks.filter((id) => !ran.has(id))
}

afterAll(() => {
  if (runDir !== undefined) rmSync(runDir, { recursive: true, force: true })
})

describe('doc examples of the public API', () => {
  it('lists at least every export src/index.ts has at run time (types come on top)', async () => {
    const runtime = Object.keys(await import('../src/index.js'))
    const names = exported.map(({ name }) => name)
    expect(runtime.length).toBeGreaterThan(0)
    expect(names).toEqual(expect.arrayContaining(runtime))
  })

  it('type-checks the examples with the repo compiler options', () => {
    expect(formatDiagnostics(typeChecked?.global ?? [], root)).toBe('')
  })

  for (const { name, at: declaredAt, declarations } of exported) {
    it(name, async () => {
      const examples = written.get(name) ?? []
      const problems = declarations.flatMap(({ kind, at, problems }) =>
        problems.map((problem) => `${name} (${kind} at ${formatLocation(at)}) ${problem}`),
      )
      if (declarations.length === 0) {
        problems.push(`${name} (at ${formatLocation(declaredAt)}) has no TSDoc comment`)
      }
      problems.push(...examples.flatMap(({ rewritten }) => rewritten.problems))
      // Soft, so one run reports every problem of the doc, the compiler's and the checks' together.
      expect.soft(problems, 'TSDoc').toEqual([])
      const diagnostics = examples.flatMap(({ example, file }) =>
        (typeChecked?.byFile.get(file) ?? []).map((d) => formatExampleDiagnostic(d, example)),
      )
      expect.soft(diagnostics, 'type errors').toEqual([])

      for (const { file, rewritten } of examples) {
        expect(await run(file, rewritten), 'checks that never ran').toEqual([])
      }
    })
  }
})

for (const entry of [
  { entry: 'testing', source: '../src/testing/index.js', exports: testingExported },
  { entry: 'legacy', source: '../src/legacy/index.js', exports: legacyExported },
]) {
  describe(`doc examples of line-webhook/${entry.entry}`, () => {
    it(`lists at least every export src/${entry.entry}/index.ts has at run time`, async () => {
      const runtime = Object.keys((await import(/* @vite-ignore */ entry.source)) as object)
      expect(runtime.length).toBeGreaterThan(0)
      expect(entry.exports.map(({ name }) => name)).toEqual(expect.arrayContaining(runtime))
    })

    for (const { name, at: declaredAt, declarations } of entry.exports) {
      it(name, async () => {
        const examples = written.get(`${entry.entry}:${name}`) ?? []
        const problems = declarations.flatMap(({ kind, at, problems }) =>
          problems.map((problem) => `${name} (${kind} at ${formatLocation(at)}) ${problem}`),
        )
        if (declarations.length === 0) {
          problems.push(`${name} (at ${formatLocation(declaredAt)}) has no TSDoc comment`)
        }
        problems.push(...examples.flatMap(({ rewritten }) => rewritten.problems))
        expect.soft(problems, 'TSDoc').toEqual([])
        const diagnostics = examples.flatMap(({ example, file }) =>
          (typeChecked?.byFile.get(file) ?? []).map((d) => formatExampleDiagnostic(d, example)),
        )
        expect.soft(diagnostics, 'type errors').toEqual([])
        for (const { file, rewritten } of examples) {
          expect(await run(file, rewritten), 'checks that never ran').toEqual([])
        }
      })
    }
  })
}

describe('the rules doc examples follow', () => {
  const at = { file: 'src/doc.ts', line: 10 }
  const imports = "import { createSignature } from 'line-webhook'"
  const lines = (...code: string[]) => code.join('\n')
  const problemsOf = (code: string, name = 'createSignature') =>
    rewrite({ code, at }, name).problems

  it('passes a checked example', () => {
    expect(
      problemsOf(lines(imports, 'console.log(typeof createSignature) // => "function"')),
    ).toEqual([])
  })

  it.each([
    ['a value that is not one expression', 'console.log(1) // => 1), (2', 'not one JavaScript'],
    ['a `// =>` after no console.log', 'const x = 1 // => 1', 'only checks a statement'],
    ['a console.log without `// =>`', 'console.log(1)', 'has no `// => VALUE`'],
    ['a console.log of two values', 'console.log(1, 2) // => 1', 'a statement with one argument'],
    [
      'code that checks nothing',
      'await createSignature({ channelSecret: "s", body: "" })',
      'checks nothing',
    ],
  ])('rejects %s', (_, line, problem) => {
    expect(problemsOf(lines(imports, line))).toEqual([expect.stringContaining(problem)])
  })

  it('rejects an example that does not import what it documents', () => {
    const code = lines("import { verifySignature } from 'line-webhook'", 'console.log(1) // => 1')
    expect(problemsOf(code)).toEqual([expect.stringContaining('does not import createSignature')])
  })

  it('allows no check in an example that only declares types', () => {
    const code = lines(
      "import type { CreateSignatureParams } from 'line-webhook'",
      "type Body = CreateSignatureParams['body']",
    )
    expect(problemsOf(code, 'CreateSignatureParams')).toEqual([])
  })

  it('fails an example whose stated value is wrong, naming the doc line', async () => {
    const code = lines(
      imports,
      '',
      'console.log(await createSignature({ channelSecret: "s", body: "" })) // => "wrong"',
    )
    const file = write('wrong-value.ts', rewrite({ code, at }, 'createSignature'))
    await expect(import(/* @vite-ignore */ file)).rejects.toThrow(/^src\/doc\.ts:12: console\.log/)
  })

  it('fails a check that never runs', async () => {
    const code = lines(
      imports,
      'const later = () => {',
      '  console.log(typeof createSignature) // => "function"',
      '}',
      'console.log(typeof later) // => "function"',
    )
    const rewritten = rewrite({ code, at }, 'createSignature')
    expect(rewritten.problems).toEqual([])
    const neverRan = await run(write('never-ran.ts', rewritten), rewritten)
    expect(neverRan).toEqual([expect.stringMatching(/^src\/doc\.ts:12: /)])
  })
})
