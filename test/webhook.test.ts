/**
 * Receiving a webhook end to end: verify the signature over the exact bytes, parse, decode.
 * Every outcome of network input is a resolved value; only misuse rejects, and never throws.
 */
import fc from 'fast-check'
import { assert, describe, expect, it } from 'vitest'
import {
  CallbackRequest,
  WebhookError,
  createSignature,
  decodeWebhookRequest,
  formatWebhookFailure,
  parseWebhookRequest,
  verifySignature,
  type SignatureMismatch,
  type VerifySignatureParams,
  type WebhookFailure,
} from '../src/index.js'
import { decodeLegacyCallbackRequest } from '../src/legacy/index.js'
import { modernFixture } from './support/fixtures.js'

const channelSecret = 'webhook-test-secret'

const textEvent = {
  type: 'message',
  mode: 'active',
  timestamp: 1462629479859,
  webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR',
  deliveryContext: { isRedelivery: false },
  source: { type: 'user', userId: 'U4af4980629' },
  replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA',
  message: { type: 'text', id: '468789577898262530', quoteToken: 'q3Plxr4AgKd', text: 'Hello' },
}
const validBody = JSON.stringify({ destination: 'U0', events: [textEvent] })

async function signed(body: string | Uint8Array): Promise<VerifySignatureParams> {
  return { channelSecret, body, signature: await createSignature({ channelSecret, body }) }
}

async function failureOf(params: VerifySignatureParams): Promise<WebhookFailure> {
  const result = await decodeWebhookRequest(params)
  assert(result._tag === 'Left', 'the request fails')
  return result.left
}

async function bodyOf(params: VerifySignatureParams): Promise<CallbackRequest> {
  const result = await decodeWebhookRequest(params)
  assert(result._tag === 'Right', 'the request decodes')
  return result.right
}

describe('decodeWebhookRequest', () => {
  it('decodes a signed body', async () => {
    const body = await bodyOf(await signed(validBody))
    expect(body).toStrictEqual(JSON.parse(validBody))
    const [event] = body.events
    assert(event?.type === 'message' && event.message.type === 'text')
    expect(event.message.text).toBe('Hello')
  })

  it('decodes the bytes of a Buffer, a Uint8Array and a string alike', async () => {
    const { bytes, json } = modernFixture('python-sdk-webhook.json')
    const views = [bytes, new Uint8Array(bytes), bytes.toString('utf8')]
    for (const view of views) {
      const body = await bodyOf(await signed(view))
      expect(CallbackRequest.encode(body)).toStrictEqual(json)
      expect(body.events).toHaveLength(28)
    }
  })

  it('fails a forged, missing or differently keyed signature before reading the body', async () => {
    const other = await createSignature({ channelSecret, body: '{}' })
    const rotated = await createSignature({
      channelSecret: `${channelSecret}-old`,
      body: validBody,
    })
    const cases: [VerifySignatureParams, SignatureMismatch['reason']][] = [
      [{ channelSecret, body: validBody, signature: other }, 'mismatch'],
      [{ channelSecret, body: validBody, signature: null }, 'missing'],
      [{ channelSecret, body: validBody, signature: undefined }, 'missing'],
      [{ channelSecret, body: validBody, signature: '' }, 'missing'],
      [{ channelSecret, body: validBody, signature: rotated }, 'mismatch'],
      [{ channelSecret, body: validBody, signature: other.slice(0, -1) }, 'malformed'],
      // Not JSON, and never parsed: the signature is checked first.
      [{ channelSecret, body: 'not json', signature: other }, 'mismatch'],
      [{ channelSecret, body: 'not json', signature: 'not base64!' }, 'malformed'],
    ]
    for (const [params, reason] of cases) {
      expect(await failureOf(params)).toStrictEqual({ _tag: 'SignatureMismatch', reason })
    }
  })

  it('says why a signature failed, on the 2016 path too, showing neither header nor secret', async () => {
    const legacyBody = '{"result":[]}'
    const signature = await createSignature({ channelSecret: 'another secret', body: legacyBody })
    const cases: [string | null, SignatureMismatch['reason']][] = [
      [null, 'missing'],
      [signature.replace('=', ''), 'malformed'],
      [signature, 'mismatch'],
    ]
    const lines = new Set<string>()
    for (const [header, reason] of cases) {
      const params = { channelSecret, body: legacyBody, signature: header }
      const result = await decodeWebhookRequest(params, {
        acceptLegacy: decodeLegacyCallbackRequest,
      })
      expect(result).toStrictEqual({ _tag: 'Left', left: { _tag: 'SignatureMismatch', reason } })
      assert(result._tag === 'Left')
      const line = formatWebhookFailure(result.left)
      expect(line).toMatch(/^signature mismatch: /)
      expect(line).not.toContain(channelSecret)
      expect(line).not.toContain(signature.slice(0, 8))
      lines.add(line)
    }
    expect(lines.size).toBe(3)
  })

  it('fails a signed body that is not JSON', async () => {
    for (const body of ['not json', '', '{"destination":"U0","events":[]', '{"a":1}{"b":2}']) {
      expect(await failureOf(await signed(body))).toStrictEqual({
        _tag: 'MalformedJson',
        reason: 'syntax',
      })
    }
  })

  it('fails a byte order mark alike in a string and in bytes', async () => {
    const body = `\uFEFF${validBody}`
    const malformed = { _tag: 'MalformedJson', reason: 'syntax' }
    expect(await failureOf(await signed(body))).toStrictEqual(malformed)
    expect(await failureOf(await signed(new TextEncoder().encode(body)))).toStrictEqual(malformed)
  })

  it('fails signed bytes that are not UTF-8, and never repairs them', async () => {
    const invalid = [
      [0x7b, 0xff, 0x7d], // a byte UTF-8 never uses
      [0x22, 0xc0, 0xaf, 0x22], // an overlong "/"
      [0x22, 0xed, 0xa0, 0x80, 0x22], // an encoded surrogate
      [0x22, 0xe6, 0xb8, 0x22], // a truncated sequence
    ]
    for (const bytes of invalid) {
      expect(await failureOf(await signed(new Uint8Array(bytes)))).toStrictEqual({
        _tag: 'MalformedJson',
        reason: 'encoding',
      })
    }
  })

  it('fails a signed body whose envelope is broken, naming every issue', async () => {
    expect(await failureOf(await signed('{"events":{}}'))).toStrictEqual({
      _tag: 'InvalidPayload',
      omittedIssues: 0,
      issues: [
        { path: 'destination', expected: 'string', actual: undefined },
        { path: 'events', expected: 'Array<Event>', actual: {} },
      ],
    })
  })

  it('verifies an emoji LINE escaped over the bytes sent, not over JSON re-serialised', async () => {
    // LINE escapes non-BMP characters; JSON.stringify writes them raw, so the bytes differ.
    const body = String.raw`{"destination":"U0","events":[{"type":"message","mode":"active","timestamp":1462629479859,"webhookEventId":"01FZ74A0TDDPYRVKNK77XKC3ZR","deliveryContext":{"isRedelivery":false},"message":{"type":"text","id":"1","quoteToken":"q","text":"\uD83D\uDE00"}}]}`
    const params = await signed(body)
    const decoded = await bodyOf(params)
    const [event] = decoded.events
    assert(event?.type === 'message' && event.message.type === 'text')
    expect(event.message.text).toBe('😀')
    expect(await bodyOf({ ...params, body: Buffer.from(body) })).toStrictEqual(decoded)

    const reserialised = JSON.stringify(JSON.parse(body))
    expect(reserialised).not.toBe(body)
    expect(await failureOf({ ...params, body: reserialised })).toStrictEqual({
      _tag: 'SignatureMismatch',
      reason: 'mismatch',
    })
  })

  it('keeps an invalid event by default, and fails the body with onInvalidEvent: fail', async () => {
    const broken = { ...textEvent, timestamp: '1462629479859' }
    const params = await signed(JSON.stringify({ destination: 'U0', events: [textEvent, broken] }))
    const issues = [{ path: 'events[1].timestamp', expected: 'integer', actual: '1462629479859' }]

    const kept = await decodeWebhookRequest(params)
    assert(kept._tag === 'Right')
    const [typed, invalid] = kept.right.events
    expect(typed?.type).toBe('message')
    assert(invalid !== undefined && invalid.type === undefined && invalid._tag === 'InvalidEvent')
    expect(invalid.issues).toStrictEqual(issues)

    expect(await decodeWebhookRequest(params, { onInvalidEvent: 'fail' })).toStrictEqual({
      _tag: 'Left',
      left: { _tag: 'InvalidPayload', issues, omittedIssues: 0 },
    })
  })

  it('accepts any of several secrets while they rotate', async () => {
    const params = await signed(validBody)
    const rotating = { ...params, channelSecret: ['new-secret', channelSecret] }
    expect((await decodeWebhookRequest(rotating))._tag).toBe('Right')
  })
})

describe('parseWebhookRequest', () => {
  it('resolves the body', async () => {
    expect(await parseWebhookRequest(await signed(validBody))).toStrictEqual(JSON.parse(validBody))
  })

  it('rejects with a WebhookError carrying each failure', async () => {
    const forged = { channelSecret, body: validBody, signature: null }
    const cases: [VerifySignatureParams, WebhookFailure][] = [
      [forged, { _tag: 'SignatureMismatch', reason: 'missing' }],
      [await signed('nope'), { _tag: 'MalformedJson', reason: 'syntax' }],
      [await signed(new Uint8Array([0xff])), { _tag: 'MalformedJson', reason: 'encoding' }],
      [
        await signed('[]'),
        {
          _tag: 'InvalidPayload',
          issues: [{ path: '', expected: 'CallbackRequest', actual: [] }],
          omittedIssues: 0,
        },
      ],
    ]
    for (const [params, failure] of cases) {
      const error: unknown = await parseWebhookRequest(params).then(
        () => undefined,
        (reason: unknown) => reason,
      )
      assert(error instanceof WebhookError)
      expect(error.failure).toStrictEqual(failure)
    }
  })

  it('passes onInvalidEvent on', async () => {
    const broken = { ...textEvent, mode: 1 }
    const params = await signed(JSON.stringify({ destination: 'U0', events: [broken] }))
    const [event] = (await parseWebhookRequest(params)).events
    assert(event !== undefined && event.type === undefined)
    expect(event._tag).toBe('InvalidEvent')
    await expect(parseWebhookRequest(params, { onInvalidEvent: 'fail' })).rejects.toBeInstanceOf(
      WebhookError,
    )
  })
})

describe('misuse rejects with a TypeError, and never throws', () => {
  const SECRET = 'misuse-7d1e-secret-never-shown'
  const parsed: unknown = JSON.parse(validBody)
  const misuses: [string, unknown][] = [
    ['an empty secret', { channelSecret: '', body: validBody, signature: null }],
    ['an empty list of secrets', { channelSecret: [], body: validBody, signature: null }],
    [
      'an empty secret in a list',
      { channelSecret: [SECRET, ''], body: validBody, signature: null },
    ],
    ['a parsed body', { channelSecret: SECRET, body: parsed, signature: null }],
    ['an ArrayBuffer body', { channelSecret: SECRET, body: new ArrayBuffer(2), signature: null }],
    ['a missing body', { channelSecret: SECRET, signature: null }],
    ['no params at all', undefined],
  ]
  const receivers = { decodeWebhookRequest, parseWebhookRequest }

  describe.each(Object.entries(receivers))('%s', (_, receive) => {
    it.each(misuses)('for %s, with a message that shows no secret', async (_, params) => {
      let returned: Promise<unknown> | undefined
      // @ts-expect-error misuse on purpose: what plain JavaScript or a body parser can pass
      const call = (): unknown => (returned = receive(params))
      expect(call).not.toThrow()
      assert(returned !== undefined)
      const error: unknown = await returned.then(
        () => undefined,
        (reason: unknown) => reason,
      )
      assert(error instanceof TypeError)
      expect(error.message).not.toContain(SECRET)
      if (params !== undefined) expect(error.message).toMatch(/^line-webhook: /)
    })
  })

  it('is caught by .catch(), and names the fix when a body parser ran first', async () => {
    const body: unknown = JSON.parse(validBody)
    const params = { channelSecret, body, signature: null }
    // @ts-expect-error misuse on purpose: the body is an object
    const caught: unknown = await decodeWebhookRequest(params).catch((error: unknown) => error)
    expect(caught).toBeInstanceOf(TypeError)
    expect(String(caught)).toMatch(/before any JSON parser.*raw/)
  })
})

describe('decodeWebhookRequest resolves, for any body', () => {
  const anyBytes = fc.uint8Array({ maxLength: 512 })
  const anyString = fc.string({ unit: 'binary', maxLength: 256 })
  const jsonText = fc.oneof(
    fc.json(),
    fc.jsonValue().map((events) => JSON.stringify({ destination: 'U0', events })),
  )

  async function settle(params: VerifySignatureParams): Promise<WebhookFailure['_tag'] | 'Right'> {
    const result = await decodeWebhookRequest(params)
    return result._tag === 'Left' ? result.left._tag : 'Right'
  }

  it('signed bytes: never a signature mismatch, never a rejection', async () => {
    await fc.assert(
      fc.asyncProperty(anyBytes, async (body) => {
        expect(['MalformedJson', 'InvalidPayload', 'Right']).toContain(
          await settle(await signed(body)),
        )
      }),
    )
  })

  it('signed strings: never a signature mismatch, never an encoding failure', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyString, jsonText), async (body) => {
        const params = await signed(body)
        expect(['MalformedJson', 'InvalidPayload', 'Right']).toContain(await settle(params))
        const result = await decodeWebhookRequest(params)
        if (result._tag === 'Left' && result.left._tag === 'MalformedJson') {
          expect(result.left.reason).toBe('syntax')
        }
      }),
    )
  })

  it('signed JSON text: never malformed', async () => {
    await fc.assert(
      fc.asyncProperty(jsonText, async (body) => {
        expect(['InvalidPayload', 'Right']).toContain(await settle(await signed(body)))
        expect(['InvalidPayload', 'Right']).toContain(
          await settle(await signed(new TextEncoder().encode(body))),
        )
      }),
    )
  })

  it('unsigned or wrongly signed: a signature mismatch', async () => {
    const signature = fc.oneof(
      fc.constant(null),
      fc.constant(undefined),
      fc.string(),
      fc.base64String(),
    )
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyBytes, anyString), signature, async (body, header) => {
        expect(await settle({ channelSecret, body, signature: header })).toBe('SignatureMismatch')
      }),
    )
  })

  it('a signed body nested 200 000 deep', async () => {
    const depth = 200_000
    for (const body of [
      '['.repeat(depth) + ']'.repeat(depth),
      '{"a":'.repeat(depth) + '1' + '}'.repeat(depth),
    ]) {
      expect(await settle(await signed(body))).toBe('InvalidPayload')
    }
  })
})

describe('on node:crypto', () => {
  it('settles with no promise hop: its callbacks run before a microtask queued after it', async () => {
    const params = await signed(validBody)
    const unsigned = { ...params, signature: null }
    const order: string[] = []
    const settled = Promise.all([
      decodeWebhookRequest(params).then(() => order.push('decoded')),
      decodeWebhookRequest(unsigned).then(() => order.push('refused')),
      verifySignature(params).then(() => order.push('verified')),
    ])
    void Promise.resolve().then(() => order.push('next microtask'))
    await settled
    expect(order).toStrictEqual(['decoded', 'refused', 'verified', 'next microtask'])
  })
})

describe('what is verified is what is decoded', () => {
  it('reads the body once, so a getter cannot swap it after verification', async () => {
    const signedBody = validBody
    const signature = await createSignature({ channelSecret, body: signedBody })
    let reads = 0
    const params = {
      channelSecret,
      signature,
      get body() {
        reads++
        return reads === 1 ? signedBody : '{"destination":"EVIL","events":[]}'
      },
    }
    const result = await decodeWebhookRequest(params)
    expect(reads).toBe(1)
    expect(result._tag === 'Right' && result.right.destination).toBe('U0')
  })
})
