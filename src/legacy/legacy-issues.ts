import { isRecord } from '../internal/record.js'
import type { Issue } from '../issue.js'
import type { FieldOrigin, LegacyPath } from './adapt-legacy-result.js'

/*
 * The codecs report problems in the adapted event (`events[2].message.stickerId`); a failure
 * returned to the caller names the body they passed (`result[2].content.contentMetadata.STKID`).
 */

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/** A path the way issues write it, as in src/issue.ts. */
function formatPath(path: LegacyPath): string {
  let text = ''
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`
    else if (!IDENTIFIER.test(segment)) text += `[${JSON.stringify(segment)}]`
    else text += text === '' ? segment : `.${segment}`
  }
  return text
}

function valueAt(root: unknown, path: LegacyPath): unknown {
  let value = root
  for (const segment of path) {
    if (typeof segment === 'number') value = Array.isArray(value) ? value[segment] : undefined
    else value = isRecord(value) ? value[segment] : undefined
  }
  return value
}

/**
 * `issue`, found in the event adapted from `result` (entry `index`), as a problem of the legacy
 * body: at the field it came from, with the value that came. A field with no recorded origin
 * points at the closest one that has, or at the result.
 */
export function legacyIssue(
  issue: Issue,
  index: number,
  result: unknown,
  origins: readonly FieldOrigin[],
): Issue {
  const prefix = `events[${index}]`
  if (!issue.path.startsWith(prefix)) return issue
  const rest = issue.path.slice(prefix.length)
  let closest: FieldOrigin | undefined
  let closestLength = -1
  for (const origin of origins) {
    const field = origin.modern === '' ? '' : `.${origin.modern}`
    if (rest === field) {
      return {
        path: formatPath(['result', index, ...origin.legacy]),
        expected: origin.expected ?? issue.expected,
        actual: valueAt(result, origin.legacy),
      }
    }
    const next = rest.charAt(field.length)
    if (rest.startsWith(field) && (next === '.' || next === '[') && field.length > closestLength) {
      closest = origin
      closestLength = field.length
    }
  }
  return { ...issue, path: formatPath(['result', index, ...(closest?.legacy ?? [])]) }
}
