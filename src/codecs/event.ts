import * as t from 'io-ts'
import { readonlyArray } from './array.js'
import { membershipContent, type MembershipContent } from './membership-content.js'
import { messageContent, type MessageContent } from './message-content.js'
import { moduleContent, type ModuleContent } from './module-content.js'
import { integer, openEnum, type OpenEnum } from './primitives.js'
import { stringRecord } from './record.js'
import { source, userSource, type Source, type UserSource } from './source.js'
import { struct, type Guard, type Props } from './struct.js'
import { taggedUnion, type TaggedUnionCodec, type Unknown } from './tagged-union.js'
import type { Codec } from './codec.js'
import { withStandardSchema } from './standard-schema.js'

export const eventMode = /*#__PURE__*/ openEnum(['active', 'standby'])
import {
  isAccountLinkEvent,
  isActivatedEvent,
  isBeaconContent,
  isBeaconEvent,
  isBotResumedEvent,
  isBotSuspendedEvent,
  isChatControl,
  isDeactivatedEvent,
  isDeliveryContext,
  isEvent,
  isFollowDetail,
  isFollowEvent,
  isJoinEvent,
  isLeaveEvent,
  isLinkContent,
  isMemberJoinedEvent,
  isMemberLeftEvent,
  isMembers,
  isMembershipEvent,
  isMessageEditedEvent,
  isMessageEvent,
  isModuleEvent,
  isPnpDelivery,
  isPnpDeliveryCompletionEvent,
  isPostbackContent,
  isPostbackEvent,
  isUnfollowEvent,
  isUnsendDetail,
  isUnsendEvent,
  isVideoPlayComplete,
  isVideoPlayCompleteEvent,
} from './guards.js'

/**
 * The channel's state: `active`, or `standby` while another channel has chat control. A newer
 * value is kept as its string.
 *
 * @example
 * ```ts
 * import { EventMode } from 'line-webhook'
 *
 * console.log(EventMode.is('standby')) // => true
 * console.log(EventMode.is(1)) // => false
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const EventMode: Codec<OpenEnum<'active' | 'standby'>> =
  /*#__PURE__*/ withStandardSchema(eventMode)
export type EventMode = t.TypeOf<typeof EventMode>

export const deliveryContext = /*#__PURE__*/ struct(
  'DeliveryContext',
  { isRedelivery: t.boolean },
  {},
  isDeliveryContext,
)

/**
 * Whether LINE redelivered this event (`isRedelivery`): deduplicate by `webhookEventId`.
 *
 * @example
 * ```ts
 * import { DeliveryContext } from 'line-webhook'
 *
 * console.log(DeliveryContext.is({ isRedelivery: true })) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const DeliveryContext: Codec<DeliveryContext> =
  /*#__PURE__*/ withStandardSchema(deliveryContext)
export interface DeliveryContext {
  /** Whether LINE sent this event before: a redelivery, since your server did not answer it. */
  readonly isRedelivery: boolean
}

export const unsendDetail = /*#__PURE__*/ struct(
  'UnsendDetail',
  { messageId: t.string },
  {},
  isUnsendDetail,
)

/**
 * The message a user unsent.
 *
 * @example
 * ```ts
 * import { UnsendDetail } from 'line-webhook'
 *
 * console.log(UnsendDetail.is({ messageId: '325708' })) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const UnsendDetail: Codec<UnsendDetail> = /*#__PURE__*/ withStandardSchema(unsendDetail)
export interface UnsendDetail {
  readonly messageId: string
}

export const followDetail = /*#__PURE__*/ struct(
  'FollowDetail',
  { isUnblocked: t.boolean },
  {},
  isFollowDetail,
)

/**
 * Whether the user unblocked the account (`true`) or added it as a friend (`false`).
 *
 * @example
 * ```ts
 * import { FollowDetail } from 'line-webhook'
 *
 * console.log(FollowDetail.is({ isUnblocked: true })) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const FollowDetail: Codec<FollowDetail> = /*#__PURE__*/ withStandardSchema(followDetail)
export interface FollowDetail {
  readonly isUnblocked: boolean
}

export const joinedMembers = /*#__PURE__*/ struct(
  'JoinedMembers',
  { members: /*#__PURE__*/ readonlyArray(userSource) },
  {},
  isMembers,
)

/**
 * The users who joined.
 *
 * @example
 * ```ts
 * import { JoinedMembers } from 'line-webhook'
 *
 * console.log(JoinedMembers.is({ members: [{ type: 'user', userId: 'U4af4980629' }] })) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const JoinedMembers: Codec<JoinedMembers> = /*#__PURE__*/ withStandardSchema(joinedMembers)
export interface JoinedMembers {
  readonly members: readonly UserSource[]
}

export const leftMembers = /*#__PURE__*/ struct(
  'LeftMembers',
  { members: /*#__PURE__*/ readonlyArray(userSource) },
  {},
  isMembers,
)

/**
 * The users who left.
 *
 * @example
 * ```ts
 * import { LeftMembers } from 'line-webhook'
 *
 * console.log(LeftMembers.is({ members: [{ type: 'user', userId: 'U4af4980629' }] })) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const LeftMembers: Codec<LeftMembers> = /*#__PURE__*/ withStandardSchema(leftMembers)
export interface LeftMembers {
  readonly members: readonly UserSource[]
}

export const postbackContent = /*#__PURE__*/ struct(
  'PostbackContent',
  { data: t.string },
  { params: /*#__PURE__*/ stringRecord() },
  isPostbackContent,
)

/**
 * The postback's `data`, and what a date picker or rich menu switch action chose in `params`.
 *
 * @example
 * ```ts
 * import { PostbackContent } from 'line-webhook'
 *
 * console.log(PostbackContent.is({ data: 'richmenu-changed-to-b', params: { newRichMenuAliasId: 'richmenu-alias-b', status: 'SUCCESS' } })) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const PostbackContent: Codec<PostbackContent> =
  /*#__PURE__*/ withStandardSchema(postbackContent)
export interface PostbackContent {
  readonly data: string
  /** What a date picker (`date`, `time`, `datetime`) or rich menu switch action chose. */
  readonly params?: Readonly<Record<string, string>>
}

export const videoPlayComplete = /*#__PURE__*/ struct(
  'VideoPlayComplete',
  { trackingId: t.string },
  {},
  isVideoPlayComplete,
)

/**
 * The `trackingId` of the video message that was watched to the end.
 *
 * @example
 * ```ts
 * import { VideoPlayComplete } from 'line-webhook'
 *
 * console.log(VideoPlayComplete.is({ trackingId: 'track-id' })) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const VideoPlayComplete: Codec<VideoPlayComplete> =
  /*#__PURE__*/ withStandardSchema(videoPlayComplete)
export interface VideoPlayComplete {
  readonly trackingId: string
}

export const beaconContent = /*#__PURE__*/ struct(
  'BeaconContent',
  { hwid: t.string, type: /*#__PURE__*/ openEnum(['enter', 'banner', 'stay']) },
  { dm: t.string },
  isBeaconContent,
)

/**
 * The beacon detected, what happened (`enter`, `banner`, `stay` or newer), and its device message.
 *
 * @example
 * ```ts
 * import { BeaconContent } from 'line-webhook'
 *
 * console.log(BeaconContent.is({ hwid: 'd41d8cd98f', type: 'enter', dm: '1234567890abcdef' })) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const BeaconContent: Codec<BeaconContent> = /*#__PURE__*/ withStandardSchema(beaconContent)
export interface BeaconContent {
  /** The beacon's hardware ID. */
  readonly hwid: string
  readonly type: OpenEnum<'enter' | 'banner' | 'stay'>
  /** The device message of the beacon, as hex. */
  readonly dm?: string
}

export const linkContent = /*#__PURE__*/ struct(
  'LinkContent',
  { result: /*#__PURE__*/ openEnum(['ok', 'failed']), nonce: t.string },
  {},
  isLinkContent,
)

/**
 * Whether linking succeeded, and the nonce you issued for it.
 *
 * @example
 * ```ts
 * import { LinkContent } from 'line-webhook'
 *
 * console.log(LinkContent.is({ result: 'failed', nonce: 'xxxxxxxxxxxxxxx' })) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const LinkContent: Codec<LinkContent> = /*#__PURE__*/ withStandardSchema(linkContent)
export interface LinkContent {
  readonly result: OpenEnum<'ok' | 'failed'>
  /** The nonce you issued when linking started. */
  readonly nonce: string
}

export const chatControl = /*#__PURE__*/ struct(
  'ChatControl',
  { expireAt: integer },
  {},
  isChatControl,
)

/**
 * Until when (epoch milliseconds) the module channel is active.
 *
 * @example
 * ```ts
 * import { ChatControl } from 'line-webhook'
 *
 * console.log(ChatControl.is({ expireAt: 1653994422933 })) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const ChatControl: Codec<ChatControl> = /*#__PURE__*/ withStandardSchema(chatControl)
export interface ChatControl {
  /** In epoch milliseconds. */
  readonly expireAt: number
}

export const pnpDelivery = /*#__PURE__*/ struct(
  'PnpDelivery',
  { data: t.string },
  {},
  isPnpDelivery,
)

/**
 * A hashed phone number, or the value of the `X-Line-Delivery-Tag` header.
 *
 * @example
 * ```ts
 * import { PnpDelivery } from 'line-webhook'
 *
 * console.log(PnpDelivery.is({ data: 'd41d8cd98f00b204e9800998ecf8427e' })) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const PnpDelivery: Codec<PnpDelivery> = /*#__PURE__*/ withStandardSchema(pnpDelivery)
export interface PnpDelivery {
  /** A hashed phone number, or the value of the `X-Line-Delivery-Tag` header. */
  readonly data: string
}

/**
 * What every event carries besides its `type`: when it happened, the channel's mode, its ID for
 * deduplication, whether it is a redelivery, and where it came from.
 *
 * @example
 * ```ts
 * import { UnfollowEvent, type EventBase } from 'line-webhook'
 *
 * const eventId = (event: EventBase): string => event.webhookEventId
 * const decoded = UnfollowEvent.decode({ type: 'unfollow', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false } })
 * console.log(decoded._tag === 'Right' && eventId(decoded.right)) // => "01FZ74A0TDDPYRVKNK77XKC3ZR"
 * ```
 *
 * @since 0.2.0
 * @category Types
 */
export interface EventBase {
  /** When the event happened, in epoch milliseconds. */
  readonly timestamp: number
  /** `standby` while another channel has chat control. */
  readonly mode: EventMode
  /** Unique per event, and the same when LINE redelivers it: deduplicate by it. */
  readonly webhookEventId: string
  readonly deliveryContext: DeliveryContext
  /** Where the event came from; absent for events about the account itself. */
  readonly source?: Source
}

/** What every event carries besides its `type`. */
const eventBase = {
  timestamp: integer,
  mode: eventMode,
  webhookEventId: t.string,
  deliveryContext,
}

/** An event codec: the common fields, `type`, then what this type adds. */
function event<const Type extends string, R extends Props, O extends Props>(
  name: string,
  type: Type,
  required: R,
  optional: O,
  guard: Guard,
) {
  return struct(
    name,
    { type: /*#__PURE__*/ t.literal(type), ...eventBase, ...required },
    { source, ...optional },
    guard,
  )
}

export const messageEvent = /*#__PURE__*/ event(
  'MessageEvent',
  'message',
  { message: messageContent },
  { replyToken: t.string },
  isMessageEvent,
)

/**
 * A user sent a message. Reply with `replyToken`.
 *
 * @example
 * ```ts
 * import { MessageEvent } from 'line-webhook'
 *
 * const event = { type: 'message', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false }, source: { type: 'user', userId: 'U4af4980629' }, replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA', message: { type: 'text', id: '468789577898262530', quoteToken: 'q3Plxr4AgKd', text: 'Hello' } }
 * console.log(MessageEvent.is(event)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const MessageEvent: Codec<MessageEvent> = /*#__PURE__*/ withStandardSchema(messageEvent)
export interface MessageEvent extends EventBase {
  readonly type: 'message'
  readonly message: MessageContent
  /** Reply with it, once and soon: it expires. */
  readonly replyToken?: string
}

export const unsendEvent = /*#__PURE__*/ event(
  'UnsendEvent',
  'unsend',
  { unsend: unsendDetail },
  {},
  isUnsendEvent,
)

/**
 * A user unsent a message: delete it from anything you stored.
 *
 * @example
 * ```ts
 * import { UnsendEvent } from 'line-webhook'
 *
 * const event = { type: 'unsend', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false }, source: { type: 'group', groupId: 'Ca56f94637c', userId: 'U4af4980629' }, unsend: { messageId: '325708' } }
 * console.log(UnsendEvent.is(event)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const UnsendEvent: Codec<UnsendEvent> = /*#__PURE__*/ withStandardSchema(unsendEvent)
export interface UnsendEvent extends EventBase {
  readonly type: 'unsend'
  readonly unsend: UnsendDetail
}

export const followEvent = /*#__PURE__*/ event(
  'FollowEvent',
  'follow',
  { replyToken: t.string, follow: followDetail },
  {},
  isFollowEvent,
)

/**
 * The LINE Official Account was added as a friend, or unblocked (`follow.isUnblocked`).
 *
 * @example
 * ```ts
 * import { FollowEvent } from 'line-webhook'
 *
 * const event = { type: 'follow', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false }, source: { type: 'user', userId: 'U4af4980629' }, replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA', follow: { isUnblocked: false } }
 * console.log(FollowEvent.is(event)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const FollowEvent: Codec<FollowEvent> = /*#__PURE__*/ withStandardSchema(followEvent)
export interface FollowEvent extends EventBase {
  readonly type: 'follow'
  /** Reply with it, once and soon: it expires. */
  readonly replyToken: string
  readonly follow: FollowDetail
}

export const unfollowEvent = /*#__PURE__*/ event(
  'UnfollowEvent',
  'unfollow',
  {},
  {},
  isUnfollowEvent,
)

/**
 * The LINE Official Account was blocked.
 *
 * @example
 * ```ts
 * import { UnfollowEvent } from 'line-webhook'
 *
 * const event = { type: 'unfollow', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false }, source: { type: 'user', userId: 'U4af4980629' } }
 * console.log(UnfollowEvent.is(event)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const UnfollowEvent: Codec<UnfollowEvent> = /*#__PURE__*/ withStandardSchema(unfollowEvent)
export interface UnfollowEvent extends EventBase {
  readonly type: 'unfollow'
}

export const joinEvent = /*#__PURE__*/ event(
  'JoinEvent',
  'join',
  { replyToken: t.string },
  {},
  isJoinEvent,
)

/**
 * The LINE Official Account joined a group chat or multi-person chat.
 *
 * @example
 * ```ts
 * import { JoinEvent } from 'line-webhook'
 *
 * const event = { type: 'join', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false }, source: { type: 'group', groupId: 'Ca56f94637c' }, replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA' }
 * console.log(JoinEvent.is(event)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const JoinEvent: Codec<JoinEvent> = /*#__PURE__*/ withStandardSchema(joinEvent)
export interface JoinEvent extends EventBase {
  readonly type: 'join'
  /** Reply with it, once and soon: it expires. */
  readonly replyToken: string
}

export const leaveEvent = /*#__PURE__*/ event('LeaveEvent', 'leave', {}, {}, isLeaveEvent)

/**
 * The LINE Official Account left, or was removed from, a group chat or multi-person chat.
 *
 * @example
 * ```ts
 * import { LeaveEvent } from 'line-webhook'
 *
 * const event = { type: 'leave', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false }, source: { type: 'group', groupId: 'Ca56f94637c' } }
 * console.log(LeaveEvent.is(event)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const LeaveEvent: Codec<LeaveEvent> = /*#__PURE__*/ withStandardSchema(leaveEvent)
export interface LeaveEvent extends EventBase {
  readonly type: 'leave'
}

export const memberJoinedEvent = /*#__PURE__*/ event(
  'MemberJoinedEvent',
  'memberJoined',
  { replyToken: t.string, joined: joinedMembers },
  {},
  isMemberJoinedEvent,
)

/**
 * Users joined a group chat or multi-person chat the LINE Official Account is in.
 *
 * @example
 * ```ts
 * import { MemberJoinedEvent } from 'line-webhook'
 *
 * const event = { type: 'memberJoined', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false }, source: { type: 'group', groupId: 'C4af4980629' }, replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA', joined: { members: [{ type: 'user', userId: 'U4af4980629' }] } }
 * console.log(MemberJoinedEvent.is(event)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const MemberJoinedEvent: Codec<MemberJoinedEvent> =
  /*#__PURE__*/ withStandardSchema(memberJoinedEvent)
export interface MemberJoinedEvent extends EventBase {
  readonly type: 'memberJoined'
  /** Reply with it, once and soon: it expires. */
  readonly replyToken: string
  readonly joined: JoinedMembers
}

export const memberLeftEvent = /*#__PURE__*/ event(
  'MemberLeftEvent',
  'memberLeft',
  { left: leftMembers },
  {},
  isMemberLeftEvent,
)

/**
 * Users left a group chat or multi-person chat the LINE Official Account is in.
 *
 * @example
 * ```ts
 * import { MemberLeftEvent } from 'line-webhook'
 *
 * const event = { type: 'memberLeft', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false }, source: { type: 'group', groupId: 'C4af4980629' }, left: { members: [{ type: 'user', userId: 'U4af4980629' }] } }
 * console.log(MemberLeftEvent.is(event)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const MemberLeftEvent: Codec<MemberLeftEvent> =
  /*#__PURE__*/ withStandardSchema(memberLeftEvent)
export interface MemberLeftEvent extends EventBase {
  readonly type: 'memberLeft'
  readonly left: LeftMembers
}

export const postbackEvent = /*#__PURE__*/ event(
  'PostbackEvent',
  'postback',
  { postback: postbackContent },
  { replyToken: t.string },
  isPostbackEvent,
)

/**
 * A user performed a postback action; `postback.params` holds what a date picker or rich menu switch chose.
 *
 * @example
 * ```ts
 * import { PostbackEvent } from 'line-webhook'
 *
 * const event = { type: 'postback', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false }, source: { type: 'user', userId: 'U4af4980629' }, replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA', postback: { data: 'action=buy&itemId=123', params: { datetime: '2017-12-25T01:00' } } }
 * console.log(PostbackEvent.is(event)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const PostbackEvent: Codec<PostbackEvent> = /*#__PURE__*/ withStandardSchema(postbackEvent)
export interface PostbackEvent extends EventBase {
  readonly type: 'postback'
  readonly postback: PostbackContent
  /** Reply with it, once and soon: it expires. */
  readonly replyToken?: string
}

export const videoPlayCompleteEvent = /*#__PURE__*/ event(
  'VideoPlayCompleteEvent',
  'videoPlayComplete',
  { replyToken: t.string, videoPlayComplete },
  {},
  isVideoPlayCompleteEvent,
)

/**
 * A user finished viewing a video sent with a `trackingId`.
 *
 * @example
 * ```ts
 * import { VideoPlayCompleteEvent } from 'line-webhook'
 *
 * const event = { type: 'videoPlayComplete', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false }, source: { type: 'user', userId: 'U4af4980629' }, replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA', videoPlayComplete: { trackingId: 'track-id' } }
 * console.log(VideoPlayCompleteEvent.is(event)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const VideoPlayCompleteEvent: Codec<VideoPlayCompleteEvent> =
  /*#__PURE__*/ withStandardSchema(videoPlayCompleteEvent)
export interface VideoPlayCompleteEvent extends EventBase {
  readonly type: 'videoPlayComplete'
  /** Reply with it, once and soon: it expires. */
  readonly replyToken: string
  readonly videoPlayComplete: VideoPlayComplete
}

export const beaconEvent = /*#__PURE__*/ event(
  'BeaconEvent',
  'beacon',
  { replyToken: t.string, beacon: beaconContent },
  {},
  isBeaconEvent,
)

/**
 * A user entered the range of a LINE Beacon.
 *
 * @example
 * ```ts
 * import { BeaconEvent } from 'line-webhook'
 *
 * const event = { type: 'beacon', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false }, source: { type: 'user', userId: 'U4af4980629' }, replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA', beacon: { hwid: 'd41d8cd98f', type: 'enter' } }
 * console.log(BeaconEvent.is(event)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const BeaconEvent: Codec<BeaconEvent> = /*#__PURE__*/ withStandardSchema(beaconEvent)
export interface BeaconEvent extends EventBase {
  readonly type: 'beacon'
  /** Reply with it, once and soon: it expires. */
  readonly replyToken: string
  readonly beacon: BeaconContent
}

export const accountLinkEvent = /*#__PURE__*/ event(
  'AccountLinkEvent',
  'accountLink',
  { link: linkContent },
  { replyToken: t.string },
  isAccountLinkEvent,
)

/**
 * A user linked their LINE account with your service's account. `replyToken` is absent when linking failed.
 *
 * @example
 * ```ts
 * import { AccountLinkEvent } from 'line-webhook'
 *
 * const event = { type: 'accountLink', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false }, source: { type: 'user', userId: 'U4af4980629' }, replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA', link: { result: 'ok', nonce: 'xxxxxxxxxxxxxxx' } }
 * console.log(AccountLinkEvent.is(event)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const AccountLinkEvent: Codec<AccountLinkEvent> =
  /*#__PURE__*/ withStandardSchema(accountLinkEvent)
export interface AccountLinkEvent extends EventBase {
  readonly type: 'accountLink'
  readonly link: LinkContent
  /** Absent when linking failed. */
  readonly replyToken?: string
}

export const membershipEvent = /*#__PURE__*/ event(
  'MembershipEvent',
  'membership',
  { replyToken: t.string, membership: membershipContent },
  {},
  isMembershipEvent,
)

/**
 * A user joined, left or renewed a membership of the LINE Official Account.
 *
 * @example
 * ```ts
 * import { MembershipEvent } from 'line-webhook'
 *
 * const event = { type: 'membership', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false }, source: { type: 'user', userId: 'U4af4980629' }, replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA', membership: { type: 'joined', membershipId: 3189 } }
 * console.log(MembershipEvent.is(event)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const MembershipEvent: Codec<MembershipEvent> =
  /*#__PURE__*/ withStandardSchema(membershipEvent)
export interface MembershipEvent extends EventBase {
  readonly type: 'membership'
  /** Reply with it, once and soon: it expires. */
  readonly replyToken: string
  readonly membership: MembershipContent
}

export const moduleEvent = /*#__PURE__*/ event(
  'ModuleEvent',
  'module',
  { module: moduleContent },
  {},
  isModuleEvent,
)

/**
 * A module channel was attached to or detached from a LINE Official Account.
 *
 * @example
 * ```ts
 * import { ModuleEvent } from 'line-webhook'
 *
 * const event = { type: 'module', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false }, module: { type: 'attached', botId: 'U61eccd27f3', scopes: ['message:send'] } }
 * console.log(ModuleEvent.is(event)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const ModuleEvent: Codec<ModuleEvent> = /*#__PURE__*/ withStandardSchema(moduleEvent)
export interface ModuleEvent extends EventBase {
  readonly type: 'module'
  readonly module: ModuleContent
}

export const activatedEvent = /*#__PURE__*/ event(
  'ActivatedEvent',
  'activated',
  { chatControl },
  {},
  isActivatedEvent,
)

/**
 * The module channel became the Active Channel, until `chatControl.expireAt`.
 *
 * @example
 * ```ts
 * import { ActivatedEvent } from 'line-webhook'
 *
 * const event = { type: 'activated', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false }, source: { type: 'user', userId: 'U4af4980629' }, chatControl: { expireAt: 1653994422933 } }
 * console.log(ActivatedEvent.is(event)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const ActivatedEvent: Codec<ActivatedEvent> =
  /*#__PURE__*/ withStandardSchema(activatedEvent)
export interface ActivatedEvent extends EventBase {
  readonly type: 'activated'
  readonly chatControl: ChatControl
}

export const deactivatedEvent = /*#__PURE__*/ event(
  'DeactivatedEvent',
  'deactivated',
  {},
  {},
  isDeactivatedEvent,
)

/**
 * The module channel became the Standby Channel.
 *
 * @example
 * ```ts
 * import { DeactivatedEvent } from 'line-webhook'
 *
 * const event = { type: 'deactivated', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false }, source: { type: 'user', userId: 'U4af4980629' } }
 * console.log(DeactivatedEvent.is(event)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const DeactivatedEvent: Codec<DeactivatedEvent> =
  /*#__PURE__*/ withStandardSchema(deactivatedEvent)
export interface DeactivatedEvent extends EventBase {
  readonly type: 'deactivated'
}

export const botSuspendedEvent = /*#__PURE__*/ event(
  'BotSuspendedEvent',
  'botSuspended',
  {},
  {},
  isBotSuspendedEvent,
)

/**
 * The LINE Official Account was suspended.
 *
 * @example
 * ```ts
 * import { BotSuspendedEvent } from 'line-webhook'
 *
 * const event = { type: 'botSuspended', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false } }
 * console.log(BotSuspendedEvent.is(event)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const BotSuspendedEvent: Codec<BotSuspendedEvent> =
  /*#__PURE__*/ withStandardSchema(botSuspendedEvent)
export interface BotSuspendedEvent extends EventBase {
  readonly type: 'botSuspended'
}

export const botResumedEvent = /*#__PURE__*/ event(
  'BotResumedEvent',
  'botResumed',
  {},
  {},
  isBotResumedEvent,
)

/**
 * The LINE Official Account returned from suspension.
 *
 * @example
 * ```ts
 * import { BotResumedEvent } from 'line-webhook'
 *
 * const event = { type: 'botResumed', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false } }
 * console.log(BotResumedEvent.is(event)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const BotResumedEvent: Codec<BotResumedEvent> =
  /*#__PURE__*/ withStandardSchema(botResumedEvent)
export interface BotResumedEvent extends EventBase {
  readonly type: 'botResumed'
}

export const pnpDeliveryCompletionEvent = /*#__PURE__*/ event(
  'PnpDeliveryCompletionEvent',
  'delivery',
  { delivery: pnpDelivery },
  {},
  isPnpDeliveryCompletionEvent,
)

/**
 * A LINE notification message was delivered; `delivery.data` is the hashed phone number or the `X-Line-Delivery-Tag` value.
 *
 * @example
 * ```ts
 * import { PnpDeliveryCompletionEvent } from 'line-webhook'
 *
 * const event = { type: 'delivery', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false }, source: { type: 'user', userId: 'U4af4980629' }, delivery: { data: 'd41d8cd98f00b204e9800998ecf8427e' } }
 * console.log(PnpDeliveryCompletionEvent.is(event)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const PnpDeliveryCompletionEvent: Codec<PnpDeliveryCompletionEvent> =
  /*#__PURE__*/ withStandardSchema(pnpDeliveryCompletionEvent)
export interface PnpDeliveryCompletionEvent extends EventBase {
  readonly type: 'delivery'
  readonly delivery: PnpDelivery
}

export const messageEditedEvent = /*#__PURE__*/ event(
  'MessageEditedEvent',
  'messageEdited',
  { message: messageContent },
  { replyToken: t.string },
  isMessageEditedEvent,
)

/**
 * A user edited a message they sent (today only text, only in group chats). Edits may arrive out of order: the one with the largest `timestamp` is the latest.
 *
 * @example
 * ```ts
 * import { MessageEditedEvent } from 'line-webhook'
 *
 * const event = { type: 'messageEdited', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false }, source: { type: 'group', groupId: 'Ca56f94637c', userId: 'U4af4980629' }, replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA', message: { type: 'text', id: '444573844083572737', quoteToken: 'q3Plxr4AgKd', text: 'Hello (edited)' } }
 * console.log(MessageEditedEvent.is(event)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const MessageEditedEvent: Codec<MessageEditedEvent> =
  /*#__PURE__*/ withStandardSchema(messageEditedEvent)
export interface MessageEditedEvent extends EventBase {
  readonly type: 'messageEdited'
  readonly message: MessageContent
  /** Reply with it, once and soon: it expires. */
  readonly replyToken?: string
}

/**
 * An event of a `type` this version does not know, kept whole in `raw`: log it, never drop it.
 *
 * @example
 * ```ts
 * import { Event, type UnknownEvent } from 'line-webhook'
 *
 * const decoded = Event.decode({ type: 'hoge', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false }, foo: { bar: 'baz' } })
 * if (decoded._tag === 'Right' && decoded.right.type === undefined) {
 *   const event: UnknownEvent = decoded.right
 *   console.log([event.raw.type, event.raw['foo']]) // => ["hoge", { bar: "baz" }]
 * }
 * ```
 *
 * @since 0.1.0
 * @category Types
 */
export interface UnknownEvent extends Unknown<'UnknownEvent'> {
  readonly _tag: 'UnknownEvent'
}

export const eventUnion = /*#__PURE__*/ taggedUnion(
  'Event',
  {
    message: messageEvent,
    unsend: unsendEvent,
    follow: followEvent,
    unfollow: unfollowEvent,
    join: joinEvent,
    leave: leaveEvent,
    memberJoined: memberJoinedEvent,
    memberLeft: memberLeftEvent,
    postback: postbackEvent,
    videoPlayComplete: videoPlayCompleteEvent,
    beacon: beaconEvent,
    accountLink: accountLinkEvent,
    membership: membershipEvent,
    module: moduleEvent,
    activated: activatedEvent,
    deactivated: deactivatedEvent,
    botSuspended: botSuspendedEvent,
    botResumed: botResumedEvent,
    delivery: pnpDeliveryCompletionEvent,
    messageEdited: messageEditedEvent,
  },
  'UnknownEvent',
  { guard: isEvent },
)

/**
 * A webhook event: one of the 20 types LINE documents, discriminated by `type`, or
 * {@link UnknownEvent} for a newer one. A `switch (event.type)` narrows to the exact event;
 * `case undefined` reaches the fallback.
 *
 * @example
 * ```ts
 * import { Event } from 'line-webhook'
 *
 * const decoded = Event.decode({ type: 'unfollow', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false }, source: { type: 'user', userId: 'U4af4980629' } })
 * if (decoded._tag === 'Right') {
 *   const event = decoded.right
 *   switch (event.type) {
 *     case 'unfollow':
 *       console.log(event.source?.type) // => "user"
 *       break
 *     case undefined: // an event of a newer type
 *       throw new Error(`not expected here: ${event.raw.type}`)
 *   }
 * }
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const Event: TaggedUnionCodec<Event> = /*#__PURE__*/ withStandardSchema(eventUnion)
export type Event =
  | MessageEvent
  | UnsendEvent
  | FollowEvent
  | UnfollowEvent
  | JoinEvent
  | LeaveEvent
  | MemberJoinedEvent
  | MemberLeftEvent
  | PostbackEvent
  | VideoPlayCompleteEvent
  | BeaconEvent
  | AccountLinkEvent
  | MembershipEvent
  | ModuleEvent
  | ActivatedEvent
  | DeactivatedEvent
  | BotSuspendedEvent
  | BotResumedEvent
  | PnpDeliveryCompletionEvent
  | MessageEditedEvent
  | UnknownEvent
