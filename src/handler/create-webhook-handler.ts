import type { LenientEvent } from '../codecs/lenient.js'
import {
  legacyDecoder,
  type AcceptLegacyOptions,
  type DecodeOptions,
  type LenientOptions,
} from '../decode.js'
import { answers, type Answer } from './answer.js'
import { dispatch, type DispatchSettings } from './dispatch.js'
import {
  incomingFromRequest,
  responseOf,
  type FetchContext,
  type FetchRequestLike,
  type FetchResponse,
} from './fetch-adapter.js'
import { createMemoryDedupStore } from './memory-dedup-store.js'
import {
  incomingFromNode,
  writeAnswer,
  type NodeRequestLike,
  type NodeResponseLike,
} from './node-adapter.js'
import type { ChannelSecretResolver, WebhookHandlerOptions } from './options.js'
import { receive, requireSecrets, type IncomingWebhook, type ReceiveSettings } from './receive.js'

/**
 * A webhook endpoint, for any server: `fetch` for fetch-style runtimes, `node` for `node:http`
 * and the frameworks on it, and `drain` for tests and graceful shutdown. Its functions need no
 * `this`: pass them on as they are.
 *
 * @example
 * ```ts
 * import { createWebhookHandler, type WebhookHandler } from 'line-webhook'
 *
 * const webhook: WebhookHandler = createWebhookHandler({ channelSecret: 'secret' })
 * const { fetch } = webhook
 * const response = await fetch(new Request('https://bot.example/webhook', { method: 'POST', body: '{}' }))
 * console.log([response.status, await response.text()]) // => [401, "Unauthorized: the signature does not match"]
 * ```
 *
 * @since 0.2.0
 * @category Handler
 */
export interface WebhookHandler {
  /**
   * Answers a fetch `Request` (Workers, Deno, Bun, Hono, Next.js route handlers). Never rejects
   * for anything the request holds. Handlers run after the answer, through `context.waitUntil`
   * when given one.
   */
  readonly fetch: (request: FetchRequestLike, context?: FetchContext) => Promise<FetchResponse>
  /**
   * Answers a `node:http` request: `node:http`, Express, and the frameworks built on it (a
   * framework that answers by itself must be told not to, e.g. Koa's `ctx.respond = false`).
   * Resolves once the answer is written (with `respond: 'after-handlers'`, once the handlers have
   * run too); never rejects.
   */
  readonly node: (req: NodeRequestLike, res: NodeResponseLike) => Promise<void>
  /**
   * Resolves once every handler running now, or started while waiting, has settled.
   */
  readonly drain: () => Promise<void>
}

const DEFAULT_MAX_BODY_BYTES = 1_048_576 // 1 MiB, a literal: esbuild keeps an unused `1024 * 1024`
const DEFAULT_TTL_MS = 86_400_000 // 24 hours, a literal as above
const DEFAULT_MAX_PENDING_REQUESTS = 1000

/**
 * Builds a webhook endpoint: it verifies each request's signature over the exact bytes, decodes
 * the body, answers, and then runs your handler for each event in body order, skipping events
 * LINE delivers again. 200 once verified and decoded (the console's Verify request too, which
 * runs no handler); 401 for a wrong signature; 400 for a body that is not a webhook body; 413 for
 * one over `maxBodyBytes`; 405 for a method other than POST; 404 when a `channelSecret` function
 * serves no channel there. Nothing a request sends makes it answer 5xx: 500 means the server is
 * set up wrongly (`onServerError` says how).
 *
 * @throws `TypeError` at once for an empty channel secret or list, or a limit that is not a
 * positive integer.
 *
 * @example
 * ```ts
 * import { createSignature, createWebhookHandler } from 'line-webhook'
 *
 * const channelSecret = 'secret'
 * const webhook = createWebhookHandler({
 *   channelSecret,
 *   on: {
 *     message: async (event) => {
 *       if (event.message.type === 'text') console.log(event.message.text) // => "Hello"
 *     },
 *   },
 * })
 *
 * const body = JSON.stringify({ destination: 'U0', events: [{ type: 'message', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false }, replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA', message: { type: 'text', id: '468789577898262530', quoteToken: 'q3Plxr4AgKd', text: 'Hello' } }] })
 * const headers = { 'x-line-signature': await createSignature({ channelSecret, body }) }
 * const response = await webhook.fetch(new Request('https://bot.example/webhook', { method: 'POST', body, headers }))
 * console.log(response.status) // => 200
 * await webhook.drain() // the handler ran after the answer
 * ```
 *
 * @since 0.2.0
 * @category Handler
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler
export function createWebhookHandler(
  // Two signatures, not one of a union: a union would not type the handlers by `decode`.
  // eslint-disable-next-line @typescript-eslint/unified-signatures
  options: WebhookHandlerOptions<LenientEvent> & {
    readonly decode: LenientOptions | AcceptLegacyOptions
  },
): WebhookHandler
// Typed for no event in particular: each handler is called with the event its `type` chose.
export function createWebhookHandler(
  options: Omit<WebhookHandlerOptions<never>, 'decode'> & { readonly decode?: DecodeOptions },
): WebhookHandler {
  legacyDecoder(options.decode?.acceptLegacy) // misuse (`acceptLegacy: true`) throws now, not per request
  const receiveSettings: ReceiveSettings = {
    channelSecret: secretResolver(options.channelSecret),
    maxBodyBytes: positiveInteger('maxBodyBytes', options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES),
    decode: options.decode,
    onServerError: options.onServerError ?? logServerError,
  }
  const maxPendingRequests = positiveInteger(
    'maxPendingRequests',
    options.maxPendingRequests,
    DEFAULT_MAX_PENDING_REQUESTS,
  )
  const dispatchSettings: DispatchSettings = {
    on: options.on ?? {},
    onUnknownEvent: options.onUnknownEvent,
    onInvalidEvent: options.onInvalidEvent,
    onError: options.onError ?? logHandlerError,
    dedup:
      options.dedup === false
        ? undefined
        : {
            store: options.dedup?.store ?? createMemoryDedupStore(),
            ttlMs: options.dedup?.ttlMs ?? DEFAULT_TTL_MS,
          },
  }
  const answerFirst = options.respond !== 'after-handlers'
  // Handlers still running, for drain() and for the bound on how many may run after answering.
  const running = new Set<Promise<void>>()

  function track(run: Promise<void>): Promise<void> {
    running.add(run)
    void run.then(() => running.delete(run))
    return run
  }

  /**
   * The answer to a request and, when its events are to run after it, their handling: started
   * by the adapter once the answer is on its way.
   */
  async function handle(incoming: IncomingWebhook): Promise<Handled> {
    const received = await receive(incoming, receiveSettings)
    if (received._tag === 'Answered') return { answer: received.answer }
    const { events, context } = received
    // The console's Verify request: nothing to run.
    if (events.length === 0) return { answer: answers.ok }
    if (!answerFirst || running.size >= maxPendingRequests) {
      await track(dispatch(events, context, dispatchSettings))
      return { answer: answers.ok }
    }
    return { answer: answers.ok, handling: () => dispatch(events, context, dispatchSettings) }
  }

  return {
    fetch: async (request, context) => {
      const { answer, handling } = await handle(incomingFromRequest(request))
      if (handling !== undefined) {
        // The platform sends the response once this returns: a macrotask later, it is on its way.
        const run = track(nextTask().then(handling))
        // Called on its context: Cloudflare's ctx.waitUntil throws "Illegal invocation" unbound.
        context?.waitUntil?.(run)
      }
      return responseOf(answer)
    },
    node: async (req, res) => {
      const { answer, handling } = await handle(incomingFromNode(req))
      // res.end hands the answer to the socket before it returns: the handlers can start at once,
      // with no timer per request.
      writeAnswer(res, answer)
      if (handling !== undefined) void track(handling())
    },
    drain: async () => {
      while (running.size > 0) await Promise.all(running)
    },
  }
}

/** What a request is answered, and the handling of its events if that comes after the answer. */
interface Handled {
  readonly answer: Answer
  readonly handling?: () => Promise<void>
}

function secretResolver(
  channelSecret: string | readonly string[] | ChannelSecretResolver,
): ChannelSecretResolver {
  if (typeof channelSecret === 'function') return channelSecret
  // Checked now, so a missing secret fails at start-up rather than at the first request.
  const secrets = requireSecrets(channelSecret) ?? requireSecrets(null)
  return () => secrets
}

function positiveInteger(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback
  if (Number.isSafeInteger(value) && value > 0) return value
  throw new TypeError(`line-webhook: ${name} must be a positive integer, got ${String(value)}.`)
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

function logServerError(error: unknown): void {
  console.error('line-webhook: answered 500, the server is set up wrongly:', error)
}

function logHandlerError(error: unknown, event: { readonly type?: string | undefined }): void {
  console.error(`line-webhook: handling a ${event.type ?? 'fallback'} event failed:`, error)
}
