/**
 * Paired-batch measurement: a candidate against a baseline, side by side in one process.
 *
 * Absolute times on a shared machine drift with load and CPU frequency; a ratio of two batches run
 * back to back mostly does not. So: warm both up, then run short batches A B, B A, A B, ... (the
 * order alternates so drift within a pair favours neither side), take each pair's time ratio, drop
 * the pairs in which the machine moved, and report the median ratio with its interquartile range.
 *
 * A pair is dropped when either batch was descheduled (its wall time exceeds the process's CPU
 * time: another process had the core), or when the baseline batch ran outside a band around its
 * median (slowed some other way: caches, frequency). The first test is needed on a loaded machine:
 * the band alone keeps every pair whose candidate batch was descheduled and drops every pair whose
 * baseline was, which inflates the ratio as soon as preemption is common.
 *
 * Batches are short (about half a millisecond) so that few of them are hit at all, and the median
 * passes over the few instead of averaging them in; but at least `minOps` operations long. A batch
 * of one or two operations of a large body either holds a garbage collection or not, and the band
 * then keeps the candidate's collections and drops the baseline's: the floor timed against itself
 * read 1.05x to 1.12x at 60 KB with one operation per batch.
 */
import process from 'node:process'

const now = () => process.hrtime.bigint()

// Each side gets its own compiled loop: one shared loop would see both functions at its call
// site, turn polymorphic, and charge that cost to whichever side the optimiser liked less.
const AsyncFunction = (async () => undefined).constructor
const LOOP = `
  let hits = 0
  const start = now()
  for (let index = 0; index < n; index++) if (%AWAIT% run()) hits++
  return [Number(now() - start), hits]
`

/** A function timing `n` calls of `side.run`: wall ns, and ns the process spent on a CPU. */
function compileLoop(side) {
  const Compile = side.async ? AsyncFunction : Function
  const loop = new Compile('run', 'n', 'now', LOOP.replace('%AWAIT%', side.async ? 'await' : ''))
  return async (n) => {
    const cpuBefore = process.cpuUsage()
    // Both shapes resolve to [wall ns, hits]; the await lies outside the timed loop.
    const [wall, hits] = await loop(side.run, n, now)
    const cpu = process.cpuUsage(cpuBefore)
    if (hits !== n) {
      throw new Error(`${side.name} returned a falsy result ${n - hits} times of ${n}`)
    }
    return { wall, cpu: (cpu.user + cpu.system) * 1000 }
  }
}

function quantile(sorted, q) {
  const position = (sorted.length - 1) * q
  const low = Math.floor(position)
  const high = Math.ceil(position)
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low)
}

const median = (values) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  )

/**
 * @typedef {object} Side
 * @property {string} name  what the table calls it
 * @property {() => unknown} run  one operation; must return something truthy (checked every call)
 * @property {boolean} [async]  await each call: the loop then measures the function as awaited
 *
 * @typedef {object} PairedResult
 * @property {number} ratio  median of per-pair ratios candidate / baseline
 * @property {number} q1  first quartile of the kept ratios
 * @property {number} q3  third quartile of the kept ratios
 * @property {number} kept  pairs used
 * @property {number} offCpu  pairs dropped because a batch was descheduled
 * @property {number} moved  pairs dropped because the baseline batch left the band
 * @property {number} batch  operations per batch, the same on both sides
 * @property {number} candidateNs  median ns/op of the candidate over kept pairs
 * @property {number} baselineNs  median ns/op of the baseline over kept pairs
 */

/**
 * @param {object} options
 * @param {Side} options.candidate
 * @param {Side} options.baseline
 * @param {number} [options.batchMs]  target wall time of one baseline batch
 * @param {number} [options.minOps]  fewest operations in a batch, however long they take
 * @param {number} [options.warmupMs]
 * @param {number} [options.budgetMs]  stop taking pairs after this long...
 * @param {number} [options.minPairs]  ...but not before this many
 * @param {number} [options.maxPairs]
 * @param {number} [options.band]  keep pairs whose baseline batch is within median × (1 ± band)
 * @param {number} [options.offCpu]  drop a pair when a batch's wall time exceeds its CPU time by
 *   more than this fraction
 * @returns {Promise<PairedResult>}
 */
export async function measurePaired({
  candidate,
  baseline,
  batchMs = 0.5,
  minOps = 16,
  warmupMs = 1000,
  budgetMs = 8000,
  minPairs = 40,
  maxPairs = 50_000,
  band = 0.1,
  offCpu = 0.05,
}) {
  const runCandidate = compileLoop(candidate)
  const runBaseline = compileLoop(baseline)
  const batchNs = batchMs * 1e6

  // Warm-up doubles the batch until a baseline batch is long enough to time, so both loops and
  // both functions are optimised before anything counts. The batch size then comes from the
  // median of the last warm-up batches: a single one may have been the one the machine slowed.
  let n = 1
  let samples = []
  const warmupEnd = now() + BigInt(warmupMs * 1e6)
  while (samples.length < 9 || now() < warmupEnd) {
    const { wall } = await runBaseline(n)
    await runCandidate(n)
    if (wall < batchNs / 2) {
      n *= 2
      samples = []
    } else {
      samples.push(wall)
    }
  }
  const batch = Math.max(minOps, Math.round((n * batchNs) / median(samples.slice(-9))))
  globalThis.gc?.() // start clean, so garbage from warm-up is not collected inside a batch

  const pairs = []
  const end = now() + BigInt(budgetMs * 1e6)
  while (pairs.length < maxPairs && (pairs.length < minPairs || now() < end)) {
    let a, b
    if (pairs.length % 2 === 0) {
      a = await runCandidate(batch)
      b = await runBaseline(batch)
    } else {
      b = await runBaseline(batch)
      a = await runCandidate(batch)
    }
    pairs.push({ a, b })
  }

  const descheduled = ({ wall, cpu }) => wall > cpu * (1 + offCpu)
  const onCpu = pairs.filter((pair) => !descheduled(pair.a) && !descheduled(pair.b))
  const baselineMedian = median(onCpu.map((pair) => pair.b.wall))
  const kept = onCpu.filter((pair) => Math.abs(pair.b.wall / baselineMedian - 1) <= band)
  if (kept.length === 0) throw new Error('every pair was disturbed; the machine is too busy')
  const ratios = kept.map((pair) => pair.a.wall / pair.b.wall).sort((x, y) => x - y)
  return {
    ratio: quantile(ratios, 0.5),
    q1: quantile(ratios, 0.25),
    q3: quantile(ratios, 0.75),
    kept: kept.length,
    offCpu: pairs.length - onCpu.length,
    moved: onCpu.length - kept.length,
    batch,
    candidateNs: median(kept.map((pair) => pair.a.wall)) / batch,
    baselineNs: median(kept.map((pair) => pair.b.wall)) / batch,
  }
}

/**
 * One table row per candidate, each measured against the same baseline on one payload.
 * @param {object} options
 * @param {{ name: string, body: Uint8Array, events: number }} options.payload
 * @param {Side} options.baseline
 * @param {(Side & { budgetMs?: number })[]} options.candidates
 */
export async function measureRows({ payload, baseline, candidates }) {
  const rows = []
  for (const candidate of candidates) {
    const result = await measurePaired({ candidate, baseline, budgetMs: candidate.budgetMs })
    rows.push({
      payload: payload.name,
      bytes: payload.body.length,
      events: payload.events,
      candidate: candidate.name,
      baseline: baseline.name,
      ...result,
    })
  }
  return rows
}
