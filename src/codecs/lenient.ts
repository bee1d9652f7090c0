import * as t from 'io-ts'
import { isRecord } from '../internal/record.js'
import { eventList, type InvalidEvent } from './callback-request.js'
import * as strict from './event.js'
import type { Codec } from './codec.js'
import type {
  DeliveryContext,
  EventMode,
  FollowDetail,
  JoinedMembers,
  LeftMembers,
  PostbackContent,
  VideoPlayComplete,
  BeaconContent,
  LinkContent,
  ChatControl,
  UnsendDetail,
  PnpDelivery,
  UnknownEvent,
} from './event.js'
import type { MembershipContent } from './membership-content.js'
import {
  audioMessageContent,
  fileMessageContent,
  imageMessageContent,
  locationMessageContent,
  stickerMessageContent,
  textMessageContent,
  videoMessageContent,
  type AudioMessageContent,
  type ContentProvider,
  type FileMessageContent,
  type ImageMessageContent,
  type LocationMessageContent,
  type StickerMessageContent,
  type StickerResourceType,
  type TextMessageContent,
  type UnknownMessageContent,
  type VideoMessageContent,
} from './message-content.js'
import type { ModuleContent } from './module-content.js'
import type { Source } from './source.js'
import { lenientInteger, lenientNumber } from './primitives.js'
import { override, relax, struct, type Props, type StructC } from './struct.js'
import { taggedUnion, type ResolveType, type TaggedUnionCodec } from './tagged-union.js'
import { withStandardSchema } from './standard-schema.js'

/*
 * The lenient profile, for vendors that forward LINE events and for historical payloads: each
 * codec is its strict twin with what such senders leave out made optional (so the types say
 * so), numbers also read from numerals, and `type` matched loosely. Nothing is invented.
 */

/** A known type whatever its case: forwarders write `TEXT` for `text`. */
const resolveByName: ResolveType = (value, knownTypes) => {
  const type = value['type']
  if (typeof type !== 'string') return type
  const lower = type.toLowerCase()
  return knownTypes.find((known) => known.toLowerCase() === lower) ?? type
}

/** As {@link resolveByName}, and an event with an empty `type` and a `message` is a message. */
const resolveEventType: ResolveType = (value, knownTypes) =>
  value['type'] === '' && isRecord(value['message']) ? 'message' : resolveByName(value, knownTypes)

/**
 * A {@link TextMessageContent} as the lenient profile reads it: `quoteToken` may be absent.
 *
 * @example
 * ```ts
 * import { LenientMessageContent, type LenientTextMessageContent } from 'line-webhook'
 *
 * const decoded = LenientMessageContent.decode({ type: 'TEXT', id: '1', text: 'hi' })
 * if (decoded._tag === 'Right' && decoded.right.type === 'text') {
 *   const message: LenientTextMessageContent = decoded.right
 *   console.log(message.quoteToken) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientTextMessageContent extends Omit<TextMessageContent, 'quoteToken'> {
  readonly quoteToken?: string
}

/**
 * An {@link ImageMessageContent} as the lenient profile reads it: `quoteToken` and `contentProvider` may be absent.
 *
 * @example
 * ```ts
 * import { LenientMessageContent, type LenientImageMessageContent } from 'line-webhook'
 *
 * const decoded = LenientMessageContent.decode({ type: 'image', id: '1' })
 * if (decoded._tag === 'Right' && decoded.right.type === 'image') {
 *   const message: LenientImageMessageContent = decoded.right
 *   console.log(message.contentProvider) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientImageMessageContent extends Omit<
  ImageMessageContent,
  'quoteToken' | 'contentProvider'
> {
  readonly quoteToken?: string
  readonly contentProvider?: ContentProvider
}

/**
 * A {@link VideoMessageContent} as the lenient profile reads it: `quoteToken` and `contentProvider` may be absent. `duration` may come as a numeral.
 *
 * @example
 * ```ts
 * import { LenientMessageContent, type LenientVideoMessageContent } from 'line-webhook'
 *
 * const decoded = LenientMessageContent.decode({ type: 'video', id: '1', duration: '10735' })
 * if (decoded._tag === 'Right' && decoded.right.type === 'video') {
 *   const message: LenientVideoMessageContent = decoded.right
 *   console.log(message.contentProvider) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientVideoMessageContent extends Omit<
  VideoMessageContent,
  'quoteToken' | 'contentProvider'
> {
  readonly quoteToken?: string
  readonly contentProvider?: ContentProvider
}

/**
 * An {@link AudioMessageContent} as the lenient profile reads it: `contentProvider` may be absent. `duration` may come as a numeral.
 *
 * @example
 * ```ts
 * import { LenientMessageContent, type LenientAudioMessageContent } from 'line-webhook'
 *
 * const decoded = LenientMessageContent.decode({ type: 'audio', id: '1', duration: '60000' })
 * if (decoded._tag === 'Right' && decoded.right.type === 'audio') {
 *   const message: LenientAudioMessageContent = decoded.right
 *   console.log(message.contentProvider) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientAudioMessageContent extends Omit<AudioMessageContent, 'contentProvider'> {
  readonly contentProvider?: ContentProvider
}

/**
 * A {@link FileMessageContent} as the lenient profile reads it: `fileName` and `fileSize` may be absent. `fileSize` may come as a numeral.
 *
 * @example
 * ```ts
 * import { LenientMessageContent, type LenientFileMessageContent } from 'line-webhook'
 *
 * const decoded = LenientMessageContent.decode({ type: 'file', id: '1', fileSize: '2138' })
 * if (decoded._tag === 'Right' && decoded.right.type === 'file') {
 *   const message: LenientFileMessageContent = decoded.right
 *   console.log(message.fileName) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientFileMessageContent extends Omit<
  FileMessageContent,
  'fileName' | 'fileSize'
> {
  readonly fileName?: string
  readonly fileSize?: number
}

/**
 * A {@link StickerMessageContent} as the lenient profile reads it: `quoteToken` and `stickerResourceType` may be absent.
 *
 * @example
 * ```ts
 * import { LenientMessageContent, type LenientStickerMessageContent } from 'line-webhook'
 *
 * const decoded = LenientMessageContent.decode({ type: 'sticker', id: '1', packageId: '11538', stickerId: '51626530' })
 * if (decoded._tag === 'Right' && decoded.right.type === 'sticker') {
 *   const message: LenientStickerMessageContent = decoded.right
 *   console.log(message.stickerResourceType) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientStickerMessageContent extends Omit<
  StickerMessageContent,
  'quoteToken' | 'stickerResourceType'
> {
  readonly quoteToken?: string
  readonly stickerResourceType?: StickerResourceType
}

/** LenientMessageContent as built; test/codecs/interfaces.test-d.ts checks its members. */
export const lenientMessageContent = /*#__PURE__*/ taggedUnion(
  'LenientMessageContent',
  {
    text: /*#__PURE__*/ relax(textMessageContent, ['quoteToken']),
    image: /*#__PURE__*/ relax(imageMessageContent, ['quoteToken', 'contentProvider']),
    video: /*#__PURE__*/ override(
      /*#__PURE__*/ relax(videoMessageContent, ['quoteToken', 'contentProvider']),
      {
        duration: lenientInteger,
      },
    ),
    audio: /*#__PURE__*/ override(/*#__PURE__*/ relax(audioMessageContent, ['contentProvider']), {
      duration: lenientInteger,
    }),
    file: /*#__PURE__*/ override(
      /*#__PURE__*/ relax(fileMessageContent, ['fileName', 'fileSize']),
      {
        fileSize: lenientInteger,
      },
    ),
    location: /*#__PURE__*/ override(locationMessageContent, {
      latitude: lenientNumber,
      longitude: lenientNumber,
    }),
    sticker: /*#__PURE__*/ relax(stickerMessageContent, ['quoteToken', 'stickerResourceType']),
  },
  'UnknownMessageContent',
  { resolveType: resolveByName },
)

/**
 * A message as the lenient profile reads it: `quoteToken`, `contentProvider`, `fileName`,
 * `fileSize` and a sticker's `stickerResourceType` may be absent; `duration`, `fileSize`,
 * `latitude` and `longitude` may come as numerals; `type` matches whatever its case.
 *
 * @example
 * ```ts
 * import { LenientMessageContent } from 'line-webhook'
 *
 * const decoded = LenientMessageContent.decode({ type: 'VIDEO', id: '5093', duration: '10735' })
 * console.log(decoded._tag === 'Right' && decoded.right) // => { type: "video", id: "5093", duration: 10735 }
 * ```
 *
 * @since 0.1.0
 * @category Lenient profile
 */
export const LenientMessageContent: TaggedUnionCodec<LenientMessageContent> =
  /*#__PURE__*/ withStandardSchema(lenientMessageContent)
export type LenientMessageContent =
  | LenientTextMessageContent
  | LenientImageMessageContent
  | LenientVideoMessageContent
  | LenientAudioMessageContent
  | LenientFileMessageContent
  | LocationMessageContent
  | LenientStickerMessageContent
  | UnknownMessageContent

const eventBase = ['timestamp', 'mode', 'webhookEventId', 'deliveryContext'] as const
type EventBase = (typeof eventBase)[number]

/** `codec` with the common event fields and `keys` optional, and `timestamp` also a numeral. */
function lenient<
  R extends Props & Record<EventBase, t.Mixed>,
  O extends Props,
  const K extends keyof R & string,
>(codec: StructC<R, O>, keys: readonly K[]) {
  return override(relax(codec, [...eventBase, ...keys]), { timestamp: lenientInteger })
}

const withLenientMessage = { message: lenientMessageContent }

/**
 * What every event carries besides its `type`, as the lenient profile reads it: each of these
 * may be absent.
 *
 * @example
 * ```ts
 * import { LenientEvent, type LenientEventBase } from 'line-webhook'
 *
 * const decoded = LenientEvent.decode({ type: 'unfollow', timestamp: '1462629479859' })
 * if (decoded._tag === 'Right' && decoded.right.type === 'unfollow') {
 *   const base: LenientEventBase = decoded.right
 *   console.log([base.timestamp, base.mode]) // => [1462629479859, undefined]
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientEventBase {
  /** When the event happened, in epoch milliseconds; a numeral became a number. */
  readonly timestamp?: number
  readonly mode?: EventMode
  readonly webhookEventId?: string
  readonly deliveryContext?: DeliveryContext
  readonly source?: Source
}

/**
 * A {@link MessageEvent} as the lenient profile reads it: the common fields may be absent. Its `message` is a {@link LenientMessageContent}.
 *
 * @example
 * ```ts
 * import { LenientEvent, type LenientMessageEvent } from 'line-webhook'
 *
 * const decoded = LenientEvent.decode({ type: 'message', message: { type: 'TEXT', id: '1', text: 'hi' } })
 * if (decoded._tag === 'Right' && decoded.right.type === 'message') {
 *   const event: LenientMessageEvent = decoded.right
 *   console.log(event.timestamp) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientMessageEvent extends LenientEventBase {
  readonly type: 'message'
  readonly message: LenientMessageContent
  /** Reply with it, once and soon: it expires. */
  readonly replyToken?: string
}

/**
 * An {@link UnsendEvent} as the lenient profile reads it: the common fields may be absent.
 *
 * @example
 * ```ts
 * import { LenientEvent, type LenientUnsendEvent } from 'line-webhook'
 *
 * const decoded = LenientEvent.decode({ type: 'unsend', unsend: { messageId: '325708' } })
 * if (decoded._tag === 'Right' && decoded.right.type === 'unsend') {
 *   const event: LenientUnsendEvent = decoded.right
 *   console.log(event.timestamp) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientUnsendEvent extends LenientEventBase {
  readonly type: 'unsend'
  readonly unsend: UnsendDetail
}

/**
 * A {@link FollowEvent} as the lenient profile reads it: the common fields may be absent. `replyToken`, `follow` may be absent too.
 *
 * @example
 * ```ts
 * import { LenientEvent, type LenientFollowEvent } from 'line-webhook'
 *
 * const decoded = LenientEvent.decode({ type: 'follow' })
 * if (decoded._tag === 'Right' && decoded.right.type === 'follow') {
 *   const event: LenientFollowEvent = decoded.right
 *   console.log(event.timestamp) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientFollowEvent extends LenientEventBase {
  readonly type: 'follow'
  /** Reply with it, once and soon: it expires. */
  readonly replyToken?: string
  readonly follow?: FollowDetail
}

/**
 * An {@link UnfollowEvent} as the lenient profile reads it: the common fields may be absent.
 *
 * @example
 * ```ts
 * import { LenientEvent, type LenientUnfollowEvent } from 'line-webhook'
 *
 * const decoded = LenientEvent.decode({ type: 'unfollow' })
 * if (decoded._tag === 'Right' && decoded.right.type === 'unfollow') {
 *   const event: LenientUnfollowEvent = decoded.right
 *   console.log(event.timestamp) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientUnfollowEvent extends LenientEventBase {
  readonly type: 'unfollow'
}

/**
 * A {@link JoinEvent} as the lenient profile reads it: the common fields may be absent. `replyToken` may be absent too.
 *
 * @example
 * ```ts
 * import { LenientEvent, type LenientJoinEvent } from 'line-webhook'
 *
 * const decoded = LenientEvent.decode({ type: 'join' })
 * if (decoded._tag === 'Right' && decoded.right.type === 'join') {
 *   const event: LenientJoinEvent = decoded.right
 *   console.log(event.timestamp) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientJoinEvent extends LenientEventBase {
  readonly type: 'join'
  /** Reply with it, once and soon: it expires. */
  readonly replyToken?: string
}

/**
 * A {@link LeaveEvent} as the lenient profile reads it: the common fields may be absent.
 *
 * @example
 * ```ts
 * import { LenientEvent, type LenientLeaveEvent } from 'line-webhook'
 *
 * const decoded = LenientEvent.decode({ type: 'leave' })
 * if (decoded._tag === 'Right' && decoded.right.type === 'leave') {
 *   const event: LenientLeaveEvent = decoded.right
 *   console.log(event.timestamp) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientLeaveEvent extends LenientEventBase {
  readonly type: 'leave'
}

/**
 * A {@link MemberJoinedEvent} as the lenient profile reads it: the common fields may be absent. `replyToken` may be absent too.
 *
 * @example
 * ```ts
 * import { LenientEvent, type LenientMemberJoinedEvent } from 'line-webhook'
 *
 * const decoded = LenientEvent.decode({ type: 'memberJoined', joined: { members: [{ type: 'user', userId: 'U4af4980629' }] } })
 * if (decoded._tag === 'Right' && decoded.right.type === 'memberJoined') {
 *   const event: LenientMemberJoinedEvent = decoded.right
 *   console.log(event.timestamp) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientMemberJoinedEvent extends LenientEventBase {
  readonly type: 'memberJoined'
  /** Reply with it, once and soon: it expires. */
  readonly replyToken?: string
  readonly joined: JoinedMembers
}

/**
 * A {@link MemberLeftEvent} as the lenient profile reads it: the common fields may be absent.
 *
 * @example
 * ```ts
 * import { LenientEvent, type LenientMemberLeftEvent } from 'line-webhook'
 *
 * const decoded = LenientEvent.decode({ type: 'memberLeft', left: { members: [{ type: 'user', userId: 'U4af4980629' }] } })
 * if (decoded._tag === 'Right' && decoded.right.type === 'memberLeft') {
 *   const event: LenientMemberLeftEvent = decoded.right
 *   console.log(event.timestamp) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientMemberLeftEvent extends LenientEventBase {
  readonly type: 'memberLeft'
  readonly left: LeftMembers
}

/**
 * A {@link PostbackEvent} as the lenient profile reads it: the common fields may be absent.
 *
 * @example
 * ```ts
 * import { LenientEvent, type LenientPostbackEvent } from 'line-webhook'
 *
 * const decoded = LenientEvent.decode({ type: 'postback', postback: { data: 'action=buy' } })
 * if (decoded._tag === 'Right' && decoded.right.type === 'postback') {
 *   const event: LenientPostbackEvent = decoded.right
 *   console.log(event.timestamp) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientPostbackEvent extends LenientEventBase {
  readonly type: 'postback'
  readonly postback: PostbackContent
  /** Reply with it, once and soon: it expires. */
  readonly replyToken?: string
}

/**
 * A {@link VideoPlayCompleteEvent} as the lenient profile reads it: the common fields may be absent. `replyToken` may be absent too.
 *
 * @example
 * ```ts
 * import { LenientEvent, type LenientVideoPlayCompleteEvent } from 'line-webhook'
 *
 * const decoded = LenientEvent.decode({ type: 'videoPlayComplete', videoPlayComplete: { trackingId: 'track-id' } })
 * if (decoded._tag === 'Right' && decoded.right.type === 'videoPlayComplete') {
 *   const event: LenientVideoPlayCompleteEvent = decoded.right
 *   console.log(event.timestamp) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientVideoPlayCompleteEvent extends LenientEventBase {
  readonly type: 'videoPlayComplete'
  /** Reply with it, once and soon: it expires. */
  readonly replyToken?: string
  readonly videoPlayComplete: VideoPlayComplete
}

/**
 * A {@link BeaconEvent} as the lenient profile reads it: the common fields may be absent. `replyToken` may be absent too.
 *
 * @example
 * ```ts
 * import { LenientEvent, type LenientBeaconEvent } from 'line-webhook'
 *
 * const decoded = LenientEvent.decode({ type: 'beacon', beacon: { hwid: 'd41d8cd98f', type: 'enter' } })
 * if (decoded._tag === 'Right' && decoded.right.type === 'beacon') {
 *   const event: LenientBeaconEvent = decoded.right
 *   console.log(event.timestamp) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientBeaconEvent extends LenientEventBase {
  readonly type: 'beacon'
  /** Reply with it, once and soon: it expires. */
  readonly replyToken?: string
  readonly beacon: BeaconContent
}

/**
 * An {@link AccountLinkEvent} as the lenient profile reads it: the common fields may be absent.
 *
 * @example
 * ```ts
 * import { LenientEvent, type LenientAccountLinkEvent } from 'line-webhook'
 *
 * const decoded = LenientEvent.decode({ type: 'accountLink', link: { result: 'ok', nonce: 'xxxxxxxxxxxxxxx' } })
 * if (decoded._tag === 'Right' && decoded.right.type === 'accountLink') {
 *   const event: LenientAccountLinkEvent = decoded.right
 *   console.log(event.timestamp) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientAccountLinkEvent extends LenientEventBase {
  readonly type: 'accountLink'
  readonly link: LinkContent
  /** Absent when linking failed. */
  readonly replyToken?: string
}

/**
 * A {@link MembershipEvent} as the lenient profile reads it: the common fields may be absent. `replyToken` may be absent too.
 *
 * @example
 * ```ts
 * import { LenientEvent, type LenientMembershipEvent } from 'line-webhook'
 *
 * const decoded = LenientEvent.decode({ type: 'membership', membership: { type: 'joined', membershipId: 3189 } })
 * if (decoded._tag === 'Right' && decoded.right.type === 'membership') {
 *   const event: LenientMembershipEvent = decoded.right
 *   console.log(event.timestamp) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientMembershipEvent extends LenientEventBase {
  readonly type: 'membership'
  /** Reply with it, once and soon: it expires. */
  readonly replyToken?: string
  readonly membership: MembershipContent
}

/**
 * A {@link ModuleEvent} as the lenient profile reads it: the common fields may be absent.
 *
 * @example
 * ```ts
 * import { LenientEvent, type LenientModuleEvent } from 'line-webhook'
 *
 * const decoded = LenientEvent.decode({ type: 'module', module: { type: 'attached', botId: 'U61eccd27f3', scopes: ['message:send'] } })
 * if (decoded._tag === 'Right' && decoded.right.type === 'module') {
 *   const event: LenientModuleEvent = decoded.right
 *   console.log(event.timestamp) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientModuleEvent extends LenientEventBase {
  readonly type: 'module'
  readonly module: ModuleContent
}

/**
 * An {@link ActivatedEvent} as the lenient profile reads it: the common fields may be absent.
 *
 * @example
 * ```ts
 * import { LenientEvent, type LenientActivatedEvent } from 'line-webhook'
 *
 * const decoded = LenientEvent.decode({ type: 'activated', chatControl: { expireAt: 1653994422933 } })
 * if (decoded._tag === 'Right' && decoded.right.type === 'activated') {
 *   const event: LenientActivatedEvent = decoded.right
 *   console.log(event.timestamp) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientActivatedEvent extends LenientEventBase {
  readonly type: 'activated'
  readonly chatControl: ChatControl
}

/**
 * A {@link DeactivatedEvent} as the lenient profile reads it: the common fields may be absent.
 *
 * @example
 * ```ts
 * import { LenientEvent, type LenientDeactivatedEvent } from 'line-webhook'
 *
 * const decoded = LenientEvent.decode({ type: 'deactivated' })
 * if (decoded._tag === 'Right' && decoded.right.type === 'deactivated') {
 *   const event: LenientDeactivatedEvent = decoded.right
 *   console.log(event.timestamp) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientDeactivatedEvent extends LenientEventBase {
  readonly type: 'deactivated'
}

/**
 * A {@link BotSuspendedEvent} as the lenient profile reads it: the common fields may be absent.
 *
 * @example
 * ```ts
 * import { LenientEvent, type LenientBotSuspendedEvent } from 'line-webhook'
 *
 * const decoded = LenientEvent.decode({ type: 'botSuspended' })
 * if (decoded._tag === 'Right' && decoded.right.type === 'botSuspended') {
 *   const event: LenientBotSuspendedEvent = decoded.right
 *   console.log(event.timestamp) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientBotSuspendedEvent extends LenientEventBase {
  readonly type: 'botSuspended'
}

/**
 * A {@link BotResumedEvent} as the lenient profile reads it: the common fields may be absent.
 *
 * @example
 * ```ts
 * import { LenientEvent, type LenientBotResumedEvent } from 'line-webhook'
 *
 * const decoded = LenientEvent.decode({ type: 'botResumed' })
 * if (decoded._tag === 'Right' && decoded.right.type === 'botResumed') {
 *   const event: LenientBotResumedEvent = decoded.right
 *   console.log(event.timestamp) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientBotResumedEvent extends LenientEventBase {
  readonly type: 'botResumed'
}

/**
 * A {@link PnpDeliveryCompletionEvent} as the lenient profile reads it: the common fields may be absent.
 *
 * @example
 * ```ts
 * import { LenientEvent, type LenientPnpDeliveryCompletionEvent } from 'line-webhook'
 *
 * const decoded = LenientEvent.decode({ type: 'delivery', delivery: { data: 'd41d8cd98f00b204e9800998ecf8427e' } })
 * if (decoded._tag === 'Right' && decoded.right.type === 'delivery') {
 *   const event: LenientPnpDeliveryCompletionEvent = decoded.right
 *   console.log(event.timestamp) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientPnpDeliveryCompletionEvent extends LenientEventBase {
  readonly type: 'delivery'
  readonly delivery: PnpDelivery
}

/**
 * A {@link MessageEditedEvent} as the lenient profile reads it: the common fields may be absent. Its `message` is a {@link LenientMessageContent}.
 *
 * @example
 * ```ts
 * import { LenientEvent, type LenientMessageEditedEvent } from 'line-webhook'
 *
 * const decoded = LenientEvent.decode({ type: 'messageEdited', message: { type: 'text', id: '1', text: 'hi (edited)' } })
 * if (decoded._tag === 'Right' && decoded.right.type === 'messageEdited') {
 *   const event: LenientMessageEditedEvent = decoded.right
 *   console.log(event.timestamp) // => undefined
 * }
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export interface LenientMessageEditedEvent extends LenientEventBase {
  readonly type: 'messageEdited'
  readonly message: LenientMessageContent
  /** Reply with it, once and soon: it expires. */
  readonly replyToken?: string
}

/** LenientEvent as built; test/codecs/interfaces.test-d.ts checks its members. */
export const lenientEvent = /*#__PURE__*/ taggedUnion(
  'LenientEvent',
  {
    message: /*#__PURE__*/ override(
      /*#__PURE__*/ lenient(strict.messageEvent, []),
      withLenientMessage,
    ),
    unsend: /*#__PURE__*/ lenient(strict.unsendEvent, []),
    follow: /*#__PURE__*/ lenient(strict.followEvent, ['replyToken', 'follow']),
    unfollow: /*#__PURE__*/ lenient(strict.unfollowEvent, []),
    join: /*#__PURE__*/ lenient(strict.joinEvent, ['replyToken']),
    leave: /*#__PURE__*/ lenient(strict.leaveEvent, []),
    memberJoined: /*#__PURE__*/ lenient(strict.memberJoinedEvent, ['replyToken']),
    memberLeft: /*#__PURE__*/ lenient(strict.memberLeftEvent, []),
    postback: /*#__PURE__*/ lenient(strict.postbackEvent, []),
    videoPlayComplete: /*#__PURE__*/ lenient(strict.videoPlayCompleteEvent, ['replyToken']),
    beacon: /*#__PURE__*/ lenient(strict.beaconEvent, ['replyToken']),
    accountLink: /*#__PURE__*/ lenient(strict.accountLinkEvent, []),
    membership: /*#__PURE__*/ lenient(strict.membershipEvent, ['replyToken']),
    module: /*#__PURE__*/ lenient(strict.moduleEvent, []),
    activated: /*#__PURE__*/ lenient(strict.activatedEvent, []),
    deactivated: /*#__PURE__*/ lenient(strict.deactivatedEvent, []),
    botSuspended: /*#__PURE__*/ lenient(strict.botSuspendedEvent, []),
    botResumed: /*#__PURE__*/ lenient(strict.botResumedEvent, []),
    delivery: /*#__PURE__*/ lenient(strict.pnpDeliveryCompletionEvent, []),
    messageEdited: /*#__PURE__*/ override(
      /*#__PURE__*/ lenient(strict.messageEditedEvent, []),
      withLenientMessage,
    ),
  },
  'UnknownEvent',
  { resolveType: resolveEventType },
)

/**
 * An event as the lenient profile reads it: `timestamp`, `mode`, `webhookEventId`,
 * `deliveryContext`, every `replyToken` and a follow event's `follow` may be absent; its message
 * is a {@link LenientMessageContent}; an empty `type` with a `message` is a message event.
 *
 * @example
 * ```ts
 * import { LenientEvent } from 'line-webhook'
 *
 * const forwarded = { type: '', mode: 'active', source: { type: 'user', userId: '8615897042502' }, message: { id: 'asdwe145FFUfj', type: 'TEXT', text: 'hello' } }
 * const decoded = LenientEvent.decode(forwarded)
 * if (decoded._tag === 'Right' && decoded.right.type === 'message') {
 *   console.log(decoded.right.message) // => { id: "asdwe145FFUfj", type: "text", text: "hello" }
 * }
 * ```
 *
 * @since 0.1.0
 * @category Lenient profile
 */
export const LenientEvent: TaggedUnionCodec<LenientEvent> =
  /*#__PURE__*/ withStandardSchema(lenientEvent)
export type LenientEvent =
  | LenientMessageEvent
  | LenientUnsendEvent
  | LenientFollowEvent
  | LenientUnfollowEvent
  | LenientJoinEvent
  | LenientLeaveEvent
  | LenientMemberJoinedEvent
  | LenientMemberLeftEvent
  | LenientPostbackEvent
  | LenientVideoPlayCompleteEvent
  | LenientBeaconEvent
  | LenientAccountLinkEvent
  | LenientMembershipEvent
  | LenientModuleEvent
  | LenientActivatedEvent
  | LenientDeactivatedEvent
  | LenientBotSuspendedEvent
  | LenientBotResumedEvent
  | LenientPnpDeliveryCompletionEvent
  | LenientMessageEditedEvent
  | UnknownEvent

/** The `events` of a {@link LenientCallbackRequest}. */
export const LenientEventList = /*#__PURE__*/ eventList(lenientEvent)

export const lenientCallbackRequest = /*#__PURE__*/ struct(
  'LenientCallbackRequest',
  { events: LenientEventList },
  { destination: t.string },
)

/**
 * A webhook body as the lenient profile reads it: `destination` may be absent, and each event
 * is a {@link LenientEvent}. A strict `CallbackRequest` is also a `LenientCallbackRequest`, so
 * one handler typed against this serves both.
 *
 * @example
 * ```ts
 * import { LenientCallbackRequest } from 'line-webhook'
 *
 * console.log(LenientCallbackRequest.is({ events: [] })) // => true
 * ```
 *
 * @since 0.1.0
 * @category Lenient profile
 */
export const LenientCallbackRequest: Codec<LenientCallbackRequest> =
  /*#__PURE__*/ withStandardSchema(lenientCallbackRequest)
export interface LenientCallbackRequest {
  /** The user ID of the bot that receives the webhook, when the sender says. */
  readonly destination?: string
  /** Written out, not `LenientWebhookEvent[]`, so that editors show each event by its name. */
  readonly events: readonly (
    | LenientMessageEvent
    | LenientUnsendEvent
    | LenientFollowEvent
    | LenientUnfollowEvent
    | LenientJoinEvent
    | LenientLeaveEvent
    | LenientMemberJoinedEvent
    | LenientMemberLeftEvent
    | LenientPostbackEvent
    | LenientVideoPlayCompleteEvent
    | LenientBeaconEvent
    | LenientAccountLinkEvent
    | LenientMembershipEvent
    | LenientModuleEvent
    | LenientActivatedEvent
    | LenientDeactivatedEvent
    | LenientBotSuspendedEvent
    | LenientBotResumedEvent
    | LenientPnpDeliveryCompletionEvent
    | LenientMessageEditedEvent
    | UnknownEvent
    | InvalidEvent
  )[]
}

/**
 * One entry of a {@link LenientCallbackRequest}'s `events`: a {@link LenientEvent} (which
 * includes `UnknownEvent`), or an `InvalidEvent`. What the lenient profile's loop yields, so a
 * function that handles one event takes it.
 *
 * @example
 * ```ts
 * import { decodeCallbackRequest, type LenientWebhookEvent } from 'line-webhook'
 *
 * function describe(event: LenientWebhookEvent): string {
 *   return event.type ?? event._tag
 * }
 * const result = decodeCallbackRequest({ events: [{ type: 'unfollow' }, { type: 'hologram' }] }, { lenient: true })
 * console.log(result._tag === 'Right' && result.right.events.map(describe)) // => ["unfollow", "UnknownEvent"]
 * ```
 *
 * @since 0.2.0
 * @category Lenient profile
 */
export type LenientWebhookEvent = LenientCallbackRequest['events'][number]
