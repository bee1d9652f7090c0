import type * as t from 'io-ts'
import { MAX_PAYLOAD_ISSUES, withinBudget } from '../issue.js'
import type { Codec } from './codec.js'

/*
 * Standard Schema v1 (standardschema.dev), so that validators that take any schema (Hono's
 * `@hono/standard-validator`, tRPC, TanStack) take this package's codecs. The interface is copied
 * from `@standard-schema/spec` 1.1.0 (MIT), as its authors invite libraries to do, so that users
 * install nothing more; test/codecs/standard-schema.test-d.ts checks it against that package.
 */

/**
 * The Standard Schema v1 interface, as `@standard-schema/spec` declares it: what every codec of
 * this package is, under its `'~standard'` key. Tools that accept a Standard Schema accept any of
 * them, and `StandardSchemaV1.InferOutput<typeof CallbackRequest>` is `CallbackRequest`.
 *
 * @example
 * ```ts
 * import { CallbackRequest, type StandardSchemaV1 } from 'line-webhook'
 *
 * const schema: StandardSchemaV1<unknown, CallbackRequest> = CallbackRequest
 * const body: StandardSchemaV1.InferOutput<typeof schema> = { destination: 'U0', events: [] }
 * console.log([schema['~standard'].vendor, body.events.length]) // => ["line-webhook", 0]
 * ```
 *
 * @since 0.2.0
 * @category Standard Schema
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  /** The Standard Schema properties. */
  readonly '~standard': StandardSchemaV1.Props<Input, Output>
}

/**
 * The types of the Standard Schema v1 interface, as `@standard-schema/spec` declares them.
 *
 * @example
 * ```ts
 * import { Event, type StandardSchemaV1 } from 'line-webhook'
 *
 * const result: StandardSchemaV1.Result<Event> = Event['~standard'].validate({ type: 'follow' })
 * const issues: readonly StandardSchemaV1.Issue[] = result.issues ?? []
 * console.log(issues[0]) // => { message: "expected integer, got nothing (missing)", path: ["timestamp"] }
 * ```
 *
 * @since 0.2.0
 * @category Standard Schema
 */
// A namespace, as the spec declares it, so that its types keep the names tools document.
// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace StandardSchemaV1 {
  /** The Standard Schema properties. */
  export interface Props<Input = unknown, Output = Input> {
    /** The version number of the standard. */
    readonly version: 1
    /** The vendor name of the schema library. */
    readonly vendor: string
    /** Validates unknown input values. */
    readonly validate: (
      value: unknown,
      options?: StandardSchemaV1.Options,
    ) => Result<Output> | Promise<Result<Output>>
    /** Inferred types associated with the schema. */
    readonly types?: Types<Input, Output> | undefined
  }
  /** The result of the validate function. */
  export type Result<Output> = SuccessResult<Output> | FailureResult
  /** The result if validation succeeds. */
  export interface SuccessResult<Output> {
    /** The typed output value. */
    readonly value: Output
    /** A falsy value for `issues` indicates success. */
    readonly issues?: undefined
  }
  /** Options of the validate function. */
  export interface Options {
    /** Explicit support for additional vendor-specific parameters, if needed. */
    readonly libraryOptions?: Record<string, unknown> | undefined
  }
  /** The result if validation fails. */
  export interface FailureResult {
    /** The issues of failed validation. */
    readonly issues: readonly Issue[]
  }
  /** An issue of the failure output. */
  export interface Issue {
    /** The error message of the issue. */
    readonly message: string
    /** The path of the issue, if any. */
    readonly path?: readonly (PropertyKey | PathSegment)[] | undefined
  }
  /** A path segment of an issue. */
  export interface PathSegment {
    /** The key representing a path segment. */
    readonly key: PropertyKey
  }
  /** The Standard types. */
  export interface Types<Input = unknown, Output = Input> {
    /** The input type of the schema. */
    readonly input: Input
    /** The output type of the schema. */
    readonly output: Output
  }
  /** Infers the input type of a Standard Schema. */
  export type InferInput<Schema extends StandardSchemaV1> = NonNullable<
    Schema['~standard']['types']
  >['input']
  /** Infers the output type of a Standard Schema. */
  export type InferOutput<Schema extends StandardSchemaV1> = NonNullable<
    Schema['~standard']['types']
  >['output']
}

/**
 * A codec's Standard Schema properties: version 1, vendor `line-webhook`, and a `validate` that
 * is synchronous. It gives `{ value }`, what the codec's `decode` gives, or `{ issues }`: one per
 * problem, in the order found, at most 20 and then one that counts the rest. Each issue's
 * `path` holds property names and array indices (`['events', 0, 'message', 'text']`) and its
 * `message` what was expected and the kind of value that came (`expected string, got a number`),
 * never the value itself: it is body content.
 *
 * @example
 * ```ts
 * import { TextMessageContent, type CodecStandardProps } from 'line-webhook'
 *
 * const standard: CodecStandardProps<TextMessageContent> = TextMessageContent['~standard']
 * console.log(standard.validate({ type: 'text', id: '1', quoteToken: 'q', text: 7 })) // => { issues: [{ message: "expected string, got a number", path: ["text"] }] }
 * ```
 *
 * @since 0.2.0
 * @category Standard Schema
 */
export interface CodecStandardProps<A> extends StandardSchemaV1.Props<unknown, A> {
  readonly vendor: 'line-webhook'
  /** Validates `value` at once: never a promise. */
  readonly validate: (value: unknown) => StandardSchemaV1.Result<A>
}

/** `value`'s kind, never its content: `a string`, `an array`, `null`. */
function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing (missing)'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  const type = typeof value
  return type === 'object' ? 'an object' : `a ${type}`
}

/** An io-ts error as a Standard Schema issue: array indices as numbers, keys as strings. */
function issueOf({ context, value }: t.ValidationError): StandardSchemaV1.Issue {
  const path: (string | number)[] = []
  let parent: unknown
  let expected = ''
  for (const [index, { key, type, actual }] of context.entries()) {
    // The first entry is the value validated: it has no key.
    if (index > 0) path.push(Array.isArray(parent) ? Number(key) : key)
    parent = actual
    expected = type.name
  }
  return { message: `expected ${expected}, got ${kindOf(value)}`, path }
}

/** `C`, a codec, with its Standard Schema properties, and those of its members if it has any. */
export type WithStandardSchema<C extends t.Mixed> = C &
  Codec<t.TypeOf<C>> &
  (C extends { readonly members: infer M }
    ? { readonly members: { readonly [K in keyof M]: M[K] & Codec<t.TypeOf<M[K] & t.Mixed>> } }
    : unknown)

/**
 * `codec`, given its Standard Schema properties, and a tagged union's members too (reachable as
 * `Event.members.message`). Each exported codec goes through this where it is exported; the
 * decoders use the codecs inside, not the exports, so an app that only decodes bundles none of it.
 */
export function withStandardSchema<C extends t.Mixed>(codec: C): WithStandardSchema<C> {
  attach(codec)
  const { members } = codec as { readonly members?: Readonly<Record<string, t.Mixed>> }
  if (members !== undefined) for (const member of Object.values(members)) attach(member)
  return codec as WithStandardSchema<C>
}

/** Gives `codec` its `'~standard'` properties, unless it has them (as an exported member does). */
function attach(codec: t.Mixed): void {
  if ('~standard' in codec) return
  const standard: CodecStandardProps<unknown> = {
    version: 1,
    vendor: 'line-webhook',
    validate(value) {
      const { validation, omitted } = withinBudget(MAX_PAYLOAD_ISSUES, () =>
        codec.validate(value, [{ key: '', type: codec, actual: value }]),
      )
      if (validation._tag === 'Right') return { value: validation.right }
      const issues = validation.left.map(issueOf)
      if (omitted > 0) {
        issues.push({ message: `and ${omitted} more ${omitted === 1 ? 'issue' : 'issues'}` })
      }
      return { issues }
    },
  }
  // Defined on this codec object only, not on a prototype: no other io-ts codec changes.
  Object.defineProperty(codec, '~standard', { value: standard })
}
