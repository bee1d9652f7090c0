import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { createConsumerProject, type ConsumerProject } from './consumer-project.js'
import { expectHandlerContract } from './handler-report.js'
import { runRuntime, runtimeBinaries } from './run-runtime.js'
import { expectSignatureContract, parseSignatureReport } from './signature-report.js'

describe('Bun', () => {
  let project: ConsumerProject

  beforeAll(async () => {
    project = await createConsumerProject()
    // Returned rather than an afterAll: it runs only if the project exists.
    return project.remove
  })

  it('imports line-webhook by name, gets the node build and meets the signature contract', async () => {
    // --no-install: resolve from node_modules only, never auto-install from the registry.
    const output = await runRuntime(
      runtimeBinaries.bun,
      ['--no-install', 'print-signature-report.js'],
      project.dir,
    )
    const report = parseSignatureReport(output)

    expect(report.userAgent).toMatch(/^Bun\//)
    // Bun matches the `node` export condition.
    expect(report.resolved).toBe(pathToFileURL(join(project.packageDir, 'dist/node/index.js')).href)
    expectSignatureContract(report)
  })

  it('answers LINE through createWebhookHandler(...).fetch(request, { waitUntil })', async () => {
    const output = await runRuntime(
      runtimeBinaries.bun,
      ['--no-install', 'print-handler-report.js'],
      project.dir,
    )
    const report = parseSignatureReport(output)

    expect(report.userAgent).toMatch(/^Bun\//)
    expect(report.resolved).toBe(pathToFileURL(join(project.packageDir, 'dist/node/index.js')).href)
    expectHandlerContract(report)
  })
})
