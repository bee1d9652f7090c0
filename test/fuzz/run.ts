/**
 * `npm run fuzz [-- <inputs per entry point> [seed] [entry point filter...]]`: builds, then fuzzes
 * every entry point of both builds (./fuzz.ts says what it counts), prints the counts per entry
 * point and build with examples, and exits 1 on any finding. 100,000 inputs per entry point by
 * default; `npm test` runs a short version (./fuzz.test.ts).
 */
import { loadBuilds } from './builds.js'
import { ENTRY_POINTS, findingsOf, formatTallies, fuzz } from './fuzz.js'

const [runsArgument = '100000', seedArgument, ...only] = process.argv.slice(2)
const runs = Number(runsArgument.replaceAll('_', ''))
if (!Number.isSafeInteger(runs) || runs < 1) {
  console.error(`usage: npm run fuzz -- [inputs per entry point] [seed] [entry point filter...]`)
  process.exit(2)
}
const filters = only.map((filter) => filter.toLowerCase()).filter((filter) => filter !== '')
const names = ENTRY_POINTS.map(({ name }) => name).filter(
  (name) => filters.length === 0 || filters.some((filter) => name.toLowerCase().includes(filter)),
)
const seed = seedArgument === undefined || seedArgument === '-' ? undefined : Number(seedArgument)

const started = performance.now()
const result = await fuzz(await loadBuilds(), {
  runs,
  ...(seed === undefined ? {} : { seed }),
  only: names,
})
const seconds = ((performance.now() - started) / 1000).toFixed(1)
console.log(formatTallies(result.tallies))
const findings = findingsOf(result.tallies)
console.log(
  `\n${findings} finding(s) over ${runs} inputs per entry point, seed ${result.seed}, in ${seconds} s`,
)
process.exitCode = findings === 0 ? 0 : 1
