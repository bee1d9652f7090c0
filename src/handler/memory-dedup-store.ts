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
  // Key -> expiry time.
  const expiries = new Map<string, number>()
  // The claims in claim order, from `head`: forgetting and expiring both start at the oldest.
  // Not the Map's own order: a Map iterator starts at its first slot and walks every entry
  // deleted since the last rehash, which made each claim cost tens of microseconds when full.
  // Two arrays, not one of pairs: a pair per claim was garbage the collector kept promoting.
  let claimKeys: string[] = []
  let claimExpiries: number[] = []
  let head = 0
  return {
    claim(key, ttlMs) {
      const now = Date.now()
      const expiry = expiries.get(key)
      if (expiry !== undefined && expiry > now) return false
      expiries.set(key, now + ttlMs)
      claimKeys.push(key)
      claimExpiries.push(now + ttlMs)
      // Amortised constant time: each claim is passed once. A claim behind a longer-lived one
      // waits for it, and is treated as expired by the lookup above meanwhile.
      // Within the length, not past it: reading past an array's end is a slow lookup.
      for (; head < claimKeys.length; head++) {
        /* eslint-disable @typescript-eslint/non-nullable-type-assertion-style -- both arrays hold a claim at every index below their length */
        const oldestKey = claimKeys[head] as string
        const oldestExpiry = claimExpiries[head] as number
        /* eslint-enable @typescript-eslint/non-nullable-type-assertion-style */
        // A claim renewed since has a later expiry, and its place further on.
        if (expiries.get(oldestKey) !== oldestExpiry) continue
        // Claims of several lifetimes can pile up behind a long one: at most 2 × maxEntries.
        const full = expiries.size > maxEntries || claimKeys.length - head > 2 * maxEntries
        if (!full && oldestExpiry > now) break
        expiries.delete(oldestKey)
      }
      // Passed claims are dropped once they are half the list: memory stays bounded.
      if (head > 1024 && head * 2 > claimKeys.length) {
        claimKeys = claimKeys.slice(head)
        claimExpiries = claimExpiries.slice(head)
        head = 0
      }
      return true
    },
  }
}
