import { describe, expect, it, vi } from 'vitest'
import { createWebhookHandler, type DedupStore } from '../../src/index.js'
import { bodyOf, channelSecret, eventOf, signedRequest, textMessage } from './support.js'

const redelivered = (event: Record<string, unknown>) => ({
  ...event,
  deliveryContext: { isRedelivery: true },
})

describe('deduplication by webhookEventId', () => {
  it('is on by default: a redelivered event is skipped', async () => {
    const message = vi.fn()
    const webhook = createWebhookHandler({ channelSecret, on: { message } })
    const event = textMessage('once')
    await webhook.fetch(await signedRequest(bodyOf([event])))
    await webhook.drain()
    const again = await webhook.fetch(await signedRequest(bodyOf([redelivered(event)])))
    expect(again.status).toBe(200)
    await webhook.drain()
    expect(message).toHaveBeenCalledOnce()
  })

  it('handles every event of one body that shares an ID: a redelivery comes in a later request', async () => {
    const message = vi.fn()
    const webhook = createWebhookHandler({ channelSecret, on: { message } })
    const first = textMessage('first')
    const second = { ...textMessage('second'), webhookEventId: first['webhookEventId'] }
    await webhook.fetch(await signedRequest(bodyOf([first, second])))
    await webhook.drain()
    expect(message.mock.calls.map(([event]) => (event as { message: unknown }).message)).toEqual([
      expect.objectContaining({ text: 'first' }),
      expect.objectContaining({ text: 'second' }),
    ])
    // Redelivered, the body is skipped whole.
    await webhook.fetch(await signedRequest(bodyOf([redelivered(first), redelivered(second)])))
    await webhook.drain()
    expect(message).toHaveBeenCalledTimes(2)
  })

  it('is off with dedup: false: no store is asked, so none fails', async () => {
    const message = vi.fn()
    const onError = vi.fn()
    const webhook = createWebhookHandler({ channelSecret, dedup: false, onError, on: { message } })
    const event = textMessage('twice')
    await webhook.fetch(await signedRequest(bodyOf([event, redelivered(event)])))
    await webhook.drain()
    expect(message).toHaveBeenCalledTimes(2)
    expect(onError).not.toHaveBeenCalled()
  })

  it('claims through the store given, for the TTL given, only events someone handles', async () => {
    const claims: [string, number][] = []
    const store: DedupStore = {
      claim: (key, ttlMs) => {
        claims.push([key, ttlMs])
        return Promise.resolve(claims.filter(([k]) => k === key).length === 1)
      },
    }
    const message = vi.fn()
    const webhook = createWebhookHandler({
      channelSecret,
      dedup: { store, ttlMs: 5000 },
      on: { message },
    })
    const event = textMessage('stored')
    const unhandled = eventOf('unfollow')
    await webhook.fetch(await signedRequest(bodyOf([event, unhandled, event])))
    await webhook.drain()
    // Once per ID and body: the second copy is of the body that claimed it.
    expect(claims).toEqual([[event['webhookEventId'], 5000]])
    expect(message).toHaveBeenCalledTimes(2)
    await webhook.fetch(await signedRequest(bodyOf([event])))
    await webhook.drain()
    expect(claims).toHaveLength(2)
    expect(message).toHaveBeenCalledTimes(2)
  })

  it('keeps one day by default', async () => {
    const claim = vi.fn<DedupStore['claim']>(() => true)
    const webhook = createWebhookHandler({
      channelSecret,
      dedup: { store: { claim } },
      on: { message: vi.fn() },
    })
    await webhook.fetch(await signedRequest(bodyOf([textMessage('a')])))
    await webhook.drain()
    expect(claim.mock.calls[0]?.[1]).toBe(24 * 60 * 60 * 1000)
  })

  const failingClaims: readonly (readonly [string, (failure: Error) => DedupStore['claim']])[] = [
    ['rejects', (failure) => () => Promise.reject(failure)],
    [
      'throws',
      (failure) => () => {
        throw failure
      },
    ],
  ]

  it.each(failingClaims)(
    'handles the event and reports to onError when the store %s',
    async (_, failingClaim) => {
      const failure = new Error('store down')
      const onError = vi.fn()
      const message = vi.fn()
      const webhook = createWebhookHandler({
        channelSecret,
        onError,
        dedup: { store: { claim: failingClaim(failure) } },
        on: { message },
      })
      const event = textMessage('at least once')
      await webhook.fetch(await signedRequest(bodyOf([event])))
      await webhook.drain()
      expect(message).toHaveBeenCalledOnce()
      expect(onError).toHaveBeenCalledWith(
        failure,
        expect.objectContaining({ webhookEventId: event['webhookEventId'] }),
      )
    },
  )

  it('runs every event of a body that shares the ID whose claim failed', async () => {
    // The first claim is written but its answer lost (a timeout); asked again, the store says no.
    const kept = new Set<string>()
    const claim = vi.fn((id: string) => {
      const first = !kept.has(id)
      kept.add(id)
      if (claim.mock.calls.length === 1) throw new Error('timed out after writing')
      return first
    })
    const message = vi.fn()
    const webhook = createWebhookHandler({
      channelSecret,
      onError: () => undefined,
      dedup: { store: { claim } },
      on: { message },
    })
    const first = textMessage('one')
    const second = { ...textMessage('two'), webhookEventId: first['webhookEventId'] }
    await webhook.fetch(await signedRequest(bodyOf([first, second])))
    await webhook.drain()
    expect(message).toHaveBeenCalledTimes(2)
    expect(claim).toHaveBeenCalledOnce()
  })

  it('deduplicates fallbacks by the webhookEventId of their raw object', async () => {
    const onUnknownEvent = vi.fn()
    const onInvalidEvent = vi.fn()
    const webhook = createWebhookHandler({ channelSecret, onUnknownEvent, onInvalidEvent })
    const unknown = eventOf('hologram')
    const invalid = { ...textMessage('invalid'), timestamp: 'yesterday' }
    await webhook.fetch(await signedRequest(bodyOf([unknown, invalid])))
    await webhook.fetch(await signedRequest(bodyOf([redelivered(unknown), redelivered(invalid)])))
    await webhook.drain()
    expect([onUnknownEvent.mock.calls.length, onInvalidEvent.mock.calls.length]).toEqual([1, 1])
  })

  it('never skips an event without a usable ID', async () => {
    const onInvalidEvent = vi.fn()
    const message = vi.fn()
    const webhook = createWebhookHandler({
      channelSecret,
      decode: { lenient: true },
      onInvalidEvent,
      on: { message },
    })
    const noId = { type: 'message', message: { type: 'text', id: '1', text: 'no id' } }
    const emptyId = { ...textMessage('empty id'), webhookEventId: '' }
    const numberId = { ...textMessage('number id'), webhookEventId: 42 }
    // Sent twice, in two requests, as a redelivery comes.
    for (let request = 0; request < 2; request++) {
      await webhook.fetch(await signedRequest(bodyOf([null, noId, emptyId, numberId, 7])))
    }
    await webhook.drain()
    expect([message.mock.calls.length, onInvalidEvent.mock.calls.length]).toEqual([4, 6])
  })

  it('runs a body with no promise hop when the store and the handlers answer at once', async () => {
    const log: string[] = []
    const refused = textMessage('refused')
    const webhook = createWebhookHandler({
      channelSecret,
      dedup: { store: { claim: (key) => key !== refused['webhookEventId'] } },
      on: {
        message: (event) => {
          const text = event.message.type === 'text' ? event.message.text : ''
          log.push(text)
          if (text === 'first') queueMicrotask(() => log.push('microtask queued by the first'))
          return text.length
        },
      },
    })
    const body = bodyOf([textMessage('first'), refused, textMessage('last')])
    await webhook.fetch(await signedRequest(body))
    await webhook.drain()
    expect(log).toEqual(['first', 'last', 'microtask queued by the first'])
  })
})
