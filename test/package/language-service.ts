import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'

/** What an editor shows a user of the package: hovers and errors, from TypeScript itself. */
export interface Editor {
  /** The hover at the end of `marker` (a comment such as `/*loop*\/`) in `file`. */
  hover(file: string, marker: string): string
  /** The errors in `file`, each flattened to its full text. */
  errors(file: string): readonly string[]
}

/**
 * A language service over the project of `config` in `dir`, as an editor runs it; `extraFiles`
 * are opened too, as files outside the tsconfig that the user has open.
 */
export function openEditor(
  dir: string,
  config: string,
  extraFiles: readonly string[] = [],
): Editor {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(dir, config),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
      },
    },
  )
  if (parsed === undefined) throw new Error(`could not read ${config}`)
  const fileNames = [...parsed.fileNames, ...extraFiles.map((file) => join(dir, file))]
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => fileNames,
    getScriptVersion: () => '1',
    getScriptSnapshot: (file) =>
      ts.sys.fileExists(file)
        ? ts.ScriptSnapshot.fromString(readFileSync(file, 'utf8'))
        : undefined,
    getCurrentDirectory: () => dir,
    getCompilationSettings: () => parsed.options,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (path) => ts.sys.fileExists(path),
    readFile: (path) => ts.sys.readFile(path),
    readDirectory: (...args) => ts.sys.readDirectory(...args),
    directoryExists: (path) => ts.sys.directoryExists(path),
    getDirectories: (path) => ts.sys.getDirectories(path),
    realpath: (path) => ts.sys.realpath?.(path) ?? path,
  }
  const service = ts.createLanguageService(host, ts.createDocumentRegistry())

  return {
    hover(file, marker) {
      const path = join(dir, file)
      const at = readFileSync(path, 'utf8').indexOf(marker)
      if (at === -1) throw new Error(`${file} has no marker ${marker}`)
      const info = service.getQuickInfoAtPosition(path, at + marker.length + 1)
      if (info === undefined) throw new Error(`no hover after ${marker} in ${file}`)
      return ts.displayPartsToString(info.displayParts)
    },
    errors(file) {
      return service
        .getSemanticDiagnostics(join(dir, file))
        .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
    },
  }
}
