import { cp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll } from 'vitest'
import { isRecord, packTarball, repoRoot, type PackedTarball } from './packed-tarball.js'
import { describeRun, runNpm } from './run.js'
import { useTempDir } from './temp-dir.js'

/** An app that installed the packed tarball, with the fixtures copied to its root. */
export interface ConsumerProject {
  readonly dir: string
  /** Where the package landed: `node_modules/line-webhook`. */
  readonly packageDir: string
  readonly tarball: PackedTarball
  /** How io-ts and fp-ts got there; the package itself is always installed from the tarball. */
  readonly peers: 'installed from the npm cache' | 'linked from the repo'
}

const fixtures = fileURLToPath(new URL('fixtures', import.meta.url))

/**
 * Installs `tarball` into a new project at `dir` as a user would, without the network: `npm ci
 * --offline` from a lockfile that pins the peers to the repo's locked versions and integrities.
 * `npm install --offline io-ts@…` is not enough: it asks for full packuments, while the repo's
 * `npm ci` caches at most abbreviated ones, so it fails with ENOTCACHED on a fresh machine. A
 * lockfile with `resolved` and `integrity` needs only the tarballs, which that `npm ci` cached.
 */
export async function installConsumer(
  dir: string,
  tarball: PackedTarball,
): Promise<ConsumerProject> {
  await cp(fixtures, dir, { recursive: true })
  const tarballSpec = `file:${relative(dir, tarball.path).split(sep).join('/')}`
  const peers = await lockedPeers()
  const root = {
    name: 'line-webhook-consumer',
    version: '1.0.0',
    dependencies: {
      [tarball.name]: tarballSpec,
      ...Object.fromEntries(peers.map((peer) => [peer.name, peer.entry['version']])),
    },
  }
  const lockfile = {
    ...root,
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': root,
      [`node_modules/${tarball.name}`]: {
        version: tarball.version,
        resolved: tarballSpec,
        integrity: tarball.integrity,
      },
      ...Object.fromEntries(peers.map((peer) => [`node_modules/${peer.name}`, peer.entry])),
    },
  }
  await writeJson(join(dir, 'package.json'), { ...root, private: true })
  await writeJson(join(dir, 'package-lock.json'), lockfile)
  const project = { dir, packageDir: join(dir, 'node_modules', tarball.name), tarball }

  const ci = await runNpm(['ci', '--offline', '--ignore-scripts'], { cwd: dir })
  if (ci.code === 0) return { ...project, peers: 'installed from the npm cache' }
  if (!ci.stderr.includes('ENOTCACHED')) throw new Error(`npm ci failed: ${describeRun(ci)}`)

  // The cache lacks the peers (say node_modules came from a CI cache, not `npm ci`): still install
  // the tarball with npm, which needs no registry for it, and link the repo's copies of the peers.
  console.warn('line-webhook consumer tests: io-ts/fp-ts are not in the npm cache; linking them')
  await rm(join(dir, 'package-lock.json'))
  await writeJson(join(dir, 'package.json'), {
    ...root,
    private: true,
    dependencies: { [tarball.name]: tarballSpec },
  })
  const install = await runNpm(
    ['install', '--offline', '--ignore-scripts', '--legacy-peer-deps', '--no-package-lock'],
    { cwd: dir },
  )
  if (install.code !== 0) throw new Error(`npm install failed: ${describeRun(install)}`)
  for (const { name } of peers) {
    await symlink(join(repoRoot, 'node_modules', name), join(dir, 'node_modules', name), 'junction')
  }
  return { ...project, peers: 'linked from the repo' }
}

/** Lockfile flags that describe the repo's tree (a devDependency...), not the consumer's. */
const REPO_TREE_FLAGS = new Set(['dev', 'devOptional', 'optional', 'peer', 'extraneous'])

interface LockedPackage {
  readonly name: string
  readonly entry: Readonly<Record<string, unknown>>
}

/** The package's peer dependencies as the repo's lockfile pins them (what the unit tests use). */
async function lockedPeers(): Promise<readonly LockedPackage[]> {
  const manifest = await readJson(join(repoRoot, 'package.json'))
  const lockfile = await readJson(join(repoRoot, 'package-lock.json'))
  const peerDependencies = isRecord(manifest) ? manifest['peerDependencies'] : undefined
  const packages = isRecord(lockfile) ? lockfile['packages'] : undefined
  if (!isRecord(peerDependencies) || !isRecord(packages)) {
    throw new Error('package.json has no peerDependencies or package-lock.json no packages')
  }
  return Object.keys(peerDependencies).map((name) => {
    const locked = packages[`node_modules/${name}`]
    if (
      !isRecord(locked) ||
      typeof locked['version'] !== 'string' ||
      typeof locked['integrity'] !== 'string'
    ) {
      throw new Error(`package-lock.json does not pin ${name} with a version and integrity`)
    }
    const entry = Object.fromEntries(
      Object.entries(locked).filter(([key]) => !REPO_TREE_FLAGS.has(key)),
    )
    const file = `${name.split('/').at(-1) ?? name}-${locked['version']}.tgz`
    // The lockfile may omit `resolved` (omit-lockfile-registry-resolved); npm ci --offline needs it.
    entry['resolved'] ??= `https://registry.npmjs.org/${name}/-/${file}`
    return { name, entry }
  })
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'))
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`)
}

/** Packs the repo and installs it into a fresh consumer project once for this test file. */
export function useConsumerProject(): () => ConsumerProject {
  const tempDir = useTempDir('line-webhook-consumer-')
  let project: ConsumerProject | undefined
  beforeAll(async () => {
    const tarball = await packTarball(join(tempDir(), 'pack'))
    project = await installConsumer(join(tempDir(), 'consumer'), tarball)
  })
  return () => {
    if (project === undefined) throw new Error('the consumer project is installed in beforeAll')
    return project
  }
}
