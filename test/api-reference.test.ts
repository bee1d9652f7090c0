/**
 * `npm run docs` builds the API reference with TypeDoc, warnings as errors (typedoc.json). This
 * runs the same conversion and validation in process, without writing the pages, so a broken
 * `{@link}`, a public type that is not exported, or an undocumented field of the types people
 * read most fails `npm test`, not only the docs build.
 */
import {
  Application,
  DeclarationReflection,
  LogLevel,
  Logger,
  type ProjectReflection,
  type SomeType,
} from 'typedoc'
import { beforeAll, describe, expect, it } from 'vitest'

/** Keeps every warning and error, to show them when the build has any. */
class RecordingLogger extends Logger {
  readonly messages: string[] = []

  override log(message: string, level: LogLevel): void {
    super.log(message, level)
    if (level >= LogLevel.Warn) this.messages.push(`${LogLevel[level]}: ${message}`)
  }
}

let project: ProjectReflection | undefined
const logger = new RecordingLogger()

beforeAll(async () => {
  const app = await Application.bootstrapWithPlugins({ options: 'typedoc.json' })
  app.logger = logger
  project = await app.convert()
  if (project !== undefined) app.validate(project)
}, 240_000)

/** The fields a type declares: an interface's properties, or an intersection's own literals. */
function fieldsOf(type: SomeType | undefined): DeclarationReflection[] {
  if (type?.type === 'intersection') return type.types.flatMap(fieldsOf)
  if (type?.type === 'reflection') return type.declaration.children ?? []
  return []
}

function documentation(name: string): Record<string, string> {
  const reflection = project?.getChildByName(['line-webhook', name])
  if (!(reflection instanceof DeclarationReflection)) throw new Error(`${name} is not documented`)
  const fields = reflection.children ?? fieldsOf(reflection.type)
  return Object.fromEntries(
    fields.map((field) => [
      field.name,
      field.comment?.summary.map((part) => part.text).join('') ?? '',
    ]),
  )
}

describe('the API reference (npm run docs)', () => {
  it('builds from the three entry points with no warning and no error', () => {
    expect(project?.children?.map((entry) => entry.name)).toEqual([
      'line-webhook',
      'line-webhook/legacy',
      'line-webhook/testing',
    ])
    expect(
      project?.getChildByName(['line-webhook/legacy', 'decodeLegacyCallbackRequest']),
    ).toBeDefined()
    expect(project?.getChildByName(['line-webhook/testing', 'createTestRequest'])).toBeDefined()
    expect(logger.messages).toEqual([])
    expect(logger.warningCount + logger.errorCount).toBe(0)
  })

  it.each([
    ['Issue', ['path', 'expected', 'actual']],
    ['SignatureMismatch', ['_tag', 'reason']],
    ['DecodeOptions', ['lenient', 'onInvalidEvent', 'acceptLegacy']],
    ['LenientOptions', ['lenient']],
    ['AcceptLegacyOptions', ['acceptLegacy']],
    ['StrictOptions', ['lenient', 'acceptLegacy']],
    ['FormatOptions', ['values']],
    ['VerifySignatureParams', ['channelSecret', 'body', 'signature']],
    ['CreateSignatureParams', ['channelSecret', 'body']],
  ])('documents each field of %s', (name, fields) => {
    const documented = documentation(name)
    expect(Object.keys(documented).sort()).toEqual([...fields].sort())
    for (const field of fields) {
      // `_tag` says what it is by its literal type; every other field says what it means.
      if (field !== '_tag') expect(documented[field], `${name}.${field}`).toMatch(/\w{3,}/)
    }
  })
})
