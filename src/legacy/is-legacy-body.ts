import { isRecord } from '../internal/record.js'

/**
 * Whether `value` is a body of the 2016 format rather than of today's: it has `result` and no
 * `events`. A body with both is read as today's, so its events are never dropped unseen.
 */
export function isLegacyBody(value: unknown): boolean {
  return isRecord(value) && value['result'] !== undefined && value['events'] === undefined
}
