import * as t from 'io-ts'
import { isRecord, type UnknownRecord } from '../internal/record.js'
import { budgetMark, chargesBudget, failure, failureAt, restoreBudget } from '../issue.js'
import type { Codec } from './codec.js'
import type { Guard } from './struct.js'

/**
 * An object whose `type` is a string: all that is asked of an object of a type this version
 * does not know.
 *
 * @example
 * ```ts
 * import type { UnknownTypedObject } from 'line-webhook'
 *
 * const raw: UnknownTypedObject = { type: 'hologram', frames: 24 }
 * console.log(raw.type) // => "hologram"
 * ```
 *
 * @since 0.1.0
 * @category Types
 */
export interface UnknownTypedObject {
  readonly type: string
  readonly [key: string]: unknown
}

/**
 * The fallback of a union for a `type` this version does not know, keeping the whole object in
 * `raw`. It has no `type` of its own, so a `switch` on `type` still narrows to the exact known
 * member, and `case undefined` reaches the fallback (then `_tag` tells fallbacks apart).
 *
 * @example
 * ```ts
 * import { Event, type Unknown } from 'line-webhook'
 *
 * const decoded = Event.decode({ type: 'hologram' })
 * if (decoded._tag === 'Right' && decoded.right.type === undefined) {
 *   const event: Unknown<'UnknownEvent'> = decoded.right
 *   console.log([event._tag, event.raw.type]) // => ["UnknownEvent", "hologram"]
 * }
 * ```
 *
 * @since 0.1.0
 * @category Types
 */
export interface Unknown<Tag extends string> {
  readonly _tag: Tag
  readonly type?: undefined
  readonly raw: UnknownTypedObject
}

/** The one way to make a fallback: `JSON.parse` cannot forge an instance of it. */
class Fallback<Tag extends string> implements Unknown<Tag> {
  constructor(
    readonly _tag: Tag,
    readonly raw: UnknownTypedObject,
  ) {}
}

/** Whether `value` is the fallback tagged `tag` that {@link taggedUnion} made: for guards. */
export function isFallbackOf(value: unknown, tag: string): boolean {
  return value instanceof Fallback && value._tag === tag
}

/**
 * The codec of a union discriminated by `type`, such as `Event`: a {@link Codec} that also
 * gives the codec of each known member by its `type` (`Event.members.message`), and the `_tag`
 * of its fallback.
 *
 * @example
 * ```ts
 * import { MessageContent, type TaggedUnionCodec } from 'line-webhook'
 *
 * const codec: TaggedUnionCodec<MessageContent> = MessageContent
 * console.log(Object.keys(codec.members)) // => ["text", "image", "video", "audio", "file", "location", "sticker"]
 * console.log(codec.members.text.is({ type: 'text', id: '1', quoteToken: 'q', text: 'Hi' })) // => true
 * console.log(codec.fallback) // => "UnknownMessageContent"
 * ```
 *
 * @since 0.2.0
 * @category Codecs
 */
export interface TaggedUnionCodec<
  A extends { readonly type?: string | undefined },
> extends Codec<A> {
  readonly members: {
    readonly [Type in NonNullable<A['type']>]: Codec<Extract<A, { readonly type: Type }>>
  }
  readonly fallback: Extract<A, Unknown<string>>['_tag']
}

/** Codecs of the known members by their `type`. */
export type Members = Readonly<Record<string, t.Mixed>>

/** The codec {@link taggedUnion} builds. */
export interface TaggedUnionC<M extends Members, Tag extends string> extends t.Type<
  t.TypeOf<M[keyof M]> | Unknown<Tag>,
  t.OutputOf<M[keyof M]> | UnknownTypedObject
> {
  readonly members: M
  readonly fallback: Tag
}

/**
 * Which member an object is, for senders that spell `type` loosely: the known type it means, or
 * its `type` as it came. The member then decodes the object with that type.
 */
export type ResolveType = (value: UnknownRecord, knownTypes: readonly string[]) => unknown

/** How {@link taggedUnion} reads a union beyond its members. */
export interface TaggedUnionOptions {
  /** How a lenient union picks the member of a loosely spelled `type`. */
  readonly resolveType?: ResolveType
  /** Its `is`, a `switch` on `type` calling each member's guard (see {@link Guard}). */
  readonly guard?: Guard
}

/**
 * A union discriminated by `type`: one lookup picks the member (io-ts's `t.union` tries each in
 * turn, and a catch-all member turns its tag dispatch off). A non-empty `type` it does not know
 * becomes the `Unknown` fallback instead of an error; a missing or empty one is an error.
 */
export function taggedUnion<M extends Members, Tag extends string>(
  name: string,
  members: M,
  fallback: Tag,
  { resolveType, guard }: TaggedUnionOptions = {},
): TaggedUnionC<M, Tag> {
  type A = t.TypeOf<M[keyof M]> | Unknown<Tag>
  const byType = new Map<unknown, t.Mixed>(Object.entries(members))
  const typeNames = Object.keys(members)
  const knownTypes = typeNames.map((type) => JSON.stringify(type)).join(' | ')
  const isTag = (value: unknown): value is string => typeof value === 'string' && value !== ''
  const tagCodec = new t.Type<string>(
    `${knownTypes} | a newer non-empty type`,
    isTag,
    // Never run: tagCodec only names what `type` should be in an issue's context.
    /* v8 ignore next */
    (value, context) => (isTag(value) ? t.success(value) : t.failure(value, context)),
    t.identity,
  )

  const isFallback = (value: unknown): value is Unknown<Tag> => isFallbackOf(value, fallback)

  const generic = (value: unknown): value is A => {
    if (!isRecord(value)) return false
    const member = byType.get(value['type'])
    return member === undefined ? isFallback(value) : member.is(value)
  }
  const is = (guard ?? generic) as (value: unknown) => value is A

  const validate = (value: unknown, context: t.Context): t.Validation<A> => {
    if (!isRecord(value)) return failure(value, context)
    const sent = value['type']
    const type = resolveType === undefined ? sent : resolveType(value, typeNames)
    const member = byType.get(type)
    if (member !== undefined && type === sent)
      return member.validate(value, context) as t.Validation<A>
    if (member !== undefined) {
      const mark = budgetMark()
      const result = member.validate({ ...value, type }, context) as t.Validation<A>
      // Read loosely it fails, but read as sent it is of a newer type, as the strict profile
      // reads it: whatever that profile accepts, this one must too.
      if (result._tag === 'Right' || !tagCodec.is(sent)) return result
      restoreBudget(mark)
    }
    if (tagCodec.is(sent)) {
      return t.success(new Fallback(fallback, value as UnknownTypedObject))
    }
    return failureAt(context, 'type', tagCodec, sent)
  }

  const encode = (value: A): t.OutputOf<M[keyof M]> | UnknownTypedObject => {
    if (isFallback(value)) return value.raw
    const member = byType.get((value as { readonly type: unknown }).type)
    return member === undefined ? value : (member.encode(value) as t.OutputOf<M[keyof M]>)
  }

  return chargesBudget(Object.assign(new t.Type(name, is, validate, encode), { members, fallback }))
}
