import * as t from 'io-ts'
import { integer } from './primitives.js'
import { struct } from './struct.js'
import { taggedUnion, type TaggedUnionCodec, type Unknown } from './tagged-union.js'
import type { Codec } from './codec.js'
import { withStandardSchema } from './standard-schema.js'
import {
  isJoinedMembershipContent,
  isLeftMembershipContent,
  isMembershipContent,
  isRenewedMembershipContent,
} from './guards.js'

export const joinedMembershipContent = /*#__PURE__*/ struct(
  'JoinedMembershipContent',
  { type: /*#__PURE__*/ t.literal('joined'), membershipId: integer },
  {},
  isJoinedMembershipContent,
)

/**
 * A user joined a membership.
 *
 * @example
 * ```ts
 * import { JoinedMembershipContent } from 'line-webhook'
 *
 * console.log(JoinedMembershipContent.is({ type: 'joined', membershipId: 3189 })) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const JoinedMembershipContent: Codec<JoinedMembershipContent> =
  /*#__PURE__*/ withStandardSchema(joinedMembershipContent)
export interface JoinedMembershipContent {
  readonly type: 'joined'
  readonly membershipId: number
}

export const leftMembershipContent = /*#__PURE__*/ struct(
  'LeftMembershipContent',
  { type: /*#__PURE__*/ t.literal('left'), membershipId: integer },
  {},
  isLeftMembershipContent,
)

/**
 * A user left a membership.
 *
 * @example
 * ```ts
 * import { LeftMembershipContent } from 'line-webhook'
 *
 * console.log(LeftMembershipContent.is({ type: 'left', membershipId: 3189 })) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const LeftMembershipContent: Codec<LeftMembershipContent> =
  /*#__PURE__*/ withStandardSchema(leftMembershipContent)
export interface LeftMembershipContent {
  readonly type: 'left'
  readonly membershipId: number
}

export const renewedMembershipContent = /*#__PURE__*/ struct(
  'RenewedMembershipContent',
  { type: /*#__PURE__*/ t.literal('renewed'), membershipId: integer },
  {},
  isRenewedMembershipContent,
)

/**
 * A user renewed a membership.
 *
 * @example
 * ```ts
 * import { RenewedMembershipContent } from 'line-webhook'
 *
 * console.log(RenewedMembershipContent.is({ type: 'renewed', membershipId: 3189 })) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const RenewedMembershipContent: Codec<RenewedMembershipContent> =
  /*#__PURE__*/ withStandardSchema(renewedMembershipContent)
export interface RenewedMembershipContent {
  readonly type: 'renewed'
  readonly membershipId: number
}

/**
 * A membership change of a `type` this version does not know, kept whole in `raw`.
 *
 * @example
 * ```ts
 * import { MembershipContent, type UnknownMembershipContent } from 'line-webhook'
 *
 * const decoded = MembershipContent.decode({ type: 'paused', membershipId: 3189 })
 * if (decoded._tag === 'Right' && decoded.right.type === undefined) {
 *   const change: UnknownMembershipContent = decoded.right
 *   console.log(change.raw.type) // => "paused"
 * }
 * ```
 *
 * @since 0.1.0
 * @category Types
 */
export interface UnknownMembershipContent extends Unknown<'UnknownMembershipContent'> {
  readonly _tag: 'UnknownMembershipContent'
}

export const membershipContent = /*#__PURE__*/ taggedUnion(
  'MembershipContent',
  {
    joined: joinedMembershipContent,
    left: leftMembershipContent,
    renewed: renewedMembershipContent,
  },
  'UnknownMembershipContent',
  { guard: isMembershipContent },
)

/**
 * What happened to a membership: joined, left or renewed, or {@link UnknownMembershipContent}.
 *
 * @example
 * ```ts
 * import { MembershipContent } from 'line-webhook'
 *
 * console.log(MembershipContent.is({ type: 'renewed', membershipId: 3189 })) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const MembershipContent: TaggedUnionCodec<MembershipContent> =
  /*#__PURE__*/ withStandardSchema(membershipContent)
export type MembershipContent =
  | JoinedMembershipContent
  | LeftMembershipContent
  | RenewedMembershipContent
  | UnknownMembershipContent
