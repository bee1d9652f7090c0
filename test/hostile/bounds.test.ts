import * as t from 'io-ts'
import { assert, describe, expect, it, vi } from 'vitest'
import { readonlyArray } from '../../src/codecs/array.js'
import { struct } from '../../src/codecs/struct.js'
import {
  createSignature,
  decodeCallbackRequest,
  formatWebhookFailure,
  parseWebhookRequest,
  WebhookError,
  type DecodeOptions,
  type InvalidPayload,
} from '../../src/index.js'
import { INVALID, validateRejected, withinBudget } from '../../src/issue.js'
import { filled, hostileArrays } from './bodies.js'

/*
 * A failure keeps at most 20 issues, an InvalidEvent 10, and each says how many it left out:
 * a 0.98 MB body of 490,000 invalid keywords built 490,000 issues and a 31.8-million-character
 * message. Its time (at most 3x HMAC + JSON.parse) is measured by bench/hostile.mjs.
 */

vi.setConfig({ testTimeout: 120_000 })

const MAX_MESSAGE = 16_000
const keywords = hostileArrays['sticker keywords']
assert(keywords !== undefined)
/** The 0.98 MB body: 5 events of 98,000 invalid keywords each. */
const body = { destination: 'U0', events: filled(5, keywords.event(filled(98_000, 0))) }

describe('the 0.98 MB body of 490,000 invalid keywords', () => {
  it('keeps 10 issues per event, and counts the rest exactly', () => {
    const result = decodeCallbackRequest(body)
    assert(result._tag === 'Right')
    for (const [index, event] of result.right.events.entries()) {
      assert(event.type === undefined && event._tag === 'InvalidEvent')
      expect(event.issues.map((issue) => issue.path)).toStrictEqual(
        Array.from({ length: 10 }, (_, at) => `events[${index}].message.keywords[${at}]`),
      )
      expect(event.omittedIssues).toBe(98_000 - 10)
    }
  })

  it.each([{}, { lenient: true }] as const)(
    'fails with 20 issues and 489,980 left out, said in at most 16 kB (%o)',
    async (profile) => {
      const options: DecodeOptions = { ...profile, onInvalidEvent: 'fail' }
      const result = decodeCallbackRequest(body, options)
      assert(result._tag === 'Left')
      expect(result.left.issues).toHaveLength(20)
      expect(result.left.omittedIssues).toBe(490_000 - 20)
      const text = formatWebhookFailure(result.left)
      expect(text.endsWith('\n… and 489980 more issues')).toBe(true)
      expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE)
      expect(formatWebhookFailure(result.left, { values: true }).length).toBeLessThanOrEqual(
        MAX_MESSAGE,
      )
      const channelSecret = 'bounds'
      const raw = JSON.stringify(body)
      const signature = await createSignature({ channelSecret, body: raw })
      const error: unknown = await parseWebhookRequest(
        { channelSecret, body: raw, signature },
        options,
      ).catch((caught: unknown) => caught)
      assert(error instanceof WebhookError)
      expect(error.failure).toStrictEqual(result.left)
      expect(error.message.length).toBeLessThanOrEqual(MAX_MESSAGE)
    },
  )

  it('a broken envelope lists its own issues first, then 19 of its events’, not all', () => {
    const result = decodeCallbackRequest({ events: body.events })
    assert(result._tag === 'Left')
    expect(result.left.issues[0]?.path).toBe('destination')
    expect(result.left.issues).toHaveLength(20)
    expect(result.left.omittedIssues).toBe(1 + 5 * 98_000 - 20)
  })
})

describe('the issues of many invalid events', () => {
  it('each keeps its first, and together at most 1,000 beyond it; the counts stay exact', () => {
    // Five issues each: the common fields and the message are missing.
    const events = filled(300, { type: 'message' })
    const result = decodeCallbackRequest({ destination: 'U0', events })
    assert(result._tag === 'Right')
    let extra = 0
    for (const event of result.right.events) {
      assert(event.type === undefined && event._tag === 'InvalidEvent')
      expect(event.issues.length).toBeGreaterThanOrEqual(1)
      expect(event.issues.length + event.omittedIssues).toBe(5)
      extra += event.issues.length - 1
    }
    expect(extra).toBe(1000)
    const last = result.right.events[299]
    assert(last?.type === undefined && last?._tag === 'InvalidEvent')
    expect([last.issues.length, last.omittedIssues]).toStrictEqual([1, 4])
  })
})

describe('formatWebhookFailure', () => {
  it('says one issue left out in the singular', () => {
    const failure: InvalidPayload = {
      _tag: 'InvalidPayload',
      issues: [{ path: 'events', expected: 'Array<Event>', actual: {} }],
      omittedIssues: 1,
    }
    expect(formatWebhookFailure(failure)).toBe(
      'invalid payload:\nevents: expected Array<Event>, got an object\n… and 1 more issue',
    )
  })

  it('clips keys the sender chose as it clips values, so 20 issues stay within 16 kB', () => {
    const key = 'k'.repeat(100_000)
    const postback = hostileArrays['postback params']
    assert(postback !== undefined)
    const events = filled(30, postback.event({ [key]: 0 }))
    const result = decodeCallbackRequest({ destination: 'U0', events }, { onInvalidEvent: 'fail' })
    assert(result._tag === 'Left')
    const shown = formatWebhookFailure(result.left, { values: true })
    expect(shown).toContain(`params["${'k'.repeat(55)}…"]: expected string, got 0`)
    expect(shown.length).toBeLessThanOrEqual(MAX_MESSAGE)
    expect(formatWebhookFailure(result.left)).toContain('params[…]: expected string, got a number')
  })

  it('stays within 16 kB with the longest names the schema has', () => {
    // Events whose `type` is missing: the union's name, every known type, is what was expected.
    const events = filled(25, { message: {} })
    for (const options of [{}, { lenient: true }] as const) {
      const result = decodeCallbackRequest({ events }, { ...options, onInvalidEvent: 'fail' })
      assert(result._tag === 'Left')
      expect(formatWebhookFailure(result.left, { values: true }).length).toBeLessThanOrEqual(
        MAX_MESSAGE,
      )
    }
  })
})

describe('the issue budget', () => {
  /** A leaf that reports `count` errors, and records each context it is given. */
  function leaf(count: number) {
    const contexts: t.Context[] = []
    const codec = new t.Type<string>(
      'leaf',
      (value): value is string => value === 'ok',
      (value, context) => {
        contexts.push(context)
        if (value === 'ok') return t.success(value)
        if (value === 'read') return t.success('read as ok')
        return t.failures(filled(count, { value, context }) as t.ValidationError[])
      },
      t.identity,
    )
    return { codec, contexts }
  }

  it('builds no context for an item past the cap, and counts its issues', () => {
    const { codec, contexts } = leaf(1)
    const list = readonlyArray(codec)
    const root: t.Context = [{ key: '', type: list, actual: null }]
    const { validation, omitted } = withinBudget(10, () => list.validate(filled(1000, 0), root))
    assert(validation._tag === 'Left')
    expect(validation.left).toHaveLength(10)
    expect(omitted).toBe(990)
    // Contexts were appended for the 10 errors kept; the 990 others reused the array's.
    expect(contexts.filter((context) => context.length > 1)).toHaveLength(10)
    expect(contexts.filter((context) => context === root)).toHaveLength(990)
  })

  it('keeps no more errors than the budget when a leaf reports several', () => {
    const { codec } = leaf(3)
    const errors: t.ValidationError[] = []
    const { omitted } = withinBudget(2, () => {
      expect(validateRejected(codec, 0, [], 'key', errors)).toBe(INVALID)
      return t.success(null)
    })
    expect([errors.length, omitted]).toStrictEqual([2, 1])
  })

  it('still reads a value past the cap, where it decides whether a later item fails', () => {
    const { codec } = leaf(1)
    const item = struct('Item', { a: codec, b: codec }, {})
    const list = readonlyArray(item)
    const { validation, omitted } = withinBudget(1, () =>
      list.validate(
        [{ a: 0, b: 'ok' }, { a: 'read', b: 'ok' }, 'no item'],
        [{ key: '', type: list, actual: null }],
      ),
    )
    assert(validation._tag === 'Left')
    expect([validation.left.length, omitted]).toStrictEqual([1, 1])
  })

  it('is unbounded outside an event, as io-ts is: a codec decoded directly keeps every error', () => {
    const words = readonlyArray(t.string)
    const result = words.decode(filled(50, 0))
    assert(result._tag === 'Left')
    expect(result.left).toHaveLength(50)
  })
})
