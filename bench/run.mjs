/**
 * `npm run bench`: every benchmark case, one fresh process per payload, run one after another so
 * they never compete for the two cores; then the bundle sizes. Prints ratios, not verdicts on
 * absolute times, because only ratios measured side by side survive a noisy machine.
 */
import console from 'node:console'
import { cpus, loadavg } from 'node:os'
import process from 'node:process'
import { URL } from 'node:url'
import { BUNDLE_TARGETS, measureBundle } from './bundle-size.mjs'
import { runFresh } from './fresh-process.mjs'

/** Each case module serves its rows through serveFresh; the payload names come from payloads.mjs. */
const CASES = [
  {
    title: 'Signature check: line-webhook verifySignature vs @line/bot-sdk validateSignature',
    url: new URL('./signature.mjs', import.meta.url),
    payloads: ['text-600B', 'mixed-60KB'],
  },
  {
    title: 'Receiving a webhook: line-webhook decodeWebhookRequest vs not validating at all',
    url: new URL('./decode.mjs', import.meta.url),
    payloads: ['text-600B', 'mixed-60KB', 'mixed-1MB'],
  },
  {
    title:
      'Events that leave the fast path: one event in every 28 of a newer type, or broken, vs none',
    url: new URL('./fallbacks.mjs', import.meta.url),
    payloads: ['mixed-60KB-unknown', 'mixed-60KB-invalid'],
  },
]

/** Allocation, measured apart from time: bench/memory.mjs, one process per payload. */
const MEMORY = { url: new URL('./memory.mjs', import.meta.url), payloads: ['mixed-60KB'] }

const NOTES = [
  'ratio: candidate time / baseline time for each pair of back-to-back batches (lower is better),',
  'median and interquartile range over the kept pairs. Dropped pairs: "off-CPU" when either batch',
  'lost its core to another process, "moved" when the baseline batch left ±10% of its median.',
  'Async candidates are timed awaited, one call after another, as a request handler awaits them;',
  'the SDK is synchronous and timed as a plain call. Each payload runs in a fresh process.',
  'The Web Crypto rows are context: on Node each call hops to the libuv thread pool, so they swing',
  'with how busy the other core is.',
]

const formatNs = (ns) =>
  ns >= 1e6
    ? `${(ns / 1e6).toFixed(2)} ms`
    : ns >= 1e3
      ? `${(ns / 1e3).toFixed(2)} µs`
      : `${ns.toFixed(0)} ns`

const formatBytes = (bytes) => (bytes >= 1000 ? `${(bytes / 1000).toFixed(1)} kB` : `${bytes} B`)

function table(headers, rows) {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => row[column].length)),
  )
  const line = (cells) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ')
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)]
    .join('\n')
    .replace(/ +$/gm, '')
}

const started = Date.now()
const [cpu] = cpus()
console.log(
  `Node ${process.version}, ${cpu?.model ?? 'unknown CPU'} × ${cpus().length}, ` +
    `load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}\n`,
)

for (const { title, url, payloads } of CASES) {
  const rows = []
  for (const payload of payloads) {
    process.stderr.write(`running ${url.pathname.split('/').pop()} ${payload}...\n`)
    rows.push(...(await runFresh(url, [payload])))
  }
  console.log(`${title}\n`)
  console.log(
    table(
      [
        'payload',
        'candidate',
        'ratio',
        'IQR',
        'candidate/op',
        'baseline/op',
        'pairs kept/off-CPU/moved',
      ],
      rows.map((row) => [
        `${row.payload} (${formatBytes(row.bytes)}, ${row.events} event${row.events === 1 ? '' : 's'})`,
        row.candidate,
        `${row.ratio.toFixed(2)}x`,
        `${row.q1.toFixed(2)}–${row.q3.toFixed(2)}`,
        formatNs(row.candidateNs),
        formatNs(row.baselineNs),
        `${row.kept}/${row.offCpu}/${row.moved} × ${row.batch} ops`,
      ]),
    ),
  )
  console.log(`\nbaseline: ${[...new Set(rows.map((row) => row.baseline))].join(', ')}\n`)
}
console.log(NOTES.join('\n'))

const allocations = []
for (const payload of MEMORY.payloads) {
  process.stderr.write(`running memory.mjs ${payload}...\n`)
  allocations.push(...(await runFresh(MEMORY.url, [payload])))
}
console.log('\nBytes allocated per event received, kept or not (median of single calls)\n')
console.log(
  table(
    ['payload', 'candidate', 'per event', 'baseline per event', 'ratio'],
    allocations.map((row) => [
      `${row.payload} (${formatBytes(row.bytes)}, ${row.events} events)`,
      row.candidate,
      formatBytes(Math.round(row.candidateBytes / row.events)),
      formatBytes(Math.round(row.baselineBytes / row.events)),
      `${(row.candidateBytes / row.baselineBytes).toFixed(2)}x`,
    ]),
  ),
)
console.log(`\nbaseline: ${[...new Set(allocations.map((row) => row.baseline))].join(', ')}`)

const bundles = []
for (const target of BUNDLE_TARGETS) bundles.push(await measureBundle(target))
console.log('\nBundle size of an app importing only these (esbuild, browser, minified, gzip -9)\n')
console.log(
  table(
    ['imports', 'minified', 'gzip', 'target', ''],
    bundles.map((bundle) => [
      bundle.imports.join(', '),
      `${bundle.minBytes} B`,
      `${bundle.gzipBytes} B`,
      `<= ${bundle.limitKb} kB`,
      bundle.pass ? 'PASS' : 'OVER',
    ]),
  ),
)
console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s)`)
if (bundles.some((bundle) => !bundle.pass)) process.exitCode = 1
