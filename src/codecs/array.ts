import * as t from 'io-ts'

/**
 * True when every index of `value` holds an `isItem`, holes included: `Array.prototype.every`
 * skips the holes of a sparse array, which would let `is` pass what `decode` rejects.
 */
export function everyIndex(value: readonly unknown[], isItem: (item: unknown) => boolean): boolean {
  // for-of visits every index, holes as undefined.
  for (const item of value) if (!isItem(item)) return false
  return true
}

/** io-ts's `readonlyArray`, with an `is` that checks every index, holes included. */
export function readonlyArray<C extends t.Mixed>(
  item: C,
): t.Type<readonly t.TypeOf<C>[], readonly t.OutputOf<C>[]> {
  const array = t.readonlyArray(item)
  const is = (value: unknown): value is readonly t.TypeOf<C>[] =>
    Array.isArray(value) && everyIndex(value, (element) => item.is(element))
  return new t.Type(array.name, is, array.validate, array.encode)
}
