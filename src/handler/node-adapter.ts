import type { Answer } from './answer.js'
import {
  ChunkCollector,
  bodyOf,
  isUint8Array,
  tooLarge,
  unreadable,
  type BodyRead,
} from './read-body.js'
import type { IncomingWebhook } from './receive.js'

/**
 * The part of a `node:http` `IncomingMessage` that `webhook.node` uses, so that this package's
 * types need no `@types/node` and its web build imports nothing from `node:`. Express, Koa's
 * `ctx.req`, Fastify's `request.raw`, NestJS, Firebase and Cloud Functions requests are all one.
 *
 * @example
 * ```ts
 * import { createServer, type IncomingMessage } from 'node:http'
 * import { createWebhookHandler, type NodeRequestLike } from 'line-webhook'
 *
 * const webhook = createWebhookHandler({ channelSecret: 'secret' })
 * const server = createServer((req: IncomingMessage, res) => {
 *   const request: NodeRequestLike = req
 *   void webhook.node(request, res)
 * })
 * console.log(server.listening) // => false
 * ```
 *
 * @since 0.2.0
 * @category Handler
 */
export interface NodeRequestLike {
  readonly method?: string | undefined
  readonly url?: string | undefined
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>
  /**
   * The raw body a platform has read already: Firebase and Cloud Functions, NestJS with
   * `rawBody: true`. Used instead of the stream when it is a `Uint8Array` (a `Buffer`) or string.
   */
  readonly rawBody?: unknown
  /**
   * The body a parser has read: a `Uint8Array` (a `Buffer`) or string from a raw or text parser
   * is used; an object means a JSON parser ran, which is answered 500 and logged with the fix.
   */
  readonly body?: unknown
  /** Whether the stream was read to its end already. */
  readonly readableEnded?: boolean
  on(event: 'data', listener: (chunk: Uint8Array | string) => void): unknown
  on(event: 'end' | 'close', listener: () => void): unknown
  on(event: 'error', listener: (error: unknown) => void): unknown
  removeListener(event: 'data', listener: (chunk: Uint8Array | string) => void): unknown
  /** Lets the rest of a body over the limit flow by unread. */
  resume(): unknown
}

/**
 * The part of a `node:http` `ServerResponse` that `webhook.node` uses.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http'
 * import { createWebhookHandler, type NodeResponseLike } from 'line-webhook'
 *
 * const webhook = createWebhookHandler({ channelSecret: 'secret' })
 * const server = createServer((req, res) => {
 *   const response: NodeResponseLike = res
 *   void webhook.node(req, response)
 * })
 * console.log(server.listening) // => false
 * ```
 *
 * @since 0.2.0
 * @category Handler
 */
export interface NodeResponseLike {
  /** `true` once something else answered: then `webhook.node` writes nothing. */
  readonly headersSent?: boolean
  writeHead(statusCode: number, headers: Readonly<Record<string, string>>): unknown
  end(text: string): unknown
}

/** A `node:http` request as the handler reads it. */
export function incomingFromNode(req: NodeRequestLike): IncomingWebhook {
  const { headers } = req
  return {
    method: req.method ?? '',
    url: req.url ?? '',
    header: (name) => {
      const value = headers[name.toLowerCase()]
      return typeof value === 'string' || value === undefined ? value : value.join(', ')
    },
    readBody: (maxBytes) => readNodeBody(req, maxBytes),
  }
}

const JSON_PARSED =
  'line-webhook: req.body is already a parsed object: a JSON body parser ran before webhook.node, and the signature covers the exact bytes LINE sent, which re-serialised JSON differs from. ' +
  "Mount the webhook before the JSON parser, or keep the raw body on this route: express.raw({ type: '*/*' }), NestJS's rawBody: true (req.rawBody), Firebase's req.rawBody."

const ALREADY_READ =
  'line-webhook: the request stream was read to its end before webhook.node, and no raw body was kept (req.rawBody, or a Buffer or string req.body). ' +
  'Mount the webhook before the body parser, or keep the raw body on this route.'

function readNodeBody(req: NodeRequestLike, maxBytes: number): Promise<BodyRead> {
  const { rawBody, body } = req
  for (const read of [rawBody, body]) {
    if (typeof read === 'string' || isUint8Array(read))
      return Promise.resolve(bodyOf(read, maxBytes))
  }
  if (typeof body === 'object' && body !== null) return misconfigured(JSON_PARSED)
  if (req.readableEnded === true) return misconfigured(ALREADY_READ)
  return readStream(req, maxBytes)
}

function misconfigured(message: string): Promise<BodyRead> {
  return Promise.resolve({ _tag: 'Misconfigured', error: new TypeError(message) })
}

/** Reads the stream up to `maxBytes`; past it, stops collecting and lets the rest flow by. */
function readStream(req: NodeRequestLike, maxBytes: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const collector = new ChunkCollector(maxBytes)
    // The first outcome wins. The other listeners stay: an 'error' with no listener would crash
    // the process.
    const finish = (read: BodyRead) => {
      req.removeListener('data', onData)
      resolve(read)
    }
    const onData = (chunk: Uint8Array | string) => {
      if (collector.add(chunk)) return
      finish(tooLarge)
      // Drained, not destroyed: the 413 can still be written on this connection.
      req.resume()
    }
    const onEnd = () => {
      finish(collector.body())
    }
    // 'close' before 'end': the client went away mid-body.
    const onError = () => {
      finish(unreadable)
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
    req.on('close', onError)
  })
}

/** Writes an answer, unless something else already did. */
export function writeAnswer(res: NodeResponseLike, answer: Answer): void {
  if (res.headersSent === true) return
  res.writeHead(answer.status, {
    'content-type': 'text/plain; charset=utf-8',
    ...answer.headers,
    // A body over the limit was not read: this connection cannot carry another request.
    ...(answer.status === 413 ? { connection: 'close' } : {}),
  })
  res.end(answer.text)
}
