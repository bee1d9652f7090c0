import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { createConsumerProject, type ConsumerProject } from './consumer-project.js'
import { expectHandlerContract } from './handler-report.js'
import { runRuntime, runtimeBinaries } from './run-runtime.js'
import { expectSignatureContract, parseSignatureReport } from './signature-report.js'

/**
 * No permissions are granted, and nothing outside the project is consulted: no config or lock
 * file discovery, no remote modules, no prompt that would hang CI.
 */
const HERMETIC_RUN = ['run', '--no-config', '--no-lock', '--no-remote', '--no-prompt']

describe('Deno', () => {
  let project: ConsumerProject
  let denoEnv: Record<string, string>

  beforeAll(async () => {
    project = await createConsumerProject()
    // Deno's caches live in the project, so runs neither share state nor write to $HOME.
    denoEnv = { DENO_DIR: join(project.dir, '.deno') }
    // Returned rather than an afterAll: it runs only if the project exists.
    return project.remove
  })

  const buildUrl = (build: 'node' | 'web') =>
    pathToFileURL(join(project.packageDir, `dist/${build}/index.js`)).href

  it('runs the web build, imported as a file, on Web Crypto', async () => {
    await writeFile(
      join(project.dir, 'web-import-map.json'),
      JSON.stringify({ imports: { 'line-webhook': buildUrl('web') } }),
    )
    // The import map pins `line-webhook` to the web build; its peers (io-ts, fp-ts) resolve
    // from the node_modules already laid out, never installed into.
    const output = await runRuntime(
      runtimeBinaries.deno,
      [
        ...HERMETIC_RUN,
        '--node-modules-dir=manual',
        '--import-map=web-import-map.json',
        'print-signature-report.js',
      ],
      project.dir,
      denoEnv,
    )
    const report = parseSignatureReport(output)

    expect(report.userAgent).toMatch(/^Deno\//)
    expect(report.resolved).toBe(buildUrl('web'))
    expectSignatureContract(report)
  })

  it('resolves line-webhook from node_modules like npm, gets the node build and meets the contract', async () => {
    // manual: use the node_modules already laid out, never install into it.
    const output = await runRuntime(
      runtimeBinaries.deno,
      [...HERMETIC_RUN, '--node-modules-dir=manual', 'print-signature-report.js'],
      project.dir,
      denoEnv,
    )
    const report = parseSignatureReport(output)

    expect(report.userAgent).toMatch(/^Deno\//)
    // Deno resolves npm packages with the `deno` and `node` conditions.
    expect(report.resolved).toBe(buildUrl('node'))
    expectSignatureContract(report)
  })

  it.each(['web', 'node'] as const)(
    'answers LINE through createWebhookHandler(...).fetch(request, { waitUntil }), %s build',
    async (build) => {
      const importMap = join(project.dir, `handler-${build}-import-map.json`)
      await writeFile(importMap, JSON.stringify({ imports: { 'line-webhook': buildUrl(build) } }))
      const output = await runRuntime(
        runtimeBinaries.deno,
        [
          ...HERMETIC_RUN,
          '--node-modules-dir=manual',
          `--import-map=${importMap}`,
          'print-handler-report.js',
        ],
        project.dir,
        denoEnv,
      )
      const report = parseSignatureReport(output)

      expect(report.userAgent).toMatch(/^Deno\//)
      expect(report.resolved).toBe(buildUrl(build))
      expectHandlerContract(report)
    },
  )
})
