import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { equalInConstantTime } from '../../src/internal/constant-time.js'

describe('equalInConstantTime', () => {
  it('says whether two strings are equal, as === does', () => {
    const text = fc.string({ maxLength: 48 })
    fc.assert(fc.property(text, text, (a, b) => equalInConstantTime(a, b) === (a === b)))
    fc.assert(fc.property(text, (a) => equalInConstantTime(a, a)))
  })

  it.each([
    ['the first character', 'Xbcd', 'abcd'],
    ['the last character', 'abcX', 'abcd'],
    ['one bit of one character', 'abce', 'abcd'],
    ['characters past one byte', 'ab\u0163d', 'ab\u0063d'],
    ['the length, as a prefix', 'abc', 'abcd'],
    ['the length, as an extension', 'abcde', 'abcd'],
  ])('tells strings apart by %s', (_, actual, expected) => {
    expect(equalInConstantTime(actual, expected)).toBe(false)
  })

  it('finds strings of the same length and content equal', () => {
    expect(equalInConstantTime('t7Hn4ZDHqs6e+wdvI5TyQ==', 't7Hn4ZDHqs6e+wdvI5TyQ==')).toBe(true)
    expect(equalInConstantTime('', '')).toBe(true)
  })
})
