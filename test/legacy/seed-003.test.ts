/**
 * Seed 003: a 2016 wiki page that logged what the BOT API trial sent, one full body and one
 * `content` per message type. Its JSON is repaired as ./legacy-fixtures.ts documents (the page's
 * notes and number placeholders are not JSON). Every sample is adapted field by field.
 */
import { assert, describe, expect, it } from 'vitest'
import { LenientCallbackRequest } from '../../src/index.js'
import {
  LegacyContactMessageContent,
  LegacyResult,
  decodeLegacyCallbackRequest,
  legacyResultOf,
} from '../../src/legacy/index.js'
import { SEED_003_CAPTIONS, seed003, type Seed003Caption } from './legacy-fixtures.js'
import { isRecord } from '../../src/internal/record.js'

const { body, contents } = seed003()

/** The page's one result, the envelope every per-type sample is tested in. */
const envelope = (() => {
  assert(isRecord(body) && Array.isArray(body['result']) && body['result'].length === 1)
  const [result] = body['result'] as readonly unknown[]
  assert(isRecord(result))
  return result
})()

function decoded(json: unknown): LenientCallbackRequest {
  const result = decodeLegacyCallbackRequest(json, { onInvalidEvent: 'fail' })
  assert(result._tag === 'Right', JSON.stringify(result))
  return result.right
}

/** Today's JSON of the adapted body: what a handler of modern bodies would have been sent. */
const todaysJson = (request: LenientCallbackRequest): unknown =>
  LenientCallbackRequest.encode(request)

// The placeholders the page writes for ids, as it writes them.
const userId = '[MID of the user who sent the message.]'
const messageId = '[Identifier of the message]'
const webhookEventId = '[ID string to identify each event]'
const destination = '[MID value granted by the BOT API server’s Channel]'
const source = { type: 'user', userId }

describe('seed 003, the full body', () => {
  it('becomes one text message event, field by field', () => {
    const request = decoded(body)
    expect(todaysJson(request)).toStrictEqual({
      destination,
      events: [
        {
          type: 'message',
          mode: 'active',
          timestamp: 1462347951739, // content.createdTime, not the result's 1462347951776
          source,
          webhookEventId,
          message: { type: 'text', id: messageId, text: 'てすと' },
        },
      ],
    })
    const [event] = request.events
    assert(event !== undefined)
    expect(legacyResultOf(event)).toBe(envelope)
    expect(LegacyResult.is(envelope)).toBe(true)
  })
})

describe('seed 003, one sample per content type', () => {
  const message = (caption: Seed003Caption): unknown => {
    const content = contents.get(caption)
    const request = decoded({ result: [{ ...envelope, content }] })
    expect(request.destination).toBe(destination)
    const [event] = request.events
    assert(event?.type === 'message')
    expect(event.source).toStrictEqual(source)
    expect(event.webhookEventId).toBe(webhookEventId)
    expect(event.mode).toBe('active')
    assert(isRecord(content))
    expect(event.timestamp).toBe(content['createdTime'])
    // Nothing the 2016 format lacks is made up.
    expect(Object.keys(event).sort()).toStrictEqual(
      ['message', 'mode', 'source', 'timestamp', 'type', 'webhookEventId'].sort(),
    )
    const [json] = (todaysJson(request) as { events: readonly { message: unknown }[] }).events
    return json?.message
  }

  it('holds the seven samples the page lists', () => {
    expect([...contents.keys()]).toStrictEqual(SEED_003_CAPTIONS)
  })

  it('text (contentType 1)', () => {
    expect(message('Text message')).toStrictEqual({ type: 'text', id: messageId, text: 'てすと' })
  })

  it('image (contentType 2): its empty text is not an image field', () => {
    expect(message('Image message')).toStrictEqual({ type: 'image', id: messageId })
  })

  it('video (contentType 3)', () => {
    expect(message('Video message')).toStrictEqual({ type: 'video', id: messageId })
  })

  it('audio (contentType 4): AUDLEN "3064" is the duration 3064', () => {
    expect(message('Audio message')).toStrictEqual({ type: 'audio', id: messageId, duration: 3064 })
  })

  it('location (contentType 7): its null phone and text are absent', () => {
    expect(message('Location message')).toStrictEqual({
      type: 'location',
      id: messageId,
      title: '位置情報',
      address: ' 〒xxx-xxxx 東京都xxxxxxxxxxxxxxxxx',
      latitude: 35.658977,
      longitude: 139.703811,
    })
  })

  it('sticker (contentType 8): STKPKGID and STKID are the ids, STKVER and STKTXT are kept', () => {
    expect(message('Sticker message')).toStrictEqual({
      type: 'sticker',
      id: messageId,
      packageId: '1',
      stickerId: '114',
      STKVER: '100',
      STKTXT: '[スタンプ]',
    })
  })

  it('contact (contentType 10): an UnknownMessageContent holding a LegacyContactMessageContent', () => {
    const raw = {
      type: 'legacy:contact',
      id: messageId,
      mid: '[連絡先のMID]',
      displayName: '[連絡先の名前]',
    }
    expect(message('Contact message')).toStrictEqual(raw)
    const content = contents.get('Contact message')
    const [event] = decoded({ result: [{ ...envelope, content }] }).events
    assert(event?.type === 'message' && event.message.type === undefined)
    expect(event.message._tag).toBe('UnknownMessageContent')
    expect(event.message.raw).toStrictEqual(raw)
    expect(LegacyContactMessageContent.is(event.message.raw)).toBe(true)
  })

  it('adapts all seven in one body, each event reaching its own result', () => {
    const results = SEED_003_CAPTIONS.map((caption) => ({
      ...envelope,
      content: contents.get(caption),
    }))
    const { events } = decoded({ result: results })
    expect(events.map((event) => event.type)).toStrictEqual(Array(7).fill('message'))
    events.forEach((event, index) => {
      expect(legacyResultOf(event)).toBe(results[index])
    })
  })
})
