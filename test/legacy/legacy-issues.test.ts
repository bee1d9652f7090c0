/**
 * legacyIssue (../../src/legacy/legacy-issues.ts): an issue found in an adapted event, moved to
 * the legacy field it came from, or to the closest field that has an origin.
 */
import { describe, expect, it } from 'vitest'
import type { FieldOrigin } from '../../src/legacy/adapt-legacy-result.js'
import { legacyIssue } from '../../src/legacy/legacy-issues.js'

const result = { content: { location: { latitude: 'north' }, text: 7 } }
const origins: readonly FieldOrigin[] = [
  { modern: 'message', legacy: ['content'] },
  { modern: 'message.location', legacy: ['content', 'location'] },
  { modern: 'message.text', legacy: ['content', 'text'], expected: 'string | null' },
]

describe('legacyIssue', () => {
  it('moves an issue at a field with an origin to that field, with its value', () => {
    const issue = { path: 'events[2].message.text', expected: 'string', actual: 7 }
    expect(legacyIssue(issue, 2, result, origins)).toStrictEqual({
      path: 'result[2].content.text',
      expected: 'string | null',
      actual: 7,
    })
  })

  it('moves an issue below fields with origins to the deepest of them', () => {
    const issue = { path: 'events[0].message.location.latitude', expected: 'number', actual: 'n' }
    expect(legacyIssue(issue, 0, result, origins)).toStrictEqual({
      ...issue,
      path: 'result[0].content.location',
    })
  })

  it('takes a field only as a whole name: message is no origin of messageX', () => {
    const issue = { path: 'events[0].messageX', expected: 'string', actual: 1 }
    expect(legacyIssue(issue, 0, result, origins)).toStrictEqual({ ...issue, path: 'result[0]' })
  })

  it('leaves an issue outside the event as it is', () => {
    const issue = { path: 'destination', expected: 'string', actual: 1 }
    expect(legacyIssue(issue, 0, result, origins)).toBe(issue)
  })

  it('quotes a legacy key that is no identifier, and finds no value through a non-array', () => {
    const quirky: readonly FieldOrigin[] = [
      { modern: 'message.stickerId', legacy: ['content', 'contentMetadata', 'STK-ID'] },
      { modern: 'source.userId', legacy: ['content', 0] },
    ]
    const sticker = { content: { contentMetadata: { 'STK-ID': 5 } } }
    const stickerIssue = { path: 'events[1].message.stickerId', expected: 'string', actual: 5 }
    expect(legacyIssue(stickerIssue, 1, sticker, quirky)).toStrictEqual({
      ...stickerIssue,
      path: 'result[1].content.contentMetadata["STK-ID"]',
    })
    const userIssue = { path: 'events[1].source.userId', expected: 'string', actual: 1 }
    expect(legacyIssue(userIssue, 1, sticker, quirky)).toStrictEqual({
      ...userIssue,
      path: 'result[1].content[0]',
      actual: undefined,
    })
  })
})
