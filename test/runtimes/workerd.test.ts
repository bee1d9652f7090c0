import { join } from 'node:path'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleLikeWrangler, type WorkerBundle } from './bundle-like-wrangler.js'
import { createConsumerProject, type ConsumerProject } from './consumer-project.js'
import { expectSignatureContract, parseSignatureReport } from './signature-report.js'

/** Recent, and no later than the workerd that miniflare bundles supports. */
const COMPATIBILITY_DATE = '2026-04-01'

const CHANNEL_SECRET = 'test_secret'
const BODY = '{"hello":"world"}'
const SIGNATURE = 't7Hn4ZDHqs6e+wdvI5TyQIvzie0DmMUmuXEBqyyE/tM='

describe('workerd (Cloudflare Workers, through miniflare)', () => {
  let project: ConsumerProject | undefined
  let packageDir: string
  let worker: WorkerBundle
  let miniflare: Miniflare | undefined

  beforeAll(async () => {
    project = await createConsumerProject()
    packageDir = project.packageDir
    worker = await bundleLikeWrangler(project.dir, 'signature-worker.js')
    miniflare = new Miniflare({
      modules: true,
      script: worker.code,
      compatibilityDate: COMPATIBILITY_DATE,
      // No nodejs_compat: workerd refuses to start a Worker that imports `node:` without it.
      compatibilityFlags: [],
      bindings: { CHANNEL_SECRET },
      // Loopback only, and the stand-in `request.cf` instead of fetching Cloudflare's.
      host: '127.0.0.1',
      port: 0,
      cf: false,
    })
    await miniflare.ready
  })

  // An afterAll, not a teardown returned by beforeAll: vitest skips that when beforeAll throws
  // part-way, and workerd or the temp dir would outlive the run.
  afterAll(async () => {
    await miniflare?.dispose()
    await project?.remove()
  })

  const running = (): Miniflare => {
    if (miniflare === undefined) throw new Error('miniflare did not start')
    return miniflare
  }

  it('bundles the web build, with no node: import and no require', () => {
    expect(worker.inputs).toContain(join(packageDir, 'dist/web/index.js'))
    expect(
      worker.inputs.filter((input) => input.startsWith(join(packageDir, 'dist/node'))),
    ).toEqual([])
    // Nothing is left for workerd to resolve.
    expect(worker.externalImports).toEqual([])
    expect(worker.code).not.toMatch(/\b(?:from|import)\s*\(?\s*["']node:/)
    expect(worker.code).not.toContain('require(')
  })

  it('meets the signature contract inside workerd', async () => {
    const response = await running().dispatchFetch('http://127.0.0.1/checks')
    expect(response.status).toBe(200)
    const report = parseSignatureReport(await response.text())

    expect(report.userAgent).toBe('Cloudflare-Workers')
    expectSignatureContract(report)
  })

  it.each([
    { request: 'signed as LINE signs', body: BODY, signature: SIGNATURE, status: 200 },
    { request: 'with a changed body', body: `${BODY} `, signature: SIGNATURE, status: 401 },
    { request: 'with no signature header', body: BODY, signature: undefined, status: 401 },
  ])('answers a webhook request $request with $status', async ({ body, signature, status }) => {
    const response = await running().dispatchFetch('http://127.0.0.1/webhook', {
      method: 'POST',
      body,
      // Mixed case as LINE sends it: Headers match names case-insensitively.
      headers: signature === undefined ? {} : { 'X-Line-Signature': signature },
    })
    expect(response.status).toBe(status)
    // Drain the body so no open stream is left for dispose().
    await response.arrayBuffer()
  })
})
