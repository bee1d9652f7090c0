import type { InvalidEvent } from '../codecs/callback-request.js'
import type { Event, UnknownEvent } from '../codecs/event.js'
import type { LenientEvent } from '../codecs/lenient.js'
import type { DecodeOptions, StrictOptions } from '../decode.js'
import type { DedupStore } from './dedup-store.js'
import type { AnyEvent, EventHandler, EventHandlers } from './event-handlers.js'
import type { WebhookRequest } from './webhook-request.js'

/**
 * Chooses the channel secrets that may verify a request, from its URL, headers or its body's
 * unverified `destination`: a secret, a list of candidates (any one verifies), or `undefined`
 * for a channel this service does not serve, answered 404. Verification is never skipped.
 *
 * @example
 * ```ts
 * import { createWebhookHandler, type ChannelSecretResolver } from 'line-webhook'
 *
 * const secretsByBot: ReadonlyMap<string, readonly string[]> = new Map([
 *   ['U4af4980629', ['new secret', 'old secret']],
 * ])
 * const channelSecret: ChannelSecretResolver = (request) =>
 *   request.destination === undefined ? undefined : secretsByBot.get(request.destination)
 *
 * const webhook = createWebhookHandler({ channelSecret })
 * const body = '{"destination":"U0","events":[]}'
 * const response = await webhook.fetch(new Request('https://bot.example/webhook', { method: 'POST', body }))
 * console.log(response.status) // => 404
 * ```
 *
 * @since 0.2.0
 * @category Handler
 */
export type ChannelSecretResolver = (
  request: WebhookRequest,
) => string | readonly string[] | undefined | PromiseLike<string | readonly string[] | undefined>

/**
 * How a webhook handler skips events LINE delivers again, by `webhookEventId`.
 *
 * @example
 * ```ts
 * import { createMemoryDedupStore, createWebhookHandler, type DedupOptions } from 'line-webhook'
 *
 * const dedup: DedupOptions = { store: createMemoryDedupStore({ maxEntries: 100_000 }), ttlMs: 3_600_000 }
 * const webhook = createWebhookHandler({ channelSecret: 'secret', dedup })
 * console.log(typeof webhook.drain) // => "function"
 * ```
 *
 * @since 0.2.0
 * @category Handler
 */
export interface DedupOptions {
  /**
   * Where handled IDs are claimed. Default: a `createMemoryDedupStore()` of this handler's own,
   * which sees this process only.
   */
  readonly store?: DedupStore
  /** How long an ID stays claimed, in milliseconds. Default one day. */
  readonly ttlMs?: number
}

/**
 * What `createWebhookHandler` is given: the channel secret, a handler per event type, and how to
 * answer. `E` is the type of the events decoded: `Event`, or `LenientEvent` when `decode` selects
 * the lenient profile or `acceptLegacy`.
 *
 * @example
 * ```ts
 * import { createWebhookHandler, type WebhookHandlerOptions } from 'line-webhook'
 *
 * const options: WebhookHandlerOptions = {
 *   channelSecret: 'secret',
 *   on: { message: (event) => console.info(event.message.type) },
 *   onError: (error, event) => console.error('handling failed', event.type, error),
 *   respond: 'after-handlers', // AWS Lambda freezes a function once it has answered
 * }
 * const webhook = createWebhookHandler(options)
 * console.log(typeof webhook.fetch) // => "function"
 * ```
 *
 * @since 0.2.0
 * @category Handler
 */
export interface WebhookHandlerOptions<E extends AnyEvent = Event> {
  /**
   * The channel secret; a list of secrets while you rotate it (any one verifies, and the
   * context's `secretIndex` says which); or a {@link ChannelSecretResolver} that chooses them per
   * request, for a service that serves several channels.
   */
  readonly channelSecret: string | readonly string[] | ChannelSecretResolver
  /** A handler per event type; events of a type without one are skipped. */
  readonly on?: EventHandlers<E>
  /** Handles an event of a type this version does not know (kept whole in its `raw`). */
  readonly onUnknownEvent?: EventHandler<UnknownEvent>
  /**
   * Handles an event of a known type that does not match its schema (with `decode`'s default
   * `onInvalidEvent: 'keep'`).
   */
  readonly onInvalidEvent?: EventHandler<InvalidEvent>
  /**
   * Told when a handler throws or rejects, or the dedup store fails, with the event it was
   * handling; the other events still run. Default: `console.error`. If it throws in turn, that
   * goes to `console.error` too: nothing a handler does crashes the process.
   */
  readonly onError?: (error: unknown, event: E | InvalidEvent) => unknown
  /**
   * Told when the server is set up wrongly, before the request is answered with 500: a body
   * some JSON parser already parsed, a body someone else read, a `channelSecret` function that
   * failed or returned no usable secret. Default: `console.error`. Nothing a request sends
   * reaches it.
   */
  readonly onServerError?: (error: unknown) => void
  /**
   * How the verified body is decoded: the options of `decodeCallbackRequest`. `lenient: true` or
   * `acceptLegacy` (`decodeLegacyCallbackRequest` from `line-webhook/legacy`) makes the events `LenientEvent`s, and the handlers are typed for those.
   */
  readonly decode?: DecodeOptionsOf<E>
  /**
   * Skipping events delivered again, by `webhookEventId`: on by default with an in-memory store;
   * `false` turns it off.
   */
  readonly dedup?: DedupOptions | false
  /**
   * When to answer. `'before-handlers'` (the default) answers as soon as the body is verified
   * and decoded, then runs the handlers (through `waitUntil` when `webhook.fetch` is given one),
   * so that a slow handler never makes LINE time out. `'after-handlers'` runs the handlers first,
   * for platforms that freeze or throttle a function once it has answered (AWS Lambda; Cloud
   * Functions and Firebase unless CPU stays allocated).
   */
  readonly respond?: 'before-handlers' | 'after-handlers'
  /** The largest body accepted, in bytes; a larger one is answered 413. Default 1 MiB. */
  readonly maxBodyBytes?: number
  /**
   * How many requests' handlers may still be running after their answer; past it, a request's
   * handlers run before it is answered, which slows the sender down instead of growing memory.
   * Default 1000.
   */
  readonly maxPendingRequests?: number
}

/** The `decode` options that give events of type `E`: LINE's schema exactly for `Event`. */
type DecodeOptionsOf<E> = [LenientEvent] extends [E] ? DecodeOptions : StrictOptions
