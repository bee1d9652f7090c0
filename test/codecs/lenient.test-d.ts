/**
 * What the lenient profile's types promise: exactly what lenient lets be absent is optional, and
 * nothing else; a strict body is also a lenient one, so one handler serves both; a `switch` on
 * `type` narrows as it does for strict events. Each optional field is checked against its strict
 * twin, where it is required, so a check that could not fail would show. Compiler only.
 */
import type { Either } from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { describe, expectTypeOf, test } from 'vitest'
import {
  decodeCallbackRequest,
  decodeWebhookRequest,
  parseWebhookRequest,
  type AudioMessageContent,
  type BeaconEvent,
  type CallbackRequest,
  type ContentProvider,
  type DecodeOptions,
  type DeliveryContext,
  type Event,
  type EventMode,
  type FileMessageContent,
  type FollowDetail,
  type FollowEvent,
  type ImageMessageContent,
  type InvalidEvent,
  type InvalidPayload,
  type JoinEvent,
  type LenientCallbackRequest,
  type LenientEvent,
  type LenientMessageContent,
  type LenientOptions,
  type MemberJoinedEvent,
  type MembershipEvent,
  type MessageContent,
  type MessageEvent,
  type StickerMessageContent,
  type StickerResourceType,
  type TextMessageContent,
  type UnknownEvent,
  type UnknownMessageContent,
  type VideoMessageContent,
  type VideoPlayCompleteEvent,
  type WebhookFailure,
} from '../../src/index.js'

/** Whether `K` may be left out of `T`. */
type IsOptional<T, K extends keyof T> = object extends Pick<T, K> ? true : false

/** One entry of a lenient body's `events`. */
type Entry = LenientCallbackRequest['events'][number]

type EventMembers = (typeof LenientEvent)['members']
/** The lenient event of one `type`, straight from its codec: what narrowing must give. */
type Member<K extends keyof EventMembers> = t.TypeOf<EventMembers[K]>

type MessageMembers = (typeof LenientMessageContent)['members']
type Message<K extends keyof MessageMembers> = t.TypeOf<MessageMembers[K]>

type LenientMessageEvent = Member<'message'>
type LenientFollowEvent = Member<'follow'>
type LenientText = Message<'text'>
type LenientImage = Message<'image'>
type LenientVideo = Message<'video'>
type LenientAudio = Message<'audio'>
type LenientFile = Message<'file'>
type LenientLocation = Message<'location'>
type LenientSticker = Message<'sticker'>

describe('what decoding returns', () => {
  const value: unknown = null
  const params = { channelSecret: 's', body: '{}', signature: null }

  test('{ lenient: true } gives a LenientCallbackRequest; no options, a CallbackRequest', () => {
    expectTypeOf(decodeCallbackRequest(value, { lenient: true })).toEqualTypeOf<
      Either<InvalidPayload, LenientCallbackRequest>
    >()
    expectTypeOf(
      decodeCallbackRequest(value, { lenient: true, onInvalidEvent: 'fail' }),
    ).toEqualTypeOf<Either<InvalidPayload, LenientCallbackRequest>>()
    expectTypeOf(decodeCallbackRequest(value)).toEqualTypeOf<
      Either<InvalidPayload, CallbackRequest>
    >()
    expectTypeOf(decodeCallbackRequest(value, { lenient: false })).toEqualTypeOf<
      Either<InvalidPayload, CallbackRequest>
    >()
    expectTypeOf(decodeCallbackRequest(value, { onInvalidEvent: 'keep' })).toEqualTypeOf<
      Either<InvalidPayload, CallbackRequest>
    >()
    expectTypeOf(decodeCallbackRequest(value)).not.toEqualTypeOf<
      Either<InvalidPayload, LenientCallbackRequest>
    >()
  })

  test('options only known at run time give the type that holds either way', () => {
    const options: DecodeOptions = { lenient: Math.random() > 0.5 }
    expectTypeOf(decodeCallbackRequest(value, options)).toEqualTypeOf<
      Either<InvalidPayload, LenientCallbackRequest>
    >()
    const lenient: LenientOptions = { lenient: true }
    expectTypeOf(decodeCallbackRequest(value, lenient)).toEqualTypeOf<
      Either<InvalidPayload, LenientCallbackRequest>
    >()
  })

  test('decodeWebhookRequest and parseWebhookRequest follow the same option', () => {
    expectTypeOf(decodeWebhookRequest(params, { lenient: true })).toEqualTypeOf<
      Promise<Either<WebhookFailure, LenientCallbackRequest>>
    >()
    expectTypeOf(decodeWebhookRequest(params)).toEqualTypeOf<
      Promise<Either<WebhookFailure, CallbackRequest>>
    >()
    expectTypeOf(parseWebhookRequest(params, { lenient: true })).toEqualTypeOf<
      Promise<LenientCallbackRequest>
    >()
    expectTypeOf(parseWebhookRequest(params)).toEqualTypeOf<Promise<CallbackRequest>>()
  })
})

describe('one handler serves both profiles', () => {
  test('a CallbackRequest is a LenientCallbackRequest, not the other way round', () => {
    expectTypeOf<CallbackRequest>().toExtend<LenientCallbackRequest>()
    expectTypeOf<LenientCallbackRequest>().not.toExtend<CallbackRequest>()
    expectTypeOf<Event>().toExtend<LenientEvent>()
    expectTypeOf<LenientEvent>().not.toExtend<Event>()
    expectTypeOf<MessageContent>().toExtend<LenientMessageContent>()
    expectTypeOf<LenientMessageContent>().not.toExtend<MessageContent>()
  })

  test('a function typed against the lenient body takes what either profile decodes', () => {
    function handle(body: LenientCallbackRequest): number {
      return body.events.length
    }
    const strict = decodeCallbackRequest(null)
    const lenient = decodeCallbackRequest(null, { lenient: true })
    if (strict._tag === 'Right') expectTypeOf(handle(strict.right)).toBeNumber()
    if (lenient._tag === 'Right') expectTypeOf(handle(lenient.right)).toBeNumber()
    expectTypeOf(handle).parameter(0).toEqualTypeOf<LenientCallbackRequest>()
  })

  test('the events are lenient events and invalid events', () => {
    expectTypeOf<Entry>().toEqualTypeOf<LenientEvent | InvalidEvent>()
    expectTypeOf<LenientCallbackRequest['events']>().toEqualTypeOf<
      readonly (LenientEvent | InvalidEvent)[]
    >()
  })
})

describe('optional in lenient exactly where lenient lets it be absent, required in strict', () => {
  test('the body: destination', () => {
    expectTypeOf<IsOptional<LenientCallbackRequest, 'destination'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<CallbackRequest, 'destination'>>().toEqualTypeOf<false>()
    expectTypeOf<LenientCallbackRequest['destination']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<IsOptional<LenientCallbackRequest, 'events'>>().toEqualTypeOf<false>()
  })

  test('a message event: timestamp, webhookEventId, deliveryContext, mode, replyToken', () => {
    expectTypeOf<IsOptional<LenientMessageEvent, 'timestamp'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<LenientMessageEvent, 'webhookEventId'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<LenientMessageEvent, 'deliveryContext'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<LenientMessageEvent, 'mode'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<LenientMessageEvent, 'replyToken'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<MessageEvent, 'timestamp'>>().toEqualTypeOf<false>()
    expectTypeOf<IsOptional<MessageEvent, 'webhookEventId'>>().toEqualTypeOf<false>()
    expectTypeOf<IsOptional<MessageEvent, 'deliveryContext'>>().toEqualTypeOf<false>()
    expectTypeOf<IsOptional<MessageEvent, 'mode'>>().toEqualTypeOf<false>()
    // When present they are what strict mode reads: a numeral timestamp became a number.
    expectTypeOf<LenientMessageEvent['timestamp']>().toEqualTypeOf<number | undefined>()
    expectTypeOf<LenientMessageEvent['webhookEventId']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<LenientMessageEvent['deliveryContext']>().toEqualTypeOf<
      DeliveryContext | undefined
    >()
    expectTypeOf<LenientMessageEvent['mode']>().toEqualTypeOf<EventMode | undefined>()
    expectTypeOf<LenientMessageEvent['replyToken']>().toEqualTypeOf<string | undefined>()
    // The message itself is still required, and lenient.
    expectTypeOf<IsOptional<LenientMessageEvent, 'message'>>().toEqualTypeOf<false>()
    expectTypeOf<LenientMessageEvent['message']>().toEqualTypeOf<LenientMessageContent>()
    expectTypeOf<Member<'messageEdited'>['message']>().toEqualTypeOf<LenientMessageContent>()
    expectTypeOf<LenientMessageEvent['type']>().toEqualTypeOf<'message'>()
  })

  test('every replyToken, and a follow event’s follow', () => {
    expectTypeOf<IsOptional<LenientFollowEvent, 'follow'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<FollowEvent, 'follow'>>().toEqualTypeOf<false>()
    expectTypeOf<LenientFollowEvent['follow']>().toEqualTypeOf<FollowDetail | undefined>()
    expectTypeOf<IsOptional<LenientFollowEvent, 'replyToken'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<FollowEvent, 'replyToken'>>().toEqualTypeOf<false>()
    expectTypeOf<IsOptional<Member<'join'>, 'replyToken'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<JoinEvent, 'replyToken'>>().toEqualTypeOf<false>()
    expectTypeOf<IsOptional<Member<'memberJoined'>, 'replyToken'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<MemberJoinedEvent, 'replyToken'>>().toEqualTypeOf<false>()
    expectTypeOf<IsOptional<Member<'videoPlayComplete'>, 'replyToken'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<VideoPlayCompleteEvent, 'replyToken'>>().toEqualTypeOf<false>()
    expectTypeOf<IsOptional<Member<'beacon'>, 'replyToken'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<BeaconEvent, 'replyToken'>>().toEqualTypeOf<false>()
    expectTypeOf<IsOptional<Member<'membership'>, 'replyToken'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<MembershipEvent, 'replyToken'>>().toEqualTypeOf<false>()
    // What each event is about stays required.
    expectTypeOf<IsOptional<Member<'memberJoined'>, 'joined'>>().toEqualTypeOf<false>()
    expectTypeOf<IsOptional<Member<'beacon'>, 'beacon'>>().toEqualTypeOf<false>()
    expectTypeOf<IsOptional<Member<'unsend'>, 'unsend'>>().toEqualTypeOf<false>()
    expectTypeOf<IsOptional<Member<'postback'>, 'postback'>>().toEqualTypeOf<false>()
  })

  test('the common fields on every event type', () => {
    expectTypeOf<IsOptional<Member<'unfollow'>, 'timestamp'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<Member<'module'>, 'webhookEventId'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<Member<'delivery'>, 'deliveryContext'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<Member<'activated'>, 'mode'>>().toEqualTypeOf<true>()
    // An event still needs its type: a body of untyped objects is no lenient body.
    expectTypeOf<IsOptional<Member<'unfollow'>, 'type'>>().toEqualTypeOf<false>()
  })

  test('text: quoteToken optional, text required', () => {
    expectTypeOf<IsOptional<LenientText, 'quoteToken'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<TextMessageContent, 'quoteToken'>>().toEqualTypeOf<false>()
    expectTypeOf<LenientText['quoteToken']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<IsOptional<LenientText, 'text'>>().toEqualTypeOf<false>()
    expectTypeOf<LenientText['text']>().toEqualTypeOf<string>()
    expectTypeOf<IsOptional<LenientText, 'id'>>().toEqualTypeOf<false>()
    // exactOptionalPropertyTypes: absent, never present as undefined.
    expectTypeOf<{
      readonly type: 'text'
      readonly id: string
      readonly text: string
      readonly quoteToken: undefined
    }>().not.toExtend<LenientText>()
    expectTypeOf<{
      readonly type: 'text'
      readonly id: string
      readonly text: string
    }>().toExtend<LenientText>()
  })

  test('image, video, audio: quoteToken (where there is one) and contentProvider optional', () => {
    expectTypeOf<IsOptional<LenientImage, 'quoteToken'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<ImageMessageContent, 'quoteToken'>>().toEqualTypeOf<false>()
    expectTypeOf<IsOptional<LenientImage, 'contentProvider'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<ImageMessageContent, 'contentProvider'>>().toEqualTypeOf<false>()
    expectTypeOf<LenientImage['contentProvider']>().toEqualTypeOf<ContentProvider | undefined>()
    expectTypeOf<IsOptional<LenientVideo, 'quoteToken'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<VideoMessageContent, 'quoteToken'>>().toEqualTypeOf<false>()
    expectTypeOf<IsOptional<LenientVideo, 'contentProvider'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<VideoMessageContent, 'contentProvider'>>().toEqualTypeOf<false>()
    expectTypeOf<IsOptional<LenientAudio, 'contentProvider'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<AudioMessageContent, 'contentProvider'>>().toEqualTypeOf<false>()
    expectTypeOf<'quoteToken' extends keyof LenientAudio ? true : false>().toEqualTypeOf<false>()
  })

  test('video and audio duration: a number, never the numeral it may have come as', () => {
    expectTypeOf<LenientVideo['duration']>().toEqualTypeOf<number | undefined>()
    expectTypeOf<LenientAudio['duration']>().toEqualTypeOf<number | undefined>()
    expectTypeOf<VideoMessageContent['duration']>().toEqualTypeOf<number | undefined>()
  })

  test('file: fileName and fileSize optional, fileSize a number', () => {
    expectTypeOf<IsOptional<LenientFile, 'fileName'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<LenientFile, 'fileSize'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<FileMessageContent, 'fileName'>>().toEqualTypeOf<false>()
    expectTypeOf<IsOptional<FileMessageContent, 'fileSize'>>().toEqualTypeOf<false>()
    expectTypeOf<LenientFile['fileName']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<LenientFile['fileSize']>().toEqualTypeOf<number | undefined>()
    expectTypeOf<IsOptional<LenientFile, 'id'>>().toEqualTypeOf<false>()
  })

  test('location: the coordinates stay required, as numbers', () => {
    expectTypeOf<IsOptional<LenientLocation, 'latitude'>>().toEqualTypeOf<false>()
    expectTypeOf<IsOptional<LenientLocation, 'longitude'>>().toEqualTypeOf<false>()
    expectTypeOf<LenientLocation['latitude']>().toEqualTypeOf<number>()
    expectTypeOf<LenientLocation['longitude']>().toEqualTypeOf<number>()
  })

  test('sticker: stickerResourceType and quoteToken optional, packageId and stickerId required', () => {
    expectTypeOf<IsOptional<LenientSticker, 'stickerResourceType'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<StickerMessageContent, 'stickerResourceType'>>().toEqualTypeOf<false>()
    expectTypeOf<LenientSticker['stickerResourceType']>().toEqualTypeOf<
      StickerResourceType | undefined
    >()
    expectTypeOf<IsOptional<LenientSticker, 'quoteToken'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<StickerMessageContent, 'quoteToken'>>().toEqualTypeOf<false>()
    expectTypeOf<IsOptional<LenientSticker, 'packageId'>>().toEqualTypeOf<false>()
    expectTypeOf<IsOptional<LenientSticker, 'stickerId'>>().toEqualTypeOf<false>()
    expectTypeOf<LenientSticker['packageId']>().toEqualTypeOf<string>()
  })
})

describe('narrowing a lenient body', () => {
  test('switch (event.type) narrows each of the 20 types to its lenient member', () => {
    function narrow(event: Entry): void {
      switch (event.type) {
        case 'message':
          expectTypeOf(event).toEqualTypeOf<Member<'message'>>()
          expectTypeOf(event.timestamp).toEqualTypeOf<number | undefined>()
          break
        case 'unsend':
          expectTypeOf(event).toEqualTypeOf<Member<'unsend'>>()
          break
        case 'follow':
          expectTypeOf(event).toEqualTypeOf<Member<'follow'>>()
          expectTypeOf(event.follow).toEqualTypeOf<FollowDetail | undefined>()
          break
        case 'unfollow':
          expectTypeOf(event).toEqualTypeOf<Member<'unfollow'>>()
          break
        case 'join':
          expectTypeOf(event).toEqualTypeOf<Member<'join'>>()
          break
        case 'leave':
          expectTypeOf(event).toEqualTypeOf<Member<'leave'>>()
          break
        case 'memberJoined':
          expectTypeOf(event).toEqualTypeOf<Member<'memberJoined'>>()
          break
        case 'memberLeft':
          expectTypeOf(event).toEqualTypeOf<Member<'memberLeft'>>()
          break
        case 'postback':
          expectTypeOf(event).toEqualTypeOf<Member<'postback'>>()
          break
        case 'videoPlayComplete':
          expectTypeOf(event).toEqualTypeOf<Member<'videoPlayComplete'>>()
          break
        case 'beacon':
          expectTypeOf(event).toEqualTypeOf<Member<'beacon'>>()
          break
        case 'accountLink':
          expectTypeOf(event).toEqualTypeOf<Member<'accountLink'>>()
          break
        case 'membership':
          expectTypeOf(event).toEqualTypeOf<Member<'membership'>>()
          break
        case 'module':
          expectTypeOf(event).toEqualTypeOf<Member<'module'>>()
          break
        case 'activated':
          expectTypeOf(event).toEqualTypeOf<Member<'activated'>>()
          break
        case 'deactivated':
          expectTypeOf(event).toEqualTypeOf<Member<'deactivated'>>()
          break
        case 'botSuspended':
          expectTypeOf(event).toEqualTypeOf<Member<'botSuspended'>>()
          break
        case 'botResumed':
          expectTypeOf(event).toEqualTypeOf<Member<'botResumed'>>()
          break
        case 'delivery':
          expectTypeOf(event).toEqualTypeOf<Member<'delivery'>>()
          break
        case 'messageEdited':
          expectTypeOf(event).toEqualTypeOf<Member<'messageEdited'>>()
          break
        case undefined:
          expectTypeOf(event).toEqualTypeOf<UnknownEvent | InvalidEvent>()
          if (event._tag === 'InvalidEvent') expectTypeOf(event).toEqualTypeOf<InvalidEvent>()
          else expectTypeOf(event).toEqualTypeOf<UnknownEvent>()
          break
        default: {
          const exhaustive: never = event
          expectTypeOf(exhaustive).toBeNever()
        }
      }
    }
    expectTypeOf(narrow).parameter(0).toEqualTypeOf<Entry>()
  })

  test('the discriminants are the 20 literals and undefined: the canonical spelling only', () => {
    expectTypeOf<Entry['type']>().toEqualTypeOf<
      | 'message'
      | 'unsend'
      | 'follow'
      | 'unfollow'
      | 'join'
      | 'leave'
      | 'memberJoined'
      | 'memberLeft'
      | 'postback'
      | 'videoPlayComplete'
      | 'beacon'
      | 'accountLink'
      | 'membership'
      | 'module'
      | 'activated'
      | 'deactivated'
      | 'botSuspended'
      | 'botResumed'
      | 'delivery'
      | 'messageEdited'
      | undefined
    >()
    expectTypeOf<Entry['type']>().toEqualTypeOf<CallbackRequest['events'][number]['type']>()
    expectTypeOf<'MESSAGE'>().not.toExtend<Entry['type']>()
    expectTypeOf<LenientMessageContent['type']>().toEqualTypeOf<
      MessageContent['type'] | undefined
    >()
  })

  test('a switch that forgets a case does not compile as exhaustive', () => {
    function forgetful(event: LenientEvent): void {
      switch (event.type) {
        case 'message':
        case 'unsend':
        case 'follow':
        case 'unfollow':
        case 'join':
        case 'leave':
        case 'memberJoined':
        case 'memberLeft':
        case 'postback':
        case 'videoPlayComplete':
        case 'beacon':
        case 'accountLink':
        case 'membership':
        case 'module':
        case 'activated':
        case 'deactivated':
        case 'botSuspended':
        case 'botResumed':
        case 'messageEdited':
        case undefined:
          break
        default: {
          // @ts-expect-error delivery is not handled
          const exhaustive: never = event
          expectTypeOf(event).toEqualTypeOf<Member<'delivery'>>()
          expectTypeOf(exhaustive).toBeNever()
        }
      }
    }
    expectTypeOf(forgetful).returns.toBeVoid()
  })

  test('the message of a lenient message event narrows to the 7 lenient messages', () => {
    function narrow(message: LenientMessageEvent['message']): void {
      switch (message.type) {
        case 'text':
          expectTypeOf(message).toEqualTypeOf<LenientText>()
          break
        case 'image':
          expectTypeOf(message).toEqualTypeOf<LenientImage>()
          break
        case 'video':
          expectTypeOf(message).toEqualTypeOf<LenientVideo>()
          break
        case 'audio':
          expectTypeOf(message).toEqualTypeOf<LenientAudio>()
          break
        case 'file':
          expectTypeOf(message).toEqualTypeOf<LenientFile>()
          break
        case 'location':
          expectTypeOf(message).toEqualTypeOf<LenientLocation>()
          break
        case 'sticker':
          expectTypeOf(message).toEqualTypeOf<LenientSticker>()
          break
        case undefined:
          expectTypeOf(message).toEqualTypeOf<UnknownMessageContent>()
          break
        default: {
          const exhaustive: never = message
          expectTypeOf(exhaustive).toBeNever()
        }
      }
    }
    expectTypeOf(narrow).parameter(0).toEqualTypeOf<LenientMessageContent>()
  })

  test('narrowed by the event, then the message, a field reads as its lenient type', () => {
    function read(entry: Entry): string | number | undefined {
      if (entry.type !== 'message') return undefined
      const { message } = entry
      if (message.type === 'video') return message.duration
      if (message.type === 'text') return message.quoteToken ?? message.text
      if (message.type === 'file') return message.fileName
      return entry.webhookEventId
    }
    expectTypeOf(read).returns.toEqualTypeOf<string | number | undefined>()
  })
})
