/**
 * The README's Express snippet, as a user would paste it: taken from README.md, served over real
 * HTTP, and sent what reaches a webhook URL on the internet.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import type { Express } from 'express'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { bodyOf, post, textEvent } from './support/bodies.js'
import { CHANNEL_SECRET } from './support/channels.js'
import type { RunningExample } from './support/contract.js'
import { serve } from './support/node-server.js'
import { recorder } from './support/recording-hooks.js'

const README = new URL('../../README.md', import.meta.url)
const SNIPPET = new URL('../../.cache/readme-express-snippet.ts', import.meta.url)

/** The first TypeScript block after the README's Express paragraph, exporting its app. */
function expressSnippet(): string {
  const readme = readFileSync(README, 'utf8')
  const after = readme.slice(readme.indexOf('With Express, read the raw bytes'))
  const block = /```ts\n([\s\S]*?)```/.exec(after)?.[1]
  if (block === undefined) throw new Error('README.md has no Express snippet')
  return `${block}\nexport { app }\n`
}

describe("the README's Express snippet", () => {
  let running: RunningExample | undefined
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)

  beforeAll(async () => {
    vi.stubEnv('LINE_CHANNEL_SECRET', CHANNEL_SECRET)
    mkdirSync(new URL('.', SNIPPET), { recursive: true })
    writeFileSync(SNIPPET, expressSnippet())
    const { app } = (await import(/* @vite-ignore */ SNIPPET.href)) as { app: Express }
    running = await serve(app, recorder())
  })
  afterAll(async () => {
    await running?.close()
    vi.unstubAllEnvs()
    warn.mockRestore()
  })

  const url = (): string => {
    if (running === undefined) throw new Error('not started')
    return `${running.origin}/webhook`
  }

  it('answers 200 to a signed body, whatever its Content-Type', async () => {
    for (const contentType of ['application/json', 'text/plain', null]) {
      expect((await post(url(), bodyOf(textEvent('hello')), { contentType })).status).toBe(200)
    }
  })

  it.each(['application/json', 'text/plain', 'application/x-www-form-urlencoded', null])(
    'answers 401, not 500, to an unsigned %s body, and logs why without body values',
    async (contentType) => {
      warn.mockClear()
      const sent = await post(url(), bodyOf(textEvent('private words')), {
        secret: null,
        contentType,
      })
      expect(sent.status).toBe(401)
      expect(warn).toHaveBeenCalledTimes(1)
      const line: unknown = warn.mock.calls[0]?.[0]
      expect(line).toMatch(/^signature mismatch: x-line-signature is missing/)
      expect(line).not.toContain('private words')
    },
  )

  it('answers 400 to a signed body that is not JSON', async () => {
    expect((await post(url(), '{"destination":', {})).status).toBe(400)
  })
})
