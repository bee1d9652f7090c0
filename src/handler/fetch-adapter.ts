import type { Answer } from './answer.js'
import { ChunkCollector, tooLarge, unreadable, type BodyRead } from './read-body.js'
import type { IncomingWebhook } from './receive.js'

/**
 * What `webhook.fetch` may be given besides the request: the platform's `waitUntil`, which keeps
 * the function alive until the handlers it was given have settled (Cloudflare Workers' `ctx`,
 * Vercel's `waitUntil`).
 *
 * @example
 * ```ts
 * import { createWebhookHandler, type FetchContext } from 'line-webhook'
 *
 * const webhook = createWebhookHandler({ channelSecret: 'secret' })
 * export default {
 *   fetch: (request: Request, env: unknown, ctx: FetchContext) => webhook.fetch(request, ctx),
 * }
 * const response = await webhook.fetch(new Request('https://bot.example/webhook'), { waitUntil: () => {} })
 * console.log(response.status) // => 405
 * ```
 *
 * @since 0.2.0
 * @category Handler
 */
export interface FetchContext {
  /** Keeps the runtime alive until `promise` settles; it never rejects. */
  readonly waitUntil?: (promise: Promise<unknown>) => void
}

/**
 * The part of a fetch `Request` that `webhook.fetch` uses: declared here so that this package's
 * types need neither the DOM library nor a runtime's own. Every runtime's `Request` is one.
 *
 * @example
 * ```ts
 * import { createWebhookHandler, type FetchRequestLike } from 'line-webhook'
 *
 * const webhook = createWebhookHandler({ channelSecret: 'secret' })
 * const request: FetchRequestLike = new Request('https://bot.example/webhook', { method: 'PUT' })
 * console.log((await webhook.fetch(request)).status) // => 405
 * ```
 *
 * @since 0.2.0
 * @category Handler
 */
export interface FetchRequestLike {
  readonly method: string
  readonly url: string
  readonly headers: { get(name: string): string | null }
  readonly bodyUsed: boolean
  readonly body: {
    getReader(): {
      read(): Promise<
        | { readonly done: false; readonly value: Uint8Array }
        | { readonly done: true; readonly value?: Uint8Array | undefined }
      >
      cancel(): Promise<void>
    }
  } | null
}

/** The part of a fetch `Response` a runtime without declared fetch types is told about. */
export interface FetchResponseLike {
  readonly status: number
  readonly headers: { get(name: string): string | null }
  text(): Promise<string>
}

/**
 * The runtime's own `Response` type wherever its types declare one (the DOM library, Node,
 * Workers, Bun, Deno), so that `webhook.fetch` fits route handlers that must return one; else the
 * part of it described by {@link FetchResponseLike}. At run time it is always the global `Response`.
 */
export type FetchResponse = typeof globalThis extends {
  readonly Response: { readonly prototype: infer R }
}
  ? R
  : FetchResponseLike

/** A fetch `Request` as the handler reads it. */
export function incomingFromRequest(request: FetchRequestLike): IncomingWebhook {
  const { headers } = request
  return {
    method: request.method,
    url: request.url,
    header: (name) => headers.get(name) ?? undefined,
    readBody: (maxBytes) => readRequestBody(request, maxBytes),
  }
}

async function readRequestBody(request: FetchRequestLike, maxBytes: number): Promise<BodyRead> {
  if (request.bodyUsed) {
    return {
      _tag: 'Misconfigured',
      error: new TypeError(
        'line-webhook: the request body was already read before webhook.fetch: pass the request before reading it (e.g. `await request.text()` or a framework body parser), or pass `request.clone()`. The signature covers the exact bytes LINE sent.',
      ),
    }
  }
  const reader = request.body?.getReader()
  const collector = new ChunkCollector(maxBytes)
  if (reader === undefined) return collector.body()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return collector.body()
      if (!collector.add(value)) {
        // Stop at the limit: what is still coming is not read.
        reader.cancel().catch(ignore)
        return tooLarge
      }
    }
  } catch {
    return unreadable
  }
}

const ignore = () => undefined

/** An answer as a fetch `Response`. */
export function responseOf(answer: Answer): FetchResponse {
  return new Response(answer.text, {
    status: answer.status,
    headers: { 'content-type': 'text/plain; charset=utf-8', ...answer.headers },
  })
}
