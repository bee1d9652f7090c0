import type * as t from 'io-ts'
import type { CodecStandardProps, StandardSchemaV1 } from './standard-schema.js'

/*
 * Each codec module builds a codec as `messageEvent` (whose type keeps its property codecs, for
 * the lenient profile to relax) and exports it as `MessageEvent: Codec<MessageEvent>`, typed by
 * the interface written beside it: declarations and hovers then say names, not structure.
 * test/codecs/interfaces.test-d.ts checks that each interface is exactly what its codec decodes.
 * The export goes through `withStandardSchema`, which gives it its `'~standard'` properties.
 */

/**
 * An io-ts codec of `A`, by name: `decode` and `validate` take `unknown` and give an `A`, `is`
 * guards it. It encodes to `unknown`, which never lies: a fallback encodes to what came, whatever
 * that was. Every codec of this package is one, under the name of its type.
 *
 * It is also a Standard Schema v1 ({@link StandardSchemaV1}): its `'~standard'` properties
 * validate synchronously, so validators that take any schema (Hono's `@hono/standard-validator`,
 * tRPC, TanStack) take it as it is.
 *
 * @example
 * ```ts
 * import { TextMessageContent, type Codec } from 'line-webhook'
 *
 * const codec: Codec<TextMessageContent> = TextMessageContent
 * const decoded = codec.decode({ type: 'text', id: '1', quoteToken: 'q', text: 'Hi' })
 * console.log(decoded._tag === 'Right' && decoded.right.text) // => "Hi"
 * const validated = codec['~standard'].validate({ type: 'text', id: '1', quoteToken: 'q', text: 'Hi' })
 * console.log(validated.issues === undefined && validated.value.text) // => "Hi"
 * ```
 *
 * @since 0.2.0
 * @category Codecs
 */
export interface Codec<A> extends t.Type<A, unknown>, StandardSchemaV1<unknown, A> {
  /** What issues call it: `MessageEvent`, `Array<LenientEvent>`, `"active" | "standby" | string`. */
  readonly name: string
  /** Its Standard Schema v1 properties, whose `validate` is synchronous. */
  readonly '~standard': CodecStandardProps<A>
}
