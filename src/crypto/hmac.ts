/**
 * HMAC-SHA256 as the signature rule needs it. One function type, two implementations
 * (node.ts, web.ts), one contract test suite run against both.
 */
export interface HmacSha256 {
  /** The MAC of `data` (a string counts as its UTF-8 bytes) keyed by the UTF-8 bytes of `secret`. */
  readonly sign: (secret: string, data: string | Uint8Array) => Promise<Uint8Array>
  /**
   * Whether `mac` is the MAC of `data` keyed by `secret`, compared in constant time: at once
   * where the platform computes it synchronously (node:crypto), so callers skip a promise hop.
   */
  readonly verify: (
    secret: string,
    data: string | Uint8Array,
    mac: Uint8Array,
  ) => boolean | Promise<boolean>
}
