import * as t from 'io-ts'

/**
 * A string enum that stays open: LINE adds values every year, and a value this version does not
 * know is kept as the string it is. The known values stay visible to editors.
 *
 * @example
 * ```ts
 * import type { OpenEnum } from 'line-webhook'
 *
 * type Mode = OpenEnum<'active' | 'standby'>
 * const modes: Mode[] = ['active', 'paused']
 * console.log(modes) // => ["active", "paused"]
 * ```
 *
 * @since 0.1.0
 * @category Types
 */
export type OpenEnum<Known extends string> = Known | (string & {})

/** The codec of an {@link OpenEnum}: any string, named after the values it knows. */
export function openEnum<const Known extends string>(
  known: readonly Known[],
): t.Type<OpenEnum<Known>, string> {
  const isString = (value: unknown): value is OpenEnum<Known> => typeof value === 'string'
  return new t.Type(
    known.map((value) => JSON.stringify(value)).join(' | ') + ' | string',
    isString,
    (value, context) => (isString(value) ? t.success(value) : t.failure(value, context)),
    t.identity,
  )
}

const isInteger = (value: unknown): value is number => Number.isInteger(value)

/** A whole number (the spec's `integer`), typed as a plain `number`. */
export const integer: t.Type<number> = /*#__PURE__*/ new t.Type(
  'integer',
  isInteger,
  (value, context) => (isInteger(value) ? t.success(value) : t.failure(value, context)),
  t.identity,
)

const INTEGER_TEXT = /^-?(?:0|[1-9]\d*)$/
const DECIMAL_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/

/** A number codec that also takes the number written as a string, as some forwarders send it. */
function numberOrNumeral(
  name: string,
  accepts: (n: number) => boolean,
  numeral: RegExp,
): t.Type<number> {
  const is = (value: unknown): value is number => typeof value === 'number' && accepts(value)
  return new t.Type(
    `${name} (or its numeral)`,
    is,
    (value, context) => {
      if (is(value)) return t.success(value)
      if (typeof value === 'string' && numeral.test(value)) {
        const number = Number(value)
        if (accepts(number)) return t.success(number)
      }
      return t.failure(value, context)
    },
    t.identity,
  )
}

/** An integer, or its decimal numeral (`"10735"`): the lenient profile's `integer`. */
export const lenientInteger: t.Type<number> = /*#__PURE__*/ numberOrNumeral(
  'integer',
  (number) => Number.isSafeInteger(number),
  INTEGER_TEXT,
)

/** A number, or its decimal numeral (`"22.581143"`): the lenient profile's `number`. */
export const lenientNumber: t.Type<number> = /*#__PURE__*/ numberOrNumeral(
  'number',
  (number) => Number.isFinite(number),
  DECIMAL_TEXT,
)
