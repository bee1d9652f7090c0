import { isRecord } from '../../src/internal/record.js'

/**
 * Every fallback (`UnknownX`, `InvalidEvent`) in a decoded value, by path. LINE's JSON has no
 * `_tag`, so anything carrying one was made by the decoder; what a fallback keeps in `raw` is
 * not looked into.
 */
export function fallbacksIn(value: unknown, path = ''): Record<string, string> {
  if (Array.isArray(value)) {
    return Object.assign(
      {},
      ...value.map((item: unknown, index) => fallbacksIn(item, `${path}[${index}]`)),
    ) as Record<string, string>
  }
  if (!isRecord(value)) return {}
  const tag = value['_tag']
  if (typeof tag === 'string') return { [path]: tag }
  const found: Record<string, string> = {}
  for (const [key, property] of Object.entries(value)) {
    Object.assign(found, fallbacksIn(property, path === '' ? key : `${path}.${key}`))
  }
  return found
}
