/**
 * Each public type is an interface written beside its codec, and each codec is exported typed
 * by it (`MessageEvent: Codec<MessageEvent>`), so hovers and errors say names. Here each codec
 * as built is checked to decode exactly its interface: a field added to, removed from, or made
 * optional in one and not the other fails this file. (The `Codec<X>` annotation alone catches
 * only what breaks assignability both ways, not an optional field one side lacks.) Compiler only.
 */
import type * as t from 'io-ts'
import { describe, expectTypeOf, test } from 'vitest'
import { callbackRequest } from '../../src/codecs/callback-request.js'
import {
  accountLinkEvent,
  activatedEvent,
  beaconContent,
  beaconEvent,
  botResumedEvent,
  botSuspendedEvent,
  chatControl,
  deactivatedEvent,
  deliveryContext,
  followDetail,
  followEvent,
  joinEvent,
  joinedMembers,
  leaveEvent,
  leftMembers,
  linkContent,
  memberJoinedEvent,
  memberLeftEvent,
  membershipEvent,
  messageEditedEvent,
  messageEvent,
  moduleEvent,
  pnpDelivery,
  pnpDeliveryCompletionEvent,
  postbackContent,
  postbackEvent,
  unfollowEvent,
  unsendDetail,
  unsendEvent,
  videoPlayComplete,
  videoPlayCompleteEvent,
} from '../../src/codecs/event.js'
import { lenientCallbackRequest } from '../../src/codecs/lenient.js'
import {
  joinedMembershipContent,
  leftMembershipContent,
  renewedMembershipContent,
} from '../../src/codecs/membership-content.js'
import { allMentionee, mention, userMentionee } from '../../src/codecs/mentionee.js'
import {
  audioMessageContent,
  contentProvider,
  emoji,
  fileMessageContent,
  imageMessageContent,
  imageSet,
  locationMessageContent,
  stickerMessageContent,
  textMessageContent,
  videoMessageContent,
} from '../../src/codecs/message-content.js'
import { attachedModuleContent, detachedModuleContent } from '../../src/codecs/module-content.js'
import { groupSource, roomSource, userSource } from '../../src/codecs/source.js'
import { legacyContactMessageContent } from '../../src/legacy/legacy-contact.js'
import { legacyContent, legacyLocation, legacyResult } from '../../src/legacy/legacy-result.js'
import { lenientEvent, lenientMessageContent } from '../../src/codecs/lenient.js'
import type * as api from '../../src/index.js'
import type { LenientEvent, LenientMessageContent } from '../../src/index.js'

/** Whether `A` and `B` are the same type (optional, readonly and all), not only assignable. */
type Equals<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false

type Api = typeof api

/** The exported codecs of objects: every one but the unions (which carry `members`). */
type ObjectCodecName = {
  [K in keyof Api]: Api[K] extends t.Mixed
    ? 'members' extends keyof Api[K]
      ? never
      : t.TypeOf<Api[K]> extends object
        ? K
        : never
    : never
}[keyof Api]

/** Every exported object codec as built; `satisfies` fails if one is missing or extra. */
const built = {
  CallbackRequest: callbackRequest,
  DeliveryContext: deliveryContext,
  UnsendDetail: unsendDetail,
  FollowDetail: followDetail,
  JoinedMembers: joinedMembers,
  LeftMembers: leftMembers,
  PostbackContent: postbackContent,
  VideoPlayComplete: videoPlayComplete,
  BeaconContent: beaconContent,
  LinkContent: linkContent,
  ChatControl: chatControl,
  PnpDelivery: pnpDelivery,
  MessageEvent: messageEvent,
  UnsendEvent: unsendEvent,
  FollowEvent: followEvent,
  UnfollowEvent: unfollowEvent,
  JoinEvent: joinEvent,
  LeaveEvent: leaveEvent,
  MemberJoinedEvent: memberJoinedEvent,
  MemberLeftEvent: memberLeftEvent,
  PostbackEvent: postbackEvent,
  VideoPlayCompleteEvent: videoPlayCompleteEvent,
  BeaconEvent: beaconEvent,
  AccountLinkEvent: accountLinkEvent,
  MembershipEvent: membershipEvent,
  ModuleEvent: moduleEvent,
  ActivatedEvent: activatedEvent,
  DeactivatedEvent: deactivatedEvent,
  BotSuspendedEvent: botSuspendedEvent,
  BotResumedEvent: botResumedEvent,
  PnpDeliveryCompletionEvent: pnpDeliveryCompletionEvent,
  MessageEditedEvent: messageEditedEvent,
  LenientCallbackRequest: lenientCallbackRequest,
  JoinedMembershipContent: joinedMembershipContent,
  LeftMembershipContent: leftMembershipContent,
  RenewedMembershipContent: renewedMembershipContent,
  UserMentionee: userMentionee,
  AllMentionee: allMentionee,
  Mention: mention,
  ContentProvider: contentProvider,
  Emoji: emoji,
  TextMessageContent: textMessageContent,
  ImageSet: imageSet,
  ImageMessageContent: imageMessageContent,
  VideoMessageContent: videoMessageContent,
  AudioMessageContent: audioMessageContent,
  FileMessageContent: fileMessageContent,
  LocationMessageContent: locationMessageContent,
  StickerMessageContent: stickerMessageContent,
  AttachedModuleContent: attachedModuleContent,
  DetachedModuleContent: detachedModuleContent,
  UserSource: userSource,
  GroupSource: groupSource,
  RoomSource: roomSource,
  LegacyContactMessageContent: legacyContactMessageContent,
  LegacyLocation: legacyLocation,
  LegacyContent: legacyContent,
  LegacyResult: legacyResult,
} satisfies Record<ObjectCodecName, t.Mixed>

/** The names whose codec and interface differ. */
type Drifted = {
  [K in ObjectCodecName]: Equals<t.TypeOf<(typeof built)[K]>, t.TypeOf<Api[K]>> extends true
    ? never
    : K
}[ObjectCodecName]

type DriftedMembers<M, U> = {
  [K in keyof M]: M[K] extends t.Mixed
    ? Equals<t.TypeOf<M[K]>, Extract<U, { readonly type: K }>> extends true
      ? never
      : K
    : K
}[keyof M]

describe('every interface is exactly what its codec decodes', () => {
  test("the object codecs exported under the names of LINE's schema", () => {
    expectTypeOf<Drifted>().toEqualTypeOf<never>()
  })

  test('the members of the lenient unions', () => {
    expectTypeOf<
      DriftedMembers<(typeof lenientEvent)['members'], LenientEvent>
    >().toEqualTypeOf<never>()
    expectTypeOf<
      DriftedMembers<(typeof lenientMessageContent)['members'], LenientMessageContent>
    >().toEqualTypeOf<never>()
  })

  test('a drift would show: Equals tells an optional field apart from none', () => {
    expectTypeOf<
      Equals<{ readonly a: string }, { readonly a: string; readonly b?: string }>
    >().toEqualTypeOf<false>()
    expectTypeOf<Equals<{ readonly a: string }, { readonly a?: string }>>().toEqualTypeOf<false>()
    expectTypeOf<Equals<{ readonly a: string }, { a: string }>>().toEqualTypeOf<false>()
    expectTypeOf<Equals<{ readonly a: string }, { readonly a: string }>>().toEqualTypeOf<true>()
  })
})
