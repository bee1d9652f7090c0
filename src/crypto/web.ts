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
    // A Map iterates in insertion order: the first key is the oldest.
    for (const oldest of keys.keys()) {
      keys.delete(oldest)
      break
    }
  }
  keys.set(secret, key)
  void key.catch(() => keys.delete(secret)) // a failed import is not cached
  return key
}

/**
 * The bytes of `data` as they are now, in an ArrayBuffer of their own: the key is imported
 * asynchronously, and the caller's buffer may change meanwhile (Web Crypto takes only views over
 * an ArrayBuffer, too, not over a SharedArrayBuffer).
 */
function copyOf(data: string | Uint8Array): Uint8Array<ArrayBuffer> {
  return typeof data === 'string' ? encoder.encode(data) : new Uint8Array(data)
}

/** HMAC-SHA256 by Web Crypto, for Workers, browsers, Deno and edge runtimes. */
export const hmacSha256: HmacSha256 = {
  sign: (secret, data) => {
    const bytes = copyOf(data)
    return importKey(secret)
      .then((key) => subtle().sign('HMAC', key, bytes))
      .then((mac) => new Uint8Array(mac))
  },
  verify: (secret, data, mac) => {
    const bytes = copyOf(data)
    const expected = copyOf(mac)
    return importKey(secret).then((key) => subtle().verify('HMAC', key, expected, bytes))
  },
}
