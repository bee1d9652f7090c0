/** How reading a request body ended. */
export type BodyRead =
  | { readonly _tag: 'Body'; readonly body: Uint8Array }
  | { readonly _tag: 'TooLarge' }
  | { readonly _tag: 'Unreadable' }
  | { readonly _tag: 'Misconfigured'; readonly error: TypeError }

export const tooLarge: BodyRead = { _tag: 'TooLarge' }
export const unreadable: BodyRead = { _tag: 'Unreadable' }

const utf8 = /*#__PURE__*/ new TextEncoder()

/** Whether a `Content-Length` already says the body is over the limit: no need to read it. */
export function declaredTooLarge(contentLength: string | undefined, maxBytes: number): boolean {
  return (
    contentLength !== undefined && /^\d+$/.test(contentLength) && Number(contentLength) > maxBytes
  )
}

/** A body a platform has already read, as bytes within the limit. */
export function bodyOf(value: string | Uint8Array, maxBytes: number): BodyRead {
  // A string is signed as its UTF-8 bytes, so those are what is measured.
  const body = typeof value === 'string' ? utf8.encode(value) : value
  return body.length > maxBytes ? tooLarge : { _tag: 'Body', body }
}

/**
 * Collects a body's chunks up to `maxBytes`: `add` answers `false` once they go over, and the
 * caller stops reading. Memory never holds more than the limit and one chunk.
 */
export class ChunkCollector {
  readonly #chunks: Uint8Array[] = []
  #length = 0

  constructor(readonly maxBytes: number) {}

  add(chunk: Uint8Array | string): boolean {
    const bytes = typeof chunk === 'string' ? utf8.encode(chunk) : chunk
    this.#length += bytes.length
    if (this.#length > this.maxBytes) return false
    this.#chunks.push(bytes)
    return true
  }

  /** The body read, in one buffer: the chunk itself when it came in one, as most bodies do. */
  body(): BodyRead {
    const [first] = this.#chunks
    if (first !== undefined && this.#chunks.length === 1) return { _tag: 'Body', body: first }
    const body = new Uint8Array(this.#length)
    let offset = 0
    for (const chunk of this.#chunks) {
      body.set(chunk, offset)
      offset += chunk.length
    }
    return { _tag: 'Body', body }
  }
}

/** Whether `value` is a Uint8Array, a Buffer included, from this realm or another. */
export function isUint8Array(value: unknown): value is Uint8Array {
  return (
    ArrayBuffer.isView(value) &&
    (value as { [Symbol.toStringTag]?: unknown })[Symbol.toStringTag] === 'Uint8Array'
  )
}
