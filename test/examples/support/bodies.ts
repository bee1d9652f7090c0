/** The bodies the tests send, and how they send them. */
import { readFileSync } from 'node:fs'
import { createSignature } from 'line-webhook'
import { CHANNEL_SECRET } from './channels.js'

export const LEGACY_BODY = readFileSync(
  new URL('../../fixtures/conformance/legacy/go-sdk-2016-receive.json', import.meta.url),
)
/** Published with the legacy body: its signature with {@link CHANNEL_SECRET}. */
export const LEGACY_SIGNATURE = 'I/HaFldQXToodTZ9Kv7uXeRiAvhgBD7bTQMagscy8m0='

let eventCount = 0

/** A webhookEventId no other test uses: the examples remember the ones they saw. */
export function newEventId(): string {
  eventCount++
  return `01TEST${String(eventCount).padStart(20, '0')}`
}

/** A modern text message event, as LINE sends it. */
export function textEvent(text: string, overrides: Readonly<Record<string, unknown>> = {}) {
  return {
    type: 'message',
    mode: 'active',
    timestamp: 1716363925648,
    webhookEventId: newEventId(),
    deliveryContext: { isRedelivery: false },
    source: { type: 'user', userId: 'Ua56c6dca206ce700a3f1b0e49d0e0e0e' },
    replyToken: 'c384d55299124bf4b504e3004fd6bcf0',
    message: { type: 'text', id: '509243235328065891', quoteToken: 'q3Plxr4AgKd', text },
    ...overrides,
  }
}

export function bodyOf(...events: readonly unknown[]): string {
  return JSON.stringify({ destination: 'U44d64355f3d939f4db74649d82d0e0e0', events })
}

export interface Sent {
  readonly status: number
  readonly text: string
}

export interface PostOptions {
  /** Sign with this secret; `null` to send no signature. Default {@link CHANNEL_SECRET}. */
  readonly secret?: string | null
  /** Send this signature instead of the body's. */
  readonly signature?: string
  readonly header?: string
  /** Default `application/json; charset=utf-8`; `null` to send none (the body goes as bytes). */
  readonly contentType?: string | null
}

/** POSTs `body` as LINE would: JSON, signed over its exact bytes. */
export async function post(
  url: string,
  body: string | Uint8Array | ReadableStream<Uint8Array>,
  options: PostOptions = {},
): Promise<Sent> {
  const { secret = CHANNEL_SECRET, header = 'x-line-signature' } = options
  const contentType =
    options.contentType === undefined ? 'application/json; charset=utf-8' : options.contentType
  const headers: Record<string, string> = {}
  if (contentType !== null) headers['content-type'] = contentType
  // fetch labels a string body text/plain; bytes go with no Content-Type of their own.
  else if (typeof body === 'string') body = new TextEncoder().encode(body)
  const signature =
    options.signature ??
    (secret === null || body instanceof ReadableStream
      ? undefined
      : await createSignature({ channelSecret: secret, body }))
  if (signature !== undefined) headers[header] = signature
  // duplex: a streamed body goes out chunked, with no Content-Length to check up front.
  const init = { method: 'POST', headers, body, duplex: 'half' } as RequestInit
  const response = await fetch(url, init)
  return { status: response.status, text: await response.text() }
}

/** `text` as a stream of `chunks` chunks: a body with no Content-Length. */
export function chunked(text: string, chunks: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  const size = Math.ceil(bytes.length / chunks)
  let offset = 0
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) controller.close()
      else {
        controller.enqueue(bytes.subarray(offset, offset + size))
        offset += size
      }
    },
  })
}
