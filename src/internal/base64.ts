/**
 * Standard base64 (RFC 4648 §4) with padding, decoded strictly: one encoding per byte string.
 * Buffer.from(s, 'base64') and atob accept URL-safe characters, missing padding, white space and
 * non-zero trailing bits, which would let many header values stand for one signature.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** The six-bit value of each ASCII character code, or -1 outside the alphabet. */
const SEXTETS = /*#__PURE__*/ (() => {
  const table = new Int8Array(128).fill(-1)
  for (let index = 0; index < ALPHABET.length; index++) table[ALPHABET.charCodeAt(index)] = index
  return table
})()

const PAD = 61 // '='

function sextet(text: string, index: number): number {
  const code = text.charCodeAt(index)
  return SEXTETS[code] ?? -1 // past the table (code 128 and up) is undefined too
}

/** The bytes `text` encodes, or `undefined` unless it is canonical padded standard base64. */
export function decodeBase64Strict(text: string): Uint8Array | undefined {
  const length = text.length
  if (length % 4 !== 0) return undefined
  const padding =
    length === 0
      ? 0
      : text.charCodeAt(length - 1) !== PAD
        ? 0
        : text.charCodeAt(length - 2) !== PAD
          ? 1
          : 2
  const bytes = new Uint8Array((length / 4) * 3 - padding)
  let written = 0
  for (let index = 0; index < length; index += 4) {
    const last = index + 4 === length
    const a = sextet(text, index)
    const b = sextet(text, index + 1)
    const c = last && padding === 2 ? 0 : sextet(text, index + 2)
    const d = last && padding >= 1 ? 0 : sextet(text, index + 3)
    if ((a | b | c | d) < 0) return undefined
    const triple = (a << 18) | (b << 12) | (c << 6) | d
    if (last && padding === 2) {
      if ((triple & 0xffff) !== 0) return undefined
      bytes[written] = triple >>> 16
    } else if (last && padding === 1) {
      if ((triple & 0xff) !== 0) return undefined
      bytes[written] = triple >>> 16
      bytes[written + 1] = (triple >>> 8) & 0xff
    } else {
      bytes[written] = triple >>> 16
      bytes[written + 1] = (triple >>> 8) & 0xff
      bytes[written + 2] = triple & 0xff
      written += 3
    }
  }
  return bytes
}

/** Padded standard base64 of `bytes`. */
export function encodeBase64(bytes: Uint8Array): string {
  let text = ''
  const whole = bytes.length - (bytes.length % 3)
  for (let index = 0; index < whole; index += 3) {
    // Every index here is below bytes.length: `?? 0` only satisfies noUncheckedIndexedAccess.
    /* v8 ignore next */
    const triple =
      ((bytes[index] ?? 0) << 16) | ((bytes[index + 1] ?? 0) << 8) | (bytes[index + 2] ?? 0)
    text +=
      ALPHABET.charAt(triple >>> 18) +
      ALPHABET.charAt((triple >>> 12) & 63) +
      ALPHABET.charAt((triple >>> 6) & 63) +
      ALPHABET.charAt(triple & 63)
  }
  const rest = bytes.length - whole
  if (rest > 0) {
    // As above: whole (and whole + 1 when rest is 2) are below bytes.length.
    /* v8 ignore next */
    const triple = ((bytes[whole] ?? 0) << 16) | (rest === 2 ? (bytes[whole + 1] ?? 0) << 8 : 0)
    text +=
      ALPHABET.charAt(triple >>> 18) +
      ALPHABET.charAt((triple >>> 12) & 63) +
      (rest === 2 ? ALPHABET.charAt((triple >>> 6) & 63) : '=') +
      '='
  }
  return text
}
