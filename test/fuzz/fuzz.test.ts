/**
 * A short fuzzing run of every entry point of both builds, so `npm test` holds what
 * `npm run fuzz` (100,000 inputs per entry point) proves at length. A failure prints the counts,
 * examples and the seed; `npm run fuzz -- 1000 <seed> <entry point>` replays it.
 */
import { describe, expect, it } from 'vitest'
import { loadBuilds } from './builds.js'
import { ENTRY_POINTS, findingsOf, formatTallies, fuzz } from './fuzz.js'

const RUNS = 1_000

describe('every entry point of both builds, over 1,000 fuzzed inputs each', () => {
  it.each(ENTRY_POINTS.map(({ name }) => name))(
    '%s: never throws, always an Either, no type lie, no prototype change',
    async (name) => {
      const { seed, tallies } = await fuzz(await loadBuilds(), { runs: RUNS, only: [name] })
      expect(tallies.map(({ build, runs }) => [build, runs])).toStrictEqual([
        ['node', RUNS],
        ['web', RUNS],
      ])
      expect(findingsOf(tallies), `seed ${seed}\n${formatTallies(tallies)}`).toBe(0)
    },
  )
})
