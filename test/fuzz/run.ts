/**
 * `npm run fuzz [-- <inputs per entry point> [seed] [entry point filter...]]`: builds, then fuzzes
 * every entry point of both builds (./fuzz.ts says what it counts), prints the counts per entry
 * point and build with examples, and exits 1 on any finding; a line as each entry point ends says
 * how long the run has taken and the memory then. 100,000 inputs per entry point by default;
 * `npm test` runs a short version (./fuzz.test.ts).
 */
import { loadBuilds } from './builds.js'
import { ENTRY_POINTS, findingsOf, formatTallies, fuzz, type Tally } from './fuzz.js'

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
const seed =
  seedArgument === undefined || seedArgument === '-'
    ? Date.now() ^ (Math.random() * 0x100000000)
    : Number(seedArgument)

// One entry point at a time, each with the same seed (so the inputs are those of a run of all of
// them at once): a long run reports each as it ends, and its memory, rather than nothing for an hour.
const builds = await loadBuilds()
const started = performance.now()
const tallies: Tally[] = []
for (const [index, name] of names.entries()) {
  const result = await fuzz(builds, { runs, seed, only: [name] })
  tallies.push(...result.tallies)
  const { heapUsed, rss } = process.memoryUsage()
  console.log(
    `[${index + 1}/${names.length}] ${name}: ${findingsOf(result.tallies)} finding(s), ${secondsSince(started)} s so far, heap ${megabytes(heapUsed)} MB, rss ${megabytes(rss)} MB`,
  )
}
console.log(`\n${formatTallies(tallies)}`)
const findings = findingsOf(tallies)
console.log(
  `\n${findings} finding(s) over ${runs} inputs per entry point, seed ${seed}, in ${secondsSince(started)} s`,
)
process.exitCode = findings === 0 ? 0 : 1

function secondsSince(start: number): string {
  return ((performance.now() - start) / 1000).toFixed(1)
}

function megabytes(bytes: number): string {
  return (bytes / 2 ** 20).toFixed(0)
}
