import type { HmacSha256 } from './hmac.js'

const encoder = /*#__PURE__*/ new TextEncoder()

/** Imported keys by secret; bounded, since a service keeps only a few channels' secrets. */
const keys = new Map<string, Promise<CryptoKey>>()
const MAX_CACHED_KEYS = 16

function subtle(): SubtleCrypto {
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle
  if (subtle === undefined) {
    throw new Error(
      'line-webhook: no Web Crypto (globalThis.crypto.subtle) here; load it under the "node" condition.',
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
    ['sign'],
  )
  // Full: start again. A service that verifies with more secrets than this imports keys again.
  if (keys.size >= MAX_CACHED_KEYS) keys.clear()
  keys.set(secret, key)
  void key.catch(() => keys.delete(secret)) // a failed import is not cached
  return key
}

/**
 * HMAC-SHA256 by Web Crypto, for Workers, browsers, Deno and edge runtimes. The bytes of `data`
 * are copied at once, into an ArrayBuffer of their own: the key is imported asynchronously and
 * the caller's buffer may change meanwhile (Web Crypto takes no view over a SharedArrayBuffer).
 */
export const hmacSha256: HmacSha256 = (secret, data) => {
  const bytes = typeof data === 'string' ? encoder.encode(data) : new Uint8Array(data)
  return importKey(secret)
    .then((key) => subtle().sign('HMAC', key, bytes))
    .then((mac) => btoa(String.fromCharCode(...new Uint8Array(mac)))) // 32 bytes, a fixed spread
}
