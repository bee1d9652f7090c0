import { describe, expectTypeOf, it } from 'vitest'
import type {
  AccountLinkEvent,
  BotSuspendedEvent,
  Event,
  MessageEvent,
  MessageEditedEvent,
  ModuleEvent,
  PnpDeliveryCompletionEvent,
} from '../../src/index.js'
import {
  createTestEvent,
  createTestRequest,
  type TestEvent,
  type TestEventType,
} from '../../src/testing/index.js'

describe('createTestEvent types', () => {
  it('returns the event of the type asked for', () => {
    expectTypeOf(createTestEvent('message')).toEqualTypeOf<MessageEvent>()
    expectTypeOf(createTestEvent('messageEdited')).toEqualTypeOf<MessageEditedEvent>()
    expectTypeOf(createTestEvent('delivery')).toEqualTypeOf<PnpDeliveryCompletionEvent>()
    expectTypeOf(createTestEvent('accountLink')).toEqualTypeOf<AccountLinkEvent>()
    expectTypeOf(createTestEvent('botSuspended')).toEqualTypeOf<BotSuspendedEvent>()
    expectTypeOf(createTestEvent('module')).toEqualTypeOf<ModuleEvent>()
    expectTypeOf<TestEvent<'message' | 'module'>>().toEqualTypeOf<MessageEvent | ModuleEvent>()
  })

  it('knows the 20 types and nothing else', () => {
    expectTypeOf<TestEventType>().toEqualTypeOf<Exclude<Event['type'], undefined>>()
    // @ts-expect-error not an event type
    createTestEvent('hologram')
  })

  it('types the overrides by the event', () => {
    createTestEvent('message', { message: { type: 'text', text: 'hi' } })
    createTestEvent('message', { message: { type: 'image', contentProvider: { type: 'line' } } })
    createTestEvent('follow', { follow: { isUnblocked: true }, source: undefined })
    // @ts-expect-error text is a string
    createTestEvent('message', { message: { type: 'text', text: 1 } })
    // @ts-expect-error a follow event has no message
    createTestEvent('follow', { message: { type: 'text' } })
    // @ts-expect-error the type is the first argument
    createTestEvent('follow', { type: 'unfollow' })
    // @ts-expect-error a required property cannot be removed
    createTestEvent('follow', { follow: undefined })
  })

  it('makes a Request from events', () => {
    expectTypeOf(createTestRequest).returns.toEqualTypeOf<Promise<Request>>()
    expectTypeOf(createTestRequest)
      .parameter(0)
      .toHaveProperty('events')
      .toEqualTypeOf<readonly Event[]>()
  })
})
