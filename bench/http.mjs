/**
 * `npm run bench:http`: `webhook.node` from `createWebhookHandler` behind `node:http`, beside a bare
 * `node:http` handler that only checks the HMAC (timingSafeEqual) and runs `JSON.parse`, both
 * loaded by autocannon on 127.0.0.1.
 *
 * Fairness on a 2-core machine: each server runs alone in a child process of its own (one core),
 * autocannon in this process (the other). Runs alternate bare, handler / handler, bare round by
 * round, each on a fresh server warmed up first, and the report gives medians over the rounds.
 *
 * Every request carries a body never sent before: fresh `webhookEventId`s, so deduplication
 * claims each event and the handlers run for every one (the child counts them, and the bench
 * fails if any answered event went unhandled). The bodies stay signed: each run's signatures are
 * computed before it starts, and each body is rebuilt from its template by copying bytes, so the
 * load generator does no HMAC while measuring.
 *
 * Exits 1 if any answer is not 200 (or a request errs or times out); the 10 % target is reported,
 * not enforced, because a shared machine can move a ratio. Options: --rounds=3 --duration=10
 * --connections=100 --payload=<name> (default: every payload).
 */
import { Buffer } from 'node:buffer'
import { fork } from 'node:child_process'
import console from 'node:console'
import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'
import { cpus, loadavg } from 'node:os'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { createPayloadKit } from './payloads.mjs'

const CHANNEL_SECRET = 'c3f1b0a9e8d74c6b5a4f3e2d1c0b9a87'
const SIGNATURE_HEADER = 'x-line-signature'
const WARM_UP_SECONDS = 2
const TARGET_RATIO = 0.9

/** The bodies measured: LINE's most common request, and a busy group's batch. */
const PAYLOADS = {
  'one text message': () => createPayloadKit(11).textMessage(),
  '100 mixed events': () => {
    const body = createPayloadKit(12).mixedEvents(100_000)
    return { ...body, events: body.events.slice(0, 100) }
  },
}

const sign = (body) => createHmac('sha256', CHANNEL_SECRET).update(body).digest('base64')

// ---------------------------------------------------------------------------------------------
// The servers, each in a child process: `node bench/http.mjs --serve=bare|handler`
// ---------------------------------------------------------------------------------------------

/** The floor: what any correct endpoint must do, and nothing more. */
function bareListener(req, res) {
  const chunks = []
  req.on('data', (chunk) => chunks.push(chunk))
  req.on('end', () => {
    const body = Buffer.concat(chunks)
    const mac = createHmac('sha256', CHANNEL_SECRET).update(body).digest()
    const header = req.headers[SIGNATURE_HEADER]
    const signature = Buffer.from(typeof header === 'string' ? header : '', 'base64')
    let status = 200
    if (signature.length !== mac.length || !timingSafeEqual(signature, mac)) status = 401
    else {
      try {
        JSON.parse(body.toString())
      } catch {
        status = 400
      }
    }
    // The same answer as the handler's, byte for byte.
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
    res.end(status === 200 ? 'OK' : 'rejected')
  })
}

async function serve(kind) {
  let handled = 0
  let listener = bareListener
  let drain = async () => undefined
  if (kind === 'handler') {
    // Resolved as Node users get it: dist/node (npm run bench:http builds first).
    const { createWebhookHandler } = await import('line-webhook')
    const count = () => void handled++
    const webhook = createWebhookHandler({
      channelSecret: CHANNEL_SECRET,
      on: { message: count, follow: count, postback: count },
    })
    listener = webhook.node
    drain = webhook.drain
  }
  const server = createServer(listener)
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }))
  let cpuAtMark
  process.on('message', async (message) => {
    if (message === 'mark') {
      cpuAtMark = process.cpuUsage()
      process.send({ marked: true })
    } else if (message === 'stop') {
      server.close()
      server.closeAllConnections()
      await drain()
      const cpu = process.cpuUsage(cpuAtMark)
      process.send({ cpuMicros: cpu.user + cpu.system, handled }, () => process.disconnect())
    }
  })
}

// ---------------------------------------------------------------------------------------------
// The load generator and the report
// ---------------------------------------------------------------------------------------------

/**
 * A payload as a byte template whose events' `webhookEventId`s are overwritten per request, and
 * a counter that numbers the requests across the whole run, so no ID is ever sent twice.
 */
function bodyFactory(name) {
  const json = PAYLOADS[name]()
  const template = Buffer.from(JSON.stringify(json))
  const marker = Buffer.from('"webhookEventId":"')
  const offsets = []
  for (let at = template.indexOf(marker); at !== -1; at = template.indexOf(marker, at + 1)) {
    offsets.push(at + marker.length)
  }
  if (offsets.length !== json.events.length) throw new Error(`${name}: not one ID per event`)
  const ids = json.events.map((event) => event.webhookEventId)
  if (ids.some((id) => id.length !== 26)) throw new Error(`${name}: IDs are not 26 characters`)
  return {
    name,
    events: json.events.length,
    bytes: template.length,
    /** The `number`th body: the template with IDs no other body has. */
    body(number) {
      const body = Buffer.from(template)
      const prefix = `01J${number.toString(36).toUpperCase().padStart(17, '0')}`
      offsets.forEach((offset, event) => {
        body.write(
          `${prefix}${event.toString(36).toUpperCase().padStart(6, '0')}`,
          offset,
          'latin1',
        )
      })
      return body
    },
  }
}

let nextBody = 0

/** Signatures for the next `count` bodies, computed before the run that sends them. */
function signAhead(factory, count) {
  const first = nextBody
  const signatures = []
  for (let index = 0; index < count; index++) signatures.push(sign(factory.body(first + index)))
  return { first, signatures, signedDuringRun: 0 }
}

/** One autocannon run; each request takes the next body and its signature. */
async function load(port, factory, seconds, connections, pool) {
  const requests = [
    {
      method: 'POST',
      path: '/webhook',
      setupRequest: (request) => {
        const number = nextBody++
        const body = factory.body(number)
        let signature = pool.signatures[number - pool.first]
        // Only if the rate outran the estimate: still fresh, still signed, and counted.
        if (signature === undefined) {
          signature = sign(body)
          pool.signedDuringRun++
        }
        return {
          ...request,
          body,
          headers: {
            ...request.headers,
            'content-type': 'application/json; charset=utf-8',
            [SIGNATURE_HEADER]: signature,
          },
        }
      },
    },
  ]
  // Imported here, not at the top: the server children need none of it in their heaps.
  const { default: autocannon } = await import('autocannon')
  const run = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    requests,
  })
  // What went wrong, by error code, for the report.
  const errors = {}
  run.on('reqError', (error) => {
    const code = error.code ?? error.message
    errors[code] = (errors[code] ?? 0) + 1
  })
  return run.then((result) => ({ ...result, errorsByCode: errors }))
}

function startServer(kind) {
  const child = fork(fileURLToPath(import.meta.url), [`--serve=${kind}`], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  const next = () =>
    new Promise((resolve, reject) => {
      child.once('message', resolve)
      child.once('exit', (code) => reject(new Error(`the ${kind} server exited with ${code}`)))
    })
  return { child, next }
}

/** A fresh server of `kind`, warmed up, then measured for `seconds`. */
async function measure(kind, factory, { seconds, connections }) {
  const { child, next } = startServer(kind)
  const { port } = await next()
  const warm = await load(port, factory, WARM_UP_SECONDS, connections, signAhead(factory, 0))
  // Generous: a shared machine's rate swings between the warm-up and the run.
  const estimate = Math.ceil((warm['2xx'] / warm.duration) * seconds * 3) + 5000
  const pool = signAhead(factory, estimate)
  child.send('mark')
  await next()
  const result = await load(port, factory, seconds, connections, pool)
  child.send('stop')
  const { cpuMicros, handled } = await next()
  const answered = warm['2xx'] + result['2xx']
  const failures = [warm, result].reduce(
    // errors counts timeouts too.
    (sum, run) => sum + run.non2xx + run.errors,
    0,
  )
  return {
    kind,
    rps: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuPerRequest: cpuMicros / Math.max(1, result['2xx']),
    failures,
    statusCodes: { ...warm.statusCodeStats, ...result.statusCodeStats },
    errorsByCode: { ...warm.errorsByCode, ...result.errorsByCode },
    // The bare server runs no handlers; the handler must have run one per answered event.
    unhandled: kind === 'handler' ? Math.max(0, answered * factory.events - handled) : 0,
    signedDuringRun: pool.signedDuringRun,
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

const load3 = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')

function options(argv) {
  const value = (name, fallback) => {
    const found = argv.find((arg) => arg.startsWith(`--${name}=`))
    return found === undefined ? fallback : found.slice(name.length + 3)
  }
  const payload = value('payload', undefined)
  if (payload !== undefined && !(payload in PAYLOADS)) {
    throw new Error(`--payload must be one of: ${Object.keys(PAYLOADS).join(', ')}`)
  }
  return {
    rounds: Number(value('rounds', '3')),
    seconds: Number(value('duration', '10')),
    connections: Number(value('connections', '100')),
    payloads: payload === undefined ? Object.keys(PAYLOADS) : [payload],
  }
}

async function main(argv) {
  const settings = options(argv)
  console.log(
    `bench:http: ${settings.connections} connections, ${settings.seconds} s per run after ` +
      `${WARM_UP_SECONDS} s of warm-up, ${settings.rounds} rounds, servers in child processes`,
  )
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, ` +
      `load average ${load3()} at the start`,
  )
  let failed = false
  for (const name of settings.payloads) {
    const factory = bodyFactory(name)
    console.log(`\n${name}: ${factory.bytes} B, ${factory.events} events per body`)
    const runs = { bare: [], handler: [] }
    const roundRatios = []
    for (let round = 0; round < settings.rounds; round++) {
      // Alternate which goes first, so drift within a round favours neither.
      const order = round % 2 === 0 ? ['bare', 'handler'] : ['handler', 'bare']
      const results = {}
      for (const kind of order) {
        const run = await measure(kind, factory, settings)
        results[kind] = run
        runs[kind].push(run)
        const notes = []
        if (run.failures > 0) {
          notes.push(
            `${run.failures} NOT 200: ${JSON.stringify({ ...run.statusCodes, ...run.errorsByCode })}`,
          )
        }
        if (run.unhandled > 0) notes.push(`${run.unhandled} answered events NOT HANDLED`)
        if (run.signedDuringRun > 0) notes.push(`${run.signedDuringRun} signed during the run`)
        failed ||= run.failures > 0 || run.unhandled > 0
        console.log(
          `  round ${round + 1} ${kind.padEnd(7)} ${run.rps.toFixed(0).padStart(6)} req/s  ` +
            `p50 ${run.p50} ms  p99 ${run.p99} ms  server CPU ${run.cpuPerRequest.toFixed(0)} µs/req` +
            `  load ${load3()}${notes.length > 0 ? `  ${notes.join('; ')}` : ''}`,
        )
      }
      roundRatios.push(results.handler.rps / results.bare.rps)
    }
    const bare = median(runs.bare.map((run) => run.rps))
    const handler = median(runs.handler.map((run) => run.rps))
    const ratio = median(roundRatios)
    const cpuRatio =
      median(runs.handler.map((run) => run.cpuPerRequest)) /
      median(runs.bare.map((run) => run.cpuPerRequest))
    console.log(
      `  median: bare ${bare.toFixed(0)} req/s, webhook.node ${handler.toFixed(0)} req/s; ` +
        `handler / bare ${ratio.toFixed(2)} (per-round ratios ${roundRatios.map((r) => r.toFixed(2)).join(', ')}); ` +
        `server CPU per request ${cpuRatio.toFixed(2)}x; ` +
        `${ratio >= TARGET_RATIO ? 'within' : 'OUTSIDE'} the 10 % target`,
    )
  }
  console.log(`\nload average ${load3()} at the end`)
  if (failed) {
    console.log('FAILED: some requests were not answered 200, or their events not handled.')
    process.exitCode = 1
  }
}

const serveArg = process.argv.find((arg) => arg.startsWith('--serve='))
if (serveArg !== undefined) await serve(serveArg.slice('--serve='.length))
else await main(process.argv.slice(2))
