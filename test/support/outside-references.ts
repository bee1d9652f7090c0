/**
 * Finds references from the repository's own files to paths outside it (such as the `../shared/`
 * folder the tests once read), so a clone with nothing beside it keeps running every test.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'

export interface OutsideReference {
  /** The file, relative to the repository root, with `/` separators. */
  readonly file: string
  readonly line: number
  /** The path as written. */
  readonly path: string
}

/**
 * A path as written in code, prose or a URL: `..` or `./`, `../` and what follows, or an absolute
 * path. Preceded by no path character, so `...spread` and `a/../b` inside a longer token do not
 * start one.
 */
const PATH_TOKEN =
  /(?<![\w.@+/-])(\.\.?(?=\/|(?<=\.\.)(?![\w.@+/-]))[\w.@+/-]*|\/[\w.@+-][\w.@+/-]*)/g

/** Is `target` the repository root or under it? */
function isInside(root: string, target: string): boolean {
  const path = relative(root, target)
  return path === '' || (!path.startsWith('..') && !isAbsolute(path))
}

/**
 * The paths `text` (the content of `file`, under `root`) writes that lead outside `root`.
 * Relative paths are resolved against the file's folder, as `import`, `new URL(path,
 * import.meta.url)` and Markdown links resolve them. Absolute paths count only beside the
 * repository (under its parent folder), where a sibling checkout like `../shared` would sit:
 * `/tmp` or `/dev/null` are the machine's, not another checkout's.
 */
export function outsideReferences(root: string, file: string, text: string): OutsideReference[] {
  const folder = dirname(file)
  const parent = dirname(root)
  const found: OutsideReference[] = []
  text.split('\n').forEach((content, index) => {
    for (const [path] of content.matchAll(PATH_TOKEN)) {
      const outside = path.startsWith('/')
        ? isInside(parent, path) && !isInside(root, path)
        : !isInside(root, resolve(folder, path))
      if (outside) {
        found.push({ file: relative(root, file).split(sep).join('/'), line: index + 1, path })
      }
    }
  })
  return found
}

/** Folders no one writes by hand: installed, built or cached. */
const GENERATED = new Set(['node_modules', 'dist', 'coverage', 'reports', '.cache'])

/** Every file under `dir`, recursively, skipping generated folders and the folders in `skip`. */
export function filesUnder(dir: string, skip: readonly string[] = []): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      return GENERATED.has(entry.name) || skip.includes(path) ? [] : filesUnder(path, skip)
    }
    return entry.isFile() ? [path] : []
  })
}

/** {@link outsideReferences} of every file in `files`, read as UTF-8. */
export function scanFiles(root: string, files: readonly string[]): OutsideReference[] {
  return files.flatMap((file) => outsideReferences(root, file, readFileSync(file, 'utf8')))
}
