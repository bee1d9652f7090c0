/**
 * The only form of an HMAC-SHA256 that LINE sends: canonical padded standard base64
 * (RFC 4648 §4) of 32 bytes. Forty-two characters of the alphabet carry 252 bits; the 43rd
 * carries the last 4 and two zero bits, so it is one of the 16 characters whose value is a
 * multiple of 4; one `=` pads. Buffer.from(s, 'base64') and atob also accept URL-safe
 * characters, missing padding, white space and non-zero trailing bits, which would let many
 * header values stand for one signature. (`$` without the `m` flag matches only at the end.)
 */
const MAC_BASE64 = /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/

/** Whether `text` is canonical padded standard base64 of 32 bytes. */
export function isMacBase64(text: string): boolean {
  return MAC_BASE64.test(text)
}
