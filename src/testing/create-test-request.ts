import { Event } from '../codecs/event.js'
import { escapeNonAscii } from '../internal/escape-non-ascii.js'
import { LINE_SIGNATURE_HTTP_HEADER_NAME, createSignature } from '../signature.js'
import { lineId } from './test-ids.js'

/**
 * What {@link createTestRequest} sends.
 *
 * @example
 * ```ts
 * import { createTestEvent, createTestRequest, type CreateTestRequestParams } from 'line-webhook/testing'
 *
 * const params: CreateTestRequestParams = { channelSecret: 'test secret', events: [createTestEvent('follow')] }
 * console.log((await createTestRequest(params)).method) // => "POST"
 * ```
 *
 * @since 0.2.0
 * @category Testing
 */
export interface CreateTestRequestParams {
  /** The channel secret to sign the body with. */
  readonly channelSecret: string
  /** The body's `events`, made with `createTestEvent` or decoded from a real body. */
  readonly events: readonly Event[]
  /** The body's `destination`, the bot's user id. Default: a fresh `U` and 32 hex digits. */
  readonly destination?: string
  /** Where the request goes. Default: `http://localhost/webhook`. */
  readonly url?: string | URL
}

/**
 * A webhook request as LINE sends it: `POST`, `content-type: application/json`, a body of
 * `{ destination, events }` whose non-ASCII characters are `\uXXXX` escapes as in LINE's bodies
 * (an emoji is two), and an `x-line-signature` over exactly those bytes. Give it to your fetch
 * handler, or send it to a server with `fetch(request)`.
 *
 * Rejects with a `TypeError`, never throws, for an empty channel secret.
 *
 * @example
 * ```ts
 * import { parseWebhookRequest } from 'line-webhook'
 * import { createTestEvent, createTestRequest } from 'line-webhook/testing'
 *
 * const channelSecret = 'test secret'
 * const request = await createTestRequest({
 *   channelSecret,
 *   events: [createTestEvent('message', { message: { type: 'text', text: 'こんにちは' } })],
 * })
 * const body = await request.text()
 * console.log(body.includes('\\u3053\\u3093')) // => true
 * const signature = request.headers.get('x-line-signature')
 * const { events } = await parseWebhookRequest({ channelSecret, body, signature })
 * const [event] = events
 * console.log(event?.type === 'message' && event.message.type === 'text' ? event.message.text : '') // => "こんにちは"
 * ```
 *
 * @since 0.2.0
 * @category Testing
 */
export async function createTestRequest(params: CreateTestRequestParams): Promise<Request> {
  const {
    channelSecret,
    events,
    destination = lineId('U'),
    url = 'http://localhost/webhook',
  } = params
  const list: unknown = events
  if (!Array.isArray(list)) {
    throw new TypeError(
      'line-webhook/testing: events must be an array of events; make them with createTestEvent.',
    )
  }
  const body = escapeNonAscii(
    JSON.stringify({ destination, events: events.map((event) => Event.encode(event)) }),
  )
  const signature = await createSignature({ channelSecret, body })
  return new Request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [LINE_SIGNATURE_HTTP_HEADER_NAME]: signature },
    body,
  })
}
