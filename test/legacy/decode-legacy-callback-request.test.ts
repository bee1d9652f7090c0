/**
 * decodeLegacyCallbackRequest on the edges of the 2016 format: what fails the body, what falls
 * back, what becomes an InvalidEvent and where its failure points, nulls and numerals, the
 * destination, legacyResultOf, and the `acceptLegacy` option of decodeCallbackRequest.
 */
import { assert, describe, expect, it } from 'vitest'
import {
  LenientCallbackRequest,
  createSignature,
  createWebhookHandler,
  decodeCallbackRequest,
  decodeWebhookRequest,
  formatWebhookFailure,
  type InvalidEvent,
  type InvalidPayload,
  type LenientEvent,
  type UnknownEvent,
} from '../../src/index.js'
import { decodeLegacyCallbackRequest, legacyResultOf } from '../../src/legacy/index.js'

const MESSAGE = '138311609000106303'
const OPERATION = '138311609100106403'
const BOT = 'u0cc15697597f61dd8b01cea8b027050e'
const USER = 'uff2aec188e58752ee1fb0f9507c6529a'

type Entry = LenientCallbackRequest['events'][number]

function messageResult(content: Readonly<Record<string, unknown>>, extra = {}) {
  return {
    from: 'u206d25c2ea6bd87c17655609a1c37cb8',
    fromChannel: 1341301815,
    to: [BOT],
    toChannel: 1441301333,
    eventType: MESSAGE,
    id: 'ABCDEF-12345678901',
    content: { id: '325708', createdTime: 1332394961610, from: USER, toType: 1, ...content },
    ...extra,
  }
}

function operationResult(content: Readonly<Record<string, unknown>>, extra = {}) {
  return {
    from: 'u206d25c2ea6bd87c17655609a1c37cb8',
    fromChannel: 1341301815,
    to: [BOT],
    toChannel: 1441301333,
    eventType: OPERATION,
    id: 'ABCDEF-12345678902',
    content: {
      revision: 2469,
      params: ['u0f3bfc598b061eba02183bfc5280886a', null, null],
      ...content,
    },
    ...extra,
  }
}

function decoded(body: unknown): LenientCallbackRequest {
  const result = decodeLegacyCallbackRequest(body)
  assert(result._tag === 'Right', JSON.stringify(result))
  return result.right
}

function only(result: unknown): Entry {
  const { events } = decoded({ result: [result] })
  assert(events.length === 1 && events[0] !== undefined)
  return events[0]
}

function failure(body: unknown): InvalidPayload {
  const result = decodeLegacyCallbackRequest(body, { onInvalidEvent: 'fail' })
  assert(result._tag === 'Left', JSON.stringify(result))
  return result.left
}

const isInvalid = (entry: Entry | undefined): entry is InvalidEvent =>
  entry !== undefined && entry.type === undefined && entry._tag === 'InvalidEvent'
const isUnknown = (entry: Entry | undefined): entry is UnknownEvent =>
  entry !== undefined && entry.type === undefined && entry._tag === 'UnknownEvent'

function message(result: unknown): Extract<LenientEvent, { type: 'message' }>['message'] {
  const event = only(result)
  assert(event.type === 'message', JSON.stringify(event))
  return event.message
}

describe('what fails the whole body', () => {
  it.each([
    ['null', null],
    ['an array', [{ result: [] }]],
    ['a string', '{"result":[]}'],
  ])('a body that is %s', (_, body) => {
    expect(decodeLegacyCallbackRequest(body)).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'InvalidPayload',
        omittedIssues: 0,
        issues: [{ path: '', expected: 'LegacyCallbackRequest', actual: body }],
      },
    })
  })

  it.each([
    ['missing', undefined],
    ['an object', {}],
    ['null', null],
  ])('a `result` that is %s', (_, result) => {
    expect(decodeLegacyCallbackRequest({ result })).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'InvalidPayload',
        omittedIssues: 0,
        issues: [{ path: 'result', expected: 'Array<LegacyResult>', actual: result }],
      },
    })
  })

  it('not an empty `result`: it is an empty list of events', () => {
    expect(decodeLegacyCallbackRequest({ result: [] })).toStrictEqual({
      _tag: 'Right',
      right: { events: [] },
    })
  })
})

describe('today’s fields from the 2016 ones', () => {
  it('takes the timestamp from content.createdTime, else from the result', () => {
    const own = only(messageResult({ contentType: 1, text: 'a' }, { createdTime: 1 }))
    expect(own.type === 'message' && own.timestamp).toBe(1332394961610)
    const inherited = only(
      messageResult(
        { contentType: 1, text: 'a', createdTime: null },
        { createdTime: 1462347951776 },
      ),
    )
    expect(inherited.type === 'message' && inherited.timestamp).toBe(1462347951776)
    const none = only(messageResult({ contentType: 1, text: 'a', createdTime: undefined }))
    assert(none.type === 'message')
    expect('timestamp' in none).toBe(false)
  })

  it('reads channel ids as numbers or strings, and maps neither', () => {
    const result = messageResult(
      { contentType: 1, text: 'a' },
      { fromChannel: '1341301815', toChannel: '1441301333' },
    )
    const event = only(result)
    expect(event.type).toBe('message')
    expect(legacyResultOf(event)?.fromChannel).toBe('1341301815')
    expect(
      JSON.stringify(LenientCallbackRequest.encode(decoded({ result: [result] }))),
    ).not.toMatch(/Channel/)
  })

  it('treats null as absent: text, location, contentMetadata, phone', () => {
    expect(message(messageResult({ contentType: 2, text: null, location: null }))).toStrictEqual({
      type: 'image',
      id: '325708',
    })
    expect(message(messageResult({ contentType: 4, contentMetadata: null }))).toStrictEqual({
      type: 'audio',
      id: '325708',
    })
    const location = { title: null, address: null, latitude: 1.5, longitude: -2, phone: null }
    expect(message(messageResult({ contentType: 7, location }))).toStrictEqual({
      type: 'location',
      id: '325708',
      latitude: 1.5,
      longitude: -2,
    })
  })

  it('keeps a location’s phone and a sticker’s STKVER and STKTXT when they came', () => {
    const location = { latitude: 1, longitude: 2, phone: '03-0000-0000' }
    expect(message(messageResult({ contentType: 7, location }))).toMatchObject({
      phone: '03-0000-0000',
    })
    const contentMetadata = { STKPKGID: '1', STKID: '2' }
    expect(message(messageResult({ contentType: 8, contentMetadata }))).toStrictEqual({
      type: 'sticker',
      id: '325708',
      packageId: '1',
      stickerId: '2',
    })
  })

  it('invents nothing the format lacks', () => {
    const { events } = decoded({
      result: [
        messageResult({ contentType: 1, text: 'a' }),
        messageResult({ contentType: 2 }),
        messageResult({ contentType: 8, contentMetadata: { STKPKGID: '1', STKID: '2' } }),
        operationResult({ opType: 4 }),
      ],
    })
    for (const event of events) {
      assert(event.type !== undefined)
      expect(event).not.toHaveProperty('replyToken')
      expect(event).not.toHaveProperty('deliveryContext')
      expect(event).not.toHaveProperty('follow')
      if (event.type === 'message') {
        expect(event.message).not.toHaveProperty('quoteToken')
        expect(event.message).not.toHaveProperty('contentProvider')
        expect(event.message).not.toHaveProperty('stickerResourceType')
      }
    }
  })

  it('leaves the source out when the result names no user', () => {
    const event = only(messageResult({ contentType: 1, text: 'a', from: null }))
    assert(event.type === 'message')
    expect(event).not.toHaveProperty('source')
    const operation = only(operationResult({ opType: 8, params: [] }))
    assert(operation.type === 'unfollow')
    expect(operation).not.toHaveProperty('source')
  })
})

describe('destination', () => {
  it('is the to[0] the results share', () => {
    const body = { result: [messageResult({ contentType: 2 }), operationResult({ opType: 4 })] }
    expect(decoded(body).destination).toBe(BOT)
  })

  it('ignores results that name no bot', () => {
    const body = { result: [messageResult({ contentType: 2 }, { to: undefined }), 7] }
    expect(decoded({ result: [...body.result, operationResult({ opType: 4 })] }).destination).toBe(
      BOT,
    )
  })

  it('is absent when the results disagree, or none names one', () => {
    const other = operationResult({ opType: 4 }, { to: ['u0000'] })
    expect(decoded({ result: [messageResult({ contentType: 2 }), other] })).not.toHaveProperty(
      'destination',
    )
    expect(decoded({ result: [messageResult({ contentType: 2 }, { to: [] })] })).not.toHaveProperty(
      'destination',
    )
  })
})

describe('what today’s events cannot say falls back, kept whole', () => {
  it('an unknown eventType: an UnknownEvent with the whole result', () => {
    const result = { ...operationResult({ opType: 4 }), eventType: '138311609000106301' }
    const event = only(result)
    assert(isUnknown(event))
    const { type, ...rest } = event.raw
    expect(type).toBe('legacy:eventType:138311609000106301')
    // The result's fields, and today's common ones beside them (no guessed source).
    expect(rest).toStrictEqual({
      ...result,
      mode: 'active',
      webhookEventId: 'ABCDEF-12345678902',
    })
    expect(legacyResultOf(event)).toBe(result)
  })

  it('an eventType sent as a number is not matched: it lost its last digits', () => {
    const event = only({
      ...messageResult({ contentType: 1, text: 'a' }),
      eventType: 1.383116090001063e17,
    })
    assert(isInvalid(event))
    expect(event.issues.map(({ path }) => path)).toStrictEqual(['events[0].type'])
  })

  it('an unknown opType: an UnknownEvent with the whole result and the user', () => {
    const result = operationResult({ opType: 5 })
    const event = only(result)
    assert(isUnknown(event))
    expect(event.raw).toStrictEqual({
      type: 'legacy:opType:5',
      ...result,
      mode: 'active',
      source: { type: 'user', userId: 'u0f3bfc598b061eba02183bfc5280886a' },
      webhookEventId: 'ABCDEF-12345678902',
    })
  })

  it('an unknown contentType: an UnknownMessageContent with the whole content', () => {
    const result = messageResult({ contentType: 9, contentMetadata: { X: 'y' } })
    const content = message(result)
    assert(content.type === undefined)
    expect(content._tag).toBe('UnknownMessageContent')
    expect(content.raw).toStrictEqual({ type: 'legacy:contentType:9', ...result.content })
  })

  it('a contact whose metadata is missing is still kept as what came', () => {
    const content = message(messageResult({ contentType: 10, contentMetadata: null }))
    assert(content.type === undefined)
    expect(content.raw).toStrictEqual({ type: 'legacy:contact', id: '325708' })
  })
})

describe('a malformed result', () => {
  const cases: readonly [string, unknown, InvalidPayload['issues']][] = [
    [
      'a text without text',
      messageResult({ contentType: 1, text: null }),
      [{ path: 'result[0].content.text', expected: 'string', actual: null }],
    ],
    [
      'a sticker without STKID',
      messageResult({ contentType: 8, contentMetadata: { STKPKGID: '1' } }),
      [{ path: 'result[0].content.contentMetadata.STKID', expected: 'string', actual: undefined }],
    ],
    [
      'a sticker without contentMetadata',
      messageResult({ contentType: 8, contentMetadata: null }),
      [
        {
          path: 'result[0].content.contentMetadata',
          expected: '{ [key: string]: string }',
          actual: null,
        },
      ],
    ],
    [
      'an audio whose AUDLEN is no number',
      messageResult({ contentType: 4, contentMetadata: { AUDLEN: '3 s' } }),
      [
        {
          path: 'result[0].content.contentMetadata.AUDLEN',
          expected: 'integer (or its numeral)',
          actual: '3 s',
        },
      ],
    ],
    [
      'a location without location (said once, not per coordinate)',
      messageResult({ contentType: 7, location: null }),
      [{ path: 'result[0].content.location', expected: 'LegacyLocation', actual: null }],
    ],
    [
      'a location with a numeral latitude (read) and a missing longitude',
      messageResult({ contentType: 7, location: { latitude: '35.6' } }),
      [
        {
          path: 'result[0].content.location.longitude',
          expected: 'number (or its numeral)',
          actual: undefined,
        },
      ],
    ],
    [
      'a message without contentType',
      messageResult({ contentType: undefined, text: 'a' }),
      [{ path: 'result[0].content.contentType', expected: 'integer', actual: undefined }],
    ],
    [
      'a message whose contentType is a numeral',
      messageResult({ contentType: '1', text: 'a' }),
      [{ path: 'result[0].content.contentType', expected: 'integer', actual: '1' }],
    ],
    [
      'a message without content',
      { ...messageResult({}), content: null },
      [{ path: 'result[0].content', expected: 'LegacyContent', actual: null }],
    ],
    [
      'a message from a user id that is no string, with no message id',
      messageResult({ contentType: 2, from: 42, id: undefined }),
      [
        { path: 'result[0].content.id', expected: 'string', actual: undefined },
        { path: 'result[0].content.from', expected: 'string', actual: 42 },
      ],
    ],
    [
      'an operation without opType',
      operationResult({}),
      [{ path: 'result[0].content.opType', expected: 'integer', actual: undefined }],
    ],
    [
      'an operation whose user is no string',
      operationResult({ opType: 4, params: [7] }),
      [{ path: 'result[0].content.params[0]', expected: 'string', actual: 7 }],
    ],
    [
      'a result without eventType',
      { ...messageResult({ contentType: 1, text: 'a' }), eventType: undefined },
      [{ path: 'result[0].eventType', expected: 'string', actual: undefined }],
    ],
    [
      'a result whose id is no string',
      { ...messageResult({ contentType: 1, text: 'a' }), id: 12 },
      [{ path: 'result[0].id', expected: 'string', actual: 12 }],
    ],
    [
      'a result whose createdTime is no integer',
      { ...messageResult({ contentType: 1, text: 'a', createdTime: 1.5 }) },
      [
        {
          path: 'result[0].content.createdTime',
          expected: 'integer (or its numeral)',
          actual: 1.5,
        },
      ],
    ],
    [
      'a result that is no object',
      'ABCDEF',
      [{ path: 'result[0]', expected: 'LegacyResult', actual: 'ABCDEF' }],
    ],
  ]

  it.each(cases)(
    '%s: an InvalidEvent in place, or with fail, a failure at the legacy field',
    (_, result, issues) => {
      const body = { result: [result, operationResult({ opType: 4 })] }
      const { events } = decoded(body)
      const [invalid, follow] = events
      assert(isInvalid(invalid))
      expect(invalid.index).toBe(0)
      expect(invalid.issues.length).toBeGreaterThan(0)
      expect(follow?.type).toBe('follow')
      expect(failure(body)).toStrictEqual({ _tag: 'InvalidPayload', issues, omittedIssues: 0 })
    },
  )

  it('is reachable from its InvalidEvent', () => {
    const result = messageResult({ contentType: 1, text: null })
    const [event] = decoded({ result: [result] }).events
    assert(isInvalid(event))
    expect(legacyResultOf(event)).toBe(result)
    // The InvalidEvent describes the event built from it, as the lenient codec found it.
    expect(event.issues).toStrictEqual([
      { path: 'events[0].message.text', expected: 'string', actual: undefined },
    ])
  })

  it('names the index of each invalid result', () => {
    const body = {
      result: [
        operationResult({ opType: 4 }),
        messageResult({ contentType: 1 }),
        operationResult({ opType: 8 }),
        messageResult({ contentType: 8 }),
      ],
    }
    expect(formatWebhookFailure(failure(body))).toBe(
      [
        'invalid payload:',
        'result[1].content.text: expected string, got nothing (missing)',
        'result[3].content.contentMetadata: expected { [key: string]: string }, got nothing (missing)',
      ].join('\n'),
    )
  })
})

describe('legacyResultOf', () => {
  it('is undefined for events that were not adapted, or whose result is no LegacyResult', () => {
    const modern = decodeCallbackRequest({ events: [{ type: 'unfollow' }] }, { lenient: true })
    assert(modern._tag === 'Right' && modern.right.events[0] !== undefined)
    expect(legacyResultOf(modern.right.events[0])).toBeUndefined()
    const [junk] = decoded({ result: [null] }).events
    assert(junk !== undefined)
    expect(legacyResultOf(junk)).toBeUndefined()
    const [oddChannel] = decoded({
      result: [messageResult({ contentType: 2 }, { fromChannel: true })],
    }).events
    assert(oddChannel?.type === 'message')
    expect(legacyResultOf(oddChannel)).toBeUndefined()
  })

  it('adds nothing to the event: today’s JSON is all that encodes', () => {
    const result = messageResult({ contentType: 2 })
    const request = decoded({ result: [result] })
    const [event] = request.events
    assert(event !== undefined)
    expect(Object.getOwnPropertySymbols(event)).toStrictEqual([])
    expect(JSON.stringify(LenientCallbackRequest.encode(request))).not.toContain('fromChannel')
  })
})

describe('decodeCallbackRequest with acceptLegacy', () => {
  const legacyBody = {
    result: [messageResult({ contentType: 1, text: 'hello' }), operationResult({ opType: 4 })],
  }
  const modernBody = {
    destination: 'U0',
    events: [
      {
        type: 'unfollow',
        mode: 'active',
        timestamp: 1462629479859,
        webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR',
        deliveryContext: { isRedelivery: false },
        source: { type: 'user', userId: 'U4af4980629' },
      },
    ],
  }

  it('adapts a legacy body as decodeLegacyCallbackRequest does', () => {
    expect(
      decodeCallbackRequest(legacyBody, { acceptLegacy: decodeLegacyCallbackRequest }),
    ).toStrictEqual(decodeLegacyCallbackRequest(legacyBody))
  })

  it('decodes a modern body as without it: strictly, or leniently with lenient', () => {
    expect(
      decodeCallbackRequest(modernBody, { acceptLegacy: decodeLegacyCallbackRequest }),
    ).toStrictEqual({
      _tag: 'Right',
      right: modernBody,
    })
    const forwarded = { events: modernBody.events }
    expect(
      decodeCallbackRequest(forwarded, { acceptLegacy: decodeLegacyCallbackRequest }),
    ).toStrictEqual(decodeCallbackRequest(forwarded))
    expect(
      decodeCallbackRequest(forwarded, { acceptLegacy: decodeLegacyCallbackRequest, lenient: true })
        ._tag,
    ).toBe('Right')
  })

  it('reads a body with both `events` and `result` as modern, so no event is dropped unseen', () => {
    const both = { ...modernBody, result: legacyBody.result }
    const result = decodeCallbackRequest(both, { acceptLegacy: decodeLegacyCallbackRequest })
    assert(result._tag === 'Right')
    expect(result.right.events).toStrictEqual(modernBody.events)
  })

  it('names `result` when a legacy body’s result is no array', () => {
    expect(
      decodeCallbackRequest({ result: 'x' }, { acceptLegacy: decodeLegacyCallbackRequest }),
    ).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'InvalidPayload',
        omittedIssues: 0,
        issues: [{ path: 'result', expected: 'Array<LegacyResult>', actual: 'x' }],
      },
    })
  })

  it('honours onInvalidEvent for legacy bodies', () => {
    const body = { result: [messageResult({ contentType: 1, text: null })] }
    const kept = decodeCallbackRequest(body, { acceptLegacy: decodeLegacyCallbackRequest })
    assert(kept._tag === 'Right')
    expect(isInvalid(kept.right.events[0])).toBe(true)
    expect(
      decodeCallbackRequest(body, {
        acceptLegacy: decodeLegacyCallbackRequest,
        onInvalidEvent: 'fail',
      }),
    ).toStrictEqual({
      _tag: 'Left',
      left: {
        _tag: 'InvalidPayload',
        omittedIssues: 0,
        issues: [{ path: 'result[0].content.text', expected: 'string', actual: null }],
      },
    })
  })

  it('is off by default: a legacy body is read as a broken modern one', () => {
    const result = decodeCallbackRequest(legacyBody)
    assert(result._tag === 'Left')
    expect(result.left.issues.map(({ path }) => path)).toStrictEqual(['destination', 'events'])
    expect(decodeCallbackRequest(legacyBody, { acceptLegacy: false })).toStrictEqual(result)
  })

  describe("misuse: 0.1's acceptLegacy: true", () => {
    const misuse =
      /acceptLegacy takes decodeLegacyCallbackRequest from 'line-webhook\/legacy', or false; got true/

    it('throws from decodeCallbackRequest, saying where the decoder is', () => {
      expect(() => decodeCallbackRequest(legacyBody, { acceptLegacy: true as never })).toThrow(
        misuse,
      )
      expect(() => decodeCallbackRequest(legacyBody, { acceptLegacy: 1 as never })).toThrow(
        /got number/,
      )
    })

    it('rejects from decodeWebhookRequest, and throws from createWebhookHandler at once', async () => {
      const channelSecret = 'legacy-misuse'
      const body = JSON.stringify(legacyBody)
      const signature = await createSignature({ channelSecret, body })
      await expect(
        decodeWebhookRequest({ channelSecret, body, signature }, { acceptLegacy: true as never }),
      ).rejects.toThrow(misuse)
      expect(() =>
        createWebhookHandler({ channelSecret, decode: { acceptLegacy: true as never } }),
      ).toThrow(misuse)
    })
  })
})
