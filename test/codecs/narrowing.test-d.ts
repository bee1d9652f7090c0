/**
 * What the types promise users: a `switch` on `type` narrows every union to its exact member,
 * the fallbacks sit behind `case undefined`, open enums keep their known literals, and required
 * fields are required. Checked by the compiler only (vitest typecheck); nothing here runs.
 */
import type { Either } from 'fp-ts/lib/Either.js'
import type * as t from 'io-ts'
import { describe, expectTypeOf, test } from 'vitest'
import {
  CallbackRequest,
  decodeCallbackRequest,
  decodeWebhookRequest,
  parseWebhookRequest,
  type AccountLinkEvent,
  type ActivatedEvent,
  type AllMentionee,
  type AttachedModuleContent,
  type AudioMessageContent,
  type BeaconContent,
  type BeaconEvent,
  type BotResumedEvent,
  type BotSuspendedEvent,
  type ContentProvider,
  type DeactivatedEvent,
  type DetachedModuleContent,
  type Event,
  type EventMode,
  type FileMessageContent,
  type FollowEvent,
  type GroupSource,
  type ImageMessageContent,
  type ImageSet,
  type InvalidEvent,
  type InvalidPayload,
  type Issue,
  type JoinedMembershipContent,
  type JoinEvent,
  type LeaveEvent,
  type LeftMembershipContent,
  type LinkContent,
  type LocationMessageContent,
  type MemberJoinedEvent,
  type MemberLeftEvent,
  type MembershipContent,
  type MembershipEvent,
  type Mentionee,
  type MessageContent,
  type MessageEditedEvent,
  type MessageEvent,
  type ModuleContent,
  type ModuleEvent,
  type OpenEnum,
  type PnpDeliveryCompletionEvent,
  type PostbackContent,
  type PostbackEvent,
  type RenewedMembershipContent,
  type RoomSource,
  type Source,
  type StickerMessageContent,
  type StickerResourceType,
  type TextMessageContent,
  type UnfollowEvent,
  type UnknownEvent,
  type UnknownMembershipContent,
  type UnknownMentionee,
  type UnknownMessageContent,
  type UnknownModuleContent,
  type UnknownSource,
  type UnknownTypedObject,
  type UnsendEvent,
  type UserMentionee,
  type UserSource,
  type VideoMessageContent,
  type VideoPlayCompleteEvent,
  type WebhookFailure,
} from '../../src/index.js'

/** What one entry of `events` is. */
type Entry = CallbackRequest['events'][number]

/** Whether `K` may be left out of `T`. */
type IsOptional<T, K extends keyof T> = object extends Pick<T, K> ? true : false

describe('CallbackRequest.events', () => {
  test('holds events, their fallback and invalid events', () => {
    expectTypeOf<Entry>().toEqualTypeOf<Event | InvalidEvent>()
    expectTypeOf<CallbackRequest>().toEqualTypeOf<{
      readonly destination: string
      readonly events: readonly (Event | InvalidEvent)[]
    }>()
  })

  test('switch (event.type) narrows each of the 20 types to its exact member', () => {
    function narrow(event: Entry): void {
      switch (event.type) {
        case 'message':
          expectTypeOf(event).toEqualTypeOf<MessageEvent>()
          break
        case 'unsend':
          expectTypeOf(event).toEqualTypeOf<UnsendEvent>()
          break
        case 'follow':
          expectTypeOf(event).toEqualTypeOf<FollowEvent>()
          break
        case 'unfollow':
          expectTypeOf(event).toEqualTypeOf<UnfollowEvent>()
          break
        case 'join':
          expectTypeOf(event).toEqualTypeOf<JoinEvent>()
          break
        case 'leave':
          expectTypeOf(event).toEqualTypeOf<LeaveEvent>()
          break
        case 'memberJoined':
          expectTypeOf(event).toEqualTypeOf<MemberJoinedEvent>()
          break
        case 'memberLeft':
          expectTypeOf(event).toEqualTypeOf<MemberLeftEvent>()
          break
        case 'postback':
          expectTypeOf(event).toEqualTypeOf<PostbackEvent>()
          break
        case 'videoPlayComplete':
          expectTypeOf(event).toEqualTypeOf<VideoPlayCompleteEvent>()
          break
        case 'beacon':
          expectTypeOf(event).toEqualTypeOf<BeaconEvent>()
          break
        case 'accountLink':
          expectTypeOf(event).toEqualTypeOf<AccountLinkEvent>()
          break
        case 'membership':
          expectTypeOf(event).toEqualTypeOf<MembershipEvent>()
          break
        case 'module':
          expectTypeOf(event).toEqualTypeOf<ModuleEvent>()
          break
        case 'activated':
          expectTypeOf(event).toEqualTypeOf<ActivatedEvent>()
          break
        case 'deactivated':
          expectTypeOf(event).toEqualTypeOf<DeactivatedEvent>()
          break
        case 'botSuspended':
          expectTypeOf(event).toEqualTypeOf<BotSuspendedEvent>()
          break
        case 'botResumed':
          expectTypeOf(event).toEqualTypeOf<BotResumedEvent>()
          break
        case 'delivery':
          expectTypeOf(event).toEqualTypeOf<PnpDeliveryCompletionEvent>()
          break
        case 'messageEdited':
          expectTypeOf(event).toEqualTypeOf<MessageEditedEvent>()
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

  test('the discriminants are the 20 literals and undefined, nothing wider', () => {
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
  })

  test('a switch that forgets a case does not compile as exhaustive', () => {
    function forgetful(event: Event): void {
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
        case 'delivery':
        case undefined:
          break
        default: {
          // @ts-expect-error messageEdited is not handled
          const exhaustive: never = event
          expectTypeOf(event).toEqualTypeOf<MessageEditedEvent>()
          expectTypeOf(exhaustive).toBeNever()
        }
      }
    }
    expectTypeOf(forgetful).returns.toBeVoid()
  })

  test('_tag is reached after case undefined, not on a typed event', () => {
    function tagOf(event: Entry): string {
      // @ts-expect-error typed events carry no _tag: narrow on `type` first
      const tag: unknown = event._tag
      expectTypeOf(tag).toBeUnknown()
      return event.type ?? event._tag
    }
    expectTypeOf(tagOf).returns.toBeString()
  })
})

describe('the nested unions narrow the same way', () => {
  test('MessageContent: 7 message types, undefined for UnknownMessageContent', () => {
    function narrow(message: MessageEvent['message']): void {
      switch (message.type) {
        case 'text':
          expectTypeOf(message).toEqualTypeOf<TextMessageContent>()
          break
        case 'image':
          expectTypeOf(message).toEqualTypeOf<ImageMessageContent>()
          break
        case 'video':
          expectTypeOf(message).toEqualTypeOf<VideoMessageContent>()
          break
        case 'audio':
          expectTypeOf(message).toEqualTypeOf<AudioMessageContent>()
          break
        case 'file':
          expectTypeOf(message).toEqualTypeOf<FileMessageContent>()
          break
        case 'location':
          expectTypeOf(message).toEqualTypeOf<LocationMessageContent>()
          break
        case 'sticker':
          expectTypeOf(message).toEqualTypeOf<StickerMessageContent>()
          break
        case undefined:
          expectTypeOf(message).toEqualTypeOf<UnknownMessageContent>()
          expectTypeOf(message._tag).toEqualTypeOf<'UnknownMessageContent'>()
          expectTypeOf(message.raw).toEqualTypeOf<UnknownTypedObject>()
          break
        default: {
          const exhaustive: never = message
          expectTypeOf(exhaustive).toBeNever()
        }
      }
    }
    expectTypeOf<MessageEvent['message']>().toEqualTypeOf<MessageContent>()
    expectTypeOf<MessageEditedEvent['message']>().toEqualTypeOf<MessageContent>()
    expectTypeOf(narrow).parameter(0).toEqualTypeOf<MessageContent>()
  })

  test('Source: user, group, room, undefined for UnknownSource', () => {
    function narrow(source: Source): void {
      switch (source.type) {
        case 'user':
          expectTypeOf(source).toEqualTypeOf<UserSource>()
          break
        case 'group':
          expectTypeOf(source).toEqualTypeOf<GroupSource>()
          break
        case 'room':
          expectTypeOf(source).toEqualTypeOf<RoomSource>()
          break
        case undefined:
          expectTypeOf(source).toEqualTypeOf<UnknownSource>()
          break
        default: {
          const exhaustive: never = source
          expectTypeOf(exhaustive).toBeNever()
        }
      }
    }
    expectTypeOf<NonNullable<MessageEvent['source']>>().toEqualTypeOf<Source>()
    expectTypeOf(narrow).returns.toBeVoid()
  })

  test('Mentionee: user, all, undefined for UnknownMentionee', () => {
    function narrow(mentionee: Mentionee): void {
      switch (mentionee.type) {
        case 'user':
          expectTypeOf(mentionee).toEqualTypeOf<UserMentionee>()
          break
        case 'all':
          expectTypeOf(mentionee).toEqualTypeOf<AllMentionee>()
          break
        case undefined:
          expectTypeOf(mentionee).toEqualTypeOf<UnknownMentionee>()
          break
        default: {
          const exhaustive: never = mentionee
          expectTypeOf(exhaustive).toBeNever()
        }
      }
    }
    type Mentionees = NonNullable<TextMessageContent['mention']>['mentionees']
    expectTypeOf<Mentionees>().toEqualTypeOf<readonly Mentionee[]>()
    expectTypeOf(narrow).returns.toBeVoid()
  })

  test('MembershipContent: joined, left, renewed, undefined for UnknownMembershipContent', () => {
    function narrow(membership: MembershipEvent['membership']): void {
      switch (membership.type) {
        case 'joined':
          expectTypeOf(membership).toEqualTypeOf<JoinedMembershipContent>()
          break
        case 'left':
          expectTypeOf(membership).toEqualTypeOf<LeftMembershipContent>()
          break
        case 'renewed':
          expectTypeOf(membership).toEqualTypeOf<RenewedMembershipContent>()
          break
        case undefined:
          expectTypeOf(membership).toEqualTypeOf<UnknownMembershipContent>()
          break
        default: {
          const exhaustive: never = membership
          expectTypeOf(exhaustive).toBeNever()
        }
      }
    }
    expectTypeOf<MembershipEvent['membership']>().toEqualTypeOf<MembershipContent>()
    expectTypeOf(narrow).returns.toBeVoid()
  })

  test('ModuleContent: attached, detached, undefined for UnknownModuleContent', () => {
    function narrow(module: ModuleEvent['module']): void {
      switch (module.type) {
        case 'attached':
          expectTypeOf(module).toEqualTypeOf<AttachedModuleContent>()
          break
        case 'detached':
          expectTypeOf(module).toEqualTypeOf<DetachedModuleContent>()
          break
        case undefined:
          expectTypeOf(module).toEqualTypeOf<UnknownModuleContent>()
          break
        default: {
          const exhaustive: never = module
          expectTypeOf(exhaustive).toBeNever()
        }
      }
    }
    expectTypeOf<ModuleEvent['module']>().toEqualTypeOf<ModuleContent>()
    expectTypeOf(narrow).returns.toBeVoid()
  })

  test('every fallback keeps the raw object, whose type is a string', () => {
    expectTypeOf<UnknownEvent>().toEqualTypeOf<{
      readonly _tag: 'UnknownEvent'
      readonly type?: undefined
      readonly raw: UnknownTypedObject
    }>()
    expectTypeOf<UnknownTypedObject['type']>().toBeString()
    expectTypeOf<UnknownSource['_tag']>().toEqualTypeOf<'UnknownSource'>()
    expectTypeOf<UnknownMentionee['_tag']>().toEqualTypeOf<'UnknownMentionee'>()
    expectTypeOf<UnknownMembershipContent['_tag']>().toEqualTypeOf<'UnknownMembershipContent'>()
    expectTypeOf<UnknownModuleContent['_tag']>().toEqualTypeOf<'UnknownModuleContent'>()
    expectTypeOf<InvalidEvent>().toEqualTypeOf<{
      readonly _tag: 'InvalidEvent'
      readonly type?: undefined
      readonly index: number
      readonly raw: unknown
      readonly issues: readonly Issue[]
      readonly omittedIssues: number
    }>()
  })
})

describe('open enums accept newer values and keep their known literals', () => {
  test('StickerResourceType', () => {
    expectTypeOf<StickerResourceType>().toEqualTypeOf<
      OpenEnum<
        | 'STATIC'
        | 'ANIMATION'
        | 'SOUND'
        | 'ANIMATION_SOUND'
        | 'POPUP'
        | 'POPUP_SOUND'
        | 'CUSTOM'
        | 'MESSAGE'
        | 'NAME_TEXT'
        | 'PER_STICKER_TEXT'
      >
    >()
    expectTypeOf<'STATIC'>().toExtend<StickerResourceType>()
    expectTypeOf<'HOLOGRAM'>().toExtend<StickerResourceType>()
    // The literals are not swallowed by `string`: editors still offer them.
    expectTypeOf<
      Extract<StickerResourceType, 'ANIMATION_SOUND'>
    >().toEqualTypeOf<'ANIMATION_SOUND'>()
    expectTypeOf<StickerResourceType>().not.toEqualTypeOf<string>()
    expectTypeOf<
      StickerMessageContent['stickerResourceType']
    >().toEqualTypeOf<StickerResourceType>()
  })

  test('mode, beacon type, link result, content provider type, detached reason', () => {
    expectTypeOf<EventMode>().toEqualTypeOf<OpenEnum<'active' | 'standby'>>()
    expectTypeOf<MessageEvent['mode']>().toEqualTypeOf<EventMode>()
    expectTypeOf<BeaconContent['type']>().toEqualTypeOf<OpenEnum<'enter' | 'banner' | 'stay'>>()
    expectTypeOf<LinkContent['result']>().toEqualTypeOf<OpenEnum<'ok' | 'failed'>>()
    expectTypeOf<ContentProvider['type']>().toEqualTypeOf<OpenEnum<'line' | 'external'>>()
    expectTypeOf<DetachedModuleContent['reason']>().toEqualTypeOf<OpenEnum<'bot_deleted'>>()
    expectTypeOf<'standby'>().toExtend<EventMode>()
    expectTypeOf<'paused'>().toExtend<EventMode>()
    expectTypeOf<'unlinked'>().toExtend<LinkContent['result']>()
    expectTypeOf<Extract<BeaconContent['type'], 'banner'>>().toEqualTypeOf<'banner'>()
  })

  test('but the discriminants stay closed', () => {
    expectTypeOf<'hologram'>().not.toExtend<MessageContent['type']>()
    expectTypeOf<string>().not.toExtend<Event['type']>()
  })
})

describe('required fields are required, optional ones optional', () => {
  test('text messages', () => {
    expectTypeOf<TextMessageContent['quoteToken']>().toEqualTypeOf<string>()
    expectTypeOf<TextMessageContent['text']>().toEqualTypeOf<string>()
    expectTypeOf<IsOptional<TextMessageContent, 'quoteToken'>>().toEqualTypeOf<false>()
    expectTypeOf<IsOptional<TextMessageContent, 'quotedMessageId'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<TextMessageContent, 'emojis'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<TextMessageContent, 'mention'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<TextMessageContent, 'markAsReadToken'>>().toEqualTypeOf<true>()
    // exactOptionalPropertyTypes: an optional field is absent or a string, never undefined.
    expectTypeOf<{
      type: 'text'
      id: string
      text: string
      quoteToken: string
      quotedMessageId: undefined
    }>().not.toExtend<TextMessageContent>()
  })

  test('media, file, location and sticker messages', () => {
    expectTypeOf<ImageMessageContent['contentProvider']>().toEqualTypeOf<ContentProvider>()
    expectTypeOf<IsOptional<ImageMessageContent, 'imageSet'>>().toEqualTypeOf<true>()
    expectTypeOf<NonNullable<ImageMessageContent['imageSet']>>().toEqualTypeOf<ImageSet>()
    expectTypeOf<IsOptional<ImageSet, 'id'>>().toEqualTypeOf<false>()
    expectTypeOf<VideoMessageContent['quoteToken']>().toEqualTypeOf<string>()
    expectTypeOf<IsOptional<VideoMessageContent, 'duration'>>().toEqualTypeOf<true>()
    // Audio and file messages cannot be quoted: LINE sends them no quoteToken.
    expectTypeOf<
      'quoteToken' extends keyof AudioMessageContent ? true : false
    >().toEqualTypeOf<false>()
    expectTypeOf<
      'quoteToken' extends keyof FileMessageContent ? true : false
    >().toEqualTypeOf<false>()
    expectTypeOf<FileMessageContent['fileName']>().toEqualTypeOf<string>()
    expectTypeOf<FileMessageContent['fileSize']>().toEqualTypeOf<number>()
    expectTypeOf<LocationMessageContent['latitude']>().toEqualTypeOf<number>()
    expectTypeOf<IsOptional<LocationMessageContent, 'title'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<StickerMessageContent, 'keywords'>>().toEqualTypeOf<true>()
    expectTypeOf<NonNullable<StickerMessageContent['keywords']>>().toEqualTypeOf<
      readonly string[]
    >()
  })

  test('events: the common fields, and replyToken where LINE always sends one', () => {
    expectTypeOf<MessageEvent['timestamp']>().toEqualTypeOf<number>()
    expectTypeOf<MessageEvent['webhookEventId']>().toEqualTypeOf<string>()
    expectTypeOf<MessageEvent['deliveryContext']>().toEqualTypeOf<{
      readonly isRedelivery: boolean
    }>()
    expectTypeOf<IsOptional<MessageEvent, 'source'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<MessageEvent, 'replyToken'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<FollowEvent, 'replyToken'>>().toEqualTypeOf<false>()
    expectTypeOf<IsOptional<JoinEvent, 'replyToken'>>().toEqualTypeOf<false>()
    expectTypeOf<IsOptional<AccountLinkEvent, 'replyToken'>>().toEqualTypeOf<true>()
    expectTypeOf<'replyToken' extends keyof UnfollowEvent ? true : false>().toEqualTypeOf<false>()
    expectTypeOf<IsOptional<PostbackContent, 'params'>>().toEqualTypeOf<true>()
    expectTypeOf<NonNullable<PostbackContent['params']>>().toEqualTypeOf<
      Readonly<Record<string, string>>
    >()
    expectTypeOf<IsOptional<UserSource, 'userId'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<GroupSource, 'groupId'>>().toEqualTypeOf<false>()
    expectTypeOf<IsOptional<UserMentionee, 'isSelf'>>().toEqualTypeOf<true>()
    expectTypeOf<IsOptional<AttachedModuleContent, 'scopes'>>().toEqualTypeOf<false>()
  })

  test('decoded values are readonly', () => {
    function mutate(event: MessageEvent, body: CallbackRequest): void {
      // @ts-expect-error decoded events are readonly
      event.timestamp = 0
      // @ts-expect-error the events list is a readonly array
      body.events[0] = event
    }
    expectTypeOf(mutate).returns.toBeVoid()
  })
})

describe('what decoding returns', () => {
  const value: unknown = null
  const params = { channelSecret: 's', body: '{}', signature: null }

  test('decodeCallbackRequest: an Either of InvalidPayload and CallbackRequest', () => {
    expectTypeOf(decodeCallbackRequest(value)).toEqualTypeOf<
      Either<InvalidPayload, CallbackRequest>
    >()
    expectTypeOf(decodeCallbackRequest(value, { onInvalidEvent: 'fail' })).toEqualTypeOf<
      Either<InvalidPayload, CallbackRequest>
    >()
    const result = decodeCallbackRequest(value)
    // A plain `_tag` union: narrowing needs no fp-ts import.
    if (result._tag === 'Right') expectTypeOf(result.right).toEqualTypeOf<CallbackRequest>()
    else expectTypeOf(result.left).toEqualTypeOf<InvalidPayload>()
  })

  test('decodeWebhookRequest: a promise of an Either of WebhookFailure and CallbackRequest', () => {
    expectTypeOf(decodeWebhookRequest(params)).toEqualTypeOf<
      Promise<Either<WebhookFailure, CallbackRequest>>
    >()
    expectTypeOf(decodeWebhookRequest(params, { onInvalidEvent: 'fail' })).toEqualTypeOf<
      Promise<Either<WebhookFailure, CallbackRequest>>
    >()
    expectTypeOf<WebhookFailure['_tag']>().toEqualTypeOf<
      'SignatureMismatch' | 'MalformedJson' | 'InvalidPayload'
    >()
  })

  test('parseWebhookRequest: a promise of the CallbackRequest', () => {
    expectTypeOf(parseWebhookRequest(params)).toEqualTypeOf<Promise<CallbackRequest>>()
    expectTypeOf(parseWebhookRequest(params, { onInvalidEvent: 'keep' })).toEqualTypeOf<
      Promise<CallbackRequest>
    >()
  })

  test('CallbackRequest.decode: io-ts validation of the same type', () => {
    expectTypeOf(CallbackRequest.decode(value)).toEqualTypeOf<t.Validation<CallbackRequest>>()
    expectTypeOf(CallbackRequest.is).guards.toEqualTypeOf<CallbackRequest>()
  })
})
