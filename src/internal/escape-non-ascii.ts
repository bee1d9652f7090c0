const NON_ASCII = /[\u0080-\uffff]/g

const escape = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`

/**
 * JSON text with every non-ASCII UTF-16 code unit written as a `\uXXXX` escape, as LINE writes its
 * webhook bodies: `"あ"` becomes `"\u3042"` and an emoji its two surrogate escapes. Outside strings
 * JSON text is ASCII, so replacing everywhere touches only string contents.
 */
export function escapeNonAscii(json: string): string {
  return json.replace(NON_ASCII, escape)
}
