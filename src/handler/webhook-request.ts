import { isRecord } from '../internal/record.js'

/**
 * The request a webhook came with, as the handler shows it to a `channelSecret` function and in
 * each handler's context: the same shape from `webhook.fetch` and `webhook.node`, with no
 * runtime's own types.
 *
 * @example
 * ```ts
 * import { createWebhookHandler, type WebhookRequest } from 'line-webhook'
 *
 * // One endpoint per channel: /social/on/line/{channelId}
 * const secrets = new Map([['1234567890', 'secret of channel 1234567890']])
 * const channelSecret = (request: WebhookRequest) =>
 *   secrets.get(request.pathname.split('/').at(-1) ?? '')
 *
 * const webhook = createWebhookHandler({ channelSecret })
 * const response = await webhook.fetch(new Request('https://bot.example/social/on/line/42', { method: 'POST', body: '{}' }))
 * console.log(response.status) // => 404
 * ```
 *
 * @since 0.2.0
 * @category Handler
 */
export interface WebhookRequest {
  /** The HTTP method, upper-case as the platform gives it. */
  readonly method: string
  /**
   * The URL as the platform gives it: absolute from `webhook.fetch`, the path and query from
   * `webhook.node` (`req.url`).
   */
  readonly url: string
  /** The path of {@link WebhookRequest.url} alone, without the query: alike from both adapters. */
  readonly pathname: string
  /** A header's value by its name (any case), or `undefined`; repeated headers joined by `, `. */
  readonly header: (name: string) => string | undefined
  /**
   * The body's `destination` (the bot's user ID), or `undefined` if it has none. To a
   * `channelSecret` function this is unverified, read only to choose the candidate secrets; in a
   * handler's context the body has been verified.
   */
  readonly destination: string | undefined
}

const utf8 = /*#__PURE__*/ new TextDecoder('utf-8', { ignoreBOM: true })

/** A {@link WebhookRequest} whose `destination` is read from `body` only if someone asks. */
export function createWebhookRequest(
  method: string,
  url: string,
  header: (name: string) => string | undefined,
  body: Uint8Array,
): WebhookRequest {
  return new LazyDestinationRequest(method, url, header, body)
}

// A class, not an object literal with a getter: building the literal's accessor cost about a
// microsecond per request, and the getter here costs nothing until it is read.
class LazyDestinationRequest implements WebhookRequest {
  readonly pathname: string
  readonly #body: Uint8Array
  #destination: { readonly value: string | undefined } | undefined

  constructor(
    readonly method: string,
    readonly url: string,
    readonly header: (name: string) => string | undefined,
    body: Uint8Array,
  ) {
    this.pathname = pathnameOf(url)
    this.#body = body
  }

  get destination(): string | undefined {
    this.#destination ??= { value: destinationOf(this.#body) }
    return this.#destination.value
  }
}

/** The path of an absolute URL or of a request target (`/path?query`). */
function pathnameOf(url: string): string {
  const path = url.startsWith('/') ? url : url.replace(/^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i, '')
  const end = path.search(/[?#]/)
  return end === -1 ? path : path.slice(0, end)
}

function destinationOf(body: Uint8Array): string | undefined {
  try {
    const value: unknown = JSON.parse(utf8.decode(body))
    const destination = isRecord(value) ? value['destination'] : undefined
    return typeof destination === 'string' ? destination : undefined
  } catch {
    return undefined
  }
}
