/** Crockford's base32, as ULIDs use it. */
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const HEX = '0123456789abcdef'

/** Counts every id made in this process, so two ids made in one millisecond still differ. */
let sequence = 0

function randomOf(alphabet: string, length: number): string {
  let text = ''
  for (let index = 0; index < length; index++) {
    text += alphabet.charAt(Math.floor(Math.random() * alphabet.length))
  }
  return text
}

function base32(value: number, length: number): string {
  let text = ''
  let rest = value
  for (let index = 0; index < length; index++) {
    text = (BASE32[rest % 32] ?? '0') + text
    rest = Math.floor(rest / 32)
  }
  return text
}

/**
 * A ULID-shaped `webhookEventId` (26 characters: 10 of time, 16 more), unique in this process:
 * the last 6 characters count up, the 10 before them are random. Test data, not cryptography.
 */
export function webhookEventId(now: number): string {
  sequence += 1
  return base32(now, 10) + randomOf(BASE32, 10) + base32(sequence, 6)
}

/** A user, group or room id as LINE writes them: a prefix and 32 hex digits. */
export const lineId = (prefix: 'U' | 'C' | 'R'): string => prefix + randomOf(HEX, 32)

/** A reply token, 32 hex digits. */
export const replyToken = (): string => randomOf(HEX, 32)

/** A message id: 18 digits, never starting with 0. */
export const messageId = (): string => randomOf('123456789', 1) + randomOf('0123456789', 17)

/** A quote token or nonce: URL-safe base64 characters. */
export const token = (length: number): string =>
  randomOf('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', length)
