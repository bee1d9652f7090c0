import * as t from 'io-ts'
import { struct } from './struct.js'
import { taggedUnion, type TaggedUnionCodec, type Unknown } from './tagged-union.js'
import type { Codec } from './codec.js'
import { withStandardSchema } from './standard-schema.js'
import { isGroupSource, isRoomSource, isSource, isUserSource } from './guards.js'

export const userSource = /*#__PURE__*/ struct(
  'UserSource',
  { type: /*#__PURE__*/ t.literal('user') },
  { userId: t.string },
  isUserSource,
)

/**
 * A one-on-one chat with a user. `userId` is absent when the user has not consented to share it.
 *
 * @example
 * ```ts
 * import { UserSource } from 'line-webhook'
 *
 * console.log(UserSource.is({ type: 'user', userId: 'U4af4980629' })) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const UserSource: Codec<UserSource> = /*#__PURE__*/ withStandardSchema(userSource)
export interface UserSource {
  readonly type: 'user'
  /** Absent when the user has not consented to share it. */
  readonly userId?: string
}

export const groupSource = /*#__PURE__*/ struct(
  'GroupSource',
  { type: /*#__PURE__*/ t.literal('group'), groupId: t.string },
  { userId: t.string },
  isGroupSource,
)

/**
 * A group chat. `userId` (the sender) is only included in message events.
 *
 * @example
 * ```ts
 * import { GroupSource } from 'line-webhook'
 *
 * console.log(GroupSource.is({ type: 'group', groupId: 'Ca56f94637c' })) // => true
 * console.log(GroupSource.is({ type: 'group' })) // => false
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const GroupSource: Codec<GroupSource> = /*#__PURE__*/ withStandardSchema(groupSource)
export interface GroupSource {
  readonly type: 'group'
  readonly groupId: string
  /** The sender: only in message events. */
  readonly userId?: string
}

export const roomSource = /*#__PURE__*/ struct(
  'RoomSource',
  { type: /*#__PURE__*/ t.literal('room'), roomId: t.string },
  { userId: t.string },
  isRoomSource,
)

/**
 * A multi-person chat. `userId` (the sender) is only included in message events.
 *
 * @example
 * ```ts
 * import { RoomSource } from 'line-webhook'
 *
 * console.log(RoomSource.is({ type: 'room', roomId: 'Ra8dbf4673c', userId: 'U206d25c2ea' })) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const RoomSource: Codec<RoomSource> = /*#__PURE__*/ withStandardSchema(roomSource)
export interface RoomSource {
  readonly type: 'room'
  readonly roomId: string
  /** The sender: only in message events. */
  readonly userId?: string
}

/**
 * A source of a `type` this version does not know, kept whole in `raw`.
 *
 * @example
 * ```ts
 * import { Source, type UnknownSource } from 'line-webhook'
 *
 * const decoded = Source.decode({ type: 'square', squareId: 'S1' })
 * if (decoded._tag === 'Right' && decoded.right.type === undefined) {
 *   const source: UnknownSource = decoded.right
 *   console.log(source.raw) // => { type: "square", squareId: "S1" }
 * }
 * ```
 *
 * @since 0.1.0
 * @category Types
 */
export interface UnknownSource extends Unknown<'UnknownSource'> {
  readonly _tag: 'UnknownSource'
}

export const source = /*#__PURE__*/ taggedUnion(
  'Source',
  { user: userSource, group: groupSource, room: roomSource },
  'UnknownSource',
  { guard: isSource },
)

/**
 * Where an event came from: a user, a group chat or a multi-person chat, or
 * {@link UnknownSource} for a newer kind.
 *
 * @example
 * ```ts
 * import { Source } from 'line-webhook'
 *
 * const source = Source.decode({ type: 'user', userId: 'U4af4980629' })
 * console.log(source._tag === 'Right' && source.right.type) // => "user"
 * const newer = Source.decode({ type: 'square', squareId: 'S1' })
 * console.log(newer._tag === 'Right' && newer.right.type === undefined && newer.right._tag) // => "UnknownSource"
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const Source: TaggedUnionCodec<Source> = /*#__PURE__*/ withStandardSchema(source)
export type Source = UserSource | GroupSource | RoomSource | UnknownSource
