import type { DedupStore } from './dedup-store.js'

/**
 * The one method a node-redis client (`createClient()` of the `redis` package, v4 to v6, or
 * `createCluster()`) is used for, and `isOpen`, which tells it from an ioredis client.
 *
 * @example
 * ```ts
 * import type { NodeRedisClient } from 'line-webhook'
 *
 * // With node-redis: `const client: NodeRedisClient = await createClient({ url }).connect()`.
 * const client: NodeRedisClient = { isOpen: true, set: () => Promise.resolve('OK') }
 * console.log(await client.set('key', '1', { NX: true, PX: 1000 })) // => "OK"
 * ```
 *
 * @since 0.2.0
 * @category Handler
 */
export interface NodeRedisClient {
  /** Whether the client is connected or connecting; only its presence is read. */
  readonly isOpen: boolean
  /** `SET key value NX PX milliseconds`: `'OK'` when set, `null` when the key exists. */
  set(
    key: string,
    value: string,
    options: { readonly NX: true; readonly PX: number },
  ): PromiseLike<unknown>
}

/**
 * The one method an ioredis client (`new Redis()` or `new Redis.Cluster()` of the `ioredis`
 * package, v5 or v6) is used for.
 *
 * @example
 * ```ts
 * import type { IoRedisClient } from 'line-webhook'
 *
 * // With ioredis: `const client: IoRedisClient = new Redis(url)`.
 * const client: IoRedisClient = { set: () => Promise.resolve('OK') }
 * console.log(await client.set('key', '1', 'PX', 1000, 'NX')) // => "OK"
 * ```
 *
 * @since 0.2.0
 * @category Handler
 */
export interface IoRedisClient {
  /** `SET key value PX milliseconds NX`: `'OK'` when set, `null` when the key exists. */
  set(key: string, value: string, px: 'PX', milliseconds: number, nx: 'NX'): PromiseLike<unknown>
}

/**
 * What {@link createRedisDedupStore} is given.
 *
 * @example
 * ```ts
 * import type { RedisDedupStoreOptions } from 'line-webhook'
 *
 * const options: RedisDedupStoreOptions = {
 *   client: { set: () => Promise.resolve('OK') }, // your ioredis or node-redis client
 *   keyPrefix: 'bot-a:line:seen:',
 *   timeoutMs: 500,
 * }
 * console.log(options.keyPrefix) // => "bot-a:line:seen:"
 * ```
 *
 * @since 0.2.0
 * @category Handler
 */
export interface RedisDedupStoreOptions {
  /**
   * A connected node-redis or ioredis client (or cluster), shared with the rest of your app if
   * you like: the store sends one `SET` per event and never connects, closes or subscribes.
   */
  readonly client: NodeRedisClient | IoRedisClient
  /**
   * Put before each `webhookEventId` to make the key. Default `line-webhook:dedup:`; give each
   * bot its own when several share one Redis and might see the same event.
   */
  readonly keyPrefix?: string
  /**
   * How long a claim may take, in milliseconds, before it counts as failed and the event is
   * handled anyway. Default 1000. A client waiting to reconnect holds commands back, without it
   * for good: the events behind would wait too, however long Redis stays away.
   */
  readonly timeoutMs?: number
}

const DEFAULT_KEY_PREFIX = 'line-webhook:dedup:'
const DEFAULT_TIMEOUT_MS = 1000

/**
 * A {@link DedupStore} in Redis, so that every instance of a service skips an event any of them
 * has handled: one `SET prefix+webhookEventId 1 NX PX ttlMs` per event, which Redis runs
 * atomically, so two instances given the same event at once claim it once. Works with a
 * node-redis client (the `redis` package) or an ioredis client, taken as they are: this package
 * depends on neither.
 *
 * When Redis fails (down, unreachable, slower than `timeoutMs`, an unexpected reply) the claim
 * rejects with an `Error` whose `cause` is the client's error; `createWebhookHandler` reports it
 * to `onError` with the event and handles the event: a possible duplicate rather than a lost
 * event. Nothing of that reaches the HTTP answer, which never becomes a 5xx.
 *
 * @throws `TypeError` when `client` has no `set` method, or `timeoutMs` is not a positive integer.
 *
 * @example
 * ```ts
 * import { createRedisDedupStore, createWebhookHandler, type NodeRedisClient } from 'line-webhook'
 *
 * // In your app: `const client = await createClient({ url: process.env.REDIS_URL }).connect()`
 * // (node-redis) or `const client = new Redis(process.env.REDIS_URL)` (ioredis). Here, a
 * // stand-in that keeps keys in a Map:
 * const keys = new Map<string, string>()
 * const client: NodeRedisClient = {
 *   isOpen: true,
 *   set: async (key, value) => (keys.has(key) ? null : (keys.set(key, value), 'OK')),
 * }
 *
 * const store = createRedisDedupStore({ client, keyPrefix: 'my-bot:seen:' })
 * console.log(await store.claim('01FZ74A0TDDPYRVKNK77XKC3ZR', 86_400_000)) // => true
 * console.log(await store.claim('01FZ74A0TDDPYRVKNK77XKC3ZR', 86_400_000)) // => false
 * console.log([...keys.keys()]) // => ["my-bot:seen:01FZ74A0TDDPYRVKNK77XKC3ZR"]
 *
 * const webhook = createWebhookHandler({ channelSecret: 'secret', dedup: { store } })
 * console.log(typeof webhook.node) // => "function"
 * ```
 *
 * @since 0.2.0
 * @category Handler
 */
export function createRedisDedupStore(options: RedisDedupStoreOptions): DedupStore {
  const { client, keyPrefix = DEFAULT_KEY_PREFIX, timeoutMs = DEFAULT_TIMEOUT_MS } = options
  const candidate: unknown = client
  if (
    typeof candidate !== 'object' ||
    candidate === null ||
    typeof (candidate as { set?: unknown }).set !== 'function'
  ) {
    throw new TypeError(
      'line-webhook: createRedisDedupStore needs a node-redis or ioredis client as `client`, ' +
        `got ${candidate === null ? 'null' : typeof candidate} without a set method.`,
    )
  }
  if (!Number.isSafeInteger(timeoutMs) || timeoutMs < 1) {
    throw new TypeError(
      `line-webhook: timeoutMs must be a positive integer, got ${String(timeoutMs)}.`,
    )
  }
  // node-redis takes SET's options as an object, ioredis as arguments; only node-redis has isOpen.
  const set =
    'isOpen' in client
      ? (key: string, ttlMs: number) => client.set(key, '1', { NX: true, PX: ttlMs })
      : (key: string, ttlMs: number) => client.set(key, '1', 'PX', ttlMs, 'NX')
  return {
    // A client that throws instead of rejecting still makes a rejection, never a throw.
    claim: (key, ttlMs) =>
      withTimeout(
        new Promise((resolve) => {
          resolve(set(keyPrefix + key, ttlMs))
        }),
        timeoutMs,
      ).then(claimed),
  }
}

/** `OK`: the key was free and is ours now; `null`: someone holds it. */
function claimed(reply: unknown): boolean {
  // A client set to return buffers answers OK as bytes.
  const text = reply instanceof Uint8Array ? new TextDecoder().decode(reply) : reply
  if (text === 'OK') return true
  if (text === null) return false
  throw new Error(
    `line-webhook: Redis answered SET … NX PX with ${typeof text}, not "OK" or null; is the client a node-redis or ioredis client?`,
  )
}

function withTimeout(reply: Promise<unknown>, timeoutMs: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`line-webhook: Redis did not answer a dedup claim within ${timeoutMs} ms.`))
    }, timeoutMs)
  })
  return Promise.race([
    reply.then(undefined, (error: unknown) => {
      throw new Error('line-webhook: Redis failed to claim a webhookEventId.', { cause: error })
    }),
    timedOut,
  ]).finally(() => {
    clearTimeout(timer)
  })
}
