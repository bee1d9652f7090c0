/*
 * A string body counts as its UTF-8 bytes. A string that is not well-formed UTF-16 (a lone
 * surrogate) has none: TextEncoder and node:crypto write U+FFFD for it, so it would verify under
 * the signature of a different body, its U+FFFD twin. It stands instead for its generalised
 * UTF-8 bytes (WTF-8: a lone surrogate as its three bytes), which are not UTF-8: such a body
 * verifies only under the signature of those bytes, then fails as they do, as malformed JSON.
 */

interface WellFormed {
  isWellFormed(): boolean
}

/** Whether `text` is well-formed UTF-16 (no lone surrogate): Node 20 has the native check. */
export function isWellFormed(text: string): boolean {
  return (text as unknown as WellFormed).isWellFormed()
}

/** The bytes `text` stands for: itself when well formed (the HMAC encodes it), else its WTF-8. */
export function bytesOf(text: string): string | Uint8Array {
  if (isWellFormed(text)) return text
  const bytes = new Uint8Array(text.length * 3)
  let length = 0
  for (let index = 0; index < text.length; index++) {
    // A lone surrogate comes back as itself, and is written as any code point of its size.
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- index < length
    const point = text.codePointAt(index)!
    if (point > 0xffff) index++
    if (point < 0x80) bytes[length++] = point
    else if (point < 0x800) {
      bytes[length++] = 0xc0 | (point >> 6)
      bytes[length++] = 0x80 | (point & 0x3f)
    } else if (point < 0x10000) {
      bytes[length++] = 0xe0 | (point >> 12)
      bytes[length++] = 0x80 | ((point >> 6) & 0x3f)
      bytes[length++] = 0x80 | (point & 0x3f)
    } else {
      bytes[length++] = 0xf0 | (point >> 18)
      bytes[length++] = 0x80 | ((point >> 12) & 0x3f)
      bytes[length++] = 0x80 | ((point >> 6) & 0x3f)
      bytes[length++] = 0x80 | (point & 0x3f)
    }
  }
  return bytes.subarray(0, length)
}
