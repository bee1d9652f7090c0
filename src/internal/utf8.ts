/*
 * A string body counts as its UTF-8 bytes. A string that is not well-formed UTF-16 (a lone
 * surrogate) has none: TextEncoder and node:crypto write U+FFFD for it, so it would verify under
 * the signature of a different body, its U+FFFD twin. verifySignature verifies it under no
 * signature. Where a failure is told (decodeWebhookRequest, the handler) and where a signature is
 * made, it stands for its generalised UTF-8 bytes (WTF-8: a lone surrogate as its three bytes),
 * which are not UTF-8: signed, it then fails as they do, as malformed JSON.
 */

interface WellFormed {
  isWellFormed(): boolean
}

/** Whether `text` is well-formed UTF-16 (no lone surrogate): Node 20 has the native check. */
export function isWellFormed(text: string): boolean {
  return (text as unknown as WellFormed).isWellFormed()
}

/** The one UTF-8 encoder: the WTF-8 writer here and the Web Crypto HMAC share it. */
export const encoder = /*#__PURE__*/ new TextEncoder()

/** The bytes `text` stands for: itself when well formed (the HMAC encodes it), else its WTF-8. */
export function bytesOf(text: string): string | Uint8Array {
  if (isWellFormed(text)) return text
  const bytes: number[] = []
  // A string iterates by code point, a lone surrogate (U+D800 to U+DFFF) as itself.
  for (const character of text) {
    // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- never empty
    const point = character.codePointAt(0)!
    if (point >> 11 === 0x1b)
      bytes.push(0xe0 | (point >> 12), 0x80 | ((point >> 6) & 63), 0x80 | (point & 63))
    else bytes.push(...encoder.encode(character)) // one code point: at most 4 bytes
  }
  return new Uint8Array(bytes)
}
