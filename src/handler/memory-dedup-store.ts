import { ClaimTable } from './claim-table.js'
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
  return storeOver(new ClaimTable(), maxEntries)
}

/** The store's policy over its table, which the tests watch (not exported by the package). */
export function storeOver(claims: ClaimTable, maxEntries: number): DedupStore {
  return {
    claim(key, ttlMs) {
      const now = Date.now()
      const held = claims.find(key)
      if (held !== -1) {
        if (claims.expiryAt(held) > now) return false
        // Claimed again: the newest claim, listed last. Its earlier place is let go.
        claims.forget(held)
      }
      claims.append(key, now + ttlMs)
      // Amortised constant time: each claim is passed once. A claim behind a longer-lived one
      // waits for it, and is treated as expired by the lookup above meanwhile.
      while (claims.length > 0) {
        const oldest = claims.oldest()
        if (claims.isHeld(oldest)) {
          // Claims of several lifetimes can pile up behind a long one: at most 2 × maxEntries.
          const full = claims.size > maxEntries || claims.length > 2 * maxEntries
          if (!full && claims.expiryAt(oldest) > now) break
          claims.forget(oldest)
        }
        claims.dropOldest()
      }
      return true
    },
  }
}
