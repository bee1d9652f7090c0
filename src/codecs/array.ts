import * as t from 'io-ts'
import { chargesBudget, failure, INVALID, validateRejected } from '../issue.js'

/**
 * True when every index of `value` holds an `isItem`, holes included: `Array.prototype.every`
 * skips the holes of a sparse array, which would let `is` pass what `decode` rejects.
 */
export function everyIndex(value: readonly unknown[], isItem: (item: unknown) => boolean): boolean {
  // for-of visits every index, holes as undefined.
  for (const item of value) if (!isItem(item)) return false
  return true
}

/**
 * io-ts's `readonlyArray`, with an `is` that checks every index, holes included, and a
 * `validate` that keeps to the issue budget: past it, invalid items are only counted.
 */
export function readonlyArray<C extends t.Mixed>(
  item: C,
): t.Type<readonly t.TypeOf<C>[], readonly t.OutputOf<C>[]> {
  type A = readonly t.TypeOf<C>[]
  const is = (value: unknown): value is A =>
    Array.isArray(value) && everyIndex(value, (element) => item.is(element))
  const validate = (value: unknown, context: t.Context): t.Validation<A> => {
    if (!Array.isArray(value)) return failure(value, context)
    const errors: t.ValidationError[] = []
    let failed = false
    let output: unknown[] | undefined
    for (let index = 0; index < value.length; index++) {
      const element: unknown = value[index]
      // Only the items that fail `is` are validated (no array of the schema holds records).
      const result: unknown = item.is(element)
        ? element
        : validateRejected(item, element, context, index, errors)
      if (result === INVALID) failed = true
      else if (result !== element) {
        output ??= [...(value as readonly unknown[])]
        output[index] = result
      }
    }
    if (failed) return t.failures(errors)
    return t.success((output ?? value) as A)
  }
  // t.readonlyArray(item)'s name and encode (the identity when the item's encode is, so codecs
  // holding this one see that it encodes nothing), written out: calling it bundled io-ts's array
  // combinators, 0.2 kB gzip, into every app that decodes.
  type O = readonly t.OutputOf<C>[]
  const encode = (
    item.encode === t.identity
      ? t.identity
      : (array: A) => array.map((element) => item.encode(element) as t.OutputOf<C>)
  ) as (array: A) => O
  return chargesBudget(new t.Type(`ReadonlyArray<${item.name}>`, is, validate, encode))
}
