import * as t from 'io-ts'
import { isRecord } from '../internal/record.js'
import { eventList } from './callback-request.js'
import * as strict from './event.js'
import {
  AudioMessageContent,
  FileMessageContent,
  ImageMessageContent,
  LocationMessageContent,
  StickerMessageContent,
  TextMessageContent,
  VideoMessageContent,
} from './message-content.js'
import { lenientInteger, lenientNumber } from './primitives.js'
import { override, relax, struct, type Props, type StructC } from './struct.js'
import { taggedUnion, type ResolveType } from './tagged-union.js'

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
export const LenientMessageContent = /*#__PURE__*/ taggedUnion(
  'LenientMessageContent',
  {
    text: /*#__PURE__*/ relax(TextMessageContent, ['quoteToken']),
    image: /*#__PURE__*/ relax(ImageMessageContent, ['quoteToken', 'contentProvider']),
    video: /*#__PURE__*/ override(
      /*#__PURE__*/ relax(VideoMessageContent, ['quoteToken', 'contentProvider']),
      {
        duration: lenientInteger,
      },
    ),
    audio: /*#__PURE__*/ override(/*#__PURE__*/ relax(AudioMessageContent, ['contentProvider']), {
      duration: lenientInteger,
    }),
    file: /*#__PURE__*/ override(
      /*#__PURE__*/ relax(FileMessageContent, ['fileName', 'fileSize']),
      {
        fileSize: lenientInteger,
      },
    ),
    location: /*#__PURE__*/ override(LocationMessageContent, {
      latitude: lenientNumber,
      longitude: lenientNumber,
    }),
    sticker: /*#__PURE__*/ relax(StickerMessageContent, ['quoteToken', 'stickerResourceType']),
  },
  'UnknownMessageContent',
  resolveByName,
)
export type LenientMessageContent = t.TypeOf<typeof LenientMessageContent>

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

const withLenientMessage = { message: LenientMessageContent }

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
export const LenientEvent = /*#__PURE__*/ taggedUnion(
  'LenientEvent',
  {
    message: /*#__PURE__*/ override(
      /*#__PURE__*/ lenient(strict.MessageEvent, []),
      withLenientMessage,
    ),
    unsend: /*#__PURE__*/ lenient(strict.UnsendEvent, []),
    follow: /*#__PURE__*/ lenient(strict.FollowEvent, ['replyToken', 'follow']),
    unfollow: /*#__PURE__*/ lenient(strict.UnfollowEvent, []),
    join: /*#__PURE__*/ lenient(strict.JoinEvent, ['replyToken']),
    leave: /*#__PURE__*/ lenient(strict.LeaveEvent, []),
    memberJoined: /*#__PURE__*/ lenient(strict.MemberJoinedEvent, ['replyToken']),
    memberLeft: /*#__PURE__*/ lenient(strict.MemberLeftEvent, []),
    postback: /*#__PURE__*/ lenient(strict.PostbackEvent, []),
    videoPlayComplete: /*#__PURE__*/ lenient(strict.VideoPlayCompleteEvent, ['replyToken']),
    beacon: /*#__PURE__*/ lenient(strict.BeaconEvent, ['replyToken']),
    accountLink: /*#__PURE__*/ lenient(strict.AccountLinkEvent, []),
    membership: /*#__PURE__*/ lenient(strict.MembershipEvent, ['replyToken']),
    module: /*#__PURE__*/ lenient(strict.ModuleEvent, []),
    activated: /*#__PURE__*/ lenient(strict.ActivatedEvent, []),
    deactivated: /*#__PURE__*/ lenient(strict.DeactivatedEvent, []),
    botSuspended: /*#__PURE__*/ lenient(strict.BotSuspendedEvent, []),
    botResumed: /*#__PURE__*/ lenient(strict.BotResumedEvent, []),
    delivery: /*#__PURE__*/ lenient(strict.PnpDeliveryCompletionEvent, []),
    messageEdited: /*#__PURE__*/ override(
      /*#__PURE__*/ lenient(strict.MessageEditedEvent, []),
      withLenientMessage,
    ),
  },
  'UnknownEvent',
  resolveEventType,
)
export type LenientEvent = t.TypeOf<typeof LenientEvent>

/** The `events` of a {@link LenientCallbackRequest}. */
export const LenientEventList = /*#__PURE__*/ eventList(LenientEvent)

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
export const LenientCallbackRequest = /*#__PURE__*/ struct(
  'LenientCallbackRequest',
  { events: LenientEventList },
  { destination: t.string },
)
export type LenientCallbackRequest = t.TypeOf<typeof LenientCallbackRequest>
