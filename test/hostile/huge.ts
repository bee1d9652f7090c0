/**
 * More invalid elements than the 123,000 that overflowed the stack through `push(...errors)`.
 * Its own module so that Stryker's runs can shorten it (test/mutation/huge.ts says why).
 */
export const HUGE = 250_000
