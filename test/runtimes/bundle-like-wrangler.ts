import { resolve } from 'node:path'
import { build } from 'esbuild'

export interface WorkerBundle {
  readonly code: string
  /** Absolute paths of the files bundled in. */
  readonly inputs: readonly string[]
  /** Imports esbuild left for the runtime to resolve. */
  readonly externalImports: readonly string[]
}

/**
 * Bundles a Worker the way Wrangler does for a Worker without nodejs_compat: the browser platform,
 * so esbuild adds no `node` condition, plus the conditions Wrangler passes.
 */
export async function bundleLikeWrangler(projectDir: string, entry: string): Promise<WorkerBundle> {
  const result = await build({
    absWorkingDir: projectDir,
    entryPoints: [entry],
    outfile: 'worker.js',
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    metafile: true,
    logLevel: 'silent',
  })
  const [output] = result.outputFiles
  if (output === undefined) throw new Error(`esbuild wrote no bundle for ${entry}`)
  return {
    code: output.text,
    inputs: Object.keys(result.metafile.inputs).map((input) => resolve(projectDir, input)),
    externalImports: Object.values(result.metafile.outputs).flatMap((bundle) =>
      bundle.imports.map((imported) => imported.path),
    ),
  }
}
