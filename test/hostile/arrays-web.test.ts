import { assert, describe, expect, it, vi } from 'vitest'
import { createSignature, decodeWebhookRequest } from '../../src/index.js'
import { bodyOf, HUGE, hostileArrays } from './bodies.js'

// What every runtime but Node loads: Web Crypto, which answers after an await.
vi.mock('../../src/crypto/platform.js', () => import('../../src/crypto/web.js'))
vi.setConfig({ testTimeout: 120_000 })

describe('decodeWebhookRequest on Web Crypto, with 250,000 invalid elements', () => {
  it.each(Object.entries(hostileArrays))('%s: never rejects, keeps 10 issues', async (_, array) => {
    const channelSecret = 'hostile'
    const body = new TextEncoder().encode(JSON.stringify(bodyOf(array.event(array.invalid(HUGE)))))
    const signature = await createSignature({ channelSecret, body })
    for (const options of [{}, { onInvalidEvent: 'fail' }, { lenient: true }] as const) {
      const result = await decodeWebhookRequest({ channelSecret, body, signature }, options)
      if (!('onInvalidEvent' in options)) {
        assert(result._tag === 'Right')
        const event = result.right.events[0]
        assert(event?.type === undefined && event?._tag === 'InvalidEvent')
        expect([event.issues.length, event.omittedIssues]).toStrictEqual([10, HUGE - 10])
      } else {
        assert(result._tag === 'Left' && result.left._tag === 'InvalidPayload')
        expect([result.left.issues.length, result.left.omittedIssues]).toStrictEqual([
          10,
          HUGE - 10,
        ])
      }
    }
  })
})

describe('a string body with a lone surrogate, on Web Crypto', () => {
  it('verifies only as its WTF-8 bytes, then fails as MalformedJson', async () => {
    const channelSecret = 'surrogate-secret'
    const body = '{"destination":"U0\ud800","events":[]}'
    const twin = await createSignature({ channelSecret, body: body.replace('\ud800', '\ufffd') })
    const mismatch = await decodeWebhookRequest({ channelSecret, body, signature: twin })
    expect(mismatch._tag === 'Left' && mismatch.left._tag).toBe('SignatureMismatch')
    const signature = await createSignature({ channelSecret, body })
    expect(await decodeWebhookRequest({ channelSecret, body, signature })).toStrictEqual({
      _tag: 'Left',
      left: { _tag: 'MalformedJson', reason: 'encoding' },
    })
  })
})
