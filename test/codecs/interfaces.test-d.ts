/**
 * Each public type is an interface written beside its codec, and each codec is exported typed
 * by it (`MessageEvent: Codec<MessageEvent>`), so hovers and errors say names. Here each codec
 * as built is checked to decode exactly its interface: a field added to, removed from, or made
 * optional in one and not the other fails this file. (The `Codec<X>` annotation alone catches
 * only what breaks assignability both ways, not an optional field one side lacks.) Compiler only.
 */
import type * as t from 'io-ts'
import { describe, expectTypeOf, test } from 'vitest'
import type { callbackRequest } from '../../src/codecs/callback-request.js'
import type {
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
import type { lenientCallbackRequest } from '../../src/codecs/lenient.js'
import type {
  joinedMembershipContent,
  leftMembershipContent,
  renewedMembershipContent,
} from '../../src/codecs/membership-content.js'
import type { allMentionee, mention, userMentionee } from '../../src/codecs/mentionee.js'
import type {
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
import type {
  attachedModuleContent,
  detachedModuleContent,
} from '../../src/codecs/module-content.js'
import type { groupSource, roomSource, userSource } from '../../src/codecs/source.js'
import type { legacyContactMessageContent } from '../../src/legacy/legacy-contact.js'
import type { legacyContent, legacyLocation, legacyResult } from '../../src/legacy/legacy-result.js'
import type { lenientEvent, lenientMessageContent } from '../../src/codecs/lenient.js'
import type * as api from '../../src/index.js'
import type * as legacyApi from '../../src/legacy/index.js'
import type { LenientEvent, LenientMessageContent } from '../../src/index.js'

/**
 * Whether `A` and `B` are the same type (optional, readonly and all), not only assignable: the
 * two generic functions are related only when TypeScript finds A and B identical.
 */
type Equals<A, B> =
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false

/** Both entry points that export codecs: the main one and the 2016 format's. */
type Api = typeof api & typeof legacyApi

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

/** Every exported object codec as built, by its public name. */
interface Built {
  readonly CallbackRequest: typeof callbackRequest
  readonly DeliveryContext: typeof deliveryContext
  readonly UnsendDetail: typeof unsendDetail
  readonly FollowDetail: typeof followDetail
  readonly JoinedMembers: typeof joinedMembers
  readonly LeftMembers: typeof leftMembers
  readonly PostbackContent: typeof postbackContent
  readonly VideoPlayComplete: typeof videoPlayComplete
  readonly BeaconContent: typeof beaconContent
  readonly LinkContent: typeof linkContent
  readonly ChatControl: typeof chatControl
  readonly PnpDelivery: typeof pnpDelivery
  readonly MessageEvent: typeof messageEvent
  readonly UnsendEvent: typeof unsendEvent
  readonly FollowEvent: typeof followEvent
  readonly UnfollowEvent: typeof unfollowEvent
  readonly JoinEvent: typeof joinEvent
  readonly LeaveEvent: typeof leaveEvent
  readonly MemberJoinedEvent: typeof memberJoinedEvent
  readonly MemberLeftEvent: typeof memberLeftEvent
  readonly PostbackEvent: typeof postbackEvent
  readonly VideoPlayCompleteEvent: typeof videoPlayCompleteEvent
  readonly BeaconEvent: typeof beaconEvent
  readonly AccountLinkEvent: typeof accountLinkEvent
  readonly MembershipEvent: typeof membershipEvent
  readonly ModuleEvent: typeof moduleEvent
  readonly ActivatedEvent: typeof activatedEvent
  readonly DeactivatedEvent: typeof deactivatedEvent
  readonly BotSuspendedEvent: typeof botSuspendedEvent
  readonly BotResumedEvent: typeof botResumedEvent
  readonly PnpDeliveryCompletionEvent: typeof pnpDeliveryCompletionEvent
  readonly MessageEditedEvent: typeof messageEditedEvent
  readonly LenientCallbackRequest: typeof lenientCallbackRequest
  readonly JoinedMembershipContent: typeof joinedMembershipContent
  readonly LeftMembershipContent: typeof leftMembershipContent
  readonly RenewedMembershipContent: typeof renewedMembershipContent
  readonly UserMentionee: typeof userMentionee
  readonly AllMentionee: typeof allMentionee
  readonly Mention: typeof mention
  readonly ContentProvider: typeof contentProvider
  readonly Emoji: typeof emoji
  readonly TextMessageContent: typeof textMessageContent
  readonly ImageSet: typeof imageSet
  readonly ImageMessageContent: typeof imageMessageContent
  readonly VideoMessageContent: typeof videoMessageContent
  readonly AudioMessageContent: typeof audioMessageContent
  readonly FileMessageContent: typeof fileMessageContent
  readonly LocationMessageContent: typeof locationMessageContent
  readonly StickerMessageContent: typeof stickerMessageContent
  readonly AttachedModuleContent: typeof attachedModuleContent
  readonly DetachedModuleContent: typeof detachedModuleContent
  readonly UserSource: typeof userSource
  readonly GroupSource: typeof groupSource
  readonly RoomSource: typeof roomSource
  readonly LegacyContactMessageContent: typeof legacyContactMessageContent
  readonly LegacyLocation: typeof legacyLocation
  readonly LegacyContent: typeof legacyContent
  readonly LegacyResult: typeof legacyResult
}

/** The names whose codec and interface differ. */
type Drifted = {
  [K in ObjectCodecName]: Equals<t.TypeOf<Built[K]>, t.TypeOf<Api[K]>> extends true ? never : K
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
