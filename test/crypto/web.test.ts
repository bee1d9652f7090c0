/**
 * The Web Crypto HMAC (../../src/crypto/web.ts) where Web Crypto fails: a runtime without it, and
 * a key import that fails, which must not stay cached.
 */
import { createHmac } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { hmacSha256 } from '../../src/crypto/web.js'

const mac = (secret: string, data: string | Uint8Array): string =>
  createHmac('sha256', secret).update(data).digest('base64')

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('hmacSha256 on Web Crypto', () => {
  it('answers padded standard base64, as node:crypto does', async () => {
    // 0xfb 0xff bytes in the MAC come out as "+" and "/", never URL-safe "-" and "_".
    const data = new Uint8Array([0, 0xff, 0xfe, 0x80])
    for (const secret of ['a', 'ü-secret', 'x'.repeat(100)]) {
      await expect(hmacSha256(secret, data)).resolves.toBe(mac(secret, data))
    }
  })

  it('signs the bytes passed, not what the buffer holds once the key is imported', async () => {
    const data = new TextEncoder().encode('{"events":[]}')
    const signing = hmacSha256('copy-secret', data)
    data.fill(0)
    await expect(signing).resolves.toBe(mac('copy-secret', '{"events":[]}'))
  })

  it('fails naming what is missing where the runtime has no Web Crypto', async () => {
    vi.stubGlobal('crypto', undefined)
    const signing = Promise.resolve().then(() => hmacSha256('no-crypto-secret', 'data'))
    await expect(signing).rejects.toThrow(/no Web Crypto \(globalThis\.crypto\.subtle\)/)
  })

  it('forgets a key whose import failed, so the next call imports it again', async () => {
    const importKey = vi
      .spyOn(globalThis.crypto.subtle, 'importKey')
      .mockRejectedValueOnce(new Error('import failed'))
    await expect(hmacSha256('flaky-secret', 'data')).rejects.toThrow('import failed')
    await expect(hmacSha256('flaky-secret', 'data')).resolves.toBe(mac('flaky-secret', 'data'))
    expect(importKey).toHaveBeenCalledTimes(2)
  })

  it('keeps signing right past its cache of 16 keys, which then starts again', async () => {
    const importKey = vi.spyOn(globalThis.crypto.subtle, 'importKey')
    const secrets = Array.from({ length: 17 }, (_, index) => `cached-secret-${index}`)
    for (const secret of secrets) {
      await expect(hmacSha256(secret, 'data')).resolves.toBe(mac(secret, 'data'))
    }
    expect(importKey).toHaveBeenCalledTimes(17)
    // The 17th key emptied the full cache and is its only entry: it is not imported again.
    await hmacSha256('cached-secret-16', 'data')
    expect(importKey).toHaveBeenCalledTimes(17)
    await expect(hmacSha256('cached-secret-0', 'data')).resolves.toBe(
      mac('cached-secret-0', 'data'),
    )
    expect(importKey).toHaveBeenCalledTimes(18)
  })
})
