import { encoder } from '../internal/utf8.js'
import type { HmacSha256 } from './hmac.js'

/** Imported keys by secret; bounded (16), since a service keeps only a few channels' secrets. */
const keys = new Map<string, Promise<CryptoKey>>()

/**
 * HMAC-SHA256 by Web Crypto, for Workers, browsers, Deno and edge runtimes. The bytes of `data`
 * are copied at once, into an ArrayBuffer of their own: the key is imported asynchronously and
 * the caller's buffer may change meanwhile (Web Crypto takes no view over a SharedArrayBuffer).
 */
export const hmacSha256: HmacSha256 = (secret, data) => {
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle
  if (subtle === undefined) {
    throw new Error('line-webhook: no Web Crypto (globalThis.crypto.subtle) here.')
  }
  const bytes = typeof data === 'string' ? encoder.encode(data) : new Uint8Array(data)
  let key = keys.get(secret)
  if (key === undefined) {
    // Full: start again. A service that verifies with more secrets than this imports keys again.
    if (keys.size >= 16) keys.clear()
    key = subtle.importKey(
      'raw',
      encoder.encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    )
    keys.set(secret, key)
    void key.catch(() => keys.delete(secret)) // a failed import is not cached
  }
  return key
    .then((imported) => subtle.sign('HMAC', imported, bytes))
    .then((mac) => btoa(String.fromCharCode(...new Uint8Array(mac)))) // 32 bytes, a fixed spread
}
