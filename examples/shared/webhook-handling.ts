/**
 * What every example shares, so that each framework file is only glue: the channels and their
 * secrets, the answer a delivery gets, and handling its events after that answer. It imports
 * nothing from Node, so the Worker example uses it too.
 */
import {
  LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME,
  LINE_SIGNATURE_HTTP_HEADER_NAME,
  decodeWebhookRequest,
  formatWebhookFailure,
  type InvalidEvent,
  type LenientCallbackRequest,
  type LenientWebhookEvent,
  type UnknownEvent,
  type WebhookFailure,
} from 'line-webhook'
import { decodeLegacyCallbackRequest } from 'line-webhook/legacy'

/** An event of a type this version of line-webhook knows, that matched its schema. */
export type KnownEvent = Exclude<LenientWebhookEvent, UnknownEvent | InvalidEvent>

export interface Channel {
  /** From the LINE Developers Console; a list while you rotate it (either one verifies). */
  readonly secret: string | readonly string[]
}

export interface ChannelConfig {
  /** By channel ID, as in `POST /social/on/line/:channelId`. */
  readonly channels: Readonly<Record<string, Channel>>
  /** The channel `POST /webhook` serves. */
  readonly defaultChannel: string
}

/** The environment variables the example servers read. */
export interface LineEnv {
  /** The channel `POST /webhook` serves (default `default`), and its secret. */
  readonly LINE_CHANNEL_ID?: string | undefined
  readonly LINE_CHANNEL_SECRET?: string | undefined
  /** More channels, for `POST /social/on/line/:channelId`: `id=secret,id=secret`. */
  readonly LINE_CHANNELS?: string | undefined
}

export function channelsFromEnv(env: LineEnv): ChannelConfig {
  const channels: Record<string, Channel> = {}
  for (const pair of (env.LINE_CHANNELS ?? '').split(',')) {
    const at = pair.indexOf('=')
    if (at > 0) channels[pair.slice(0, at).trim()] = { secret: pair.slice(at + 1).trim() }
  }
  const defaultChannel = env.LINE_CHANNEL_ID ?? Object.keys(channels)[0] ?? 'default'
  if (env.LINE_CHANNEL_SECRET !== undefined) {
    channels[defaultChannel] = { secret: env.LINE_CHANNEL_SECRET }
  }
  if (Object.keys(channels).length === 0) {
    throw new Error(
      'Set LINE_CHANNEL_SECRET (and LINE_CHANNEL_ID), or LINE_CHANNELS=id=secret,...: the channel secret is under "Basic settings" in the LINE Developers Console.',
    )
  }
  return { channels, defaultChannel }
}

/** LINE's bodies are a few kilobytes; anything near this is not from LINE. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024

/** What happened, for your logs. Body values stay out of it except in the events themselves. */
export type LogEntry =
  | {
      readonly kind: 'rejected'
      readonly channelId: string
      readonly status: 400 | 401 | 404
      readonly reason: string
    }
  | { readonly kind: 'unknown-event'; readonly channelId: string; readonly event: UnknownEvent }
  | {
      readonly kind: 'invalid-event'
      readonly channelId: string
      readonly event: InvalidEvent
      readonly reason: string
    }
  | { readonly kind: 'duplicate'; readonly channelId: string; readonly webhookEventId: string }
  | {
      readonly kind: 'handler-failed'
      readonly channelId: string
      readonly event: KnownEvent
      readonly error: unknown
    }
  | {
      readonly kind: 'done'
      readonly channelId: string
      readonly received: number
      readonly handled: number
    }
  /** A bug on this side (a signed request was answered 500), e.g. a JSON parser ran first. */
  | { readonly kind: 'error'; readonly error: unknown }

export interface EventContext {
  readonly channelId: string
  /** LINE sent this event before and did not get a 200 (we never saw it, or it would be skipped). */
  readonly redelivered: boolean
}

export interface WebhookHooks {
  /** Your bot. Called once per known event, in order, after LINE has had its 200. */
  readonly onEvent: (event: KnownEvent, context: EventContext) => void | Promise<void>
  readonly log: (entry: LogEntry) => void
}

export interface ReceiverOptions extends ChannelConfig, WebhookHooks {
  /** Larger bodies are answered 413. Default {@link DEFAULT_MAX_BODY_BYTES}. */
  readonly maxBodyBytes?: number
  /** How many webhookEventIds to remember for spotting redeliveries. Default 10 000. */
  readonly rememberedEvents?: number
}

export interface ReceiveParams {
  /** From the route; `undefined` for `POST /webhook`, the default channel. */
  readonly channelId?: string | undefined
  /**
   * The raw body, exactly as it came: a string or bytes. Pass on whatever the framework holds,
   * even an object a JSON parser made of it: line-webhook refuses that with a TypeError that
   * names the fix.
   */
  readonly body: unknown
  /** A request header by its lower-case name. */
  readonly header: (name: string) => string | null | undefined
}

/** The answer for LINE, and for a 200, the events to handle once it is sent. */
export type Receipt =
  | { readonly status: 200; readonly message: 'OK'; readonly handle: () => Promise<void> }
  | { readonly status: 400 | 401 | 404; readonly message: string }

export interface WebhookReceiver {
  readonly maxBodyBytes: number
  readonly log: (entry: LogEntry) => void
  receive(params: ReceiveParams): Promise<Receipt>
}

const MISSING_SIGNATURE = {
  _tag: 'Left',
  left: { _tag: 'SignatureMismatch', reason: 'missing' },
} as const

/** The answer to a failure: never 5xx for what LINE (or anyone) sent, so LINE does not retry it. */
export function statusOf(failure: WebhookFailure): 400 | 401 {
  switch (failure._tag) {
    case 'SignatureMismatch':
      return 401
    case 'MalformedJson':
    case 'InvalidPayload':
      return 400
  }
}

/**
 * The webhookEventIds seen lately, forgetting the oldest past `capacity`. In memory, so per
 * process (per isolate on Workers): with several instances, keep them in a shared store.
 */
export class SeenEvents {
  readonly #ids = new Set<string>()

  constructor(readonly capacity: number) {}

  /** Records `id`; whether it was there already. */
  remember(id: string): boolean {
    if (this.#ids.has(id)) return true
    this.#ids.add(id)
    // A Set iterates in insertion order: the first is the oldest.
    for (const oldest of this.#ids) {
      if (this.#ids.size <= this.capacity) break
      this.#ids.delete(oldest)
    }
    return false
  }
}

export function createWebhookReceiver(options: ReceiverOptions): WebhookReceiver {
  const { defaultChannel, onEvent, log } = options
  // A Map, not the object: a path like /social/on/line/constructor must not find a channel.
  const channels = new Map(Object.entries(options.channels))
  const seen = new SeenEvents(options.rememberedEvents ?? 10_000)

  async function handle(channelId: string, { events }: LenientCallbackRequest): Promise<void> {
    let handled = 0
    for (const event of events) {
      if (event.type === undefined) {
        // Kept for a person to look at: a type LINE added since, or a known type that broke its schema.
        if (event._tag === 'UnknownEvent') log({ kind: 'unknown-event', channelId, event })
        else {
          const { issues, omittedIssues } = event
          const reason = formatWebhookFailure({ _tag: 'InvalidPayload', issues, omittedIssues })
          log({ kind: 'invalid-event', channelId, event, reason })
        }
        continue
      }
      const redelivered = event.deliveryContext?.isRedelivery === true
      const id = event.webhookEventId
      // Every ID is remembered, but only a redelivery is skipped: LINE marks them, and a
      // forwarder's sample bodies reuse IDs across different events.
      if (id !== undefined && seen.remember(id) && redelivered) {
        log({ kind: 'duplicate', channelId, webhookEventId: id })
        continue
      }
      try {
        await onEvent(event, { channelId, redelivered })
        handled++
      } catch (error) {
        log({ kind: 'handler-failed', channelId, event, error })
      }
    }
    log({ kind: 'done', channelId, received: events.length, handled })
  }

  return {
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    log,
    async receive({ channelId = defaultChannel, body, header }) {
      const channel = channels.get(channelId)
      if (channel === undefined) {
        log({ kind: 'rejected', channelId, status: 404, reason: 'unknown channel' })
        return { status: 404, message: 'unknown channel' }
      }
      // The 2016 API signed in another header, with the same HMAC.
      const signature =
        header(LINE_SIGNATURE_HTTP_HEADER_NAME) ?? header(LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME)
      const result = await decodeWebhookRequest(
        // Not a string or bytes: line-webhook rejects it with a TypeError (handled below).
        { channelSecret: channel.secret, body: body as string | Uint8Array, signature },
        { lenient: true, acceptLegacy: decodeLegacyCallbackRequest },
      ).catch((error: unknown) => {
        // The route did not get the raw body, most likely because a JSON parser ran first: a
        // bug on this side, thrown on (500, logged with the TypeError's fix) so that LINE retries
        // once it is fixed. A request with no signature is refused first, as any other unsigned one.
        if (error instanceof TypeError && (signature ?? '') === '') return MISSING_SIGNATURE
        throw error
      })
      if (result._tag === 'Left') {
        const status = statusOf(result.left)
        const reason = formatWebhookFailure(result.left)
        log({ kind: 'rejected', channelId, status, reason })
        return { status, message: reason }
      }
      return { status: 200, message: 'OK', handle: () => handle(channelId, result.right) }
    },
  }
}

/**
 * The status a framework put on its own error (413 from a body-size limit), or 500: anything
 * else thrown while receiving is a bug on this side.
 */
export function statusOfError(error: unknown): number {
  if (typeof error !== 'object' || error === null) return 500
  const { status, statusCode } = error as { status?: unknown; statusCode?: unknown }
  const found = typeof status === 'number' ? status : statusCode
  return typeof found === 'number' && found >= 400 && found < 600 ? found : 500
}
