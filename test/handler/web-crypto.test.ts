import { describe, expect, it, vi } from 'vitest'
import { createWebhookHandler } from '../../src/index.js'
import { bodyOf, signedRequest, textMessage } from './support.js'

// What every runtime but Node loads: Web Crypto, whose HMAC answers after an await.
vi.mock('../../src/crypto/platform.js', () => import('../../src/crypto/web.js'))

describe('the handler on Web Crypto', () => {
  it('waits for every secret’s check, and says which one verified', async () => {
    const verifiedBy: number[] = []
    const webhook = createWebhookHandler({
      channelSecret: ['new secret', 'old secret'],
      on: { message: (_, context) => void verifiedBy.push(context.secretIndex) },
    })
    const answers = await Promise.all(
      ['old secret', 'new secret', 'no such secret'].map(async (secret) => {
        const body = bodyOf([textMessage(secret)])
        const response = await webhook.fetch(await signedRequest(body, { secret }))
        return response.status
      }),
    )
    await webhook.drain()
    expect(answers).toEqual([200, 200, 401])
    expect(verifiedBy.sort()).toEqual([0, 1])
  })
})
