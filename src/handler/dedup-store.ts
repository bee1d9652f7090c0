/**
 * Where a webhook handler remembers the `webhookEventId`s it has handled, so that an event LINE
 * delivers again is skipped. One method: claim an ID for `ttlMs` milliseconds, resolving `true`
 * the first time and `false` while the claim holds. Share one store between instances (Redis:
 * `SET key 1 NX PX ttlMs`, `true` when it answers `OK`) so that a redelivery to another
 * instance is skipped too.
 *
 * @example
 * ```ts
 * import { createWebhookHandler, type DedupStore } from 'line-webhook'
 *
 * // A stand-in for a shared store; with node-redis:
 * // claim: async (key, ttlMs) => (await redis.set(`line:${key}`, '1', { NX: true, PX: ttlMs })) === 'OK'
 * const claimed = new Set<string>()
 * const store: DedupStore = {
 *   claim: (key) => (claimed.has(key) ? false : (claimed.add(key), true)),
 * }
 * console.log(store.claim('01FZ74A0TDDPYRVKNK77XKC3ZR', 60_000)) // => true
 * console.log(store.claim('01FZ74A0TDDPYRVKNK77XKC3ZR', 60_000)) // => false
 *
 * const webhook = createWebhookHandler({ channelSecret: 'secret', dedup: { store } })
 * console.log(typeof webhook.fetch) // => "function"
 * ```
 *
 * @since 0.2.0
 * @category Handler
 */
export interface DedupStore {
  /**
   * Claims `key` for `ttlMs` milliseconds: `true` if it was free (the event is new), `false`
   * if a claim on it still holds (the event was seen). A rejection is reported to `onError` and
   * the event is handled: a possible duplicate is better than a lost event.
   */
  readonly claim: (key: string, ttlMs: number) => boolean | PromiseLike<boolean>
}
