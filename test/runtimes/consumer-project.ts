import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import packageJson from '../../package.json' with { type: 'json' }

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url))

/** A throw-away project that depends on line-webhook, holding the runtime fixtures. */
export interface ConsumerProject {
  readonly dir: string
  /** Where line-webhook is installed: node_modules/line-webhook. */
  readonly packageDir: string
  readonly remove: () => Promise<void>
}

/**
 * Lays out a project the way `npm install line-webhook` would, so every runtime resolves the
 * package by name through its `exports` from outside the repository. The package is copied, not
 * linked: a link would let the build resolve this repository's devDependencies and hide a
 * missing one. Only the peer dependencies are linked in, as a user would install them.
 */
export async function createConsumerProject(): Promise<ConsumerProject> {
  const dir = await mkdtemp(join(tmpdir(), 'line-webhook-runtime-'))
  const remove = () => rm(dir, { recursive: true, force: true })
  try {
    const nodeModules = join(dir, 'node_modules')
    const packageDir = join(nodeModules, packageJson.name)
    await mkdir(packageDir, { recursive: true })
    await writeFile(
      join(dir, 'package.json'),
      JSON.stringify({
        name: 'line-webhook-runtime-consumer',
        private: true,
        type: 'module',
        dependencies: { [packageJson.name]: packageJson.version },
      }),
    )
    // dist/ and package.json are all the runtimes load; test/package checks the packed file list.
    await cp(join(repoRoot, 'package.json'), join(packageDir, 'package.json'))
    await cp(join(repoRoot, 'dist'), join(packageDir, 'dist'), { recursive: true })
    for (const peer of Object.keys(packageJson.peerDependencies)) {
      await symlink(join(repoRoot, 'node_modules', peer), join(nodeModules, peer), 'dir')
    }
    await cp(fixtures, dir, { recursive: true })
    return { dir, packageDir, remove }
  } catch (error) {
    await remove()
    throw error
  }
}
