/**
 * The webhook every recipe serves: line-webhook's `createWebhookHandler`, set up once for the
 * examples' channels, so that each framework file is only the few lines that hand it a request.
 * It imports nothing from Node, so fetch-style runtimes use it too.
 */
import {
  createWebhookHandler,
  formatWebhookFailure,
  type EventHandlers,
  type LenientEvent,
  type WebhookEventContext,
  type WebhookHandler,
} from 'line-webhook'
import { decodeLegacyCallbackRequest } from 'line-webhook/legacy'
import type { ChannelConfig, KnownEvent, WebhookHooks } from './webhook-handling.js'

export interface LineWebhookOptions extends ChannelConfig, WebhookHooks {
  /** Larger bodies are answered 413. Default 1 MiB. */
  readonly maxBodyBytes?: number
  /**
   * `'after-handlers'` on platforms that freeze a function once it has answered (AWS Lambda).
   * Default `'before-handlers'`: LINE has its 200 before the bot starts.
   */
  readonly respond?: 'before-handlers' | 'after-handlers'
}

/** Every event type line-webhook knows: each goes to the one `onEvent`. */
const EVENT_TYPES = [
  'message',
  'unsend',
  'follow',
  'unfollow',
  'join',
  'leave',
  'memberJoined',
  'memberLeft',
  'postback',
  'videoPlayComplete',
  'beacon',
  'accountLink',
  'membership',
  'module',
  'activated',
  'deactivated',
  'botSuspended',
  'botResumed',
  'delivery',
  'messageEdited',
] as const satisfies readonly KnownEvent['type'][]

/**
 * The channel a path serves: the one in `/social/on/line/:channelId`, or for any other path
 * (`/webhook`, `/api/line`, a function's URL) the default one.
 */
export function channelIdOf(pathname: string, { defaultChannel }: ChannelConfig): string {
  return /\/social\/on\/line\/([^/]+)\/?$/.exec(pathname)?.[1] ?? defaultChannel
}

export function createLineWebhook(options: LineWebhookOptions): WebhookHandler {
  const { onEvent, log } = options
  // A Map, not the object: a path like /social/on/line/constructor must not find a channel.
  const channels = new Map(Object.entries(options.channels))
  const channelOf = (context: WebhookEventContext) => channelIdOf(context.request.pathname, options)

  const toBot = async (event: KnownEvent, context: WebhookEventContext) => {
    const channelId = channelOf(context)
    try {
      await onEvent(event, { channelId, redelivered: event.deliveryContext?.isRedelivery === true })
    } catch (error) {
      // Logged here, where the channel is known; the next event still runs.
      log({ kind: 'handler-failed', channelId, event, error })
    }
  }
  const on: EventHandlers<LenientEvent> = Object.fromEntries(
    EVENT_TYPES.map((type) => [type, toBot]),
  )

  return createWebhookHandler({
    // An unknown channel gets a 404; verification itself is never skipped.
    channelSecret: (request) => channels.get(channelIdOf(request.pathname, options))?.secret,
    // The vendors' variants, and the 2016 format signed in x-line-channelsignature.
    decode: { lenient: true, acceptLegacy: decodeLegacyCallbackRequest },
    on,
    onUnknownEvent: (event, context) => {
      log({ kind: 'unknown-event', channelId: channelOf(context), event })
    },
    onInvalidEvent: (event, context) => {
      const { issues, omittedIssues } = event
      const reason = formatWebhookFailure({ _tag: 'InvalidPayload', issues, omittedIssues })
      log({ kind: 'invalid-event', channelId: channelOf(context), event, reason })
    },
    // What else fails after the answer: the dedup store (the event then runs, in case it is new).
    onError: (error) => {
      log({ kind: 'error', error })
    },
    onServerError: (error) => {
      log({ kind: 'error', error })
    },
    ...(options.maxBodyBytes === undefined ? {} : { maxBodyBytes: options.maxBodyBytes }),
    ...(options.respond === undefined ? {} : { respond: options.respond }),
  })
}
