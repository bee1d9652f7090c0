import { createHmac, timingSafeEqual } from 'node:crypto'
import type { HmacSha256 } from './hmac.js'

function mac(secret: string, data: string | Uint8Array): Buffer {
  return createHmac('sha256', secret).update(data).digest()
}

/** HMAC-SHA256 by `node:crypto`: synchronous and about nine times faster than Web Crypto on Node. */
export const hmacSha256: HmacSha256 = {
  sign: (secret, data) => Promise.resolve(mac(secret, data)),
  verify: (secret, data, expected) => {
    const actual = mac(secret, data)
    return actual.length === expected.length && timingSafeEqual(actual, expected)
  },
}
