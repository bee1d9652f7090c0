import * as t from 'io-ts'
import { readonlyArray } from './array.js'
import { openEnum, type OpenEnum } from './primitives.js'
import { struct } from './struct.js'
import { taggedUnion, type TaggedUnionCodec, type Unknown } from './tagged-union.js'
import type { Codec } from './codec.js'
import { withStandardSchema } from './standard-schema.js'
import { isAttachedModuleContent, isDetachedModuleContent, isModuleContent } from './guards.js'

export const attachedModuleContent = /*#__PURE__*/ struct(
  'AttachedModuleContent',
  {
    type: /*#__PURE__*/ t.literal('attached'),
    botId: t.string,
    scopes: /*#__PURE__*/ readonlyArray(t.string),
  },
  {},
  isAttachedModuleContent,
)

/**
 * A module channel was attached to a LINE Official Account, with the scopes its admin permitted.
 *
 * @example
 * ```ts
 * import { AttachedModuleContent } from 'line-webhook'
 *
 * const attached = { type: 'attached', botId: 'U61eccd27f3', scopes: ['message:send'] }
 * console.log(AttachedModuleContent.is(attached)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const AttachedModuleContent: Codec<AttachedModuleContent> =
  /*#__PURE__*/ withStandardSchema(attachedModuleContent)
export interface AttachedModuleContent {
  readonly type: 'attached'
  /** The user ID of the bot the module channel was attached to. */
  readonly botId: string
  /** The scopes the admin permitted, such as `message:send`. */
  readonly scopes: readonly string[]
}

export const detachedModuleContent = /*#__PURE__*/ struct(
  'DetachedModuleContent',
  {
    type: /*#__PURE__*/ t.literal('detached'),
    botId: t.string,
    reason: /*#__PURE__*/ openEnum(['bot_deleted']),
  },
  {},
  isDetachedModuleContent,
)

/**
 * A module channel was detached from a LINE Official Account.
 *
 * @example
 * ```ts
 * import { DetachedModuleContent } from 'line-webhook'
 *
 * const detached = { type: 'detached', botId: 'U61eccd27f3', reason: 'bot_deleted' }
 * console.log(DetachedModuleContent.is(detached)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const DetachedModuleContent: Codec<DetachedModuleContent> =
  /*#__PURE__*/ withStandardSchema(detachedModuleContent)
export interface DetachedModuleContent {
  readonly type: 'detached'
  /** The user ID of the bot the module channel was detached from. */
  readonly botId: string
  readonly reason: OpenEnum<'bot_deleted'>
}

/**
 * A module change of a `type` this version does not know, kept whole in `raw`.
 *
 * @example
 * ```ts
 * import { ModuleContent, type UnknownModuleContent } from 'line-webhook'
 *
 * const decoded = ModuleContent.decode({ type: 'suspended', botId: 'U61eccd27f3' })
 * if (decoded._tag === 'Right' && decoded.right.type === undefined) {
 *   const change: UnknownModuleContent = decoded.right
 *   console.log(change.raw['botId']) // => "U61eccd27f3"
 * }
 * ```
 *
 * @since 0.1.0
 * @category Types
 */
export interface UnknownModuleContent extends Unknown<'UnknownModuleContent'> {
  readonly _tag: 'UnknownModuleContent'
}

export const moduleContent = /*#__PURE__*/ taggedUnion(
  'ModuleContent',
  { attached: attachedModuleContent, detached: detachedModuleContent },
  'UnknownModuleContent',
  { guard: isModuleContent },
)

/**
 * What happened to a module channel: attached or detached, or {@link UnknownModuleContent}.
 *
 * @example
 * ```ts
 * import { ModuleContent } from 'line-webhook'
 *
 * console.log(ModuleContent.is({ type: 'detached', botId: 'U61eccd27f3', reason: 'bot_deleted' })) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const ModuleContent: TaggedUnionCodec<ModuleContent> =
  /*#__PURE__*/ withStandardSchema(moduleContent)
export type ModuleContent = AttachedModuleContent | DetachedModuleContent | UnknownModuleContent
