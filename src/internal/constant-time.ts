/**
 * Whether two strings of the same known length are equal, in time that depends on that length
 * only: every character is compared, and no branch depends on where they differ.
 */
export function equalInConstantTime(actual: string, expected: string): boolean {
  if (actual.length !== expected.length) return false
  let difference = 0
  for (let index = 0; index < expected.length; index++) {
    difference |= actual.charCodeAt(index) ^ expected.charCodeAt(index)
  }
  return difference === 0
}
