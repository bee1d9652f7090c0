import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ClaimTable, hashOf } from '../../src/handler/claim-table.js'

/** The held claims as a Map, read back through the table: key -> expiry. */
function heldIn(table: ClaimTable, keys: Iterable<string>): Map<string, number> {
  const held = new Map<string, number>()
  for (const key of keys) {
    const place = table.find(key)
    if (place !== -1) held.set(key, table.expiryAt(place))
  }
  return held
}

/** Forgets and drops the oldest claim, as the store does once it is full. */
function dropOldestClaim(table: ClaimTable): void {
  const oldest = table.oldest()
  if (table.isHeld(oldest)) table.forget(oldest)
  table.dropOldest()
}

// Short keys collide in the index often; long and non-Latin-1 keys are kept as strings.
const keys = fc.oneof(
  fc.constantFrom('', 'a', 'b', 'ab', 'ba', 'é', 'x'.repeat(32)),
  fc.string({ maxLength: 3 }),
  fc.constantFrom('x'.repeat(33), 'y'.repeat(40), '日本', 'a\u0100', '😀'),
  fc.string({ minLength: 30, maxLength: 36 }),
)

type Step =
  | { readonly op: 'claim'; readonly key: string; readonly expiry: number }
  | { readonly op: 'forget'; readonly key: string }
  | { readonly op: 'drop' }

const steps = fc.array(
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({ op: fc.constant('claim' as const), key: keys, expiry: fc.integer() }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('forget' as const), key: keys }) },
    { weight: 1, arbitrary: fc.constant({ op: 'drop' as const }) },
  ),
  { maxLength: 400, size: 'max' },
)

describe('ClaimTable', () => {
  it('finds what a Map of the held claims finds, through growth, wrapping and removals', () => {
    fc.assert(
      fc.property(steps, (plan: readonly Step[]) => {
        const table = new ClaimTable()
        const model = new Map<string, number>()
        // The listed claims, oldest first, as the model sees them.
        const listed: { key: string; held: boolean }[] = []
        const counts: [number, number][] = []
        for (const step of plan) {
          if (step.op === 'claim') {
            const place = table.find(step.key)
            if (place !== -1) {
              table.forget(place)
              const earlier = listed.find((claim) => claim.held && claim.key === step.key)
              if (earlier !== undefined) earlier.held = false
            }
            table.append(step.key, step.expiry)
            model.set(step.key, step.expiry)
            listed.push({ key: step.key, held: true })
          } else if (step.op === 'forget') {
            const place = table.find(step.key)
            if (place !== -1) table.forget(place)
            model.delete(step.key)
            const earlier = listed.find((claim) => claim.held && claim.key === step.key)
            if (earlier !== undefined) earlier.held = false
          } else if (listed.length > 0) {
            dropOldestClaim(table)
            const [oldest] = listed.splice(0, 1)
            if (oldest?.held === true) model.delete(oldest.key)
          }
          // Counted after every step, compared once: expect per step made the property slow.
          counts.push([table.length - listed.length, table.size - model.size])
        }
        expect(counts.filter(([length, size]) => length !== 0 || size !== 0)).toEqual([])
        const everyKey = new Set([
          ...model.keys(),
          ...plan.flatMap((step) => ('key' in step ? [step.key] : [])),
        ])
        expect(heldIn(table, everyKey)).toEqual(model)
      }),
      { numRuns: 100 },
    )
  })

  it('keeps a claim of any key: empty, 32 Latin-1 characters, longer, or beyond Latin-1', () => {
    const table = new ClaimTable()
    const kept = ['', 'é'.repeat(32), 'x'.repeat(33), '日本', '😀', 'ÿ', 'Ā']
    kept.forEach((key, at) => {
      table.append(key, at)
    })
    expect(heldIn(table, kept)).toEqual(new Map(kept.map((key, at) => [key, at])))
    // Same length, other characters: not found.
    expect(
      ['è'.repeat(32), 'y'.repeat(33), '日月', 'þ', 'ā'].map((key) => table.find(key)),
    ).toEqual([-1, -1, -1, -1, -1])
  })

  it('doubles its ring when full and keeps every claim, oldest first', () => {
    const table = new ClaimTable()
    expect(table.capacity).toBe(64)
    const ids = Array.from({ length: 65 }, (_, at) => `id ${String(at)}`)
    ids.forEach((id, at) => {
      table.append(id, at)
    })
    expect(table.capacity).toBe(128)
    expect(heldIn(table, ids).size).toBe(65)
    expect(table.expiryAt(table.oldest())).toBe(0)
  })

  it('keeps the order of a ring that wrapped before it grew', () => {
    const table = new ClaimTable()
    for (let at = 0; at < 64; at++) table.append(`first ${String(at)}`, at)
    for (let at = 0; at < 10; at++) dropOldestClaim(table)
    // 54 listed from place 10; 20 more wrap around to places 0 to 9, then it grows.
    for (let at = 0; at < 20; at++) table.append(`second ${String(at)}`, 100 + at)
    expect(table.capacity).toBe(128)
    const expiries: number[] = []
    while (table.length > 0) {
      expiries.push(table.expiryAt(table.oldest()))
      dropOldestClaim(table)
    }
    expect(expiries).toEqual([
      ...Array.from({ length: 54 }, (_, at) => 10 + at),
      ...Array.from({ length: 20 }, (_, at) => 100 + at),
    ])
    expect(table.size).toBe(0)
  })

  it('does not take a key for a longer one whose bytes its place held before', () => {
    // Two keys, one the other and a 'z', whose claims the fresh index (128 slots) puts in one slot.
    const home = (key: string) => hashOf(key) & 127
    const short = Array.from({ length: 10_000 }, (_, at) => `k${String(at)}`).find(
      (key) => home(key) === home(`${key}z`),
    )
    if (short === undefined) throw new Error('no two such keys among the first 10 000')
    const table = new ClaimTable()
    table.append(`${short}z`, 1)
    dropOldestClaim(table)
    // Round the ring of 64 places back to place 0, where the longer key's bytes still are.
    for (let at = 1; at < 64; at++) table.append(`filler ${String(at)}`, 1)
    while (table.length > 0) dropOldestClaim(table)
    table.append(short, 2)
    expect(table.find(`${short}z`)).toBe(-1)
    expect(table.expiryAt(table.find(short))).toBe(2)
  })
})
