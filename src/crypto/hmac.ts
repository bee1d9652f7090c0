/**
 * HMAC-SHA256 as the signature rule needs it. One function type, two implementations
 * (node.ts, web.ts), one contract test suite run against both.
 *
 * It answers in base64, the form the header carries: a signature verifies when it is exactly this
 * text, which leaves one encoding per MAC and no base64 to decode on the way in.
 */
export type HmacSha256 = (secret: string, data: string | Uint8Array) => string | Promise<string>
