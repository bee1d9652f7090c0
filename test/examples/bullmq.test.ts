/**
 * The BullMQ example as it runs in production: two webhook servers and a worker, three
 * processes sharing one real Redis (test/support/redis-server.ts finds or starts it).
 */
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { Queue } from 'bullmq'
import { Redis } from 'ioredis'
import { createTestEvent, createTestRequest } from 'line-webhook/testing'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { useRedisServer, type RedisServer } from '../support/redis-server.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const channelSecret = 'bullmq example secret'
/** A queue of this run's own, so runs sharing a Redis never take each other's jobs. */
const queueName = `line-webhook-test-${randomUUID()}`

interface ExampleProcess {
  /** The first match of the pattern it was started with, e.g. the origin it listens on. */
  readonly ready: string
  /** Everything printed so far. */
  readonly output: () => string
  readonly stop: () => Promise<{ readonly code: number | null; readonly output: string }>
}

/**
 * Starts an example's script once it prints `ready`. As `node --import tsx`, not the `tsx`
 * command users type: that one relays SIGTERM to its child through a 30 ms window, which a
 * loaded machine can miss, turning a clean exit into 143.
 */
async function startExample(
  script: string,
  ready: RegExp,
  env: Readonly<Record<string, string>>,
): Promise<ExampleProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = once(child, 'exit')
  const matched = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const found = ready.exec(output)
      if (found !== null) resolve(found[1] ?? found[0])
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    void exited.then(() => {
      reject(new Error(`${script} exited before it was ready:\n${output}`))
    })
  })
  return {
    ready: matched,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM')
      const [code] = (await exited) as [number | null]
      return { code, output }
    },
  }
}

const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/

let redis: RedisServer | undefined
let servers: ExampleProcess[] = []
let worker: ExampleProcess | undefined

beforeAll(async () => {
  redis = await useRedisServer()
  const env = { REDIS_URL: redis.url, LINE_QUEUE: queueName, LINE_CHANNEL_SECRET: channelSecret }
  ;[worker, ...servers] = await Promise.all([
    startExample('examples/bullmq/worker.ts', /BullMQ worker ready/, env),
    startExample('examples/bullmq/server.ts', LISTENING, env),
    startExample('examples/bullmq/server.ts', LISTENING, env),
  ])
})

afterAll(async () => {
  await Promise.all([...servers.map((server) => server.stop()), worker?.stop()])
  if (redis !== undefined) {
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null })
    const queue = new Queue(queueName, { connection })
    await queue.obliterate({ force: true })
    await queue.close()
    await connection.quit()
    await redis.stop()
  }
})

function running() {
  const [a, b] = servers
  if (worker === undefined || a === undefined || b === undefined) throw new Error('not started')
  return { worker, a, b }
}

/** Posts a signed body with `events` to a server's /webhook; resolves with the status. */
async function send(
  server: ExampleProcess,
  events: Parameters<typeof createTestRequest>[0]['events'],
  secret = channelSecret,
): Promise<number> {
  const request = await createTestRequest({
    channelSecret: secret,
    events,
    url: `${server.ready}/webhook`,
  })
  return (await fetch(request)).status
}

/** Whether the webhook servers' dedup store holds a claim on `webhookEventId` (1) or not (0). */
async function claimsOf(webhookEventId: string): Promise<number> {
  const client = new Redis(redis?.url ?? '')
  try {
    return await client.exists(`line:seen:${webhookEventId}`)
  } finally {
    await client.quit()
  }
}

/** How many times the worker processed the event with `webhookEventId`. */
const timesProcessed = (output: string, webhookEventId: string) =>
  output.split('\n').filter((line) => line.startsWith(`processed ${webhookEventId}: `)).length

describe('the BullMQ example (examples/bullmq)', () => {
  it('queues a verified event on one server, and the worker process handles it', async () => {
    const { worker, a } = running()
    const event = createTestEvent('message', { message: { type: 'text', text: 'to the queue' } })
    expect(await send(a, [event])).toBe(200)
    await vi.waitFor(
      () => {
        expect(worker.output()).toContain(
          `processed ${event.webhookEventId}: message/text "to the queue" from user`,
        )
      },
      { timeout: 30_000, interval: 50 },
    )
  })

  it('skips a redelivery that reaches the other server: they share deduplication', async () => {
    const { worker, a, b } = running()
    const event = createTestEvent('follow')
    const redelivery = { ...event, deliveryContext: { isRedelivery: true } }
    const after = createTestEvent('postback', { postback: { data: 'after the redelivery' } })
    expect(await send(a, [event])).toBe(200)
    expect(await send(b, [redelivery])).toBe(200)
    expect(await send(b, [after])).toBe(200)
    // One worker takes jobs in the order they were queued: once `after` is processed, a queued
    // redelivery would have been too.
    await vi.waitFor(
      () => {
        expect(timesProcessed(worker.output(), after.webhookEventId)).toBe(1)
      },
      { timeout: 30_000, interval: 50 },
    )
    expect(timesProcessed(worker.output(), event.webhookEventId)).toBe(1)
    // Skipped by the claim both servers see, not only by BullMQ's jobId.
    expect(await claimsOf(event.webhookEventId)).toBe(1)
  })

  it('refuses a forged request, and queues nothing from it', async () => {
    const { worker, a } = running()
    const forged = createTestEvent('message', { message: { type: 'text', text: 'forged' } })
    const after = createTestEvent('unfollow')
    expect(await send(a, [forged], 'not the channel secret')).toBe(401)
    expect(await send(a, [after])).toBe(200)
    await vi.waitFor(
      () => {
        expect(timesProcessed(worker.output(), after.webhookEventId)).toBe(1)
      },
      { timeout: 30_000, interval: 50 },
    )
    expect(timesProcessed(worker.output(), forged.webhookEventId)).toBe(0)
    expect(await claimsOf(forged.webhookEventId)).toBe(0)
  })

  it('stops the servers and the worker cleanly on SIGTERM', async () => {
    const stopped = await Promise.all([...servers.map((server) => server.stop()), worker?.stop()])
    servers = []
    worker = undefined
    expect(stopped.map((process) => process?.code)).toEqual([0, 0, 0])
  })
})
