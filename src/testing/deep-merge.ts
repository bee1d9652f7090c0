import { isRecord, type UnknownRecord } from '../internal/record.js'

/** Makers of a default value by its `type`, for the properties of a tagged union. */
export type VariantDefaults = Readonly<Record<string, () => UnknownRecord>>

/**
 * `base` with `overrides` merged in: objects merge key by key, anything else (arrays included)
 * replaces, and `undefined` removes the key. Where `variants` has makers for a key and the
 * override names another `type` than the base's, the merge starts from that type's default, so
 * `{ message: { type: 'image' } }` makes a whole image message, not a text message typed image.
 * Keys are copied as data (`Object.fromEntries`), so `__proto__` stays an ordinary key.
 */
export function deepMerge(
  base: UnknownRecord,
  overrides: UnknownRecord,
  variants: Readonly<Record<string, VariantDefaults>> = {},
): UnknownRecord {
  const merged = new Map<string, unknown>(Object.entries(base))
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) {
      merged.delete(key)
      continue
    }
    if (!isRecord(value)) {
      merged.set(key, value)
      continue
    }
    const current = merged.get(key)
    const start = startOf(isRecord(current) ? current : {}, value['type'], variants[key])
    merged.set(key, deepMerge(start, value))
  }
  return Object.fromEntries(merged)
}

/** What an override of `type` merges into: nothing for a type with no default. */
function startOf(
  current: UnknownRecord,
  type: unknown,
  defaults: VariantDefaults | undefined,
): UnknownRecord {
  if (defaults === undefined || type === undefined || current['type'] === type) return current
  const make =
    typeof type === 'string' && Object.hasOwn(defaults, type) ? defaults[type] : undefined
  return make?.() ?? {}
}
