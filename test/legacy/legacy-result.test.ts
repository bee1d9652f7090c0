/**
 * The 2016 codecs (../../src/legacy/legacy-result.ts) decoding and encoding on their own, as a
 * user may run them: `null` for absent, channel ids as numbers or strings, contentMetadata of
 * strings, and each problem at its own path.
 */
import { describe, expect, it } from 'vitest'
import {} from '../../src/index.js'
import { LegacyResult } from '../../src/legacy/index.js'
import { issuesOf } from '../../src/issue.js'
import { legacyContent, legacyResult } from '../../src/legacy/legacy-result.js'

const valid = {
  id: 'ABCDEF-1',
  fromChannel: 1341301815,
  toChannel: '1441301333',
  content: {
    text: null,
    location: { title: null, address: 'Tokyo', latitude: 35.6, longitude: 139.7, phone: null },
    contentMetadata: { STKID: '3', STKPKGID: '332' },
    params: [null, 'u0a556cffd4da0dd89c94fb36e36e1cdc'],
  },
}

function located(value: unknown): { path: string; actual: unknown }[] {
  const result = LegacyResult.decode(value)
  if (result._tag === 'Right') throw new Error('expected a Left')
  return issuesOf(result.left).map(({ path, actual }) => ({ path, actual }))
}

describe('LegacyResult', () => {
  it('decodes a result with nulls, string channel ids and metadata as the very object', () => {
    const result = LegacyResult.decode(valid)
    expect(result._tag === 'Right' && result.right).toBe(valid)
    expect(LegacyResult.is(valid)).toBe(true)
  })

  it('encodes what it decoded back to the same JSON, nulls kept', () => {
    expect(LegacyResult.encode(valid)).toStrictEqual(valid)
    expect(LegacyResult.encode({ content: { location: null } })).toStrictEqual({
      content: { location: null },
    })
  })

  it('names every wrong field: a channel id, a location, a metadata value, a param', () => {
    const broken = {
      ...valid,
      fromChannel: true,
      content: {
        ...valid.content,
        text: 3,
        location: { latitude: 'north' },
        contentMetadata: { STKID: 3, STKVER: '100', name: null },
        params: [null, 7],
      },
    }
    expect(located(broken)).toStrictEqual([
      { path: 'fromChannel', actual: true },
      { path: 'content.text', actual: 3 },
      { path: 'content.location.latitude', actual: 'north' },
      { path: 'content.contentMetadata.STKID', actual: 3 },
      { path: 'content.contentMetadata.name', actual: null },
      { path: 'content.params[1]', actual: 7 },
    ])
    expect(LegacyResult.is(broken)).toBe(false)
  })

  it('takes only an object of strings for contentMetadata', () => {
    for (const contentMetadata of [[], 'STKID', 3]) {
      expect(located({ content: { contentMetadata } })).toStrictEqual([
        { path: 'content.contentMetadata', actual: contentMetadata },
      ])
    }
  })

  it('has property codecs that decode valid values on their own too', () => {
    // Inside LegacyResult a property codec only validates what its `is` rejected; reused on its
    // own (StructC keeps them reachable), its validate must take what is valid as well.
    const { fromChannel, toChannel } = legacyResult.optional
    const { text, contentMetadata } = legacyContent.optional
    const value = <A>(result: { _tag: 'Left' } | { _tag: 'Right'; right: A }) =>
      result._tag === 'Right' ? result.right : 'rejected'
    expect(value(fromChannel.decode(1341301815))).toBe(1341301815)
    expect(value(toChannel.decode('1441301333'))).toBe('1441301333')
    expect(value(fromChannel.decode(null))).toBe('rejected')
    expect(value(text.decode(null))).toBeNull()
    expect(value(text.decode('hello'))).toBe('hello')
    const metadata = { STKID: '3', STKPKGID: '332' }
    expect(value(contentMetadata.decode(metadata))).toBe(metadata)
    expect(value(contentMetadata.decode(null))).toBeNull()
  })
})
