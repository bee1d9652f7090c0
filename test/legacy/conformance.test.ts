/**
 * conformance/legacy: the body line-bot-sdk-go's 2016 tests received, signed with `testsecret`.
 * Every one of its nine results is adapted field by field, and its signature verifies under the
 * legacy header with today's rule.
 */
import { assert, describe, expect, it } from 'vitest'
import {
  LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME,
  LenientCallbackRequest,
  decodeCallbackRequest,
  decodeWebhookRequest,
  parseWebhookRequest,
  verifySignature,
} from '../../src/index.js'
import {
  LegacyResult,
  decodeLegacyCallbackRequest,
  legacyResultOf,
} from '../../src/legacy/index.js'
import { goSdkReceive } from './legacy-fixtures.js'

const channelSecret = 'testsecret'
const signature = 'I/HaFldQXToodTZ9Kv7uXeRiAvhgBD7bTQMagscy8m0='

const base = {
  mode: 'active',
  timestamp: 1332394961610,
  source: { type: 'user', userId: 'uff2aec188e58752ee1fb0f9507c6529a' },
  webhookEventId: 'ABCDEF-12345678901',
}
const messageEvent = (message: unknown) => ({ type: 'message', ...base, message })
const friend = { type: 'user', userId: 'u0f3bfc598b061eba02183bfc5280886a' }

/** Today's JSON for the file, written out: what a handler of modern bodies would see. */
const expected = {
  destination: 'u0cc15697597f61dd8b01cea8b027050e',
  events: [
    messageEvent({ type: 'text', id: '325708', text: 'hello' }),
    messageEvent({ type: 'image', id: '325708' }),
    messageEvent({ type: 'video', id: '325708' }),
    messageEvent({ type: 'audio', id: '325708', duration: 1234 }),
    // Its `text` repeats the title and is not a location field; its null phone is absent.
    messageEvent({
      type: 'location',
      id: '325708',
      title: '位置情報',
      address: '日本 〒150-0002 東京都渋谷区渋谷',
      latitude: 35.658977,
      longitude: 139.703811,
    }),
    messageEvent({
      type: 'sticker',
      id: '325708',
      packageId: '1234',
      stickerId: '5678',
      STKVER: '1',
      STKTXT: '[]',
    }),
    messageEvent({
      type: 'legacy:contact',
      id: '325708',
      mid: 'u0cc15697597f61dd8b01cea8b027050e',
      displayName: 'USER NAME',
    }),
    // Operations carry no createdTime, so they have no timestamp: none is made up.
    { type: 'follow', mode: 'active', source: friend, webhookEventId: 'ABCDEF-12345678902' },
    { type: 'unfollow', mode: 'active', source: friend, webhookEventId: 'ABCDEF-12345678903' },
  ],
}

function results(json: unknown): readonly unknown[] {
  assert(typeof json === 'object' && json !== null && 'result' in json)
  assert(Array.isArray(json.result))
  return json.result as readonly unknown[]
}

describe('go-sdk-2016-receive.json', () => {
  it('adapts every result, field by field', () => {
    const { json } = goSdkReceive()
    const decoded = decodeLegacyCallbackRequest(json, { onInvalidEvent: 'fail' })
    assert(decoded._tag === 'Right')
    expect(LenientCallbackRequest.encode(decoded.right)).toStrictEqual(expected)
  })

  it('types each event as today’s: messages by type, the contact as an unknown message', () => {
    const decoded = decodeLegacyCallbackRequest(goSdkReceive().json)
    assert(decoded._tag === 'Right')
    const kinds = decoded.right.events.map((event) => {
      if (event.type === undefined) return event._tag
      if (event.type !== 'message') return event.type
      return event.message.type ?? event.message._tag
    })
    expect(kinds).toStrictEqual([
      'text',
      'image',
      'video',
      'audio',
      'location',
      'sticker',
      'UnknownMessageContent',
      'follow',
      'unfollow',
    ])
  })

  it('keeps each result reachable from its event, as the very object', () => {
    const { json } = goSdkReceive()
    const decoded = decodeLegacyCallbackRequest(json)
    assert(decoded._tag === 'Right')
    const originals = results(json)
    expect(originals.every((result) => LegacyResult.is(result))).toBe(true)
    decoded.right.events.forEach((event, index) => {
      expect(legacyResultOf(event)).toBe(originals[index])
    })
    const follow = legacyResultOf(decoded.right.events[7] ?? {})
    expect([follow?.fromChannel, follow?.toChannel, follow?.content?.revision]).toStrictEqual([
      1341301815, 1441301333, 2469,
    ])
  })

  it('leaves the body it was given as it was', () => {
    const { json, bytes } = goSdkReceive()
    decodeLegacyCallbackRequest(json)
    expect(json).toStrictEqual(JSON.parse(bytes.toString('utf8')))
  })
})

describe('the legacy signature header', () => {
  it('is X-LINE-ChannelSignature, lower-cased as Headers reports it', () => {
    expect(LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME).toBe('x-line-channelsignature')
    const headers = new Headers({ 'X-LINE-ChannelSignature': signature })
    expect(headers.get(LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME)).toBe(signature)
  })

  it('verifies the conformance body with today’s rule', async () => {
    const { bytes } = goSdkReceive()
    expect(await verifySignature({ channelSecret, body: bytes, signature })).toBe(true)
    expect(await verifySignature({ channelSecret, body: bytes.toString('utf8'), signature })).toBe(
      true,
    )
    const tampered = Buffer.concat([bytes, Buffer.from(' ')])
    expect(await verifySignature({ channelSecret, body: tampered, signature })).toBe(false)
  })

  it('lets one call verify, parse and adapt a signed legacy body', async () => {
    const { bytes } = goSdkReceive()
    const headers = new Headers({ 'X-LINE-ChannelSignature': signature })
    const params = {
      channelSecret,
      body: new Uint8Array(bytes),
      signature: headers.get(LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME),
    }
    const result = await decodeWebhookRequest(params, { acceptLegacy: decodeLegacyCallbackRequest })
    assert(result._tag === 'Right')
    expect(LenientCallbackRequest.encode(result.right)).toStrictEqual(expected)
    const parsed = await parseWebhookRequest(params, {
      acceptLegacy: decodeLegacyCallbackRequest,
      onInvalidEvent: 'fail',
    })
    expect(LenientCallbackRequest.encode(parsed)).toStrictEqual(expected)
    // Without the option the body is read as today's, and fails as today's would.
    const strict = await decodeWebhookRequest(params)
    expect(strict._tag === 'Left' && strict.left._tag).toBe('InvalidPayload')
    expect(decodeCallbackRequest(goSdkReceive().json)._tag).toBe('Left')
  })
})
