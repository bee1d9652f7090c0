/**
 * Bytes allocated per decoded event: decodeWebhookRequest against the floor (HMAC + JSON.parse,
 * validating nothing), on one payload per process: `node --expose-gc bench/memory.mjs mixed-60KB`.
 *
 * Each operation runs alone between two readings of the heap, after a full collection; a sample
 * during which the collector ran anyway (v8.GCProfiler saw it) is dropped, since it freed some of
 * what the operation allocated. What is left is what the operation allocated, kept or not.
 */
import { Buffer } from 'node:buffer'
import { createHmac, timingSafeEqual } from 'node:crypto'
import process from 'node:process'
import v8 from 'node:v8'
import { decodeWebhookRequest } from 'line-webhook' // dist/node
import { serveFresh } from './fresh-process.mjs'
import { buildPayload } from './payloads.mjs'

const channelSecret = 'c3f1b0a9e8d74c6b5a4f3e2d1c0b9a87'
const SAMPLES = 60

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** The median bytes one awaited call of `run` allocates, over samples no collection touched. */
async function allocatedBy(run) {
  if (globalThis.gc === undefined) throw new Error('run with node --expose-gc')
  for (let index = 0; index < 200; index++) await run() // optimised before it counts
  const samples = []
  for (let attempt = 0; samples.length < SAMPLES && attempt < SAMPLES * 4; attempt++) {
    globalThis.gc()
    const profiler = new v8.GCProfiler()
    profiler.start()
    const before = process.memoryUsage().heapUsed
    const kept = await run()
    const after = process.memoryUsage().heapUsed
    const { statistics } = profiler.stop()
    if (!kept) throw new Error('the operation failed')
    if (statistics.length === 0) samples.push(after - before)
  }
  if (samples.length < SAMPLES / 2) throw new Error('the collector ran during most samples')
  return median(samples)
}

async function main([payloadName = 'mixed-60KB']) {
  const { body, events } = buildPayload(payloadName)
  const signature = createHmac('sha256', channelSecret).update(body).digest('base64')
  const floor = async () => {
    const mac = createHmac('sha256', channelSecret).update(body).digest()
    const expected = Buffer.from(signature, 'base64')
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return false
    return JSON.parse(body.toString())
  }
  const receive = async () =>
    (await decodeWebhookRequest({ channelSecret, body, signature }))._tag === 'Right'
  // The readings themselves allocate: what an empty operation shows is taken off both.
  const reading = await allocatedBy(async () => true)
  const floorBytes = (await allocatedBy(floor)) - reading
  const candidateBytes = (await allocatedBy(receive)) - reading
  return [
    {
      payload: payloadName,
      bytes: body.length,
      events,
      candidate: 'decodeWebhookRequest (dist/node, awaited)',
      baseline: 'floor: node:crypto HMAC + JSON.parse(buffer.toString())',
      candidateBytes,
      baselineBytes: floorBytes,
    },
  ]
}

await serveFresh(import.meta.url, main)
