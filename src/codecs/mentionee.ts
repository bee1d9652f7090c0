import * as t from 'io-ts'
import { readonlyArray } from './array.js'
import { integer } from './primitives.js'
import { struct } from './struct.js'
import { taggedUnion, type TaggedUnionCodec, type Unknown } from './tagged-union.js'
import type { Codec } from './codec.js'
import { withStandardSchema } from './standard-schema.js'
import { isAllMentionee, isMention, isMentionee, isUserMentionee } from './guards.js'

export const userMentionee = /*#__PURE__*/ struct(
  'UserMentionee',
  { type: /*#__PURE__*/ t.literal('user'), index: integer, length: integer },
  { userId: t.string, isSelf: t.boolean },
  isUserMentionee,
)

/**
 * A mentioned user. `userId` is only included when the user consents to share their profile;
 * `isSelf` says whether the mention is of the bot that receives the webhook.
 *
 * @example
 * ```ts
 * import { UserMentionee } from 'line-webhook'
 *
 * const mentionee = { type: 'user', index: 0, length: 4, userId: 'U49585cd0d5', isSelf: true }
 * console.log(UserMentionee.is(mentionee)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const UserMentionee: Codec<UserMentionee> = /*#__PURE__*/ withStandardSchema(userMentionee)
export interface UserMentionee {
  readonly type: 'user'
  /** Where the mention starts in the text, in UTF-16 code units. */
  readonly index: number
  /** The mention's length, in UTF-16 code units. */
  readonly length: number
  /** Only when the user consents to share their profile. */
  readonly userId?: string
  /** Whether the mention is of the bot that receives the webhook. */
  readonly isSelf?: boolean
}

export const allMentionee = /*#__PURE__*/ struct(
  'AllMentionee',
  { type: /*#__PURE__*/ t.literal('all'), index: integer, length: integer },
  {},
  isAllMentionee,
)

/**
 * A mention of everyone in the group (`@All`).
 *
 * @example
 * ```ts
 * import { AllMentionee } from 'line-webhook'
 *
 * console.log(AllMentionee.is({ type: 'all', index: 0, length: 4 })) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const AllMentionee: Codec<AllMentionee> = /*#__PURE__*/ withStandardSchema(allMentionee)
export interface AllMentionee {
  readonly type: 'all'
  /** Where the mention starts in the text, in UTF-16 code units. */
  readonly index: number
  /** The mention's length, in UTF-16 code units. */
  readonly length: number
}

/**
 * A mentionee of a `type` this version does not know, kept whole in `raw`.
 *
 * @example
 * ```ts
 * import { Mentionee, type UnknownMentionee } from 'line-webhook'
 *
 * const decoded = Mentionee.decode({ type: 'channel', index: 0, length: 3 })
 * const mentionee = decoded._tag === 'Right' ? decoded.right : undefined
 * if (mentionee !== undefined && mentionee.type === undefined) {
 *   const unknown: UnknownMentionee = mentionee
 *   console.log(unknown.raw.type) // => "channel"
 * }
 * ```
 *
 * @since 0.1.0
 * @category Types
 */
export interface UnknownMentionee extends Unknown<'UnknownMentionee'> {
  readonly _tag: 'UnknownMentionee'
}

export const mentionee = /*#__PURE__*/ taggedUnion(
  'Mentionee',
  { user: userMentionee, all: allMentionee },
  'UnknownMentionee',
  { guard: isMentionee },
)

/**
 * Who a text message mentions: a user, everyone, or {@link UnknownMentionee}.
 *
 * @example
 * ```ts
 * import { Mentionee } from 'line-webhook'
 *
 * console.log(Mentionee.is({ type: 'all', index: 0, length: 4 })) // => true
 * console.log(Mentionee.is({ type: 'user', index: '0', length: 4 })) // => false
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const Mentionee: TaggedUnionCodec<Mentionee> = /*#__PURE__*/ withStandardSchema(mentionee)
export type Mentionee = UserMentionee | AllMentionee | UnknownMentionee

export const mention = /*#__PURE__*/ struct(
  'Mention',
  { mentionees: /*#__PURE__*/ readonlyArray(mentionee) },
  {},
  isMention,
)

/**
 * The mentions in a text message.
 *
 * @example
 * ```ts
 * import { Mention } from 'line-webhook'
 *
 * console.log(Mention.is({ mentionees: [{ type: 'all', index: 0, length: 4 }] })) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const Mention: Codec<Mention> = /*#__PURE__*/ withStandardSchema(mention)
export interface Mention {
  readonly mentionees: readonly Mentionee[]
}
