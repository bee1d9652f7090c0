import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isMacBase64 } from '../../src/internal/base64.js'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const base64 = (data: Uint8Array): string => Buffer.from(data).toString('base64')
const mac = fc.uint8Array({ minLength: 32, maxLength: 32 })
/** A published signature (test/signature-contract.ts): 't7Hn…/tM='. */
const VALID = 't7Hn4ZDHqs6e+wdvI5TyQIvzie0DmMUmuXEBqyyE/tM='
const replaceAt = (text: string, at: number, piece: string): string => {
  const index = at % text.length
  return text.slice(0, index) + piece + text.slice(index + 1)
}
const insert = (text: string, at: number, piece: string): string => {
  const index = at % (text.length + 1)
  return text.slice(0, index) + piece + text.slice(index)
}

/** Strings near a signature, so that the properties meet both what passes and what barely does not. */
const base64ish = fc.oneof(
  fc.string({ unit: 'binary', minLength: 40, maxLength: 48 }),
  fc.string({
    unit: fc.constantFrom(...Array.from(ALPHABET), '=', '-', '_', ' ', '\n', 'é'),
    minLength: 42,
    maxLength: 46,
  }),
  fc.uint8Array({ minLength: 30, maxLength: 34 }).map(base64),
  fc
    .tuple(mac.map(base64), fc.nat(), fc.string({ unit: 'binary', maxLength: 1 }))
    .map(([text, at, piece]) => replaceAt(text, at, piece)), // one character changed or removed
)

describe('isMacBase64', () => {
  it('accepts the base64 of any 32 bytes', () => {
    fc.assert(fc.property(mac, (data) => isMacBase64(base64(data))))
  })

  it("accepts exactly the strings that Buffer's decoder round-trips unchanged, of 32 bytes", () => {
    // Buffer decodes leniently; a string survives its round trip only if it is canonical.
    fc.assert(
      fc.property(base64ish, (text) => {
        const bytes = Buffer.from(text, 'base64')
        const canonical = bytes.length === 32 && bytes.toString('base64') === text
        expect(isMacBase64(text)).toBe(canonical)
      }),
    )
  })

  it.each([
    ['a published signature', VALID],
    ['all zero bytes', 'A'.repeat(43) + '='],
    ['all one bits', '/'.repeat(42) + '8='],
    ['"+" and "/"', '+/'.repeat(21) + 'w='],
  ])('accepts %s: %j', (_, text) => {
    expect(isMacBase64(text)).toBe(true)
  })

  // Each of these Buffer (and atob, for some) would decode to the bytes of a valid signature.
  it.each([
    ['URL-safe characters', VALID.replace('+', '-').replace('/', '_')],
    ['missing padding', VALID.slice(0, -1)],
    ['padding doubled', `${VALID}=`],
    ['31 bytes, padded with "=="', base64(new Uint8Array(31).fill(7))],
    ['33 bytes, unpadded', base64(new Uint8Array(33).fill(7))],
    ['= in the middle', replaceAt(VALID, 20, '=')],
    ['= before the last character', `${VALID.slice(0, 42)}=M`],
    ['non-zero trailing bits', `${VALID.slice(0, 42)}B=`],
    ['non-zero trailing bits, the highest value', `${VALID.slice(0, 42)}/=`],
    ['a leading space', ` ${VALID.slice(1)}`],
    ['a trailing newline', `${VALID}\n`],
    ['a trailing newline in place of the padding', `${VALID.slice(0, 43)}\n`],
    ['CRLF line breaks', `${VALID.slice(0, 20)}\r\n${VALID.slice(22)}`],
    ['a tab', replaceAt(VALID, 5, '\t')],
    ['a non-ASCII letter', replaceAt(VALID, 5, 'é')],
    ['a full-width letter', replaceAt(VALID, 5, 'Ｂ')],
    ['a character equal to "A" modulo 128', replaceAt(VALID, 5, String.fromCharCode(0x41 + 0x80))],
    ['a character equal to "A" modulo 256', replaceAt(VALID, 5, String.fromCharCode(0x41 + 0x100))],
    ['a NUL', replaceAt(VALID, 5, '\0')],
    ['junk after the padding', `${VALID}!`],
    ['two signatures on two lines', `${VALID}\n${VALID}`],
    ['the empty string', ''],
  ])('rejects %s: %j', (_, text) => {
    expect(isMacBase64(text)).toBe(false)
  })

  it('rejects white space inserted anywhere, in any amount', () => {
    const whiteSpace = fc.string({
      minLength: 1,
      maxLength: 4,
      unit: fc.constantFrom(' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u2028', '\ufeff'),
    })
    fc.assert(
      fc.property(mac, fc.nat(), whiteSpace, (data, at, space) => {
        expect(isMacBase64(insert(base64(data), at, space))).toBe(false)
      }),
    )
  })

  it('rejects any character outside the alphabet, in any place', () => {
    const outside = fc
      .string({ unit: 'binary', minLength: 1, maxLength: 1 })
      .filter((character) => !ALPHABET.includes(character) && character !== '=')
    fc.assert(
      fc.property(mac, fc.nat(), outside, (data, at, character) => {
        expect(isMacBase64(replaceAt(base64(data), at, character))).toBe(false)
      }),
    )
  })
})
