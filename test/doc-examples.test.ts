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
const options = compilerOptions(root)
const host = cachingHost(options)
const exported = documentedExports(indexFile, root, options, host)
/** The exports of `line-webhook/testing`, whose examples import from both entry points. */
const testingExported = documentedExports(testingFile, root, options, host)
const TESTING_SPECIFIER = /(['"])line-webhook\/testing\1/g

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
  // The testing examples' `line-webhook` and `line-webhook/testing` both become this module.
  const specifier = (file: string) =>
    `../${path.relative(cacheDir, file).replace(/\.ts$/, '.js').split(path.sep).join('/')}`
  writeFileSync(
    path.join(runDir, 'both-entries.ts'),
    `export * from '${specifier(indexFile)}'\nexport * from '${specifier(testingFile)}'\n`,
  )
  for (const { name, declarations } of exported) {
    const files = declarations.flatMap(({ examples }, declaration) =>
      examples.map((example, index) => {
        const rewritten = rewrite(example, name)
        return { example, rewritten, file: write(`${name}.${declaration}.${index}.ts`, rewritten) }
      }),
    )
    written.set(name, files)
  }
  for (const { name, declarations } of testingExported) {
    const files = declarations.flatMap(({ examples }, declaration) =>
      examples.map((example, index) => {
        const code = example.code.replace(TESTING_SPECIFIER, "'line-webhook'")
        const rewritten = rewriteExample(
          { ...example, code },
          name,
          './both-entries.js',
          './check.js',
        )
        const file = write(`testing.${name}.${declaration}.${index}.ts`, rewritten)
        return { example, rewritten, file }
      }),
    )
    written.set(`testing:${name}`, files)
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
  const index = path.relative(cacheDir, indexFile).replace(/\.ts$/, '.js')
  // The run directory is one level below cacheDir.
  return rewriteExample(example, name, `../${index.split(path.sep).join('/')}`, './check.js')
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

describe('doc examples of line-webhook/testing', () => {
  it('lists at least every export src/testing/index.ts has at run time', async () => {
    const runtime = Object.keys(await import('../src/testing/index.js'))
    expect(runtime.length).toBeGreaterThan(0)
    expect(testingExported.map(({ name }) => name)).toEqual(expect.arrayContaining(runtime))
  })

  for (const { name, at: declaredAt, declarations } of testingExported) {
    it(name, async () => {
      const examples = written.get(`testing:${name}`) ?? []
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
