/**
 * The codecs' Standard Schema types, checked against `@standard-schema/spec` itself (the package
 * copies its interface rather than depend on it): tools that infer from a Standard Schema infer
 * this package's names, and `validate` is typed synchronous. Compiler only.
 */
import type { StandardSchemaV1 as Spec } from '@standard-schema/spec'
import { describe, expectTypeOf, test } from 'vitest'
import type { EventMode, LenientCallbackRequest } from '../../src/index.js'
import {
  CallbackRequest,
  Event,
  LenientEvent,
  MessageContent,
  TextMessageContent,
  type Codec,
  type CodecStandardProps,
  type StandardSchemaV1,
} from '../../src/index.js'
import { LegacyResult } from '../../src/legacy/index.js'

describe("the codecs are the spec's StandardSchemaV1", () => {
  test('of unknown input and their own type as output', () => {
    expectTypeOf(CallbackRequest).toExtend<Spec<unknown, CallbackRequest>>()
    expectTypeOf(Event).toExtend<Spec<unknown, Event>>()
    expectTypeOf(LenientEvent).toExtend<Spec<unknown, LenientEvent>>()
    expectTypeOf(MessageContent.members.text).toExtend<Spec<unknown, TextMessageContent>>()
    expectTypeOf(LegacyResult).toExtend<Spec<unknown, LegacyResult>>()
    expectTypeOf<Codec<number>>().not.toExtend<Spec<unknown, string>>()
  })

  test('whose inferred types are the names', () => {
    expectTypeOf<Spec.InferOutput<typeof CallbackRequest>>().toEqualTypeOf<CallbackRequest>()
    expectTypeOf<
      Spec.InferOutput<typeof LenientCallbackRequest>
    >().toEqualTypeOf<LenientCallbackRequest>()
    expectTypeOf<Spec.InferOutput<typeof Event>>().toEqualTypeOf<Event>()
    expectTypeOf<Spec.InferOutput<typeof EventMode>>().toEqualTypeOf<EventMode>()
    expectTypeOf<Spec.InferInput<typeof Event>>().toEqualTypeOf<unknown>()
    expectTypeOf<NonNullable<(typeof CallbackRequest)['~standard']['types']>>().toEqualTypeOf<
      Spec.Types<unknown, CallbackRequest>
    >()
  })

  test("the package's copy of the interface is the spec's, both ways", () => {
    expectTypeOf<StandardSchemaV1<unknown, Event>>().toExtend<Spec<unknown, Event>>()
    expectTypeOf<Spec<unknown, Event>>().toExtend<StandardSchemaV1<unknown, Event>>()
    expectTypeOf<StandardSchemaV1.Issue>().toEqualTypeOf<Spec.Issue>()
    expectTypeOf<StandardSchemaV1.Result<Event>>().toEqualTypeOf<Spec.Result<Event>>()
    expectTypeOf<
      StandardSchemaV1.InferOutput<typeof CallbackRequest>
    >().toEqualTypeOf<CallbackRequest>()
  })
})

describe('validate is synchronous', () => {
  test('it returns a result, never a promise', () => {
    const validate = CallbackRequest['~standard'].validate
    expectTypeOf(validate).returns.toEqualTypeOf<StandardSchemaV1.Result<CallbackRequest>>()
    expectTypeOf(CallbackRequest['~standard']).toEqualTypeOf<CodecStandardProps<CallbackRequest>>()
    expectTypeOf(Event['~standard'].vendor).toEqualTypeOf<'line-webhook'>()
  })

  test('so a result narrows on issues', () => {
    const result = TextMessageContent['~standard'].validate({})
    if (result.issues === undefined) expectTypeOf(result.value).toEqualTypeOf<TextMessageContent>()
    else expectTypeOf(result.issues).toEqualTypeOf<readonly StandardSchemaV1.Issue[]>()
  })
})
