import * as t from 'io-ts'
import type { Leaf } from './struct.js'

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
  const codec = new t.Type(
    known.map((value) => JSON.stringify(value)).join(' | ') + ' | string',
    isString,
    (value, context) => (isString(value) ? t.success(value) : t.failure(value, context)),
    t.identity,
  )
  return Object.assign(codec, { leaf: 'string' as const })
}

// Safe integers only: past 2^53 a JSON number no longer says which integer was sent.
const isInteger = (value: unknown): value is number => Number.isSafeInteger(value)

/** A whole number (the spec's `integer`) that is a safe integer, typed as a plain `number`. */
export const integer: t.Type<number> = /*#__PURE__*/ Object.assign(
  /*#__PURE__*/ new t.Type(
    'integer',
    isInteger,
    (value, context) => (isInteger(value) ? t.success(value) : t.failure(value, context)),
    t.identity,
  ),
  { leaf: 'integer' as const },
)

// `JSON.parse` reads `1e400` as Infinity, which is no coordinate (and re-serialises as null).
const isFiniteNumber = (value: unknown): value is number => Number.isFinite(value)

/** A finite number (the spec's `number`). */
export const finiteNumber: t.Type<number> = /*#__PURE__*/ Object.assign(
  /*#__PURE__*/ new t.Type(
    'number',
    isFiniteNumber,
    (value, context) => (isFiniteNumber(value) ? t.success(value) : t.failure(value, context)),
    t.identity,
  ),
  { leaf: 'number' as const },
)

const INTEGER_TEXT = /^-?(?:0|[1-9]\d*)$/
const DECIMAL_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/

/**
 * `strict`, which also takes the number written as a decimal numeral, as some forwarders send
 * it. A number is checked exactly as `strict` checks it, so the lenient profile never rejects
 * what the strict one accepts; a numeral must stand for a number it `reads` exactly.
 */
function numberOrNumeral(
  strict: t.Type<number>,
  leaf: Leaf,
  numeral: RegExp,
  reads: (number: number) => boolean,
): t.Type<number> {
  const codec = new t.Type(
    `${strict.name} (or its numeral)`,
    strict.is,
    (value, context) => {
      if (strict.is(value)) return t.success(value)
      if (typeof value === 'string' && numeral.test(value)) {
        const number = Number(value)
        if (reads(number)) return t.success(number)
      }
      return t.failure(value, context)
    },
    t.identity,
  )
  // Its `is` is strict's, so struct may check it inline as strict's leaf.
  return Object.assign(codec, { leaf })
}

/** An integer, or its decimal numeral (`"10735"`) of a safe integer: the lenient `integer`. */
export const lenientInteger: t.Type<number> = /*#__PURE__*/ numberOrNumeral(
  integer,
  'integer',
  INTEGER_TEXT,
  (number) => Number.isSafeInteger(number),
)

/** A number, or its decimal numeral (`"22.581143"`): the lenient profile's `number`. */
export const lenientNumber: t.Type<number> = /*#__PURE__*/ numberOrNumeral(
  finiteNumber,
  'number',
  DECIMAL_TEXT,
  (number) => Number.isFinite(number),
)
