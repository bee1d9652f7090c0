import { isRecord, type UnknownRecord } from '../internal/record.js'
import { isFallbackOf } from './tagged-union.js'

/*
 * The `is` of every codec of LINE's schema (the strict profile), written out as straight-line
 * code (see `Guard` in struct.ts for why). Each reads as its codec's declaration does: a required
 * property must pass its check (which `undefined` never does), an optional one is absent or
 * passes. Leaves check what their codecs' `is` check: `string` and open enums a string, `integer`
 * a safe integer, `number` a finite number. test/codecs/guards.test.ts holds each guard to its
 * codec's `validate`.
 */

type Check = (value: unknown) => boolean

const isString = (value: unknown): boolean => typeof value === 'string'
const isBoolean = (value: unknown): boolean => typeof value === 'boolean'
const isStrings = (value: unknown): boolean => isArrayOf(value, isString)
const isInteger = (value: unknown): boolean => Number.isSafeInteger(value)
const optionalString = (value: unknown): boolean => value === undefined || typeof value === 'string'
const optionalInteger = (value: unknown): boolean =>
  value === undefined || Number.isSafeInteger(value)

/** An optional property: absent, or it passes `check`. */
function optional(value: unknown, check: Check): boolean {
  return value === undefined || check(value)
}

/** An array whose every index, holes included, passes `check`. */
function isArrayOf(value: unknown, check: Check): boolean {
  if (!Array.isArray(value)) return false
  // for-of visits every index, holes as undefined.
  for (const item of value as readonly unknown[]) if (!check(item)) return false
  return true
}

// source.ts

export function isUserSource(value: unknown): boolean {
  return isRecord(value) && value['type'] === 'user' && optionalString(value['userId'])
}

export function isGroupSource(value: unknown): boolean {
  return (
    isRecord(value) &&
    value['type'] === 'group' &&
    typeof value['groupId'] === 'string' &&
    optionalString(value['userId'])
  )
}

export function isRoomSource(value: unknown): boolean {
  return (
    isRecord(value) &&
    value['type'] === 'room' &&
    typeof value['roomId'] === 'string' &&
    optionalString(value['userId'])
  )
}

export function isSource(value: unknown): boolean {
  if (!isRecord(value)) return false
  switch (value['type']) {
    case 'user':
      return isUserSource(value)
    case 'group':
      return isGroupSource(value)
    case 'room':
      return isRoomSource(value)
    default:
      return isFallbackOf(value, 'UnknownSource')
  }
}

// mentionee.ts

export function isUserMentionee(value: unknown): boolean {
  return (
    isRecord(value) &&
    value['type'] === 'user' &&
    isInteger(value['index']) &&
    isInteger(value['length']) &&
    optionalString(value['userId']) &&
    optional(value['isSelf'], isBoolean)
  )
}

export function isAllMentionee(value: unknown): boolean {
  return (
    isRecord(value) &&
    value['type'] === 'all' &&
    isInteger(value['index']) &&
    isInteger(value['length'])
  )
}

export function isMentionee(value: unknown): boolean {
  if (!isRecord(value)) return false
  switch (value['type']) {
    case 'user':
      return isUserMentionee(value)
    case 'all':
      return isAllMentionee(value)
    default:
      return isFallbackOf(value, 'UnknownMentionee')
  }
}

export function isMention(value: unknown): boolean {
  return isRecord(value) && isArrayOf(value['mentionees'], isMentionee)
}

// membership-content.ts

function isMembership(value: unknown, type: string): boolean {
  return isRecord(value) && value['type'] === type && isInteger(value['membershipId'])
}

export const isJoinedMembershipContent = (value: unknown): boolean => isMembership(value, 'joined')
export const isLeftMembershipContent = (value: unknown): boolean => isMembership(value, 'left')
export const isRenewedMembershipContent = (value: unknown): boolean =>
  isMembership(value, 'renewed')

export function isMembershipContent(value: unknown): boolean {
  if (!isRecord(value)) return false
  switch (value['type']) {
    case 'joined':
      return isJoinedMembershipContent(value)
    case 'left':
      return isLeftMembershipContent(value)
    case 'renewed':
      return isRenewedMembershipContent(value)
    default:
      return isFallbackOf(value, 'UnknownMembershipContent')
  }
}

// module-content.ts

export function isAttachedModuleContent(value: unknown): boolean {
  return (
    isRecord(value) &&
    value['type'] === 'attached' &&
    typeof value['botId'] === 'string' &&
    isStrings(value['scopes'])
  )
}

export function isDetachedModuleContent(value: unknown): boolean {
  return (
    isRecord(value) &&
    value['type'] === 'detached' &&
    typeof value['botId'] === 'string' &&
    typeof value['reason'] === 'string'
  )
}

export function isModuleContent(value: unknown): boolean {
  if (!isRecord(value)) return false
  switch (value['type']) {
    case 'attached':
      return isAttachedModuleContent(value)
    case 'detached':
      return isDetachedModuleContent(value)
    default:
      return isFallbackOf(value, 'UnknownModuleContent')
  }
}

// message-content.ts

export function isContentProvider(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value['type'] === 'string' &&
    optionalString(value['originalContentUrl']) &&
    optionalString(value['previewImageUrl'])
  )
}

export function isEmoji(value: unknown): boolean {
  return (
    isRecord(value) &&
    isInteger(value['index']) &&
    isInteger(value['length']) &&
    typeof value['productId'] === 'string' &&
    typeof value['emojiId'] === 'string'
  )
}

/** The properties every message content has: its `type`, `id` and `markAsReadToken`. */
function isMessageBase(value: UnknownRecord, type: string): boolean {
  return (
    value['type'] === type &&
    typeof value['id'] === 'string' &&
    optionalString(value['markAsReadToken'])
  )
}

export function isTextMessageContent(value: unknown): boolean {
  return (
    isRecord(value) &&
    isMessageBase(value, 'text') &&
    typeof value['text'] === 'string' &&
    typeof value['quoteToken'] === 'string' &&
    optional(value['emojis'], isEmojis) &&
    optional(value['mention'], isMention) &&
    optionalString(value['quotedMessageId'])
  )
}

const isEmojis = (value: unknown): boolean => isArrayOf(value, isEmoji)

export function isImageSet(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value['id'] === 'string' &&
    optionalInteger(value['index']) &&
    optionalInteger(value['total'])
  )
}

export function isImageMessageContent(value: unknown): boolean {
  return (
    isRecord(value) &&
    isMessageBase(value, 'image') &&
    isContentProvider(value['contentProvider']) &&
    typeof value['quoteToken'] === 'string' &&
    optional(value['imageSet'], isImageSet)
  )
}

export function isVideoMessageContent(value: unknown): boolean {
  return (
    isRecord(value) &&
    isMessageBase(value, 'video') &&
    isContentProvider(value['contentProvider']) &&
    typeof value['quoteToken'] === 'string' &&
    optionalInteger(value['duration'])
  )
}

export function isAudioMessageContent(value: unknown): boolean {
  return (
    isRecord(value) &&
    isMessageBase(value, 'audio') &&
    isContentProvider(value['contentProvider']) &&
    optionalInteger(value['duration'])
  )
}

export function isFileMessageContent(value: unknown): boolean {
  return (
    isRecord(value) &&
    isMessageBase(value, 'file') &&
    typeof value['fileName'] === 'string' &&
    isInteger(value['fileSize'])
  )
}

export function isLocationMessageContent(value: unknown): boolean {
  return (
    isRecord(value) &&
    isMessageBase(value, 'location') &&
    Number.isFinite(value['latitude']) &&
    Number.isFinite(value['longitude']) &&
    optionalString(value['title']) &&
    optionalString(value['address'])
  )
}

export function isStickerMessageContent(value: unknown): boolean {
  return (
    isRecord(value) &&
    isMessageBase(value, 'sticker') &&
    typeof value['packageId'] === 'string' &&
    typeof value['stickerId'] === 'string' &&
    typeof value['stickerResourceType'] === 'string' &&
    typeof value['quoteToken'] === 'string' &&
    optional(value['keywords'], isStrings) &&
    optionalString(value['text']) &&
    optionalString(value['quotedMessageId'])
  )
}

export function isMessageContent(value: unknown): boolean {
  if (!isRecord(value)) return false
  switch (value['type']) {
    case 'text':
      return isTextMessageContent(value)
    case 'image':
      return isImageMessageContent(value)
    case 'video':
      return isVideoMessageContent(value)
    case 'audio':
      return isAudioMessageContent(value)
    case 'file':
      return isFileMessageContent(value)
    case 'location':
      return isLocationMessageContent(value)
    case 'sticker':
      return isStickerMessageContent(value)
    default:
      return isFallbackOf(value, 'UnknownMessageContent')
  }
}

// event.ts

export function isDeliveryContext(value: unknown): boolean {
  return isRecord(value) && typeof value['isRedelivery'] === 'boolean'
}

export function isUnsendDetail(value: unknown): boolean {
  return isRecord(value) && typeof value['messageId'] === 'string'
}

export function isFollowDetail(value: unknown): boolean {
  return isRecord(value) && typeof value['isUnblocked'] === 'boolean'
}

/** `JoinedMembers` and `LeftMembers`. */
export function isMembers(value: unknown): boolean {
  return isRecord(value) && isArrayOf(value['members'], isUserSource)
}

export function isPostbackContent(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value['data'] === 'string' &&
    optional(value['params'], isStringRecord)
  )
}

/** `stringRecord()`: an object whose own enumerable values are all strings. */
function isStringRecord(value: unknown): boolean {
  if (!isRecord(value)) return false
  for (const entry of Object.values(value)) if (typeof entry !== 'string') return false
  return true
}

export function isVideoPlayComplete(value: unknown): boolean {
  return isRecord(value) && typeof value['trackingId'] === 'string'
}

export function isBeaconContent(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value['hwid'] === 'string' &&
    typeof value['type'] === 'string' &&
    optionalString(value['dm'])
  )
}

export function isLinkContent(value: unknown): boolean {
  return (
    isRecord(value) && typeof value['result'] === 'string' && typeof value['nonce'] === 'string'
  )
}

export function isChatControl(value: unknown): boolean {
  return isRecord(value) && isInteger(value['expireAt'])
}

/** `PnpDelivery`. */
export function isPnpDelivery(value: unknown): boolean {
  return isRecord(value) && typeof value['data'] === 'string'
}

/** The properties every event has (event.ts's `eventBase`), and its optional `source`. */
function isEventBase(value: UnknownRecord, type: string): boolean {
  return (
    value['type'] === type &&
    Number.isSafeInteger(value['timestamp']) &&
    typeof value['mode'] === 'string' &&
    typeof value['webhookEventId'] === 'string' &&
    isDeliveryContext(value['deliveryContext']) &&
    optional(value['source'], isSource)
  )
}

/** An event whose only properties are its base ones. */
function isBareEvent(value: unknown, type: string): boolean {
  return isRecord(value) && isEventBase(value, type)
}

/** An event with a required `replyToken`. */
function isRepliedEvent(value: UnknownRecord, type: string): boolean {
  return isEventBase(value, type) && typeof value['replyToken'] === 'string'
}

/** `MessageEvent` and `MessageEditedEvent`. */
function isMessageEventOf(value: unknown, type: string): boolean {
  return (
    isRecord(value) &&
    isEventBase(value, type) &&
    isMessageContent(value['message']) &&
    optionalString(value['replyToken'])
  )
}

export const isMessageEvent = (value: unknown): boolean => isMessageEventOf(value, 'message')
export const isMessageEditedEvent = (value: unknown): boolean =>
  isMessageEventOf(value, 'messageEdited')

export function isUnsendEvent(value: unknown): boolean {
  return isRecord(value) && isEventBase(value, 'unsend') && isUnsendDetail(value['unsend'])
}

export function isFollowEvent(value: unknown): boolean {
  return isRecord(value) && isRepliedEvent(value, 'follow') && isFollowDetail(value['follow'])
}

export const isUnfollowEvent = (value: unknown): boolean => isBareEvent(value, 'unfollow')

export function isJoinEvent(value: unknown): boolean {
  return isRecord(value) && isRepliedEvent(value, 'join')
}

export const isLeaveEvent = (value: unknown): boolean => isBareEvent(value, 'leave')

export function isMemberJoinedEvent(value: unknown): boolean {
  return isRecord(value) && isRepliedEvent(value, 'memberJoined') && isMembers(value['joined'])
}

export function isMemberLeftEvent(value: unknown): boolean {
  return isRecord(value) && isEventBase(value, 'memberLeft') && isMembers(value['left'])
}

export function isPostbackEvent(value: unknown): boolean {
  return (
    isRecord(value) &&
    isEventBase(value, 'postback') &&
    isPostbackContent(value['postback']) &&
    optionalString(value['replyToken'])
  )
}

export function isVideoPlayCompleteEvent(value: unknown): boolean {
  return (
    isRecord(value) &&
    isRepliedEvent(value, 'videoPlayComplete') &&
    isVideoPlayComplete(value['videoPlayComplete'])
  )
}

export function isBeaconEvent(value: unknown): boolean {
  return isRecord(value) && isRepliedEvent(value, 'beacon') && isBeaconContent(value['beacon'])
}

export function isAccountLinkEvent(value: unknown): boolean {
  return (
    isRecord(value) &&
    isEventBase(value, 'accountLink') &&
    isLinkContent(value['link']) &&
    optionalString(value['replyToken'])
  )
}

export function isMembershipEvent(value: unknown): boolean {
  return (
    isRecord(value) &&
    isRepliedEvent(value, 'membership') &&
    isMembershipContent(value['membership'])
  )
}

export function isModuleEvent(value: unknown): boolean {
  return isRecord(value) && isEventBase(value, 'module') && isModuleContent(value['module'])
}

export function isActivatedEvent(value: unknown): boolean {
  return isRecord(value) && isEventBase(value, 'activated') && isChatControl(value['chatControl'])
}

export const isDeactivatedEvent = (value: unknown): boolean => isBareEvent(value, 'deactivated')
export const isBotSuspendedEvent = (value: unknown): boolean => isBareEvent(value, 'botSuspended')
export const isBotResumedEvent = (value: unknown): boolean => isBareEvent(value, 'botResumed')

export function isPnpDeliveryCompletionEvent(value: unknown): boolean {
  return isRecord(value) && isEventBase(value, 'delivery') && isPnpDelivery(value['delivery'])
}

export function isEvent(value: unknown): boolean {
  if (!isRecord(value)) return false
  switch (value['type']) {
    case 'message':
      return isMessageEvent(value)
    case 'unsend':
      return isUnsendEvent(value)
    case 'follow':
      return isFollowEvent(value)
    case 'unfollow':
      return isUnfollowEvent(value)
    case 'join':
      return isJoinEvent(value)
    case 'leave':
      return isLeaveEvent(value)
    case 'memberJoined':
      return isMemberJoinedEvent(value)
    case 'memberLeft':
      return isMemberLeftEvent(value)
    case 'postback':
      return isPostbackEvent(value)
    case 'videoPlayComplete':
      return isVideoPlayCompleteEvent(value)
    case 'beacon':
      return isBeaconEvent(value)
    case 'accountLink':
      return isAccountLinkEvent(value)
    case 'membership':
      return isMembershipEvent(value)
    case 'module':
      return isModuleEvent(value)
    case 'activated':
      return isActivatedEvent(value)
    case 'deactivated':
      return isDeactivatedEvent(value)
    case 'botSuspended':
      return isBotSuspendedEvent(value)
    case 'botResumed':
      return isBotResumedEvent(value)
    case 'delivery':
      return isPnpDeliveryCompletionEvent(value)
    case 'messageEdited':
      return isMessageEditedEvent(value)
    default:
      return isFallbackOf(value, 'UnknownEvent')
  }
}
