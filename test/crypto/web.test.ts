/**
 * The Web Crypto HMAC (../../src/crypto/web.ts) where Web Crypto fails: a runtime without it, and
 * a key import that fails, which must not stay cached.
 */
import { createHmac } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { hmacSha256 } from '../../src/crypto/web.js'

const mac = (secret: string, data: string): Uint8Array =>
  new Uint8Array(createHmac('sha256', secret).update(data).digest())

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

describe('hmacSha256 on Web Crypto', () => {
  it('fails with how to fix it where the runtime has no Web Crypto', async () => {
    vi.stubGlobal('crypto', undefined)
    const signing = Promise.resolve().then(() => hmacSha256.sign('no-crypto-secret', 'data'))
    await expect(signing).rejects.toThrow(/no Web Crypto \(globalThis\.crypto\.subtle\)/)
  })

  it('forgets a key whose import failed, so the next call imports it again', async () => {
    const importKey = vi
      .spyOn(globalThis.crypto.subtle, 'importKey')
      .mockRejectedValueOnce(new Error('import failed'))
    await expect(hmacSha256.sign('flaky-secret', 'data')).rejects.toThrow('import failed')
    await expect(hmacSha256.sign('flaky-secret', 'data')).resolves.toStrictEqual(
      mac('flaky-secret', 'data'),
    )
    expect(importKey).toHaveBeenCalledTimes(2)
  })

  it('keeps signing right past its cache of 16 keys, the oldest evicted first', async () => {
    const importKey = vi.spyOn(globalThis.crypto.subtle, 'importKey')
    const secrets = Array.from({ length: 17 }, (_, index) => `evicted-secret-${index}`)
    for (const secret of secrets) {
      await expect(hmacSha256.sign(secret, 'data')).resolves.toStrictEqual(mac(secret, 'data'))
    }
    expect(importKey).toHaveBeenCalledTimes(17)
    // The newest is still cached; the first was evicted and is imported again.
    await hmacSha256.sign('evicted-secret-16', 'data')
    expect(importKey).toHaveBeenCalledTimes(17)
    await expect(
      hmacSha256.verify('evicted-secret-0', 'data', mac('evicted-secret-0', 'data')),
    ).resolves.toBe(true)
    expect(importKey).toHaveBeenCalledTimes(18)
  })
})
