/**
 * `stringRecord()` (postback `params`): the decoders check it through the straight-line guards
 * (src/codecs/guards.ts), so its own `is` is reached only by io-ts combinators that compose it.
 */
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { stringRecord } from '../../src/codecs/record.js'

describe('stringRecord', () => {
  const record = stringRecord()

  it('is an object whose values are all strings', () => {
    expect(record.is({})).toBe(true)
    expect(record.is({ date: '2017-12-25', time: '01:00' })).toBe(true)
  })

  it('is not anything else', () => {
    expect(record.is({ date: 20171225 })).toBe(false)
    expect(record.is({ a: 'b', c: null })).toBe(false)
    expect(record.is(['a'])).toBe(false)
    expect(record.is('a')).toBe(false)
    expect(record.is(null)).toBe(false)
  })

  it('is named as io-ts names t.record(t.string, t.string), and encodes nothing', () => {
    expect(record.name).toBe(t.record(t.string, t.string).name)
    expect(record.encode).toBe(t.identity)
  })

  it('agrees with its validate when composed by io-ts', () => {
    const composed = t.union([record, t.number])
    expect(composed.is({ a: 'b' })).toBe(true)
    expect(composed.is({ a: 1 })).toBe(false)
    expect(composed.decode({ a: 1 })._tag).toBe('Left')
  })
})
