/**
 * The ids of test events (../../src/testing/test-ids.ts), at the edges createTestEvent's own
 * tests do not reach.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createTestEvent } from '../../src/testing/create-test-event.js'
import { webhookEventId } from '../../src/testing/test-ids.js'

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/

/** The time a ULID's first 10 characters hold. */
function timeOf(id: string): number {
  let time = 0
  for (let index = 0; index < 10; index++) time = time * 32 + CROCKFORD.indexOf(id.charAt(index))
  return time
}

afterEach(() => {
  vi.useRealTimers()
})

describe('webhookEventId', () => {
  it('writes the time in its first 10 characters, in Crockford base32', () => {
    const now = Date.UTC(2026, 0, 1)
    const id = webhookEventId(now)
    expect(id).toMatch(ULID)
    expect(timeOf(id)).toBe(now)
  })

  it('still makes a 26-character ULID-shaped id, time zeroed, on a clock set before 1970', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(-1)
    const { webhookEventId: id } = createTestEvent('follow')
    expect(id).toMatch(ULID)
    expect(id.slice(0, 10)).toBe('0000000000')
    expect(webhookEventId(-123_456)).toMatch(/^0{10}[0-9A-HJKMNP-TV-Z]{16}$/)
  })
})
