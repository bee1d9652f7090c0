import { createHmac } from 'node:crypto'
import type { HmacSha256 } from './hmac.js'

/**
 * HMAC-SHA256 by `node:crypto`, in padded standard base64: synchronous, so checks settle with no
 * promise hop, and about nine times faster than Web Crypto on Node.
 */
export const hmacSha256: HmacSha256 = (secret, data) =>
  createHmac('sha256', secret).update(data).digest('base64')
