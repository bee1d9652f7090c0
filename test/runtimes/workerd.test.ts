import { createHmac } from 'node:crypto'
import { join } from 'node:path'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleLikeWrangler, type WorkerBundle } from './bundle-like-wrangler.js'
import { createConsumerProject, type ConsumerProject } from './consumer-project.js'
import { expectHandlerContract } from './handler-report.js'
import { expectSignatureContract, parseSignatureReport } from './signature-report.js'

/** Recent, and no later than the workerd that miniflare bundles supports. */
const COMPATIBILITY_DATE = '2026-04-01'

const CHANNEL_SECRET = 'test_secret'
const BODY = '{"hello":"world"}'
const SIGNATURE = 't7Hn4ZDHqs6e+wdvI5TyQIvzie0DmMUmuXEBqyyE/tM='

/** Runs a bundled Worker in workerd, as Wrangler would deploy it, once it is ready. */
async function startWorker(worker: WorkerBundle): Promise<Miniflare> {
  const miniflare = new Miniflare({
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
  return miniflare
}

describe('workerd (Cloudflare Workers, through miniflare)', () => {
  let project: ConsumerProject | undefined
  let packageDir: string
  let worker: WorkerBundle
  let miniflare: Miniflare | undefined

  beforeAll(async () => {
    project = await createConsumerProject()
    packageDir = project.packageDir
    worker = await bundleLikeWrangler(project.dir, 'signature-worker.js')
    miniflare = await startWorker(worker)
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

describe('createWebhookHandler in workerd: webhook.fetch(request, ctx)', () => {
  let project: ConsumerProject | undefined
  let miniflare: Miniflare | undefined

  beforeAll(async () => {
    project = await createConsumerProject()
    const worker = await bundleLikeWrangler(project.dir, 'handler-worker.js')
    miniflare = await startWorker(worker)
  })

  afterAll(async () => {
    await miniflare?.dispose()
    await project?.remove()
  })

  const running = (): Miniflare => {
    if (miniflare === undefined) throw new Error('miniflare did not start')
    return miniflare
  }

  const post = async (body: string, signatureOf: string) => {
    const response = await running().dispatchFetch('http://127.0.0.1/webhook', {
      method: 'POST',
      body,
      headers: {
        // Signed here with node:crypto, independently of the package under test.
        'X-Line-Signature': createHmac('sha256', CHANNEL_SECRET)
          .update(signatureOf)
          .digest('base64'),
      },
    })
    return `${response.status} ${await response.text()}`
  }

  const handled = async (): Promise<unknown> => {
    const response = await running().dispatchFetch('http://127.0.0.1/handled')
    return response.json()
  }

  it('meets the handler contract inside workerd', async () => {
    const response = await running().dispatchFetch('http://127.0.0.1/checks')
    expect(response.status).toBe(200)
    const report = parseSignatureReport(await response.text())

    expect(report.userAgent).toBe('Cloudflare-Workers')
    expectHandlerContract(report)
  })

  it("answers LINE's requests and runs on.message through the Worker's ctx.waitUntil", async () => {
    const message = JSON.stringify({
      destination: 'U4af4980629',
      events: [
        {
          type: 'message',
          mode: 'active',
          timestamp: 1462629479859,
          webhookEventId: '01HYFM66MC7K0N6QAX1ZVDXD13',
          deliveryContext: { isRedelivery: false },
          source: { type: 'user', userId: 'U4af4980629' },
          replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA',
          message: {
            type: 'text',
            id: '468789577898262530',
            quoteToken: 'q3Plxr4AgKd',
            text: 'Hi',
          },
        },
      ],
    })
    const verifyRequest = '{"destination":"xxxxxxxxxx","events":[]}'

    expect(await post(message, message)).toBe('200 OK')
    expect(await handled()).toEqual(['01HYFM66MC7K0N6QAX1ZVDXD13'])
    expect(await post(message.replace('Hi', 'Pay me'), message)).toBe(
      '401 Unauthorized: the signature does not match',
    )
    expect(await post(verifyRequest, verifyRequest)).toBe('200 OK')
    // Neither the forgery nor the Verify request ran a handler.
    expect(await handled()).toEqual(['01HYFM66MC7K0N6QAX1ZVDXD13'])
  })
})
