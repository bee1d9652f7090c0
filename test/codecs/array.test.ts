/**
 * `readonlyArray(item)` (src/codecs/array.ts) stands in for io-ts's `t.readonlyArray` without
 * calling it: the same name, and the same encode, the identity itself when the item's is.
 */
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { readonlyArray } from '../../src/codecs/array.js'

/** A codec whose encode does something: a number written as its numeral. */
const numeral = new t.Type<number, string>(
  'numeral',
  (value): value is number => typeof value === 'number',
  (value, context) => (typeof value === 'number' ? t.success(value) : t.failure(value, context)),
  (value) => String(value),
)

describe('readonlyArray', () => {
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
