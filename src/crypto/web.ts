import type { HmacSha256 } from './hmac.js'

const encoder = /*#__PURE__*/ new TextEncoder()

/** Imported keys by secret; bounded, since a service keeps only a few channels' secrets. */
const keys = new Map<string, Promise<CryptoKey>>()
const MAX_CACHED_KEYS = 16

function subtle(): SubtleCrypto {
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle
  if (subtle === undefined) {
    throw new Error(
      'line-webhook: this runtime has no Web Crypto (globalThis.crypto.subtle). ' +
        'Use a runtime that provides it, or load line-webhook under the "node" export condition.',
    )
  }
  return subtle
}

function importKey(secret: string): Promise<CryptoKey> {
  const cached = keys.get(secret)
  if (cached !== undefined) return cached
  const key = subtle().importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  )
  if (keys.size >= MAX_CACHED_KEYS) {
    const oldest = keys.keys().next()
    if (oldest.done !== true) keys.delete(oldest.value)
  }
  keys.set(secret, key)
  void key.catch(() => keys.delete(secret)) // a failed import is not cached
  return key
}

/** Web Crypto accepts only views over an ArrayBuffer; copy anything else (a SharedArrayBuffer). */
function bufferSource(data: string | Uint8Array): Uint8Array<ArrayBuffer> {
  if (typeof data === 'string') return encoder.encode(data)
  return data.buffer instanceof ArrayBuffer
    ? (data as Uint8Array<ArrayBuffer>)
    : new Uint8Array(data)
}

/** HMAC-SHA256 by Web Crypto, for Workers, browsers, Deno and edge runtimes. */
export const hmacSha256: HmacSha256 = {
  sign: async (secret, data) =>
    new Uint8Array(await subtle().sign('HMAC', await importKey(secret), bufferSource(data))),
  verify: async (secret, data, mac) =>
    subtle().verify('HMAC', await importKey(secret), bufferSource(mac), bufferSource(data)),
}
