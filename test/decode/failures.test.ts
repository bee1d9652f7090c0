/**
 * Failures as people and programs see them: the issues decodeCallbackRequest reports, how
 * formatWebhookFailure renders them, the one error class and its guard, and that no input makes
 * decoding throw.
 */
import fc from 'fast-check'
import { assert, describe, expect, it, vi } from 'vitest'
import * as api from '../../src/index.js'
import {
  WebhookError,
  createSignature,
  decodeCallbackRequest,
  decodeWebhookRequest,
  formatWebhookFailure,
  isWebhookError,
  parseWebhookRequest,
  type InvalidPayload,
  type Issue,
  type WebhookFailure,
} from '../../src/index.js'

/** A secret no output may contain: distinctive, so a leak cannot hide in other text. */
const SECRET = 'do-not-print-7f3c9a1e-channel-secret'

const common = {
  mode: 'active',
  timestamp: 1462629479859,
  webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR',
  deliveryContext: { isRedelivery: false },
  source: { type: 'user', userId: 'U4af4980629' },
}
const textEvent = {
  type: 'message',
  ...common,
  replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA',
  message: { type: 'text', id: '468789577898262530', quoteToken: 'q3Plxr4AgKd', text: 'Hello' },
}

function invalidPayload(...issues: Issue[]): InvalidPayload {
  return { _tag: 'InvalidPayload', issues, omittedIssues: 0 }
}

function leftOf(value: unknown, options?: { readonly onInvalidEvent: 'fail' }): InvalidPayload {
  const result = decodeCallbackRequest(value, options)
  assert(result._tag === 'Left', 'the body fails')
  return result.left
}

describe('the issues of a failed body', () => {
  it('lists envelope issues, then the issues of each invalid event', () => {
    const broken = { ...textEvent, timestamp: '1462629479859' }
    expect(leftOf({ events: [textEvent, broken] })).toStrictEqual(
      invalidPayload(
        { path: 'destination', expected: 'string', actual: undefined },
        { path: 'events[1].timestamp', expected: 'integer', actual: '1462629479859' },
      ),
    )
  })

  it('names the root, and fails every body that is not an object', () => {
    for (const value of [null, [], 'body', 42, true, undefined]) {
      expect(leftOf(value)).toStrictEqual(
        invalidPayload({ path: '', expected: 'CallbackRequest', actual: value }),
      )
    }
  })

  it('fails an events that is not an array, once', () => {
    expect(leftOf({ destination: 'U0', events: {} })).toStrictEqual(
      invalidPayload({ path: 'events', expected: 'Array<Event>', actual: {} }),
    )
  })

  it('quotes keys that are not identifiers, and keeps __proto__ as a key', () => {
    const postback = {
      type: 'postback',
      ...common,
      postback: { data: 'a=1', params: { 'date-time': 1, __proto__: 2 } },
    }
    // A literal `__proto__:` sets the prototype; JSON.parse makes an own property, as LINE's would.
    const event: unknown = JSON.parse(
      JSON.stringify(postback).replace('"params":{', '"params":{"__proto__":2,'),
    )
    expect(
      leftOf({ destination: 'U0', events: [event] }, { onInvalidEvent: 'fail' }),
    ).toStrictEqual(
      invalidPayload(
        { path: 'events[0].postback.params["__proto__"]', expected: 'string', actual: 2 },
        { path: 'events[0].postback.params["date-time"]', expected: 'string', actual: 1 },
      ),
    )
  })

  it('keeps invalid events in place by default, and fails the body with onInvalidEvent: fail', () => {
    const file = {
      type: 'message',
      ...common,
      message: { type: 'file', id: '1', fileName: 'a.txt', fileSize: '12' },
    }
    const body = { destination: 'U0', events: [textEvent, file] }
    const kept = decodeCallbackRequest(body)
    assert(kept._tag === 'Right')
    const [first, second] = kept.right.events
    expect(first).toBe(textEvent)
    assert(second !== undefined && second.type === undefined && second._tag === 'InvalidEvent')
    const issues = [{ path: 'events[1].message.fileSize', expected: 'integer', actual: '12' }]
    expect([second.index, second.raw, second.issues]).toStrictEqual([1, file, issues])
    expect(decodeCallbackRequest(body, { onInvalidEvent: 'keep' })).toStrictEqual(kept)
    expect(leftOf(body, { onInvalidEvent: 'fail' })).toStrictEqual(invalidPayload(...issues))
  })

  it('treats a missing, empty or non-string type as an error, a new one as unknown', () => {
    const events = [{ ...common }, { ...common, type: '' }, { ...common, type: 7 }]
    const result = decodeCallbackRequest({ destination: 'U0', events })
    assert(result._tag === 'Right')
    expect(
      result.right.events.map((event) =>
        event.type === undefined && event._tag === 'InvalidEvent'
          ? event.issues.map(({ path, actual }) => ({ path, actual }))
          : event,
      ),
    ).toStrictEqual([
      [{ path: 'events[0].type', actual: undefined }],
      [{ path: 'events[1].type', actual: '' }],
      [{ path: 'events[2].type', actual: 7 }],
    ])
  })

  it('cannot be forged by a body: a fallback-shaped object is decoded, not trusted', () => {
    const forged: unknown = JSON.parse(
      '{"destination":"U0","events":[{"_tag":"InvalidEvent","index":0,"raw":{},"issues":[]},' +
        '{"_tag":"UnknownEvent","raw":{"type":"x"}}]}',
    )
    expect(api.CallbackRequest.is(forged)).toBe(false)
    const result = decodeCallbackRequest(forged)
    assert(result._tag === 'Right')
    expect(result.right.events.map((event) => event.type ?? event._tag)).toStrictEqual([
      'InvalidEvent',
      'InvalidEvent',
    ])
    expect(leftOf(forged, { onInvalidEvent: 'fail' }).issues.map(({ path }) => path)).toStrictEqual(
      ['events[0].type', 'events[1].type'],
    )
  })

  it('makes prototype names unknown types, not members', () => {
    const types = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']
    const result = decodeCallbackRequest({
      destination: 'U0',
      events: types.map((type) => ({ ...common, type })),
    })
    assert(result._tag === 'Right')
    expect(result.right.events.map((event) => event.type ?? event._tag)).toStrictEqual(
      types.map(() => 'UnknownEvent'),
    )
    const message = { ...textEvent, message: { type: 'constructor', id: '1' } }
    const withMessage = decodeCallbackRequest({ destination: 'U0', events: [message] })
    assert(withMessage._tag === 'Right')
    const [event] = withMessage.right.events
    assert(event?.type === 'message')
    expect(event.message.type ?? event.message._tag).toBe('UnknownMessageContent')
  })
})

describe('formatWebhookFailure', () => {
  it('renders signature and JSON failures in one line each', () => {
    for (const reason of ['missing', 'malformed', 'mismatch'] as const) {
      expect(formatWebhookFailure({ _tag: 'SignatureMismatch', reason })).toMatch(
        /^signature mismatch: x-line-signature [^\n]+$/,
      )
    }
    expect(formatWebhookFailure({ _tag: 'MalformedJson', reason: 'syntax' })).toBe(
      'malformed JSON: the body is not valid JSON',
    )
    expect(formatWebhookFailure({ _tag: 'MalformedJson', reason: 'encoding' })).toBe(
      'malformed JSON: the body is not valid UTF-8',
    )
  })

  it('renders a headline and one line per issue, with kinds and not values by default', () => {
    const actuals = [undefined, 'Hello', '', 12, 1.5, true, null, [1], { a: 1 }]
    const failure = invalidPayload(
      ...actuals.map((actual, index) => ({ path: `events[${index}].x`, expected: 'y', actual })),
      { path: '', expected: 'CallbackRequest', actual: [] },
    )
    expect(formatWebhookFailure(failure).split('\n')).toStrictEqual([
      'invalid payload:',
      'events[0].x: expected y, got nothing (missing)',
      'events[1].x: expected y, got a string',
      'events[2].x: expected y, got an empty string',
      'events[3].x: expected y, got a number',
      'events[4].x: expected y, got a number',
      'events[5].x: expected y, got a boolean',
      'events[6].x: expected y, got null',
      'events[7].x: expected y, got an array',
      'events[8].x: expected y, got an object',
      '(body): expected CallbackRequest, got an array',
    ])
    expect(formatWebhookFailure(failure, { values: false })).toBe(formatWebhookFailure(failure))
  })

  it('shows the values, as JSON, only with values: true', () => {
    const failure = invalidPayload(
      { path: 'events[2].message.fileSize', expected: 'integer', actual: '12' },
      { path: 'events[2].message.text', expected: 'string', actual: undefined },
      { path: 'events[2].source', expected: 'Source', actual: { type: 7 } },
    )
    expect(formatWebhookFailure(failure, { values: true }).split('\n')).toStrictEqual([
      'invalid payload:',
      'events[2].message.fileSize: expected integer, got "12"',
      'events[2].message.text: expected string, got nothing (missing)',
      'events[2].source: expected Source, got {"type":7}',
    ])
    expect(formatWebhookFailure(failure)).not.toContain('12')
  })

  it('truncates a long value to 60 characters, and leaves one of 60 whole', () => {
    const long = invalidPayload({ path: 'p', expected: 'string', actual: 'x'.repeat(500) })
    expect(formatWebhookFailure(long, { values: true })).toBe(
      `invalid payload:\np: expected string, got "${'x'.repeat(58)}…`,
    )
    const exact = invalidPayload({ path: 'p', expected: 'string', actual: 'x'.repeat(58) })
    expect(formatWebhookFailure(exact, { values: true })).toBe(
      `invalid payload:\np: expected string, got "${'x'.repeat(58)}"`,
    )
    const big = invalidPayload({
      path: 'p',
      expected: 'E',
      actual: { events: Array(1000).fill(1) },
    })
    const shown = formatWebhookFailure(big, { values: true }).split('got ')[1] ?? ''
    expect([shown.length, shown.endsWith('…')]).toStrictEqual([60, true])
  })

  it('renders any issue decodeCallbackRequest can report, whatever value it was given', () => {
    // decodeCallbackRequest takes `unknown`: the value may hold what JSON.stringify cannot show.
    const values = [() => 1, Symbol('s'), 10n]
    for (const actual of values) {
      const failure = leftOf({ destination: actual, events: [] })
      expect(failure.issues).toStrictEqual([{ path: 'destination', expected: 'string', actual }])
      expect(() => formatWebhookFailure(failure, { values: true })).not.toThrow()
      expect(formatWebhookFailure(failure, { values: true })).toBe(formatWebhookFailure(failure))
    }
  })

  it('keeps one line per issue, whatever keys and values a body holds', () => {
    const params = fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.jsonValue()))
    fc.assert(
      fc.property(params, fc.string(), (entries, text) => {
        const postback = { type: 'postback', ...common, postback: { data: 1, params: entries } }
        const message = { ...textEvent, message: { ...textEvent.message, text: [text] } }
        const failure = leftOf(
          { destination: 'U0', events: [postback, message] },
          {
            onInvalidEvent: 'fail',
          },
        )
        for (const values of [false, true]) {
          const lines = formatWebhookFailure(failure, { values }).split(/\r\n|\r|\n/)
          expect(lines).toHaveLength(failure.issues.length + 1)
        }
      }),
    )
  })

  it('renders a value nested too deep for JSON.stringify, and any circular value', () => {
    const deep: unknown = JSON.parse('['.repeat(200_000) + ']'.repeat(200_000))
    const circular: Record<string, unknown> = {}
    circular['self'] = circular
    for (const actual of [deep, circular]) {
      const failure = invalidPayload({ path: 'p', expected: 'E', actual })
      expect(formatWebhookFailure(failure, { values: true })).toMatch(/^invalid payload:\np: /)
    }
  })
})

describe('no failure output contains the channel secret', () => {
  async function failures(): Promise<WebhookFailure[]> {
    const cases: (string | Uint8Array)[] = [
      'not json',
      new Uint8Array([0x7b, 0xff, 0x7d]),
      '{"events":{}}',
      JSON.stringify({ destination: 'U0', events: [{ ...textEvent, timestamp: 'now' }] }),
    ]
    const signed = await Promise.all(
      cases.map(async (body) => {
        const signature = await createSignature({ channelSecret: SECRET, body })
        return decodeWebhookRequest(
          { channelSecret: SECRET, body, signature },
          { onInvalidEvent: 'fail' },
        )
      }),
    )
    const forged = await decodeWebhookRequest({
      channelSecret: SECRET,
      body: '{}',
      signature: await createSignature({ channelSecret: `${SECRET}!`, body: '{}' }),
    })
    return [forged, ...signed].map((result) => {
      assert(result._tag === 'Left')
      return result.left
    })
  }

  it('in the formatted failure, the error message, its stack or its JSON', async () => {
    const all = await failures()
    expect(all.map((failure) => failure._tag)).toStrictEqual([
      'SignatureMismatch',
      'MalformedJson',
      'MalformedJson',
      'InvalidPayload',
      'InvalidPayload',
    ])
    for (const failure of all) {
      const error = new WebhookError(failure)
      const outputs = [
        formatWebhookFailure(failure),
        formatWebhookFailure(failure, { values: true }),
        error.message,
        error.stack ?? '',
        String(error),
        JSON.stringify(error),
      ]
      for (const output of outputs) expect(output).not.toContain(SECRET)
    }
  })
})

describe('WebhookError', () => {
  const failure = invalidPayload({ path: 'events[0].message.text', expected: 'string', actual: 7 })

  it('is an Error named WebhookError that carries the failure', () => {
    const error = new WebhookError(failure)
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('WebhookError')
    expect(error.failure).toBe(failure)
    expect(error.message).toBe(`line-webhook: ${formatWebhookFailure(failure)}`)
    expect(error.stack?.startsWith(`WebhookError: ${error.message}\n`)).toBe(true)
  })

  it('keeps the failure, and so body values, out of what log serialisers copy', () => {
    const bodyText = 'my bank PIN is 4321'
    const error = new WebhookError(
      invalidPayload({ path: 'events[0].message.text', expected: 'string', actual: bodyText }),
    )
    expect(Object.keys(error)).not.toContain('failure')
    expect(JSON.stringify(Object.fromEntries(Object.entries(error)))).not.toContain(bodyText)
    expect(error.failure._tag).toBe('InvalidPayload')
  })

  it('puts no body value in its message', () => {
    const secretText = 'my bank PIN is 4321'
    const error = new WebhookError(
      invalidPayload({ path: 'events[0].message.text', expected: 'string', actual: [secretText] }),
    )
    expect(error.message).toBe(
      'line-webhook: invalid payload:\nevents[0].message.text: expected string, got an array',
    )
    expect(error.stack).not.toContain(secretText)
  })

  it('is what parseWebhookRequest rejects with', async () => {
    const body = 'not json'
    const signature = await createSignature({ channelSecret: SECRET, body })
    const error: unknown = await parseWebhookRequest({
      channelSecret: SECRET,
      body,
      signature,
    }).then(
      () => undefined,
      (reason: unknown) => reason,
    )
    assert(error instanceof WebhookError)
    expect(error.failure).toStrictEqual({ _tag: 'MalformedJson', reason: 'syntax' })
  })
})

describe('isWebhookError', () => {
  it('tells a WebhookError from anything else', () => {
    expect(
      isWebhookError(new WebhookError({ _tag: 'SignatureMismatch', reason: 'mismatch' })),
    ).toBe(true)
    const lookalike = Object.assign(new Error('line-webhook: signature mismatch'), {
      name: 'WebhookError',
      failure: { _tag: 'SignatureMismatch' },
    })
    const others = [lookalike, new TypeError('x'), { failure: {} }, null, undefined, 'WebhookError']
    for (const other of others) expect(isWebhookError(other)).toBe(false)
    const unregistered = { [Symbol('line-webhook.WebhookError')]: true }
    expect(isWebhookError(unregistered)).toBe(false)
  })

  it('recognises an error from another copy of the package, where instanceof does not', async () => {
    // A second evaluation of the modules is what a duplicated dependency gives at run time.
    vi.resetModules()
    const copy = await import('../../src/index.js')
    expect(copy.WebhookError).not.toBe(api.WebhookError)

    const theirs = new copy.WebhookError({ _tag: 'SignatureMismatch', reason: 'mismatch' })
    expect(theirs).not.toBeInstanceOf(WebhookError)
    expect(isWebhookError(theirs)).toBe(true)
    expect(
      copy.isWebhookError(new WebhookError({ _tag: 'SignatureMismatch', reason: 'mismatch' })),
    ).toBe(true)

    const rejected: unknown = await copy
      .parseWebhookRequest({ channelSecret: SECRET, body: '{}', signature: null })
      .catch((reason: unknown) => reason)
    expect(isWebhookError(rejected)).toBe(true)
    assert(isWebhookError(rejected))
    expect(rejected.failure).toStrictEqual({ _tag: 'SignatureMismatch', reason: 'missing' })
  })
})

describe('decodeCallbackRequest never throws', () => {
  function isEither(value: unknown): boolean {
    const result = decodeCallbackRequest(value)
    const failing = decodeCallbackRequest(value, { onInvalidEvent: 'fail' })
    // The plain fp-ts shape, nothing more: `{ _tag, left }` with issues, or `{ _tag, right }`.
    return [result, failing].every((either) =>
      either._tag === 'Left'
        ? Object.keys(either).join() === '_tag,left' && either.left.issues.length > 0
        : Object.keys(either).join() === '_tag,right',
    )
  }

  it('for any JSON value, as the body or as its events', () => {
    const event = fc.oneof(
      fc.jsonValue(),
      fc.dictionary(fc.string(), fc.jsonValue()).map((extra) => ({ ...textEvent, ...extra })),
    )
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record({ destination: fc.jsonValue(), events: fc.array(event) }),
      fc.record({ destination: fc.string(), events: fc.jsonValue() }),
    )
    fc.assert(fc.property(body, (value) => isEither(value)))
  })

  it('for values nested 100 000 deep, wherever they are', () => {
    const depth = 100_000
    const arrays: unknown = JSON.parse('['.repeat(depth) + ']'.repeat(depth))
    const objects: unknown = JSON.parse('{"type":'.repeat(depth) + '"x"' + '}'.repeat(depth))
    for (const deep of [arrays, objects]) {
      const bodies = [
        deep,
        { destination: deep, events: [deep] },
        { destination: 'U0', events: [{ ...textEvent, message: deep }] },
        { destination: 'U0', events: [{ ...textEvent, source: deep, deliveryContext: deep }] },
      ]
      for (const body of bodies) expect(isEither(body)).toBe(true)
      // An unknown property is kept, not walked: the body is valid and comes back as it was.
      const valid = { destination: 'U0', events: [{ ...textEvent, deep }] }
      expect(decodeCallbackRequest(valid)).toStrictEqual({ _tag: 'Right', right: valid })
    }
  })

  it('and __proto__ keys pollute no prototype, kept as the own properties JSON made', () => {
    const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort()
    const text = JSON.stringify({
      __: 1,
      destination: 'U0',
      events: [
        { ...textEvent, __: 1 },
        // An unknown message type makes the decoder copy this event: the copy must keep the key.
        { ...textEvent, __: 1, message: { type: 'hologram', __: 1 } },
        { ...textEvent, __: 1, timestamp: 'now' },
      ],
    }).replaceAll('"__":1', '"__proto__":{"polluted":1}')
    const body: unknown = JSON.parse(text)
    const result = decodeCallbackRequest(body)
    assert(result._tag === 'Right')
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toStrictEqual(prototypeNames)

    const [typed, copied, invalid] = result.right.events
    assert(copied?.type === 'message' && copied.message.type === undefined)
    for (const value of [result.right, typed, copied, copied.message.raw]) {
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
      expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toStrictEqual({
        polluted: 1,
      })
    }
    assert(invalid !== undefined && invalid.type === undefined)
    expect(invalid._tag).toBe('InvalidEvent')
    expect(api.CallbackRequest.encode(result.right)).toStrictEqual(body)
  })

  it('for any JSON under __proto__ keys anywhere in the body', () => {
    const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort()
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (outer, inner) => {
        const text =
          `{"__proto__":${JSON.stringify(outer)},"destination":"U0","events":[` +
          `${JSON.stringify({ ...textEvent, __: 1 })},` +
          `{"__proto__":${JSON.stringify(inner)},"type":"message","message":{"__proto__":${JSON.stringify(inner)}}}]}`
        const body: unknown = JSON.parse(
          // A function, so `$&` and the like in the JSON are not replacement patterns.
          text.replace('"__":1', () => `"__proto__":${JSON.stringify(inner)}`),
        )
        expect(isEither(body)).toBe(true)
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toStrictEqual(prototypeNames)
      }),
    )
  })
})

describe('onInvalidEvent: fail', () => {
  it('fails a body that was decoded before and holds an InvalidEvent', () => {
    const message = { type: 'file', id: '1', fileName: 'a.txt', fileSize: '12' }
    const body = { destination: 'U0', events: [{ type: 'message', message }] }
    const kept = decodeCallbackRequest(body)
    assert(kept._tag === 'Right')
    expect(decodeCallbackRequest(kept.right, { onInvalidEvent: 'fail' })._tag).toBe('Left')
  })
})

describe('keys the sender chose', () => {
  it('stay out of the rendering, as values do, unless values are asked for', () => {
    const key = 'card 4111111111111111'
    const event = {
      type: 'postback',
      mode: 'active',
      timestamp: 1,
      webhookEventId: 'e',
      deliveryContext: { isRedelivery: false },
      postback: { data: 'x', params: { [key]: 5, date: 6 } },
    }
    const result = decodeCallbackRequest(
      { destination: 'U0', events: [event] },
      { onInvalidEvent: 'fail' },
    )
    assert(result._tag === 'Left')
    expect(result.left.issues.map((issue) => issue.path)).toStrictEqual([
      `events[0].postback.params["${key}"]`,
      'events[0].postback.params["date"]',
    ])
    const rendered = formatWebhookFailure(result.left)
    expect(rendered).not.toContain('4111')
    expect(rendered).not.toContain('date')
    expect(rendered).toContain('events[0].postback.params[…]: expected string, got a number')
    expect(new WebhookError(result.left).message).not.toContain('4111')
    expect(formatWebhookFailure(result.left, { values: true })).toContain(key)
  })
})
