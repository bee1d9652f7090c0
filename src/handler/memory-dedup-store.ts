import type { DedupStore } from './dedup-store.js'

/**
 * How much {@link createMemoryDedupStore} remembers.
 *
 * @example
 * ```ts
 * import { createMemoryDedupStore, type MemoryDedupStoreOptions } from 'line-webhook'
 *
 * const options: MemoryDedupStoreOptions = { maxEntries: 2 }
 * const store = createMemoryDedupStore(options)
 * console.log(store.claim('a', 60_000)) // => true
 * ```
 *
 * @since 0.2.0
 * @category Handler
 */
export interface MemoryDedupStoreOptions {
  /**
   * The most IDs kept at once; past it the oldest claim is forgotten first. Default 10 000.
   */
  readonly maxEntries?: number
}

const DEFAULT_MAX_ENTRIES = 10_000

/**
 * A {@link DedupStore} in this process's memory, the default of `createWebhookHandler`: bounded
 * by `maxEntries` and each claim's time to live, constant time per claim. It sees only this
 * process, so a service with several instances shares a store such as Redis instead.
 *
 * @throws `TypeError` when `maxEntries` is not a positive integer.
 *
 * @example
 * ```ts
 * import { createMemoryDedupStore } from 'line-webhook'
 *
 * const store = createMemoryDedupStore({ maxEntries: 1 })
 * console.log(store.claim('first', 60_000)) // => true
 * console.log(store.claim('first', 60_000)) // => false
 * console.log(store.claim('second', 60_000)) // => true
 * // Only one fits: the oldest was forgotten.
 * console.log(store.claim('first', 60_000)) // => true
 * ```
 *
 * @since 0.2.0
 * @category Handler
 */
export function createMemoryDedupStore(options: MemoryDedupStoreOptions = {}): DedupStore {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) {
    throw new TypeError(
      `line-webhook: maxEntries must be a positive integer, got ${String(maxEntries)}.`,
    )
  }
  // Key -> expiry time, in claim order (a Map iterates in insertion order): the first entry is
  // the oldest claim, so forgetting and expiring both start there.
  const expiries = new Map<string, number>()
  return {
    claim(key, ttlMs) {
      const now = Date.now()
      const expiry = expiries.get(key)
      if (expiry !== undefined && expiry > now) return false
      // Deleting first moves a renewed key to the end, where claim order wants it.
      expiries.delete(key)
      expiries.set(key, now + ttlMs)
      // Amortised constant time: each entry is removed once. An entry behind a longer-lived one
      // waits for it, and is treated as expired by the lookup above meanwhile.
      for (const [oldest, oldestExpiry] of expiries) {
        if (expiries.size <= maxEntries && oldestExpiry > now) break
        expiries.delete(oldest)
      }
      return true
    },
  }
}
