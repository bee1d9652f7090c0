import type { Event } from '../codecs/event.js'
import type { WebhookRequest } from './webhook-request.js'

/**
 * What a handler learns besides its event: the request it came with, and which secret verified
 * it.
 *
 * @example
 * ```ts
 * import { createSignature, createWebhookHandler, type WebhookEventContext } from 'line-webhook'
 *
 * const contexts: WebhookEventContext[] = []
 * const webhook = createWebhookHandler({
 *   channelSecret: ['new secret', 'old secret'],
 *   on: { unfollow: (event, context) => void contexts.push(context) },
 * })
 * const body = JSON.stringify({ destination: 'U0', events: [{ type: 'unfollow', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false } }] })
 * const signature = await createSignature({ channelSecret: 'old secret', body })
 * await webhook.fetch(new Request('https://bot.example/webhook', { method: 'POST', body, headers: { 'x-line-signature': signature } }))
 * await webhook.drain()
 * // Still signed with the old secret: not yet time to retire it.
 * console.log(contexts.map((context) => context.secretIndex)) // => [1]
 * console.log(contexts[0]?.request.destination) // => "U0"
 * ```
 *
 * @since 0.2.0
 * @category Handler
 */
export interface WebhookEventContext {
  /** The request the event came in; its body has been verified. */
  readonly request: WebhookRequest
  /**
   * The index of the secret that verified the body in the list of candidates (0 for a single
   * secret): while rotating, an old secret can go once nothing is verified by it any more.
   */
  readonly secretIndex: number
  /**
   * The header the signature came in, lower-case: `x-line-signature`, or
   * `x-line-channelsignature` for a 2016 body with `acceptLegacy`.
   */
  readonly signatureHeader: string
}

/**
 * A function that handles one kind of event. It may return a promise; a handler that throws or
 * rejects is reported to `onError`, and the events after it still run.
 *
 * @example
 * ```ts
 * import type { EventHandler, MessageEvent } from 'line-webhook'
 *
 * const onMessage: EventHandler<MessageEvent> = async (event, context) => {
 *   if (event.message.type === 'text') await reply(event.replyToken, event.message.text)
 * }
 * declare function reply(token: string | undefined, text: string): Promise<void>
 * console.log(typeof onMessage) // => "function"
 * ```
 *
 * @since 0.2.0
 * @category Handler
 */
export type EventHandler<E> = (event: E, context: WebhookEventContext) => unknown

/** What `Event` and `LenientEvent` have in common: a `type`, or none for the fallback. */
export interface AnyEvent {
  readonly type?: string | undefined
}

/** The event of `type` in the union `E`. */
type Of<E, Type extends string> = Extract<E, { readonly type: Type }>

/**
 * A handler for each of the 20 event types LINE documents, each given its own event type:
 * `message` receives a `MessageEvent`. `E` is `Event`, or `LenientEvent` with the lenient
 * profile or `acceptLegacy`.
 *
 * @example
 * ```ts
 * import { createWebhookHandler, type EventHandlers } from 'line-webhook'
 *
 * const on: EventHandlers = {
 *   message: (event) => console.info(event.message.type),
 *   follow: (event) => console.info(event.follow.isUnblocked ? 'unblocked' : 'new friend'),
 * }
 * const webhook = createWebhookHandler({ channelSecret: 'secret', on })
 * console.log(typeof webhook.node) // => "function"
 * ```
 *
 * @since 0.2.0
 * @category Handler
 */
export interface EventHandlers<E extends AnyEvent = Event> {
  /** A user sent a message. */
  readonly message?: EventHandler<Of<E, 'message'>>
  /** A user unsent a message. */
  readonly unsend?: EventHandler<Of<E, 'unsend'>>
  /** The account was added as a friend or unblocked. */
  readonly follow?: EventHandler<Of<E, 'follow'>>
  /** The account was blocked. */
  readonly unfollow?: EventHandler<Of<E, 'unfollow'>>
  /** The account joined a group or room. */
  readonly join?: EventHandler<Of<E, 'join'>>
  /** The account left a group, or was removed. */
  readonly leave?: EventHandler<Of<E, 'leave'>>
  /** Users joined a group or room the account is in. */
  readonly memberJoined?: EventHandler<Of<E, 'memberJoined'>>
  /** Users left a group or room the account is in. */
  readonly memberLeft?: EventHandler<Of<E, 'memberLeft'>>
  /** A user chose a postback action. */
  readonly postback?: EventHandler<Of<E, 'postback'>>
  /** A user watched a video to its end. */
  readonly videoPlayComplete?: EventHandler<Of<E, 'videoPlayComplete'>>
  /** A user came near a LINE Beacon. */
  readonly beacon?: EventHandler<Of<E, 'beacon'>>
  /** A user linked an account, or failed to. */
  readonly accountLink?: EventHandler<Of<E, 'accountLink'>>
  /** A user joined, left or renewed a membership. */
  readonly membership?: EventHandler<Of<E, 'membership'>>
  /** A module channel was attached or detached. */
  readonly module?: EventHandler<Of<E, 'module'>>
  /** The module channel got chat control. */
  readonly activated?: EventHandler<Of<E, 'activated'>>
  /** The module channel lost chat control. */
  readonly deactivated?: EventHandler<Of<E, 'deactivated'>>
  /** The account was suspended. */
  readonly botSuspended?: EventHandler<Of<E, 'botSuspended'>>
  /** The account was resumed. */
  readonly botResumed?: EventHandler<Of<E, 'botResumed'>>
  /** A LINE notification message (PNP) was delivered. */
  readonly delivery?: EventHandler<Of<E, 'delivery'>>
  /** A user edited a message. */
  readonly messageEdited?: EventHandler<Of<E, 'messageEdited'>>
}
