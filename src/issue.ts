import * as t from 'io-ts'
import { left } from './internal/either.js'

/**
 * One problem with a webhook body: where it is, what was expected there, and what came.
 *
 * `actual` is the value the sender sent (`undefined` where a property was missing): it is body
 * content, so {@link formatWebhookFailure} shows it only when asked.
 *
 * @example
 * ```ts
 * import { decodeCallbackRequest, type Issue } from 'line-webhook'
 *
 * const result = decodeCallbackRequest({ destination: 'U0', events: {} })
 * const issues: readonly Issue[] = result._tag === 'Left' ? result.left.issues : []
 * console.log(issues) // => [{ path: "events", expected: "Array<Event>", actual: {} }]
 * ```
 *
 * @since 0.1.0
 * @category Failures
 */
export interface Issue {
  /**
   * A JavaScript path from the body's root, e.g. `events[2].message.fileSize`; `''` for the root.
   * Keys the sender chose (of postback `params`) stand quoted in brackets: `params["date"]`;
   * {@link formatWebhookFailure} shows them as `[…]` unless asked for values. The 2016 format's
   * issues name its own fields, e.g. `result[0].content.contentMetadata.STKID`.
   */
  readonly path: string
  /**
   * What the schema expects there, by the name of its type or codec, e.g. `integer`, `string`,
   * `Array<Event>` or `CallbackRequest`.
   */
  readonly expected: string
  /**
   * What came instead, as it came; `undefined` when the property was missing. It is body content
   * (user messages, IDs), so log it only where such content may go: {@link formatWebhookFailure}
   * shows it only with `{ values: true }`, and otherwise names its kind (`a string`).
   */
  readonly actual: unknown
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/** Whether `codec` is a record (postback `params`): its keys are the sender's. */
function isDictionary(codec: unknown): boolean {
  return (codec as { _tag?: unknown } | undefined)?._tag === 'DictionaryType'
}

function pathOf(context: t.Context): string {
  let path = ''
  for (let index = 1; index < context.length; index++) {
    const { key } = context[index] ?? { key: '' }
    const parent = context[index - 1]
    if (Array.isArray(parent?.actual)) path += `[${key}]`
    else if (IDENTIFIER.test(key) && !isDictionary(parent?.type)) {
      path += path === '' ? key : `.${key}`
    } else path += `[${JSON.stringify(key)}]`
  }
  return path
}

/** io-ts's validation errors as {@link Issue}s, one per problem, in the order found. */
export function issuesOf(errors: t.Errors): readonly Issue[] {
  return errors.map(({ context, value }) => ({
    path: pathOf(context),
    expected: context[context.length - 1]?.type.name ?? 'unknown',
    actual: value,
  }))
}

/*
 * Bounded failures. A hostile body can hold hundreds of thousands of invalid values; reporting
 * each would cost far more time and memory than the body itself. So an InvalidEvent keeps at
 * most MAX_EVENT_ISSUES issues and an InvalidPayload MAX_PAYLOAD_ISSUES, and counts the rest.
 * Past the cap nothing is built for them: the codecs of this package (struct, taggedUnion,
 * readonlyArray, readonlyRecord) check a budget before each child, and once it is spent they
 * only count what fails, without contexts, errors or issues.
 */

/** The most issues an `InvalidEvent` keeps (`omittedIssues` counts the rest). */
export const MAX_EVENT_ISSUES = 10

/**
 * The most issues the `InvalidEvent`s of one body keep together beyond the first of each: every
 * invalid event keeps one, so that 250,000 of them cost one issue each, not ten.
 */
export const MAX_BODY_EVENT_ISSUES = 1000

/** The most issues an `InvalidPayload` keeps (`omittedIssues` counts the rest). */
export const MAX_PAYLOAD_ISSUES = 20

/** An `InvalidPayload`'s issues as they are found: the first {@link MAX_PAYLOAD_ISSUES}, and a count of the rest. */
export class IssueTally {
  readonly issues: Issue[] = []
  omitted = 0

  add(issue: Issue): void {
    if (this.issues.length < MAX_PAYLOAD_ISSUES) this.issues.push(issue)
    else this.omitted++
  }
}

/**
 * The validation in progress: how many more errors it may build, and how many it only counted.
 * Validation is synchronous, so one budget serves; {@link withinBudget} scopes it.
 */
const budget = { remaining: Infinity, omitted: 0 }

/** Codecs that charge the budget for the errors they return (the others are charged for). */
const charging = new WeakSet()

/** Marks `codec` as one that spends the budget itself, through {@link validateRejected}. */
export function chargesBudget<C extends object>(codec: C): C {
  charging.add(codec)
  return codec
}

/** What {@link withinBudget} returns: the validation, and how many errors it only counted. */
export interface Budgeted<A> {
  readonly validation: t.Validation<A>
  readonly omitted: number
}

/** Runs `validate` building at most `max` errors; past them, failures are only counted. */
export function withinBudget<A>(max: number, validate: () => t.Validation<A>): Budgeted<A> {
  // Kept in locals, not copied into an object: an invalid event in a body runs this once.
  const { remaining, omitted } = budget
  budget.remaining = max
  budget.omitted = 0
  try {
    const validation = validate()
    return { validation, omitted: budget.omitted }
  } finally {
    budget.remaining = remaining
    budget.omitted = omitted
  }
}

/** Where the budget stands, to go back to it ({@link restoreBudget}) when a result is dropped. */
export function budgetMark(): { readonly remaining: number; readonly omitted: number } {
  return { ...budget }
}

/** Forgets what was spent since `mark`: its errors were dropped, not reported. */
export function restoreBudget(mark: {
  readonly remaining: number
  readonly omitted: number
}): void {
  Object.assign(budget, mark)
}

/** `value` failed `context`'s codec: a built error while the budget lasts, else one more counted. */
export function failure(value: unknown, context: t.Context): t.Validation<never> {
  if (budget.remaining <= 0) {
    budget.omitted++
    return left([])
  }
  budget.remaining--
  return left([{ value, context }])
}

/** {@link failure} of `value`, the `key` of `context`'s value, which `codec` rejected. */
export function failureAt(
  context: t.Context,
  key: string,
  codec: t.Decoder<unknown, unknown>,
  value: unknown,
): t.Validation<never> {
  return failure(
    value,
    budget.remaining <= 0 ? context : t.appendContext(context, key, codec, value),
  )
}

/** io-ts's primitives, whose `is` is their whole check: one failure whenever it says no. */
function isPrimitive(codec: t.Mixed): boolean {
  const tag = (codec as { readonly _tag?: unknown })._tag
  return tag === 'StringType' || tag === 'LiteralType' || tag === 'BooleanType'
}

/** Returned by {@link validateRejected} for a value that failed. */
export const INVALID: unique symbol = Symbol('invalid')

/**
 * `value`, the `key` of `context`'s value, which `codec`'s `is` rejected (or was not asked),
 * validated by it: the value a lenient codec made of it, or {@link INVALID} with its errors
 * appended to `errors` while the budget lasts, and only counted after. What `is` accepts is valid as it is, so callers ask it first: it costs a fraction of
 * `validate`, and only the parts that fail it are validated.
 */
export function validateRejected(
  codec: t.Mixed,
  value: unknown,
  context: t.Context,
  key: string | number,
  errors: t.ValidationError[],
): unknown {
  if (budget.remaining <= 0 && isPrimitive(codec)) {
    // Its `is` is its whole check: one failure, known without building it.
    budget.omitted++
    return INVALID
  }
  const inner =
    budget.remaining <= 0 ? context : t.appendContext(context, String(key), codec, value)
  const result = codec.validate(value, inner)
  if (result._tag === 'Right') return result.right
  if (charging.has(codec)) {
    // No loop spread: `push(...errors)` overflows the stack for large arrays.
    for (const error of result.left) errors.push(error)
    return INVALID
  }
  for (const error of result.left) {
    if (budget.remaining > 0) {
      budget.remaining--
      errors.push(error)
    } else budget.omitted++
  }
  return INVALID
}
