import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeBase64Strict, encodeBase64 } from '../../src/internal/base64.js'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const bytes = fc.uint8Array({ maxLength: 64 })
const nodeBase64 = (data: Uint8Array): string => Buffer.from(data).toString('base64')
const insert = (text: string, at: number, piece: string): string => {
  const index = at % (text.length + 1)
  return text.slice(0, index) + piece + text.slice(index)
}

/** Strings near base64, so that the properties meet both what decodes and what barely does not. */
const base64ish = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom(...Array.from(ALPHABET), '=', '-', '_', ' ', '\n', 'é') }),
  bytes.map(encodeBase64),
  fc
    .tuple(bytes.map(encodeBase64), fc.nat(), fc.string({ unit: 'binary', maxLength: 1 }))
    .map(([text, at, piece]) => {
      // One character replaced by anything (or removed).
      const index = at % (text.length + 1)
      return text.slice(0, index) + piece + text.slice(index + 1)
    }),
)

describe('encodeBase64', () => {
  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg=='],
    ['fooba', 'Zm9vYmE='],
    ['foobar', 'Zm9vYmFy'],
  ])('encodes the RFC 4648 vector %j as %j', (text, expected) => {
    expect(encodeBase64(new TextEncoder().encode(text))).toBe(expected)
  })

  it('encodes any bytes as Buffer does', () => {
    fc.assert(fc.property(bytes, (data) => encodeBase64(data) === nodeBase64(data)))
  })

  it('encodes a Buffer (a Uint8Array) as its bytes', () => {
    expect(encodeBase64(Buffer.from([0xfb, 0xff]))).toBe('+/8=')
  })
})

describe('decodeBase64Strict', () => {
  it('decodes what encodeBase64 encodes, to the same bytes', () => {
    fc.assert(
      fc.property(bytes, (data) => {
        expect(decodeBase64Strict(encodeBase64(data))).toStrictEqual(data)
      }),
    )
  })

  it('accepts one encoding per byte string: what decodes encodes back to itself', () => {
    fc.assert(
      fc.property(base64ish, (text) => {
        const decoded = decodeBase64Strict(text)
        if (decoded !== undefined) expect(encodeBase64(decoded)).toBe(text)
      }),
    )
  })

  it("accepts exactly the strings that Buffer's decoder round-trips unchanged", () => {
    // Buffer decodes leniently; a string survives its round trip only if it is canonical.
    fc.assert(
      fc.property(base64ish, (text) => {
        const canonical = Buffer.from(text, 'base64').toString('base64') === text
        expect(decodeBase64Strict(text) !== undefined).toBe(canonical)
      }),
    )
  })

  it('accepts the empty string as no bytes', () => {
    expect(decodeBase64Strict('')).toStrictEqual(new Uint8Array())
  })

  it.each([
    ['QQ==', [0x41]],
    ['QUE=', [0x41, 0x41]],
    ['QUFB', [0x41, 0x41, 0x41]],
    ['+/8=', [0xfb, 0xff]],
    ['AAAA', [0, 0, 0]],
    ['////', [0xff, 0xff, 0xff]],
  ])('decodes %j', (text, expected) => {
    expect(decodeBase64Strict(text)).toStrictEqual(new Uint8Array(expected))
  })

  // Each of these Buffer (and atob, for some) would decode to the bytes of a valid signature.
  it.each([
    ['URL-safe characters', '-_8='],
    ['a URL-safe character among standard ones', 'QUF-'],
    ['missing padding (1)', 'QUE'],
    ['missing padding (2)', 'QQ'],
    ['missing padding of a whole quantum', 'QUFBQQ'],
    ['a quantum of padding', 'QUFB===='],
    ['too much padding', 'Q==='],
    ['only padding', '===='],
    ['= in the middle', 'QQ==QUFB'],
    ['= in the middle of a quantum', 'Q=E='],
    ['= before the last character', 'QU=B'],
    ['non-zero trailing bits after one byte', 'QR=='],
    ['non-zero trailing bits after two bytes', 'QUF='],
    ['a leading space', ' QUFBQUE='],
    ['a trailing newline', 'QUFBQUE=\n'],
    ['white space in the middle, length still a multiple of 4', 'QUFB    QUFB'],
    ['CRLF line breaks', 'QUFB\r\nQUFB\r\n'],
    ['a tab', 'QU\tB'],
    ['a non-ASCII letter', 'QUFé'],
    ['a full-width letter', 'QUFＢ'],
    ['a character equal to "A" modulo 128', `QUF${String.fromCharCode(0x41 + 0x80)}`],
    ['a character equal to "A" modulo 256', `QUF${String.fromCharCode(0x41 + 0x100)}`],
    ['a NUL', 'QUF\0'],
    ['junk after the padding', 'QQ==!'],
  ])('rejects %s: %j', (_, text) => {
    expect(decodeBase64Strict(text)).toBeUndefined()
  })

  it('rejects white space inserted anywhere, in any amount', () => {
    const whiteSpace = fc.string({
      minLength: 1,
      maxLength: 4,
      unit: fc.constantFrom(' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u2028', '\ufeff'),
    })
    fc.assert(
      fc.property(bytes, fc.nat(), whiteSpace, (data, at, space) => {
        expect(decodeBase64Strict(insert(encodeBase64(data), at, space))).toBeUndefined()
      }),
    )
  })

  it('rejects any character outside the alphabet, in any place', () => {
    const outside = fc
      .string({ unit: 'binary', minLength: 1, maxLength: 1 })
      .filter((character) => !ALPHABET.includes(character) && character !== '=')
    fc.assert(
      fc.property(bytes, fc.nat(), outside, (data, at, character) => {
        const text = encodeBase64(data)
        const index = at % Math.max(text.length, 1)
        const changed = text.slice(0, index) + character + text.slice(index + 1)
        expect(decodeBase64Strict(changed)).toBeUndefined()
      }),
    )
  })

  it('decodes as Buffer does whenever it accepts', () => {
    fc.assert(
      fc.property(base64ish, (text) => {
        const decoded = decodeBase64Strict(text)
        if (decoded !== undefined) {
          expect(decoded).toStrictEqual(new Uint8Array(Buffer.from(text, 'base64')))
        }
      }),
    )
  })
})
