/**
 * The Next.js App Router recipe's route module, called as Next.js calls it: with a `NextRequest`.
 * (`next build` and `next start` of examples/nextjs serve it the same; a build takes minutes on a
 * shared machine, so the test calls the module.)
 */
import { NextRequest } from 'next/server.js'
import { createSignature } from 'line-webhook'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { POST } from '../../examples/nextjs/app/api/line/route.js'
import { bodyOf, textEvent } from './support/bodies.js'
import { CHANNEL_SECRET } from './support/channels.js'

async function signed(body: string, secret = CHANNEL_SECRET): Promise<NextRequest> {
  return new NextRequest('https://bot.example/api/line', {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-line-signature': await createSignature({ channelSecret: secret, body }),
    },
    body,
  })
}

describe('the Next.js App Router recipe (app/api/line/route.ts)', () => {
  const info = vi.spyOn(console, 'info').mockImplementation(() => undefined)
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)

  beforeEach(() => {
    vi.stubEnv('LINE_CHANNEL_SECRET', CHANNEL_SECRET)
    info.mockClear()
    error.mockClear()
  })
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('answers 200 to a signed message, then runs the message handler', async () => {
    const response = await POST(await signed(bodyOf(textEvent('hello from Next.js'))))
    expect([response.status, await response.text()]).toEqual([200, 'OK'])
    await vi.waitFor(() => {
      expect(info).toHaveBeenCalledWith('message/text hello from Next.js')
    })
  })

  it('skips a redelivery of the same event', async () => {
    const event = textEvent('once')
    expect((await POST(await signed(bodyOf(event)))).status).toBe(200)
    const again = { ...event, deliveryContext: { isRedelivery: true } }
    expect((await POST(await signed(bodyOf(again)))).status).toBe(200)
    // Handled in the order they came: once the next event is, the redelivery was skipped.
    expect((await POST(await signed(bodyOf(textEvent('next'))))).status).toBe(200)
    await vi.waitFor(() => {
      expect(info).toHaveBeenCalledWith('message/text next')
    })
    expect(info.mock.calls).toEqual([['message/text once'], ['message/text next']])
  })

  it("answers 200 to the console's Verify request, and 401 to a forged one", async () => {
    const verify = '{"destination":"xxxxxxxxxx","events":[]}'
    expect((await POST(await signed(verify))).status).toBe(200)
    const forged = await POST(await signed(bodyOf(textEvent('forged')), 'not the secret'))
    expect([forged.status, await forged.text()]).toEqual([
      401,
      'Unauthorized: the signature does not match',
    ])
  })

  it('answers 500, and logs why, where LINE_CHANNEL_SECRET is not set', async () => {
    vi.stubEnv('LINE_CHANNEL_SECRET', undefined)
    expect((await POST(await signed(bodyOf(textEvent('hello'))))).status).toBe(500)
    expect(String(error.mock.calls[0]?.[1])).toMatch(/channelSecret must be a non-empty string/)
    expect(info).not.toHaveBeenCalled()
  })
})
