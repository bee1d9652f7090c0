/**
 * The body limit's arithmetic, on its own: the adapters' tests (fetch, node) send whole requests
 * and reach each boundary once at most, so a limit off by one byte, a `Content-Length` read too
 * loosely, or chunks joined in the wrong place would pass them.
 */
import { Buffer } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import {
  ChunkCollector,
  bodyOf,
  declaredTooLarge,
  isUint8Array,
  tooLarge,
} from '../../src/handler/read-body.js'

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values)

describe('declaredTooLarge', () => {
  it('is true only for a Content-Length of digits over the limit', () => {
    expect(declaredTooLarge('11', 10)).toBe(true)
    expect(declaredTooLarge('10', 10)).toBe(false)
    expect(declaredTooLarge('9', 10)).toBe(false)
    expect(declaredTooLarge(undefined, 10)).toBe(false)
  })

  it.each(['', ' 11', '11 ', '+11', '11x', 'x11', '1e3', '0x20', '11.5', '-11'])(
    'leaves %j to the reading, which counts the bytes',
    (contentLength) => {
      expect(declaredTooLarge(contentLength, 10)).toBe(false)
    },
  )
})

describe('bodyOf', () => {
  it('keeps bytes up to the limit, the same bytes', () => {
    const body = bytes(1, 2, 3)
    expect(bodyOf(body, 3)).toStrictEqual({ _tag: 'Body', body })
    expect((bodyOf(body, 3) as { readonly body: Uint8Array }).body).toBe(body)
    expect(bodyOf(body, 2)).toBe(tooLarge)
  })

  it('measures a string by its UTF-8 bytes, which are what LINE signs', () => {
    // Two characters, five bytes.
    expect(bodyOf('éé!', 5)).toStrictEqual({
      _tag: 'Body',
      body: bytes(0xc3, 0xa9, 0xc3, 0xa9, 33),
    })
    expect(bodyOf('éé!', 4)).toBe(tooLarge)
    expect(bodyOf('', 0)).toStrictEqual({ _tag: 'Body', body: bytes() })
  })
})

describe('ChunkCollector', () => {
  it('joins the chunks in order, strings as UTF-8', () => {
    const collector = new ChunkCollector(10)
    expect(collector.add(bytes(1, 2))).toBe(true)
    expect(collector.add('é')).toBe(true)
    expect(collector.add(bytes())).toBe(true)
    expect(collector.add(bytes(3))).toBe(true)
    expect(collector.body()).toStrictEqual({ _tag: 'Body', body: bytes(1, 2, 0xc3, 0xa9, 3) })
  })

  it('takes exactly maxBytes, and answers false at the first byte over', () => {
    const collector = new ChunkCollector(4)
    expect(collector.add(bytes(1, 2, 3))).toBe(true)
    expect(collector.add(bytes(4))).toBe(true)
    expect(collector.body()).toStrictEqual({ _tag: 'Body', body: bytes(1, 2, 3, 4) })
    expect(collector.add(bytes(5))).toBe(false)
  })

  it('counts what went over, so a later small chunk does not fit either', () => {
    const collector = new ChunkCollector(4)
    expect(collector.add(bytes(1, 2, 3, 4, 5))).toBe(false)
    expect(collector.add(bytes())).toBe(false)
  })

  it('gives an empty body when nothing came', () => {
    expect(new ChunkCollector(0).body()).toStrictEqual({ _tag: 'Body', body: bytes() })
  })
})

describe('isUint8Array', () => {
  it('knows a Uint8Array, from this realm or a Buffer', () => {
    expect(isUint8Array(bytes(1))).toBe(true)
    expect(isUint8Array(Buffer.from('x'))).toBe(true)
  })

  it('refuses other views, buffers and lookalikes', () => {
    const others: unknown[] = [
      new Int8Array(1),
      new Uint8ClampedArray(1),
      new DataView(new ArrayBuffer(1)),
      new ArrayBuffer(1),
      { [Symbol.toStringTag]: 'Uint8Array', length: 1 },
      [1],
      'x',
      null,
      undefined,
    ]
    for (const other of others) expect(isUint8Array(other)).toBe(false)
  })
})
