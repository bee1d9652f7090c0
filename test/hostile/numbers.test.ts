import type * as t from 'io-ts'
import { assert, describe, expect, it } from 'vitest'
import {
  finiteNumber,
  integer,
  lenientInteger,
  lenientNumber,
  openEnum,
} from '../../src/codecs/primitives.js'
import { decodeCallbackRequest, type DecodeOptions } from '../../src/index.js'

/* JSON.parse reads 1e400 as Infinity and 1.2e29 as a whole number no integer type can hold. */

const event = (message: object, timestamp: unknown = 1462629479859) => ({
  type: 'message',
  mode: 'active',
  timestamp,
  webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR',
  deliveryContext: { isRedelivery: false },
  source: { type: 'user', userId: 'U4af4980629' },
  replyToken: 'r',
  message,
})
const location = (latitude: unknown, longitude: unknown = 139.7) => ({
  type: 'location',
  id: '1',
  quoteToken: 'q',
  title: 't',
  address: 'a',
  latitude,
  longitude,
})
const text = { type: 'text', id: '1', quoteToken: 'q', text: 'hi' }

const PROFILES: readonly DecodeOptions[] = [{}, { lenient: true }]

function pathsOf(body: unknown, options: DecodeOptions): readonly string[] {
  const result = decodeCallbackRequest(body, { ...options, onInvalidEvent: 'fail' })
  assert(result._tag === 'Left')
  return result.left.issues.map((issue) => issue.path)
}

describe('numbers outside what their types mean', () => {
  it.each([
    ['latitude: 1e400', event(location(JSON.parse('1e400'))), 'events[0].message.latitude'],
    ['longitude: -1e400', event(location(1, JSON.parse('-1e400'))), 'events[0].message.longitude'],
    ['timestamp: 1.2345678901234568e29', event(text, 1.2345678901234568e29), 'events[0].timestamp'],
    ['timestamp: 2^53', event(text, 2 ** 53), 'events[0].timestamp'],
  ])('%s fails in both profiles', (_, value, path) => {
    for (const options of PROFILES) {
      expect(pathsOf({ destination: 'U0', events: [value] }, options)).toStrictEqual([path])
    }
  })

  it('parsed from the text LINE would send', () => {
    const body: unknown = JSON.parse(
      JSON.stringify({ destination: 'U0', events: [event(location(0))] }).replace(
        '"latitude":0',
        '"latitude":1e400',
      ),
    )
    for (const options of PROFILES) {
      expect(pathsOf(body, options)).toStrictEqual(['events[0].message.latitude'])
    }
  })

  it('lenient refuses numerals of them too, and reads those that are finite and safe', () => {
    const options = { lenient: true, onInvalidEvent: 'fail' } as const
    const huge = `1${'0'.repeat(400)}`
    const refused = decodeCallbackRequest(
      { destination: 'U0', events: [event(location(huge), '123456789012345678901234567890')] },
      options,
    )
    assert(refused._tag === 'Left')
    // Lenient makes `timestamp` optional, so it is checked after the required `message`.
    expect(refused.left.issues.map((issue) => issue.path)).toStrictEqual([
      'events[0].message.latitude',
      'events[0].timestamp',
    ])
    const read = decodeCallbackRequest(
      { destination: 'U0', events: [event(location('35.5'), String(2 ** 53 - 1))] },
      options,
    )
    assert(read._tag === 'Right' && read.right.events[0]?.type === 'message')
    expect(read.right.events[0].timestamp).toBe(2 ** 53 - 1)
  })

  it('the largest safe integer and the largest finite number still pass', () => {
    const body = {
      destination: 'U0',
      events: [event(location(Number.MAX_VALUE, -Number.MAX_VALUE), Number.MAX_SAFE_INTEGER)],
    }
    for (const options of PROFILES) {
      expect(decodeCallbackRequest(body, { ...options, onInvalidEvent: 'fail' })).toStrictEqual({
        _tag: 'Right',
        right: body,
      })
    }
  })
})

describe('the leaf codecs, decoded on their own', () => {
  it('take what their `is` takes (struct checks `is` first, so only a direct decode gets here)', () => {
    const cases: readonly (readonly [t.Mixed, unknown])[] = [
      [integer, 1],
      [finiteNumber, 1.5],
      [lenientInteger, 1],
      [lenientNumber, 1.5],
      [openEnum(['a']), 'b'],
    ]
    for (const [codec, value] of cases) {
      expect(codec.decode(value)).toStrictEqual({ _tag: 'Right', right: value })
    }
  })
})
