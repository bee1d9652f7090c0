/**
 * `struct`, `relax` and `override` (src/codecs/struct.ts), built inside each test: the package's
 * codecs are built once, when their module loads, so only a codec built here shows what a change
 * to the builders does. Spies on `is` and `validate` pin the fast paths the builders promise:
 * leaves checked inline, other codecs asked their `is` once, direct codecs validated directly.
 */
import * as t from 'io-ts'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { finiteNumber, integer, lenientInteger, openEnum } from '../../src/codecs/primitives.js'
import { stringRecord } from '../../src/codecs/record.js'
import { override, relax, struct } from '../../src/codecs/struct.js'

afterEach(() => {
  vi.restoreAllMocks()
})

/** A list codec marked `direct`, as the events list is: its validate checks each element. */
function directList() {
  return Object.assign(t.array(t.string), { direct: true as const })
}

describe('struct', () => {
  it('checks string, number, integer and literal leaves inline, without their is', () => {
    const mode = openEnum(['active', 'standby'])
    const leaves = [t.string, mode, finiteNumber, integer, lenientInteger]
    const literal = t.literal('text')
    const codec = struct(
      'Leaves',
      { s: t.string, m: mode, n: finiteNumber, i: integer },
      {
        l: literal,
        d: lenientInteger,
      },
    )
    const spies = [...leaves, literal].map((leaf) => vi.spyOn(leaf, 'is'))
    const value = { s: 'a', m: 'paused', n: 1.5, i: 2, l: 'text', d: 3 }

    expect(codec.is(value)).toBe(true)
    expect(codec.decode(value)).toStrictEqual({ _tag: 'Right', right: value })
    for (const spy of spies) expect(spy).not.toHaveBeenCalled()
  })

  it('rejects what each inline check rejects', () => {
    const codec = struct(
      'Leaves',
      { s: t.string, n: finiteNumber, i: integer },
      {
        l: t.literal('text'),
      },
    )
    const valid = { s: 'a', n: 1.5, i: 2, l: 'text' }
    expect(codec.is(valid)).toBe(true)
    for (const invalid of [
      { ...valid, s: 1 },
      { ...valid, n: Infinity },
      { ...valid, n: '1.5' },
      { ...valid, i: 1.5 },
      { ...valid, i: 2 ** 53 },
      { ...valid, l: 'TEXT' },
    ]) {
      expect(codec.is(invalid)).toBe(false)
      expect(codec.decode(invalid)._tag).toBe('Left')
    }
  })

  it('asks any other codec its is, once, and validates only what fails it', () => {
    const tags = t.array(t.string)
    const codec = struct('Tagged', { tags }, {})
    const is = vi.spyOn(tags, 'is')
    const validate = vi.spyOn(tags, 'validate')

    expect(codec.decode({ tags: ['a'] })._tag).toBe('Right')
    expect(is).toHaveBeenCalledTimes(1)
    expect(validate).not.toHaveBeenCalled()

    expect(codec.decode({ tags: [1] })._tag).toBe('Left')
    expect(validate).toHaveBeenCalledTimes(1)
  })

  it('validates a record and a direct codec without asking their is first', () => {
    const params = stringRecord()
    const events = directList()
    const codec = struct('Direct', { events }, { params })
    const spies = [params, events].flatMap((codec) => [
      vi.spyOn(codec, 'is'),
      vi.spyOn(codec, 'validate'),
    ])

    expect(codec.decode({ events: ['a'], params: { date: '2017' } })._tag).toBe('Right')
    expect(spies.map((spy) => spy.mock.calls.length)).toStrictEqual([0, 1, 0, 1])
  })

  it('requires the required properties and lets the optional ones be absent', () => {
    const codec = struct('Some', { id: t.string }, { note: t.string })
    expect(codec.is({ id: 'a' })).toBe(true)
    expect(codec.decode({ id: 'a' })._tag).toBe('Right')
    expect(codec.is({ note: 'n' })).toBe(false)
    expect(codec.decode({ note: 'n' })._tag).toBe('Left')
    expect(codec.decode({ id: 'a', note: 1 })._tag).toBe('Left')
  })

  it('returns the input itself unless a property codec changed a value', () => {
    const codec = struct('Counted', { count: lenientInteger }, { name: t.string })
    const numeric = { count: 3, name: 'n', extra: true }
    const numeral = { count: '3', name: 'n', extra: true }

    const same = codec.decode(numeric)
    expect(same._tag === 'Right' && same.right).toBe(numeric)

    const changed = codec.decode(numeral)
    expect(changed).toStrictEqual({ _tag: 'Right', right: { count: 3, name: 'n', extra: true } })
    expect(numeral.count).toBe('3')
  })

  it('encodes to the value itself when every property encodes to itself', () => {
    const codec = struct('Plain', { id: t.string }, { count: integer })
    const value = { id: 'a', count: 1 }
    expect(codec.encode(value)).toBe(value)
  })

  it('encodes each present property by its codec and keeps the others', () => {
    const asText = new t.Type<number, string>(
      'AsText',
      (value): value is number => typeof value === 'number',
      (value, context) =>
        typeof value === 'number' ? t.success(value) : t.failure(value, context),
      (value) => String(value),
    )
    const codec = struct('Texts', { id: t.string }, { count: asText, size: asText })
    const value = { id: 'a', count: 1, extra: 2 }
    const encoded = codec.encode(value)

    expect(encoded).toStrictEqual({ id: 'a', count: '1', extra: 2 })
    expect('size' in encoded).toBe(false)
    expect(value.count).toBe(1)
  })

  it('keeps its property codecs reachable', () => {
    const required = { id: t.string }
    const optional = { note: t.string }
    const codec = struct('Some', required, optional)
    expect(codec.name).toBe('Some')
    expect(codec.required).toBe(required)
    expect(codec.optional).toBe(optional)
  })
})

describe('relax', () => {
  it('makes the given required properties optional, and keeps everything else', () => {
    const codec = struct('Message', { id: t.string, quoteToken: t.string }, { note: t.string })
    const relaxed = relax(codec, ['quoteToken'])

    expect(relaxed.name).toBe('Message')
    expect(relaxed.required).toStrictEqual({ id: t.string })
    expect(relaxed.optional).toStrictEqual({ note: t.string, quoteToken: t.string })
    expect(relaxed.decode({ id: 'a' })._tag).toBe('Right')
    expect(relaxed.decode({ quoteToken: 'q' })._tag).toBe('Left')
    expect(relaxed.decode({ id: 'a', quoteToken: 1 })._tag).toBe('Left')
  })
})

describe('override', () => {
  it('replaces the given property codecs, each staying required or optional', () => {
    const codec = struct('Video', { id: t.string, duration: integer }, { size: integer })
    const overridden = override(codec, { duration: lenientInteger, size: lenientInteger })

    expect(overridden.name).toBe('Video')
    expect(overridden.required).toStrictEqual({ id: t.string, duration: lenientInteger })
    expect(overridden.optional).toStrictEqual({ size: lenientInteger })
    expect(overridden.decode({ id: 'a', duration: '10' })).toStrictEqual({
      _tag: 'Right',
      right: { id: 'a', duration: 10 },
    })
    expect(overridden.decode({ id: 'a' })._tag).toBe('Left')
  })
})
