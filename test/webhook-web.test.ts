import { describe, expect, it, vi } from 'vitest'
import { createSignature, decodeWebhookRequest } from '../src/index.js'

// What every runtime but Node loads: Web Crypto, which answers after an await.
vi.mock('../src/crypto/platform.js', () => import('../src/crypto/web.js'))

describe('decodeWebhookRequest on Web Crypto', () => {
  it('decodes the bytes it verified, even if the caller reuses the buffer meanwhile', async () => {
    const channelSecret = 'web-secret'
    const text = '{"destination":"U0","events":[]}'
    const body = new TextEncoder().encode(text)
    const signature = await createSignature({ channelSecret, body })
    const pending = decodeWebhookRequest({ channelSecret, body, signature })
    body.set(new TextEncoder().encode('{"destination":"U9"'), 0) // a pooled buffer, reused
    const result = await pending
    expect(result._tag === 'Right' && result.right.destination).toBe('U0')
  })

  it('decodes a string body once Web Crypto has verified it', async () => {
    const channelSecret = 'web-secret'
    const body = '{"destination":"U1","events":[]}'
    const signature = await createSignature({ channelSecret, body })
    const result = await decodeWebhookRequest({ channelSecret, body, signature })
    expect(result).toStrictEqual({ _tag: 'Right', right: { destination: 'U1', events: [] } })
  })
})
