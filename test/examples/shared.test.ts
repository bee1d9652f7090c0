import { describe, expect, it } from 'vitest'
import {
  SeenEvents,
  channelsFromEnv,
  statusOfError,
} from '../../examples/shared/webhook-handling.js'

describe("the examples' shared handling", () => {
  it('remembers webhookEventIds up to its capacity, forgetting the oldest first', () => {
    const seen = new SeenEvents(2)
    expect([seen.remember('a'), seen.remember('b'), seen.remember('a')]).toEqual([
      false,
      false,
      true,
    ])
    expect(seen.remember('c')).toBe(false) // "a" goes
    expect([seen.remember('b'), seen.remember('c'), seen.remember('a')]).toEqual([
      true,
      true,
      false,
    ])
  })

  it('reads one channel, or several, from the environment', () => {
    expect(channelsFromEnv({ LINE_CHANNEL_ID: '1', LINE_CHANNEL_SECRET: 's1' })).toEqual({
      channels: { '1': { secret: 's1' } },
      defaultChannel: '1',
    })
    expect(channelsFromEnv({ LINE_CHANNELS: '1=s1, 2=s=2' })).toEqual({
      channels: { '1': { secret: 's1' }, '2': { secret: 's=2' } },
      defaultChannel: '1',
    })
    expect(channelsFromEnv({ LINE_CHANNEL_SECRET: 's' }).defaultChannel).toBe('default')
  })

  it('refuses to start with no channel secret, saying where to find one', () => {
    expect(() => channelsFromEnv({})).toThrow(/LINE_CHANNEL_SECRET.*LINE Developers Console/)
  })

  it("keeps a framework error's 4xx status, and calls anything else a 500", () => {
    expect(statusOfError(Object.assign(new Error('too large'), { status: 413 }))).toBe(413)
    expect(statusOfError(Object.assign(new Error('too large'), { statusCode: 413 }))).toBe(413)
    expect(statusOfError(new TypeError('a bug'))).toBe(500)
    expect(statusOfError({ status: 200 })).toBe(500)
    expect(statusOfError('a string')).toBe(500)
  })
})
