import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryDedupStore } from '../../src/index.js'

afterEach(() => {
  vi.useRealTimers()
})

/**
 * The claims, of `count` made by `claimAt(0)`, `claimAt(1)`, ..., during which an array was
 * copied; `before(i)` runs ahead of claim i, outside what is watched. The store's list of claims is internal: only its copying shows when the claims it passed
 * are let go. Without that the list would grow by one entry a claim for as long as the process runs.
 */
function claimsCopyingAList(
  count: number,
  claimAt: (i: number) => unknown,
  before: (i: number) => void = () => undefined,
): number[] {
  const slice = vi.spyOn(Array.prototype, 'slice')
  try {
    const copiedAt: number[] = []
    for (let i = 0; i < count; i++) {
      before(i)
      const copies = slice.mock.calls.length
      claimAt(i)
      if (slice.mock.calls.length > copies) copiedAt.push(i)
    }
    return copiedAt
  } finally {
    slice.mockRestore()
  }
}

describe('createMemoryDedupStore', () => {
  it('claims an ID once while its claim holds, and again once it expired', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 0 })
    const store = createMemoryDedupStore()
    expect(store.claim('a', 1000)).toBe(true)
    expect(store.claim('a', 1000)).toBe(false)
    vi.setSystemTime(999)
    expect(store.claim('a', 1000)).toBe(false)
    vi.setSystemTime(1000)
    expect(store.claim('a', 1000)).toBe(true)
    expect(store.claim('a', 1000)).toBe(false)
  })

  it('keeps at most maxEntries, forgetting the oldest claim first', () => {
    const store = createMemoryDedupStore({ maxEntries: 2 })
    expect(['a', 'b', 'c'].map((id) => store.claim(id, 60_000))).toEqual([true, true, true])
    // 'a' was forgotten to make room for 'c'; claiming it again forgets 'b'.
    expect(['c', 'a', 'c', 'b'].map((id) => store.claim(id, 60_000))).toEqual([
      false,
      true,
      false,
      true,
    ])
  })

  it('drops expired claims as it goes, so memory follows the claims that hold', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 0 })
    const store = createMemoryDedupStore({ maxEntries: 3 })
    store.claim('short', 10)
    store.claim('long', 1000)
    vi.setSystemTime(500)
    // 'short' expired and is dropped, so 'long' survives two more claims within the bound.
    store.claim('x', 1000)
    store.claim('y', 1000)
    expect(store.claim('long', 1000)).toBe(false)
  })

  it('treats an expired claim behind a longer one as expired', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 0 })
    const store = createMemoryDedupStore()
    store.claim('long', 1000)
    store.claim('short', 10)
    vi.setSystemTime(100)
    expect(store.claim('short', 10)).toBe(true)
  })

  it('stays within maxEntries over many claims, keeping the newest', () => {
    const store = createMemoryDedupStore({ maxEntries: 1000 })
    const first = Array.from({ length: 50_000 }, (_, i) => store.claim(String(i), 60_000))
    expect(first.every(Boolean)).toBe(true)
    expect(store.claim('49000', 60_000)).toBe(false)
    expect(store.claim('48999', 60_000)).toBe(true)
  })

  it('keeps its list of claims within 2 × maxEntries when short claims pile up behind a long one', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 0 })
    const store = createMemoryDedupStore({ maxEntries: 2 })
    store.claim('long', 1_000_000)
    for (let time = 100; time <= 300; time += 100) {
      vi.setSystemTime(time)
      expect(store.claim('short', 10)).toBe(true)
      // Up to four claims listed, 2 × maxEntries: 'long' is still held (a refused claim lists nothing).
      expect(store.claim('long', 1_000_000)).toBe(false)
    }
    vi.setSystemTime(400)
    expect(store.claim('short', 10)).toBe(true)
    // Five claims listed for two IDs: the oldest, 'long', was forgotten to bound the list.
    expect(store.claim('long', 1_000_000)).toBe(true)
  })

  it('accepts maxEntries 1, holding only the newest claim', () => {
    const store = createMemoryDedupStore({ maxEntries: 1 })
    expect(['first', 'first', 'second', 'first'].map((id) => store.claim(id, 60_000))).toEqual([
      true,
      false,
      true,
      true,
    ])
  })

  it('holds 10 000 claims by default, forgetting the oldest at the 10 001st', () => {
    const store = createMemoryDedupStore()
    for (let i = 0; i < 10_000; i++) store.claim(`id ${String(i)}`, 60_000)
    expect(store.claim('id 0', 60_000)).toBe(false)
    expect(store.claim('id 10000', 60_000)).toBe(true)
    expect(store.claim('id 1', 60_000)).toBe(false)
    expect(store.claim('id 0', 60_000)).toBe(true)
  })

  it('counts a claim renewed at its expiry as the newest: its stale earlier place does not evict it', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 0 })
    const store = createMemoryDedupStore({ maxEntries: 2 })
    store.claim('renewed', 10)
    store.claim('older', 1000)
    vi.setSystemTime(10)
    // Its expiry is now: the claim no longer holds, and is made again, after 'older'.
    expect(store.claim('renewed', 1000)).toBe(true)
    // A third ID goes over maxEntries: 'older', claimed before the renewal, is forgotten.
    expect(store.claim('newest', 1000)).toBe(true)
    expect(['renewed', 'newest'].map((id) => store.claim(id, 1000))).toEqual([false, false])
    expect(store.claim('older', 1000)).toBe(true)
  })

  it('forgets a claim of ttlMs 0 at once: claimed again, it is newer than the claims made since', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 0 })
    const store = createMemoryDedupStore({ maxEntries: 2 })
    expect(store.claim('at once', 0)).toBe(true)
    expect(store.claim('first', 1000)).toBe(true)
    expect(store.claim('at once', 0)).toBe(true)
    // Three IDs: the oldest, 'first', is forgotten; its first claim of 'at once' was gone already.
    expect(store.claim('second', 1000)).toBe(true)
    expect(store.claim('second', 1000)).toBe(false)
    expect(store.claim('first', 1000)).toBe(true)
  })

  it('keeps every claim that holds when it drops the claims it passed (over 1024 of them)', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 0 })
    const store = createMemoryDedupStore({ maxEntries: 3 })
    const answers: unknown[] = []
    // A millisecond apart, so that no two claims share an expiry.
    for (let i = 0; i < 3000; i++) {
      vi.setSystemTime(i)
      answers.push(store.claim(`id ${String(i)}`, 1_000_000))
    }
    expect(answers.every((answer) => answer === true)).toBe(true)
    // The passed claims were dropped twice over (past 1024 of them, and half the list).
    expect(['id 2997', 'id 2998', 'id 2999'].map((id) => store.claim(id, 1_000_000))).toEqual([
      false,
      false,
      false,
    ])
    expect(
      ['id 0', 'id 1026', 'id 2050', 'id 2996'].map((id) => store.claim(id, 1_000_000)),
    ).toEqual([true, true, true, true])
  })

  it('drops the claims it passed from its list once over 1024 of them are more than half of it', () => {
    const store = createMemoryDedupStore({ maxEntries: 1 })
    // With maxEntries 1, each claim passes the one before it: claim i has passed i claims.
    const copiedAt = claimsCopyingAList(2101, (i) => store.claim(`id ${String(i)}`, 60_000))
    // Both lists, keys and expiries, are cut to their claims not passed; then 1025 are passed again.
    expect(copiedAt).toEqual([1025, 2050])
    expect(store.claim('id 2100', 60_000)).toBe(false)
    expect(store.claim('id 2099', 60_000)).toBe(true)
  })

  it('keeps the claims it passed while they are half of its list, not more', () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 0 })
    const store = createMemoryDedupStore()
    // A claim a millisecond, each held 1100 ms: claim i passes the i - 1099 that expired.
    const copiedAt = claimsCopyingAList(
      2201,
      (i) => store.claim(`id ${String(i)}`, 1100),
      (i) => vi.setSystemTime(i),
    )
    // Claim 2199 has passed 1100 of the 2200 listed, half; claim 2200, 1101 of 2201.
    expect(copiedAt).toEqual([2200])
  })

  it.each([0, -1, 1.5, Number.NaN])('refuses maxEntries %s with a TypeError', (maxEntries) => {
    expect(() => createMemoryDedupStore({ maxEntries })).toThrow(
      new TypeError(
        `line-webhook: maxEntries must be a positive integer, got ${String(maxEntries)}.`,
      ),
    )
  })
})
