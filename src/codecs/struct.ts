import * as t from 'io-ts'
import { isRecord, type UnknownRecord } from '../internal/record.js'
import { chargesBudget, failure, INVALID, validateRejected } from '../issue.js'

/** Property codecs by name. */
export type Props = Readonly<Record<string, t.Mixed>>

type Flatten<T> = { readonly [K in keyof T]: T[K] }

/** An object with the `required` properties and, where present, the `optional` ones. */
export type StructOf<R extends Props, O extends Props> = Flatten<
  { readonly [K in keyof R]: t.TypeOf<R[K]> } & { readonly [K in keyof O]?: t.TypeOf<O[K]> }
>

/** What a struct encodes to. */
export type StructOutputOf<R extends Props, O extends Props> = Flatten<
  { readonly [K in keyof R]: t.OutputOf<R[K]> } & { readonly [K in keyof O]?: t.OutputOf<O[K]> }
>

/** The codec {@link struct} builds; its property codecs stay reachable for reuse. */
export interface StructC<R extends Props, O extends Props> extends t.Type<
  StructOf<R, O>,
  StructOutputOf<R, O>
> {
  readonly required: R
  readonly optional: O
}

/**
 * What a leaf codec checks, so `is` can check it inline: a call through one call site that sees
 * every codec is what made `is` cost more than the JSON.parse it follows. Codecs of this package
 * declare theirs (`leaf`); io-ts's primitives are known by their `_tag`.
 */
export type Leaf = 'string' | 'number' | 'integer'

const STRING = 0
const NUMBER = 1
const INTEGER = 2
const LITERAL = 3
const CODEC = 4
/**
 * A codec validated without asking its `is` first: a record (postback `params`), whose `is`
 * lists every key (`Object.values`) even to fail at the first, and a codec marked `direct`, whose
 * `validate` asks each part's `is` itself (an `events` list): asking first would walk it twice.
 */
const DIRECT = 5

interface Entry {
  readonly key: string
  readonly codec: t.Mixed
  readonly required: boolean
  readonly check: number
  readonly literal: unknown
}

/** How `is` checks `codec`: a leaf by its `leaf` (ours) or `_tag` (io-ts's); else by the codec. */
function checkOf(codec: t.Mixed): number {
  const { leaf, _tag: tag, direct } = codec as { leaf?: Leaf; _tag?: unknown; direct?: true }
  switch (leaf ?? tag) {
    case 'string':
    case 'StringType':
      return STRING
    case 'number':
      return NUMBER
    case 'integer':
      return INTEGER
    case 'LiteralType':
      return LITERAL
    case 'DictionaryType':
      return DIRECT
    default:
      return direct ? DIRECT : CODEC
  }
}

function entryOf(key: string, codec: t.Mixed, required: boolean): Entry {
  const literal = (codec as { value?: unknown }).value
  return { key, codec, required, check: checkOf(codec), literal }
}

/** `entry.codec.is(property)`, with the leaves checked inline exactly as their `is` does. */
function passes(entry: Entry, property: unknown): boolean {
  switch (entry.check) {
    case STRING:
      return typeof property === 'string'
    case NUMBER:
      return Number.isFinite(property)
    case INTEGER:
      return Number.isSafeInteger(property)
    case LITERAL:
      return property === entry.literal
    default:
      return entry.codec.is(property)
  }
}

/**
 * A codec's `is` written out as straight-line code (`value.type === 'text'`, then
 * `typeof value.id === 'string'`, and so on). Each guard is its own function, so V8 sees one object shape and one property
 * name at each of its property reads; the generic loop of {@link struct} sees every codec's at
 * one read and runs ten times slower. A guard must accept exactly what the codec's `validate`
 * accepts unchanged (test/codecs/guards.test.ts holds every guard to that).
 */
export type Guard = (value: unknown) => boolean

/**
 * An object codec that checks required and optional properties in one pass and keeps every
 * property it does not know: what LINE adds tomorrow reaches the user. It returns the input
 * itself unless a property codec changed a value, so `is` and `decode` agree on valid input.
 * `guard`, when given, is its `is` (see {@link Guard}); codecs derived by {@link relax} and
 * {@link override} check their properties by the generic loop.
 */
export function struct<R extends Props, O extends Props>(
  name: string,
  required: R,
  optional: O,
  guard?: Guard,
): StructC<R, O> {
  const entries = [
    ...Object.entries(required).map(([key, codec]) => entryOf(key, codec, true)),
    ...Object.entries(optional).map(([key, codec]) => entryOf(key, codec, false)),
  ]
  const transparent = entries.every(({ codec }) => codec.encode === t.identity)

  const generic = (value: unknown): value is StructOf<R, O> => {
    if (!isRecord(value)) return false
    for (const entry of entries) {
      const property = value[entry.key]
      if (property === undefined ? entry.required : !passes(entry, property)) return false
    }
    return true
  }
  const is = (guard ?? generic) as (value: unknown) => value is StructOf<R, O>

  const validate = (value: unknown, context: t.Context): t.Validation<StructOf<R, O>> => {
    if (!isRecord(value)) return failure(value, context)
    const errors: t.ValidationError[] = []
    let failed = false
    let changed: Record<string, unknown> | undefined
    for (const entry of entries) {
      const property = value[entry.key]
      // What passes `is` is valid as it is: only the properties that fail it are validated.
      if (
        property === undefined ? !entry.required : entry.check !== DIRECT && passes(entry, property)
      )
        continue
      const result = validateRejected(entry.codec, property, context, entry.key, errors)
      if (result === INVALID) failed = true
      else if (result !== property) {
        changed ??= { ...value }
        changed[entry.key] = result
      }
    }
    // Past the issue budget a failure is counted, not built: `errors` may then be empty.
    if (failed) return t.failures(errors)
    return t.success((changed ?? value) as StructOf<R, O>)
  }

  const encode = (value: StructOf<R, O>): StructOutputOf<R, O> => {
    if (transparent) return value
    const record: UnknownRecord = value
    const output: Record<string, unknown> = { ...record }
    for (const { key, codec } of entries) {
      const property = record[key]
      if (property !== undefined) output[key] = codec.encode(property)
    }
    return output as StructOutputOf<R, O>
  }

  return chargesBudget(
    Object.assign(new t.Type(name, is, validate, encode), { required, optional }),
  )
}

/**
 * `codec` with the `keys` it requires made optional: what a lenient profile lets be absent.
 */
export function relax<R extends Props, O extends Props, const K extends keyof R & string>(
  codec: StructC<R, O>,
  keys: readonly K[],
): StructC<Omit<R, K>, O & Pick<R, K>> {
  const relaxed = (key: string): boolean => (keys as readonly string[]).includes(key)
  const entries = Object.entries(codec.required)
  const required = Object.fromEntries(entries.filter(([key]) => !relaxed(key)))
  const optional = {
    ...codec.optional,
    ...Object.fromEntries(entries.filter(([key]) => relaxed(key))),
  }
  return struct(codec.name, required as Omit<R, K>, optional as O & Pick<R, K>)
}

type Override<P extends Props, X extends Props> = {
  readonly [K in keyof P]: K extends keyof X ? X[K] : P[K]
}

/** `codec` with some property codecs replaced, each staying required or optional as it was. */
export function override<R extends Props, O extends Props, X extends Props>(
  codec: StructC<R, O>,
  replacements: X,
): StructC<Override<R, X>, Override<O, X>> {
  const replace = (props: Props): Props =>
    Object.fromEntries(Object.entries(props).map(([key, prop]) => [key, replacements[key] ?? prop]))
  return struct(
    codec.name,
    replace(codec.required) as Override<R, X>,
    replace(codec.optional) as Override<O, X>,
  )
}
