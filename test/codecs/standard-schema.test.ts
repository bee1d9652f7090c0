/**
 * Every codec the package exports is a Standard Schema v1 (../../src/codecs/standard-schema.ts):
 * the exports are listed from the entry points (`line-webhook`, `line-webhook/legacy`), so a codec added later is checked without touching
 * this file. `validate` gives what `decode` gives, or issues with a path of keys and indices and a
 * message without the value that came.
 */
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import * as api from '../../src/index.js'
import * as legacy from '../../src/legacy/index.js'
import {
  CallbackRequest,
  Event,
  JoinedMembers,
  LenientCallbackRequest,
  LenientEvent,
  LenientMessageContent,
  Mention,
  TextMessageContent,
} from '../../src/index.js'

const codecs = Object.entries({ ...api, ...legacy } as Record<string, unknown>).filter(
  (entry): entry is [string, t.Mixed] => entry[1] instanceof t.Type,
)

/** A tagged union's members are codecs users reach too: `Event.members.message`. */
const members = codecs.flatMap(([name, codec]) =>
  Object.entries((codec as { members?: Record<string, t.Mixed> }).members ?? {}).map(
    ([type, member]): [string, t.Mixed] => [`${name}.members.${type}`, member],
  ),
)

const unfollow = {
  type: 'unfollow',
  mode: 'active',
  timestamp: 1462629479859,
  webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR',
  deliveryContext: { isRedelivery: false },
}

describe('every exported codec', () => {
  it('is found: the codecs of the schema, the lenient profile and the 2016 format', () => {
    const names = codecs.map(([name]) => name)
    expect(names).toEqual(
      expect.arrayContaining(['CallbackRequest', 'Event', 'EventMode', 'LenientEvent']),
    )
    expect(names).toEqual(expect.arrayContaining(['LegacyResult', 'LegacyContactMessageContent']))
    expect(codecs.length).toBeGreaterThanOrEqual(67)
    expect(members.length).toBeGreaterThanOrEqual(64)
  })

  it.each([...codecs, ...members])(
    '%s carries ~standard: version 1, vendor line-webhook, a validate function',
    (_name, codec) => {
      const standard = (codec as Partial<api.Codec<unknown>>)['~standard']
      expect(standard).toEqual({
        version: 1,
        vendor: 'line-webhook',
        validate: expect.any(Function) as unknown,
      })
      // Not enumerable: spreading or logging a codec shows what it did before.
      expect(Object.keys(codec)).not.toContain('~standard')
    },
  )

  it.each(codecs)('%s validates as it decodes, synchronously', (_name, codec) => {
    const standard = (codec as api.Codec<unknown>)['~standard']
    for (const value of [null, 42, 'text', {}, [], { type: 'text' }, unfollow]) {
      const result = standard.validate(value)
      const decoded = codec.decode(value)
      expect(result).not.toBeInstanceOf(Promise)
      if (decoded._tag === 'Right') expect(result).toEqual({ value: decoded.right as unknown })
      else expect(result.issues?.length).toBeGreaterThan(0)
    }
  })

  it('leaves io-ts itself alone: its own codecs get no ~standard', () => {
    expect('~standard' in t.string).toBe(false)
    expect('~standard' in t.Type.prototype).toBe(false)
  })
})

describe("a codec's ~standard.validate", () => {
  it('gives the very body that decode gives, typed', () => {
    const body = { destination: 'U0', events: [unfollow] }
    const result = CallbackRequest['~standard'].validate(body)
    expect(result).toEqual({ value: body })
    expect(result.issues === undefined && result.value.events[0]?.type).toBe('unfollow')
  })

  it('names each problem by a path of keys and indices, and what was expected', () => {
    expect(CallbackRequest['~standard'].validate({ events: 'none' })).toEqual({
      issues: [
        { message: 'expected string, got nothing (missing)', path: ['destination'] },
        { message: 'expected Array<Event>, got a string', path: ['events'] },
      ],
    })
    const mention = { mentionees: [{ type: 'user', index: 0, length: 3 }, { type: 'all' }] }
    expect(Mention['~standard'].validate(mention)).toEqual({
      issues: [
        { message: 'expected integer, got nothing (missing)', path: ['mentionees', 1, 'index'] },
        { message: 'expected integer, got nothing (missing)', path: ['mentionees', 1, 'length'] },
      ],
    })
  })

  it('says the kind of value that came, never the value: it is body content', () => {
    const result = Event['~standard'].validate({
      ...unfollow,
      type: 'message',
      message: { type: 'text', id: '1', quoteToken: 'q', text: 73519004 },
      replyToken: ['secret reply token'],
    })
    expect(result.issues).toEqual([
      { message: 'expected string, got a number', path: ['message', 'text'] },
      { message: 'expected string, got an array', path: ['replyToken'] },
    ])
    expect(JSON.stringify(result)).not.toMatch(/73519004|secret/)
    expect(TextMessageContent['~standard'].validate(null)).toEqual({
      issues: [{ message: 'expected TextMessageContent, got null', path: [] }],
    })
  })

  it('keeps 20 issues at most, and counts the rest in a last one', () => {
    const members = Array.from({ length: 1000 }, () => ({ type: 'user', userId: 7 }))
    const result = JoinedMembers['~standard'].validate({ members })
    expect(result.issues).toHaveLength(21)
    expect(result.issues?.[0]).toEqual({
      message: 'expected string, got a number',
      path: ['members', 0, 'userId'],
    })
    expect(result.issues?.[20]).toEqual({ message: 'and 980 more issues' })
    const one = JoinedMembers['~standard'].validate({ members: members.slice(0, 21) })
    expect(one.issues?.at(-1)).toEqual({ message: 'and 1 more issue' })
  })

  it("keeps the codec's own rules: an invalid event is an InvalidEvent, not a failure", () => {
    const result = CallbackRequest['~standard'].validate({
      destination: 'U0',
      events: [{ type: 'message' }],
    })
    expect(result.issues).toBeUndefined()
    expect(result.issues === undefined && result.value.events[0]).toMatchObject({
      _tag: 'InvalidEvent',
      index: 0,
    })
  })
})

describe('the lenient profile', () => {
  it('validates what it reads leniently, and gives the value as it decodes it', () => {
    const forwarded = { type: 'VIDEO', id: '5093', duration: '10735' }
    expect(LenientMessageContent['~standard'].validate(forwarded)).toEqual({
      value: { type: 'video', id: '5093', duration: 10735 },
    })
    expect(LenientEvent['~standard'].validate({ type: 'unfollow' })).toEqual({
      value: { type: 'unfollow' },
    })
    expect(LenientCallbackRequest['~standard'].validate({ events: [] })).toEqual({
      value: { events: [] },
    })
  })

  it('refuses what even the lenient profile does not read', () => {
    expect(LenientCallbackRequest['~standard'].validate({ events: {} })).toEqual({
      issues: [{ message: 'expected Array<LenientEvent>, got an object', path: ['events'] }],
    })
    expect(LenientEvent.members.message['~standard'].validate({ type: 'message' })).toEqual({
      issues: [
        { message: 'expected LenientMessageContent, got nothing (missing)', path: ['message'] },
      ],
    })
  })
})
