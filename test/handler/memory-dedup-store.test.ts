import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryDedupStore } from '../../src/index.js'

afterEach(() => {
  vi.useRealTimers()
})

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
    for (let time = 100; time <= 400; time += 100) {
      vi.setSystemTime(time)
      expect(store.claim('short', 10)).toBe(true)
    }
    // Five claims listed for two IDs: the oldest, 'long', was forgotten to bound the list.
    expect(store.claim('long', 1_000_000)).toBe(true)
  })

  it.each([0, -1, 1.5, Number.NaN])('refuses maxEntries %s with a TypeError', (maxEntries) => {
    expect(() => createMemoryDedupStore({ maxEntries })).toThrow(
      new TypeError(
        `line-webhook: maxEntries must be a positive integer, got ${String(maxEntries)}.`,
      ),
    )
  })
})
