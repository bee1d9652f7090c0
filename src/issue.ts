import type * as t from 'io-ts'

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

/** Whether `codec` is a record (`t.record`, or `t.readonly` of one): its keys are the sender's. */
function isDictionary(codec: unknown): boolean {
  const { _tag: tag, type } = (codec ?? {}) as { _tag?: unknown; type?: unknown }
  return tag === 'DictionaryType' || (tag === 'ReadonlyType' && isDictionary(type))
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
