/** A JSON object: not null, not an array. */
export type UnknownRecord = Readonly<Record<string, unknown>>

/** Whether `value` is a JSON object: not null, not an array. */
export function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
