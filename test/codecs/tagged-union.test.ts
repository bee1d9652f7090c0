/**
 * What taggedUnion's codecs (../../src/codecs/tagged-union.ts) encode that they did not decode:
 * a plain object of a type the union does not know passes through as it is, and a known one
 * through its member's codec.
 */
import { describe, expect, it } from 'vitest'
import { MessageContent } from '../../src/index.js'

describe('a tagged union codec, encoding', () => {
  it('returns a plain object of an unknown type as it is', () => {
    const hologram = { type: 'hologram', id: '1' }
    expect(MessageContent.encode(hologram as never)).toBe(hologram)
  })

  it('encodes a known type through its member, to an equal object', () => {
    const text = { type: 'text', id: '1', text: 'hi', quoteToken: 'q' } as const
    expect(MessageContent.encode(text)).toStrictEqual(text)
  })

  it('returns the raw object of a fallback it decoded', () => {
    const raw = { type: 'hologram', id: '2' }
    const decoded = MessageContent.decode(raw)
    expect(decoded._tag === 'Right' && MessageContent.encode(decoded.right)).toBe(raw)
  })
})
