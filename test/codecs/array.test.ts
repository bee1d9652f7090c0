/**
 * `readonlyArray(item)` (src/codecs/array.ts) stands in for io-ts's `t.readonlyArray` without
 * calling it: the same name, and the same encode, the identity itself when the item's is.
 */
import * as t from 'io-ts'
import { assert, describe, expect, it } from 'vitest'
import { readonlyArray } from '../../src/codecs/array.js'

/** A codec whose encode does something: a number written as its numeral. */
const numeral = new t.Type<number, string>(
  'numeral',
  (value): value is number => typeof value === 'number',
  (value, context) => (typeof value === 'number' ? t.success(value) : t.failure(value, context)),
  (value) => String(value),
)

/** A codec whose validate changes what it accepts: a numeral read as its number. */
const parsed = new t.Type<number, string>(
  'parsed',
  (value): value is number => typeof value === 'number',
  (value, context) =>
    typeof value === 'string' ? t.success(Number(value)) : t.failure(value, context),
  (value) => String(value),
)

describe('readonlyArray', () => {
  it('returns the very array when every item is kept, and a copy when one decodes anew', () => {
    const kept = [1, 2]
    const same = readonlyArray(parsed).decode(kept)
    assert(same._tag === 'Right')
    expect(same.right).toBe(kept)
    const given = ['1', 2]
    expect(readonlyArray(parsed).decode(given)).toStrictEqual({ _tag: 'Right', right: [1, 2] })
    expect(given).toStrictEqual(['1', 2])
  })

  it('is named as io-ts names t.readonlyArray', () => {
    expect(readonlyArray(t.string).name).toBe(t.readonlyArray(t.string).name)
    expect(readonlyArray(numeral).name).toBe('ReadonlyArray<numeral>')
  })

  it('encodes nothing, with the identity itself, when its item encodes nothing', () => {
    expect(readonlyArray(t.string).encode).toBe(t.identity)
  })

  it('encodes every item with the item codec otherwise', () => {
    const codec = readonlyArray(numeral)
    expect(codec.encode([1, 2.5])).toStrictEqual(['1', '2.5'])
    expect(codec.encode([1, 2.5])).toStrictEqual(t.readonlyArray(numeral).encode([1, 2.5]))
  })
})
