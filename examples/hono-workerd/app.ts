import { sValidator } from '@hono/standard-validator'
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import {
  CallbackRequest,
  LINE_SIGNATURE_HTTP_HEADER_NAME,
  createWebhookHandler,
  verifySignature,
  type ChannelSecretResolver,
  type EventHandlers,
  type LenientEvent,
  type WebhookHandler,
  type WebhookEventContext,
  type WebhookHandlerOptions,
} from 'line-webhook'
import { decodeLegacyCallbackRequest } from 'line-webhook/legacy'
import { describeEvent } from '../shared/console.js'
import {
  DEFAULT_MAX_BODY_BYTES,
  channelsFromEnv,
  type ChannelConfig,
  type KnownEvent,
  type LineEnv,
} from '../shared/webhook-handling.js'

/** The Worker's bindings: `LINE_CHANNEL_SECRET` as a secret (`wrangler secret put`), the rest as vars. */
export type Env = LineEnv

/** What the app does with the events, and where its errors go: the handler's own options. */
export type AppOptions = Pick<
  WebhookHandlerOptions<LenientEvent>,
  'on' | 'onError' | 'onUnknownEvent' | 'onInvalidEvent' | 'onServerError' | 'maxBodyBytes'
>

/** The channel ID a request was sent for: `/social/on/line/:channelId`, else the default one. */
export function channelIdOf(pathname: string, config: ChannelConfig): string {
  const match = /\/social\/on\/line\/([^/]+)$/.exec(pathname)
  return match?.[1] === undefined ? config.defaultChannel : decodeURIComponent(match[1])
}

/** The bot: it prints what it got. Yours goes here, one handler per event type. */
function printEvents(config: ChannelConfig): EventHandlers<LenientEvent> {
  const print = (event: KnownEvent, { request }: WebhookEventContext): void => {
    console.log(`[${channelIdOf(request.pathname, config)}] ${describeEvent(event)}`)
  }
  return { message: print, follow: print, unfollow: print, postback: print }
}

/**
 * `POST /webhook` and `POST /social/on/line/:channelId` answered by `createWebhookHandler`, for
 * Workers and any fetch runtime; and `POST /validated/webhook`, a route of your own that checks
 * the signature, then lets `@hono/standard-validator` validate the body with `CallbackRequest`.
 */
export function createApp(options: AppOptions = {}): Hono<{ Bindings: Env }> {
  // Bindings arrive with the first request; the handler (and the IDs it remembers for
  // deduplication) then lives on with the isolate.
  let webhook: WebhookHandler | undefined
  let channels: ChannelConfig | undefined
  const configOf = (env: Env): ChannelConfig => (channels ??= channelsFromEnv(env))

  function webhookFor(env: Env): WebhookHandler {
    const config = configOf(env)
    // A Map, not the object: a path like /social/on/line/constructor must not find a channel.
    const secrets = new Map(Object.entries(config.channels).map(([id, { secret }]) => [id, secret]))
    // Chosen by the path; an unknown channel is answered 404.
    const channelSecret: ChannelSecretResolver = ({ pathname }) =>
      secrets.get(channelIdOf(pathname, config))
    return (webhook ??= createWebhookHandler({
      on: printEvents(config),
      ...options,
      channelSecret,
      // Forwarded and historical bodies too: the lenient profile, and the 2016 format.
      decode: { lenient: true, acceptLegacy: decodeLegacyCallbackRequest },
    }))
  }

  const app = new Hono<{ Bindings: Env }>()

  // The raw request, unread: the handler reads the body itself, with its size limit, and
  // verifies the exact bytes LINE signed. Handlers run after the answer, kept alive by waitUntil.
  const receive = (c: Context<{ Bindings: Env }>) =>
    webhookFor(c.env).fetch(c.req.raw, {
      waitUntil: (promise) => {
        c.executionCtx.waitUntil(promise)
      },
    })
  app.post('/webhook', receive)
  app.post('/social/on/line/:channelId', receive)

  // Standard Schema, behind the signature: nothing is validated (or parsed) before it verifies.
  app.post(
    '/validated/webhook',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      onError: (c) => c.text('Payload Too Large', 413),
    }),
    verifiedSignature(configOf),
    // Its issues name paths and kinds, never body values; the default answer would echo the body.
    sValidator('json', CallbackRequest, (result, c) =>
      result.success ? undefined : c.json({ issues: result.error }, 400),
    ),
    (c) => {
      const body = c.req.valid('json') // a CallbackRequest
      return c.json({ destination: body.destination, events: body.events.map(typeOf) })
    },
  )
  app.onError((error, c) => {
    console.error('answered 500:', error)
    return c.text('Internal Server Error', 500)
  })
  return app
}

const typeOf = (event: CallbackRequest['events'][number]): string => event.type ?? event._tag

/**
 * Answers 401 unless `x-line-signature` verifies the raw body with the default channel's secret.
 * Hono keeps the bytes it read, so the validator after it parses the body that was verified.
 */
function verifiedSignature(configOf: (env: Env) => ChannelConfig) {
  return createMiddleware<{ Bindings: Env }>(async (c, next) => {
    const config = configOf(c.env)
    const secret = config.channels[config.defaultChannel]?.secret
    const body = new Uint8Array(await c.req.arrayBuffer())
    const signature = c.req.header(LINE_SIGNATURE_HTTP_HEADER_NAME)
    if (
      secret === undefined ||
      !(await verifySignature({ channelSecret: secret, body, signature }))
    ) {
      return c.text('Unauthorized: the signature does not match', 401)
    }
    return next()
  })
}
