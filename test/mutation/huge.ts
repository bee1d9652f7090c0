/**
 * The hostile arrays' length as Stryker's test runs see it (vitest.stryker.config.ts aliases
 * `./huge.js` here). At 250,000 elements the hostile tests take 19 of the unit tests' 21 seconds,
 * and they reach nearly every line of the decoders, so every surviving mutant would pay them. A
 * mutant cannot bring back the stack overflow they guard against (no mutator turns a loop into a
 * spread), and what they assert of the bounds (10 issues kept, the rest counted) holds from 21
 * elements: 2,000 keep every assertion meaningful.
 */
export const HUGE = 2_000
