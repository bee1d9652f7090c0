import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'
import { describe, expectTypeOf, test } from 'vitest'
import {
  createWebhookHandler,
  type Event,
  type EventHandlers,
  type FollowEvent,
  type InvalidEvent,
  type LenientEvent,
  type MessageEvent,
  type NodeRequestLike,
  type NodeResponseLike,
  type UnknownEvent,
  type WebhookEventContext,
} from '../../src/index.js'
import { decodeLegacyCallbackRequest } from '../../src/legacy/index.js'

const channelSecret = 'secret'

describe('createWebhookHandler', () => {
  test('gives each handler its own event type, and the context', () => {
    createWebhookHandler({
      channelSecret,
      on: {
        message: (event, context) => {
          expectTypeOf(event).toEqualTypeOf<MessageEvent>()
          expectTypeOf(context).toEqualTypeOf<WebhookEventContext>()
        },
        follow: async (event) => {
          expectTypeOf(event).toEqualTypeOf<FollowEvent>()
          await Promise.resolve()
        },
      },
      onUnknownEvent: (event) => expectTypeOf(event).toEqualTypeOf<UnknownEvent>(),
      onInvalidEvent: (event) => expectTypeOf(event).toEqualTypeOf<InvalidEvent>(),
      onError: (error, event) => {
        expectTypeOf(error).toBeUnknown()
        expectTypeOf(event).toEqualTypeOf<Event | InvalidEvent>()
      },
    })
  })

  test('has a handler for each of the event types, and no other', () => {
    expectTypeOf<keyof EventHandlers>().toEqualTypeOf<NonNullable<Event['type']>>()
    expectTypeOf<keyof EventHandlers<LenientEvent>>().toEqualTypeOf<
      NonNullable<LenientEvent['type']>
    >()
  })

  test('types the handlers for lenient events when decode asks for them', () => {
    createWebhookHandler({
      channelSecret,
      decode: { lenient: true },
      on: {
        message: (event) => {
          expectTypeOf(event).toEqualTypeOf<Extract<LenientEvent, { type: 'message' }>>()
          expectTypeOf(event.webhookEventId).toEqualTypeOf<string | undefined>()
        },
      },
      onError: (_, event) => expectTypeOf(event).toEqualTypeOf<LenientEvent | InvalidEvent>(),
    })
    createWebhookHandler({
      channelSecret,
      decode: { acceptLegacy: decodeLegacyCallbackRequest },
      on: { follow: (event) => expectTypeOf(event).not.toEqualTypeOf<FollowEvent>() },
    })
  })

  test('refuses strict handlers where decoding is lenient, where they would be lied to', () => {
    const strictMessage = (event: MessageEvent) => event.webhookEventId.length
    // @ts-expect-error: a lenient message event may lack webhookEventId
    createWebhookHandler({
      channelSecret,
      decode: { lenient: true },
      on: { message: strictMessage },
    })
    createWebhookHandler({
      channelSecret,
      decode: { onInvalidEvent: 'fail' },
      on: { message: strictMessage },
    })
  })

  test('takes a secret, a list of secrets, or a function of the request', () => {
    expectTypeOf(createWebhookHandler).toBeCallableWith({ channelSecret: ['new', 'old'] })
    expectTypeOf(createWebhookHandler).toBeCallableWith({
      channelSecret: (request) => (request.pathname === '/a' ? 'secret' : undefined),
    })
    expectTypeOf(createWebhookHandler).toBeCallableWith({
      channelSecret: async (request) => Promise.resolve(request.header('x-channel') ?? undefined),
    })
  })

  test('takes node:http and Express requests and responses as they are', () => {
    expectTypeOf<IncomingMessage>().toExtend<NodeRequestLike>()
    expectTypeOf<ServerResponse>().toExtend<NodeResponseLike>()
    expectTypeOf<ExpressRequest>().toExtend<NodeRequestLike>()
    expectTypeOf<ExpressResponse>().toExtend<NodeResponseLike>()
  })

  test('takes a fetch Request and a Workers-like context', () => {
    const webhook = createWebhookHandler({ channelSecret })
    const ctx = {
      waitUntil: (promise: Promise<unknown>) => void promise,
      passThroughOnException: () => undefined,
    }
    expectTypeOf(webhook.fetch).toBeCallableWith(new Request('https://bot.example'), ctx)
    expectTypeOf(webhook.fetch).returns.toEqualTypeOf<Promise<Response>>()
    expectTypeOf(webhook.node).returns.toEqualTypeOf<Promise<void>>()
    expectTypeOf(webhook.drain).returns.toEqualTypeOf<Promise<void>>()
  })
})
