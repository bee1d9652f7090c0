import { assert, describe, expect, it, vi } from 'vitest'
import {
  createSignature,
  decodeCallbackRequest,
  decodeWebhookRequest,
  type DecodeOptions,
  type LenientCallbackRequest,
} from '../../src/index.js'
import { decodeLegacyCallbackRequest } from '../../src/legacy/index.js'
import { bodyOf, filled, HUGE, hostileArrays } from './bodies.js'

/*
 * Nothing from the network may throw, at any array size: `errors.push(...left)` overflowed the
 * stack past about 123,000 invalid elements. Every array a body can hold, with 250,000 invalid
 * elements, in every profile and mode: each invalid event keeps 10 issues and counts the rest.
 */

const MODES: readonly (readonly [string, DecodeOptions])[] = [
  ['strict', {}],
  ['strict, onInvalidEvent: fail', { onInvalidEvent: 'fail' }],
  ['lenient', { lenient: true }],
  ['lenient, onInvalidEvent: fail', { lenient: true, onInvalidEvent: 'fail' }],
  ['acceptLegacy', { acceptLegacy: decodeLegacyCallbackRequest }],
  [
    'acceptLegacy, onInvalidEvent: fail',
    { acceptLegacy: decodeLegacyCallbackRequest, onInvalidEvent: 'fail' },
  ],
]

// Bodies of several megabytes, on a machine that may be busy: time is not what is tested here.
vi.setConfig({ testTimeout: 120_000 })

type Entry = LenientCallbackRequest['events'][number]

function invalidEvent(entry: Entry | undefined) {
  assert(entry?.type === undefined && entry?._tag === 'InvalidEvent')
  return entry
}

describe.each(Object.entries(hostileArrays))('%s', (_name, array) => {
  const body = bodyOf(array.event(array.invalid(HUGE)))

  it('holds a valid event when its elements are valid', () => {
    for (const [, options] of MODES) {
      const result = decodeCallbackRequest(bodyOf(array.event(array.valid(3))), options)
      assert(result._tag === 'Right')
      expect(result.right.events[0]?.type).toBeTypeOf('string')
    }
  })

  it.each(MODES)(
    `decodes ${HUGE} invalid elements (%s): 10 issues kept, the rest counted`,
    (_, options) => {
      const result = decodeCallbackRequest(body, options)
      const prefix = `events[0].${array.path}`
      if (options.onInvalidEvent === 'fail') {
        assert(result._tag === 'Left')
        expect(result.left.issues).toHaveLength(10)
        expect(result.left.omittedIssues).toBe(HUGE - 10)
        for (const issue of result.left.issues) expect(issue.path.startsWith(prefix)).toBe(true)
      } else {
        assert(result._tag === 'Right')
        const event = invalidEvent(result.right.events[0])
        expect(event.issues).toHaveLength(10)
        expect(event.omittedIssues).toBe(HUGE - 10)
        for (const issue of event.issues) expect(issue.path.startsWith(prefix)).toBe(true)
      }
    },
  )

  it('decodes them signed, through decodeWebhookRequest (node:crypto), in both modes', async () => {
    const channelSecret = 'hostile'
    const text = JSON.stringify(body)
    const signature = await createSignature({ channelSecret, body: text })
    const kept = await decodeWebhookRequest({ channelSecret, body: text, signature })
    assert(kept._tag === 'Right')
    expect(invalidEvent(kept.right.events[0]).omittedIssues).toBe(HUGE - 10)
    const failed = await decodeWebhookRequest(
      { channelSecret, body: text, signature },
      { lenient: true, onInvalidEvent: 'fail' },
    )
    assert(failed._tag === 'Left' && failed.left._tag === 'InvalidPayload')
    expect(failed.left.omittedIssues).toBe(HUGE - 10)
  })
})

describe(`${HUGE} invalid events`, () => {
  const body = { destination: 'U0', events: filled(HUGE, 0) }

  it.each(MODES)('each keeps its one issue, or the failure keeps 20 (%s)', (_, options) => {
    const result = decodeCallbackRequest(body, options)
    if (options.onInvalidEvent === 'fail') {
      assert(result._tag === 'Left')
      expect(result.left.issues.map((issue) => issue.path)).toStrictEqual(
        Array.from({ length: 20 }, (_, index) => `events[${index}]`),
      )
      expect(result.left.omittedIssues).toBe(HUGE - 20)
    } else {
      assert(result._tag === 'Right')
      expect(result.right.events).toHaveLength(HUGE)
      const last = invalidEvent(result.right.events[HUGE - 1])
      expect([last.issues.length, last.omittedIssues]).toStrictEqual([1, 0])
    }
  })

  it('fail a broken envelope with 20 issues, the envelope’s first', () => {
    const result = decodeCallbackRequest({ events: body.events })
    assert(result._tag === 'Left')
    expect(result.left.issues).toHaveLength(20)
    expect(result.left.issues[0]?.path).toBe('destination')
    expect(result.left.omittedIssues).toBe(HUGE + 1 - 20)
  })
})

describe(`a 2016 body with ${HUGE} invalid results`, () => {
  const body = { result: filled(HUGE, 0) }

  it('keeps each as an InvalidEvent, or fails with 20 issues at the legacy results', () => {
    for (const decode of [
      (options: DecodeOptions) => decodeLegacyCallbackRequest(body, options),
      (options: DecodeOptions) =>
        decodeCallbackRequest(body, { ...options, acceptLegacy: decodeLegacyCallbackRequest }),
    ]) {
      const kept = decode({})
      assert(kept._tag === 'Right')
      expect(kept.right.events).toHaveLength(HUGE)
      invalidEvent(kept.right.events[HUGE - 1])
      const failed = decode({ onInvalidEvent: 'fail' })
      assert(failed._tag === 'Left')
      expect(failed.left.issues.map((issue) => issue.path)).toStrictEqual(
        Array.from({ length: 20 }, (_, index) => `result[${index}]`),
      )
      expect(failed.left.omittedIssues).toBe(HUGE - 20)
    }
  })
})
