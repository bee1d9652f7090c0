/**
 * Reads the TSDoc of every export of the public barrel and turns each `@example` into a module
 * that test/doc-examples.test.ts can type-check and run. Kept apart from the test so the rules
 * (what a doc must have, how an example is rewritten) read on their own.
 */
import path from 'node:path'
import ts from 'typescript'

const PACKAGE_NAME = 'line-webhook'

/** A source position people can click: `src/signature.ts:42`. */
export interface Location {
  readonly file: string
  readonly line: number
}

export const formatLocation = (at: Location): string => `${at.file}:${at.line}`

export interface Example {
  /** The code of one fenced ts block, its first line at `at`. */
  readonly code: string
  readonly at: Location
}

export interface DocumentedDeclaration {
  /** The declaration's kind, as TypeScript names it (`FunctionDeclaration`, `InterfaceDeclaration`). */
  readonly kind: string
  readonly at: Location
  /** What is missing or wrong in its TSDoc; empty when it has everything the house rule asks. */
  readonly problems: readonly string[]
  readonly examples: readonly Example[]
}

export interface DocumentedExport {
  readonly name: string
  /** Where it is first declared. */
  readonly at: Location
  /** Its declarations that carry a TSDoc comment. */
  readonly declarations: readonly DocumentedDeclaration[]
}
/** The repo's compiler options, from tsconfig.json at `root`. */
export function compilerOptions(root: string): ts.CompilerOptions {
  const configPath = path.join(root, 'tsconfig.json')
  const read = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file))
  if (read.error) throw new Error(formatDiagnostics([read.error], root))
  const config: unknown = read.config
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, root, undefined, configPath)
  if (parsed.errors.length > 0) throw new Error(formatDiagnostics(parsed.errors, root))
  return parsed.options
}

/**
 * A compiler host that parses each file once, so the program that type-checks the examples
 * reuses what the program that listed the exports already parsed (lib.dom.d.ts above all).
 */
export function cachingHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true)
  const parsed = new Map<string, ts.SourceFile | undefined>()
  const getSourceFile = host.getSourceFile.bind(host)
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`
    if (!parsed.has(key)) {
      parsed.set(key, getSourceFile(fileName, languageVersion, onError, shouldCreate))
    }
    return parsed.get(key)
  }
  return host
}

/**
 * Every export of `indexFile`, values and types, each followed through re-exports to the
 * declarations that carry its TSDoc. One program for the whole barrel, however many exports.
 */
export function documentedExports(
  indexFile: string,
  root: string,
  options: ts.CompilerOptions,
  host: ts.CompilerHost,
): readonly DocumentedExport[] {
  const program = ts.createProgram({ rootNames: [indexFile], options, host })
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(indexFile)
  const module = source && checker.getSymbolAtLocation(source)
  if (!module) throw new Error(`${indexFile} is not a module`)
  return checker.getExportsOfModule(module).map((symbol) => {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
    const [first, ...more] = target.declarations ?? []
    if (first === undefined) throw new Error(`${symbol.name} has no declaration`)
    return {
      name: symbol.name,
      at: locationOf(first, root),
      declarations: [first, ...more].flatMap((declaration) => {
        const documented = documentedDeclaration(declaration, root)
        return documented ? [documented] : []
      }),
    }
  })
}

/**
 * The TSDoc of one declaration, checked, or `undefined` if it has none. An export needs TSDoc on
 * one of its declarations, not all: a codec and its type of the same name share the codec's
 * comment (editors show it for both), as overload signatures and their implementation can.
 */
function documentedDeclaration(
  declaration: ts.Declaration,
  root: string,
): DocumentedDeclaration | undefined {
  const comment = ts.getJSDocCommentsAndTags(declaration).filter(ts.isJSDoc).at(-1)
  if (comment === undefined) return undefined
  const source = declaration.getSourceFile()
  const at = locationOf(declaration, root)
  const text = source.text.slice(comment.pos, comment.end)
  const doc = parseTsdoc(text, { file: at.file, line: lineOf(source, comment.pos) })
  return { kind: ts.SyntaxKind[declaration.kind], at, ...checkTsdoc(doc, at.file) }
}

function locationOf(declaration: ts.Declaration, root: string): Location {
  const source = declaration.getSourceFile()
  const file = path.relative(root, source.fileName).split(path.sep).join('/')
  return { file, line: lineOf(source, declaration.getStart()) }
}

const lineOf = (source: ts.SourceFile, position: number): number =>
  source.getLineAndCharacterOfPosition(position).line + 1

interface CommentLine {
  readonly text: string
  readonly line: number
}

interface Tsdoc {
  readonly summary: readonly CommentLine[]
  readonly blocks: readonly { readonly tag: string; readonly lines: readonly CommentLine[] }[]
}

const FENCE = /^(\s*)```\s*(\S*)\s*$/

/**
 * Splits a `/** ... *\/` comment into its summary and block tags. A line starting with `@` starts
 * a block tag unless it is inside a code fence, where `@` is code.
 */
function parseTsdoc(comment: string, at: Location): Tsdoc {
  const raw = comment
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
  const lines = raw.map((text, index) => ({
    text: text.replace(/^\s*\* ?/, '').trimEnd(),
    line: at.line + index,
  }))
  const summary: CommentLine[] = []
  const blocks: { tag: string; lines: CommentLine[] }[] = []
  let current = summary
  let inFence = false
  for (const line of lines) {
    const tag = inFence ? null : /^@(\w+)\s*(.*)$/.exec(line.text)
    if (tag) {
      const block = { tag: tag[1] ?? '', lines: [{ text: tag[2] ?? '', line: line.line }] }
      blocks.push(block)
      current = block.lines
      continue
    }
    if (FENCE.test(line.text)) inFence = !inFence
    current.push(line)
  }
  return { summary, blocks }
}

const VERSION = /^\d+\.\d+\.\d+$/

/** The house rule: a summary, at least one `@example` with a fenced ts block, `@since`, `@category`. */
function checkTsdoc(doc: Tsdoc, file: string): { problems: string[]; examples: Example[] } {
  const problems: string[] = []
  const textOf = (lines: readonly CommentLine[]) =>
    lines
      .map((line) => line.text)
      .join('\n')
      .trim()
  if (textOf(doc.summary) === '') problems.push('has no summary before its first tag')
  const single = (tag: string): string | undefined => {
    const found = doc.blocks.filter((block) => block.tag === tag)
    if (found.length !== 1) {
      problems.push(`has ${found.length} @${tag} tags, expected exactly one`)
      return undefined
    }
    return textOf(found[0]?.lines ?? [])
  }
  const since = single('since')
  if (since !== undefined && !VERSION.test(since)) {
    problems.push(`has @since "${since}", expected a version such as 0.1.0`)
  }
  if (single('category') === '') problems.push('has an empty @category')
  const examples: Example[] = []
  const exampleBlocks = doc.blocks.filter((block) => block.tag === 'example')
  if (exampleBlocks.length === 0) problems.push('has no @example')
  for (const block of exampleBlocks) {
    const fenced = fencedCode(block.lines, file, problems)
    if (fenced.length === 0) {
      problems.push(`has an @example without a \`\`\`ts block at ${file}:${block.lines[0]?.line}`)
    }
    examples.push(...fenced)
  }
  return { problems, examples }
}

function fencedCode(lines: readonly CommentLine[], file: string, problems: string[]): Example[] {
  const examples: Example[] = []
  let open: { indent: number; language: string; lines: CommentLine[] } | undefined
  for (const line of lines) {
    const fence = FENCE.exec(line.text)
    if (open === undefined) {
      if (fence) open = { indent: fence[1]?.length ?? 0, language: fence[2] ?? '', lines: [] }
    } else if (fence?.[2] === '') {
      if (open.language === 'ts' || open.language === 'typescript') {
        const code = open.lines.map((code) => dedent(code.text, open?.indent ?? 0)).join('\n')
        const first = open.lines[0]?.line ?? line.line
        examples.push({ code, at: { file, line: first } })
      }
      open = undefined
    } else {
      open.lines.push(line)
    }
  }
  if (open) problems.push(`has a code fence that is never closed (${open.lines.length} lines)`)
  return examples
}

/** Markdown removes up to the fence's own indentation from each line of its code. */
const dedent = (text: string, indent: number): string =>
  text.replace(new RegExp(`^ {0,${indent}}`), '')

export interface RewrittenExample {
  /** The module to write: the example with each check rewritten, lines where they were. */
  readonly code: string
  /** The id of every check, in source order; each must run when the module is imported. */
  readonly checks: readonly string[]
  /** Why the example cannot be tested as written; empty when it can. */
  readonly problems: readonly string[]
}

/**
 * Makes an example runnable under test, keeping every line where it was so that positions in
 * errors map straight back to the doc comment:
 * - `from 'line-webhook'` imports `indexSpecifier` instead;
 * - a statement `console.log(EXPR) // => VALUE` becomes `check(id, EXPR, (VALUE))`, which
 *   asserts deep strict equality and records that it ran;
 * - the import of `check` from `checkSpecifier` goes on a line of its own after the code (imports
 *   are hoisted, and top-level await keeps working: the file stays an ES module).
 *
 * It also enforces what makes the checks mean something (see `problems`).
 */
export function rewriteExample(
  example: Example,
  exportName: string,
  indexSpecifier: string,
  checkSpecifier: string,
): RewrittenExample {
  const source = ts.createSourceFile('example.ts', example.code, ts.ScriptTarget.Latest, true)
  const problems: string[] = []
  const edits: { start: number; end: number; text: string }[] = []
  const checks: string[] = []
  // Lines whose `// =>` belongs to a console.log, checked or reported.
  const claimedLines = new Set<number>()
  const where = (node: ts.Node) => {
    const line = example.at.line + source.getLineAndCharacterOfPosition(node.getStart()).line
    return formatLocation({ ...example.at, line })
  }
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) && node.text === PACKAGE_NAME && isModuleSpecifier(node)) {
      edits.push({ start: node.getStart(), end: node.end, text: `'${indexSpecifier}'` })
    }
    if (isConsoleLog(node)) {
      const statement = node.parent
      const comment = ts
        .getTrailingCommentRanges(example.code, statement.end)
        ?.find((range) => range.kind === ts.SyntaxKind.SingleLineCommentTrivia)
      const commentText = comment ? example.code.slice(comment.pos, comment.end) : ''
      const value = /^\/\/\s*=>(.*)$/.exec(commentText)?.[1]?.trim()
      if (comment && value !== undefined) {
        claimedLines.add(source.getLineAndCharacterOfPosition(comment.pos).line)
      }
      const [argument, ...more] = node.arguments
      if (!ts.isExpressionStatement(statement) || argument === undefined || more.length > 0) {
        problems.push(`${where(node)}: a checked console.log is a statement with one argument`)
      } else if (comment === undefined || value === undefined || value === '') {
        problems.push(
          `${where(node)}: console.log(...) has no \`// => VALUE\` stating what it prints`,
        )
      } else if (!isSingleExpression(value)) {
        problems.push(`${where(node)}: \`// => ${value}\` is not one JavaScript expression`)
      } else {
        const id = `${where(node)}: ${example.code.slice(node.getStart(), comment.end)}`
        checks.push(id)
        const callee = node.expression
        edits.push({ start: callee.getStart(), end: callee.end, text: '__docExampleCheck' })
        edits.push({
          start: argument.getStart(),
          end: argument.getStart(),
          text: `${JSON.stringify(id)}, `,
        })
        edits.push({ start: argument.end, end: argument.end, text: `, (${value})` })
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)

  example.code.split('\n').forEach((text, line) => {
    if (/\/\/\s*=>/.test(text) && !claimedLines.has(line)) {
      const at = formatLocation({ ...example.at, line: example.at.line + line })
      problems.push(`${at}: \`// =>\` only checks a statement \`console.log(EXPR)\` on its line`)
    }
  })
  const importsExport = source.statements.some(
    (statement) =>
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.moduleSpecifier.text === PACKAGE_NAME &&
      importsName(statement, exportName),
  )
  if (!importsExport) {
    problems.push(
      `${formatLocation(example.at)}: does not import ${exportName} from '${PACKAGE_NAME}'`,
    )
  }
  if (problems.length === 0 && checks.length === 0 && !isPurelyTypes(source)) {
    problems.push(
      `${formatLocation(example.at)}: runs code but checks nothing; show a value with console.log(EXPR) // => VALUE`,
    )
  }

  let code = example.code
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    code = code.slice(0, edit.start) + edit.text + code.slice(edit.end)
  }
  code += `\nimport { check as __docExampleCheck } from '${checkSpecifier}'\n`
  return { code, checks, problems }
}

function isModuleSpecifier(node: ts.StringLiteral): boolean {
  const parent = node.parent
  return (
    ts.isImportDeclaration(parent) ||
    ts.isExportDeclaration(parent) ||
    (ts.isCallExpression(parent) && parent.expression.kind === ts.SyntaxKind.ImportKeyword) ||
    (ts.isLiteralTypeNode(parent) && ts.isImportTypeNode(parent.parent))
  )
}

/** Whether the import binds `name` itself, or the whole module as a namespace. */
function importsName(declaration: ts.ImportDeclaration, name: string): boolean {
  const bindings = declaration.importClause?.namedBindings
  if (bindings === undefined) return false
  if (ts.isNamespaceImport(bindings)) return true
  return bindings.elements.some((element) => (element.propertyName ?? element.name).text === name)
}

function isConsoleLog(node: ts.Node): node is ts.CallExpression {
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    ts.isIdentifier(node.expression.expression) &&
    node.expression.expression.text === 'console' &&
    node.expression.name.text === 'log'
  )
}

/**
 * `(VALUE)` parses as one parenthesised expression, so VALUE cannot add arguments to the check or
 * comment out its closing parenthesis. Other syntax errors surface in the type-check.
 */
function isSingleExpression(value: string): boolean {
  const text = `(${value})`
  const source = ts.createSourceFile('value.ts', text, ts.ScriptTarget.Latest, true)
  const [statement, ...rest] = source.statements
  if (rest.length > 0 || statement === undefined || !ts.isExpressionStatement(statement)) {
    return false
  }
  const expression = statement.expression
  return (
    ts.isParenthesizedExpression(expression) &&
    expression.getStart() === 0 &&
    expression.end === text.length &&
    expression.getChildren(source).at(-1)?.kind === ts.SyntaxKind.CloseParenToken &&
    !(
      ts.isBinaryExpression(expression.expression) &&
      expression.expression.operatorToken.kind === ts.SyntaxKind.CommaToken
    )
  )
}

/**
 * The rule for examples without a `// =>` check: allowed only when nothing in them runs, that is
 * every statement is an import, a type alias, an interface or an ambient (`declare`) declaration.
 * Such an example is a type example, and the type-check is its test. Anything that runs computes a
 * value the example can show, so it must show one.
 */
function isPurelyTypes(source: ts.SourceFile): boolean {
  return source.statements.every(
    (statement) =>
      ts.isImportDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isEmptyStatement(statement) ||
      (ts.isExportDeclaration(statement) && statement.isTypeOnly) ||
      (ts.canHaveModifiers(statement) &&
        (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)),
  )
}

/** The module every rewritten example imports `check` from. */
export const CHECK_MODULE = `import { AssertionError, deepStrictEqual } from 'node:assert/strict'

/** The id of every check that ran, so a check that never runs (in an uncalled callback) fails. */
export const ran = new Set<string>()

export function check(id: string, actual: unknown, expected: unknown): void {
  ran.add(id)
  try {
    deepStrictEqual(actual, expected)
  } catch (error) {
    if (error instanceof AssertionError) error.message = id + '\\n' + error.message
    throw error
  }
}
`

/**
 * Type-checks `files` (and what they import) in one program with `options`: the diagnostics of
 * each file, and those of the program as a whole (options, globals).
 */
export function typeCheck(
  files: readonly string[],
  options: ts.CompilerOptions,
  host: ts.CompilerHost,
): { readonly global: readonly ts.Diagnostic[]; readonly byFile: Map<string, ts.Diagnostic[]> } {
  const program = ts.createProgram({ rootNames: files, options, host })
  const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()]
  const byFile = new Map<string, ts.Diagnostic[]>()
  for (const file of files) {
    const source = program.getSourceFile(file)
    if (source === undefined) throw new Error(`${file} is not in the program`)
    byFile.set(file, [
      ...program.getSyntacticDiagnostics(source),
      ...program.getSemanticDiagnostics(source),
    ])
  }
  return { global, byFile }
}

/** A diagnostic in a written example, placed at the line of the doc comment it came from. */
export function formatExampleDiagnostic(diagnostic: ts.Diagnostic, example: Example): string {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
  if (diagnostic.file === undefined || diagnostic.start === undefined) {
    return `TS${diagnostic.code}: ${message}`
  }
  const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
  const at = formatLocation({ ...example.at, line: example.at.line + line })
  return `${at}: TS${diagnostic.code}: ${message}`
}

export function formatDiagnostics(diagnostics: readonly ts.Diagnostic[], root: string): string {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (file) => file,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n',
  })
}
