/**
 * fast-check as Stryker's test runs see it (vitest.stryker.config.ts aliases `fast-check` here):
 * every property runs a tenth of its runs, at least 10. Each of ~1,600 mutants reruns the tests
 * that cover it, and the property tests cover nearly every line; at full length a run would take
 * hours on a shared machine. The example-based tests still run in full.
 */
// The real module by its file: the bare name is aliased to this very file.
import * as real from '../../node_modules/fast-check/lib/fast-check.js'

export * from '../../node_modules/fast-check/lib/fast-check.js'

const FACTOR = 0.1

function shortened<P>(parameters: P): P {
  const given = (parameters as { numRuns?: number } | undefined)?.numRuns ?? 100
  return { ...parameters, numRuns: Math.max(10, Math.ceil(given * FACTOR)) }
}

export const assert: typeof real.assert = ((property: never, parameters?: never) =>
  // fc.assert returns nothing for a sync property and a promise for an async one: pass it on.
  // eslint-disable-next-line @typescript-eslint/no-confusing-void-expression
  real.assert(property, shortened(parameters))) as typeof real.assert

export default { ...real.default, assert }
