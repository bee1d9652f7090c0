/**
 * What a user's editor and compiler show for the packed package's types: names, not structure.
 * fixtures/readable.mts is the README's loop in a strict app (`strict`, `skipLibCheck: false`,
 * `moduleResolution: nodenext`); fixtures/readable-errors.mts holds mistakes. The hovers and
 * errors come from TypeScript's language service, as an editor gets them.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { useConsumerProject } from './consumer-project.js'
import { openEditor, type Editor } from './language-service.js'
import { repoRoot } from './packed-tarball.js'
import { describeRun, run } from './run.js'

const consumer = useConsumerProject()
const tsc = join(repoRoot, 'node_modules', '.bin', 'tsc')
const APP = 'readable.mts'
const CONFIG = 'tsconfig.readable.json'

let editor: Editor | undefined
const hover = (marker: string): string => {
  editor ??= openEditor(consumer().dir, CONFIG, ['readable-errors.mts'])
  return editor.hover(APP, marker)
}

/** What no hover or error may show: the structure that a name should stand for. */
function expectNoStructure(text: string): void {
  expect(text).not.toContain('Flatten')
  expect(text).not.toContain('{ readonly')
}

describe('hovers in the README loop name the types', () => {
  it('the loop variable is the union of the event names, InvalidEvent included', () => {
    const text = hover('/*loop*/')
    expect(text.length, text).toBeLessThanOrEqual(600)
    expect(text).toMatch(/^const event: MessageEvent \| UnsendEvent \| /)
    expect(text).toMatch(/ \| InvalidEvent$/)
    expectNoStructure(text)
  })

  it("after case 'message' the event is a MessageEvent, and its message a MessageContent", () => {
    const narrowed = hover('/*narrowed*/')
    expect(narrowed.length, narrowed).toBeLessThanOrEqual(200)
    expect(narrowed).toBe('const event: MessageEvent')
    const message = hover('/*message*/')
    expect(message).toBe('(property) MessageEvent.message: MessageContent')
  })

  it('the lenient profile says its own names', () => {
    const loop = hover('/*lenientLoop*/')
    expect(loop.length, loop).toBeLessThanOrEqual(600)
    expect(loop).toContain('LenientMessageEvent')
    expect(loop).toContain('UnknownEvent')
    expect(loop).toContain('InvalidEvent')
    expectNoStructure(loop)
    expect(hover('/*lenientNarrowed*/')).toBe('const event: LenientMessageEvent')
  })
})

describe('compiler errors name the types', () => {
  it('names TextMessageContent and MessageContent, not their structure', () => {
    editor ??= openEditor(consumer().dir, CONFIG, ['readable-errors.mts'])
    const errors = editor.errors('readable-errors.mts')
    expect(errors).toHaveLength(2)
    for (const error of errors) {
      expect(error).toContain("type 'TextMessageContent'")
      expectNoStructure(error)
    }
    expect(errors[0]).toContain("Type 'MessageContent' is not assignable")
  })
})

describe('what the types cost a consumer', () => {
  let declarations: readonly { readonly file: string; readonly text: string }[] = []
  beforeAll(async () => {
    const dist = join(consumer().packageDir, 'dist')
    const files = (await readdir(dist, { recursive: true })).filter((file) =>
      /\.d\.c?ts$/.test(file),
    )
    declarations = await Promise.all(
      files.map(async (file) => ({ file, text: await readFile(join(dist, file), 'utf8') })),
    )
  })

  // The TSDoc, examples included, is what an editor shows on hover; the compiler skips it. What
  // grows with structure spelled out again and again is the declarations' code.
  it('the code of each declaration file, its TSDoc aside, is at most 60 KB', () => {
    const files = declarations.map(({ file }) => file)
    for (const build of ['node', 'web']) {
      for (const entry of ['index', 'testing', 'legacy']) {
        expect(files).toContain(join(build, `${entry}.d.ts`))
        expect(files).toContain(join(build, `${entry}.d.cts`))
      }
    }
    for (const { file, text } of declarations) {
      const code = text.replace(/\/\*\*[\s\S]*?\*\//g, '')
      expect(Buffer.byteLength(code), file).toBeLessThanOrEqual(60 * 1024)
    }
  })

  it('keeps the TSDoc examples, so a hover shows how to use each export', () => {
    const entries = declarations.filter(({ file }) => /index\.d\.c?ts$/.test(file))
    expect(entries).toHaveLength(4)
    for (const { file, text } of entries) {
      expect(text, file).toContain('@example')
      expect(text, file).toMatch(
        /import \{[^}]*\bdecodeWebhookRequest\b[^}]*\} from 'line-webhook'/,
      )
    }
  })

  it('the app compiles, checking the declarations, in at most 75,000 instantiations', async () => {
    const result = await run(tsc, ['-p', CONFIG, '--extendedDiagnostics', '--pretty', 'false'], {
      cwd: consumer().dir,
    })
    expect(result.code, describeRun(result)).toBe(0)
    const instantiations = Number(/^Instantiations:\s+(\d+)$/m.exec(result.stdout)?.[1])
    expect(instantiations, result.stdout).toBeGreaterThan(0)
    expect(instantiations, result.stdout).toBeLessThanOrEqual(75_000)
  })
})
