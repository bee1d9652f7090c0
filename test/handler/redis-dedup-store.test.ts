/**
 * createRedisDedupStore against a real redis-server (test/support/redis-server.ts finds or starts
 * one), through both clients it supports, and through createWebhookHandler.
 */
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { createClient } from 'redis'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  createRedisDedupStore,
  createWebhookHandler,
  type DedupStore,
  type IoRedisClient,
  type NodeRedisClient,
} from '../../src/index.js'
import { useRedisServer, type RedisServer } from '../support/redis-server.js'
import { bodyOf, channelSecret, signedRequest, textMessage } from './support.js'

let server: RedisServer | undefined
const connectNodeRedis = (url: string) => createClient({ url }).connect()

let nodeRedis: Awaited<ReturnType<typeof connectNodeRedis>> | undefined
let ioredis: Redis | undefined

beforeAll(async () => {
  server = await useRedisServer()
  nodeRedis = await connectNodeRedis(server.url)
  ioredis = new Redis(server.url)
})

afterAll(async () => {
  await nodeRedis?.close()
  await ioredis?.quit()
  await server?.stop()
})

function clients() {
  if (nodeRedis === undefined || ioredis === undefined) throw new Error('Redis did not start')
  return { nodeRedis, ioredis }
}

/** A key prefix no other test (or test run on the same server) uses. */
const freshPrefix = () => `line-webhook-test:${randomUUID()}:`

async function closedIoredis(url: string): Promise<IoRedisClient> {
  const client = new Redis(url)
  await client.quit()
  return client
}

/** A client of each kind, connected to the test server, and one whose connection is closed. */
const kinds = [
  {
    name: 'node-redis',
    client: (): NodeRedisClient => clients().nodeRedis,
    closed: async (url: string): Promise<NodeRedisClient> => {
      const client = await connectNodeRedis(url)
      await client.close()
      return client
    },
  },
  {
    name: 'ioredis',
    client: (): IoRedisClient => clients().ioredis,
    closed: closedIoredis,
  },
]

describe.each(kinds)('createRedisDedupStore with $name', ({ client, closed }) => {
  it('claims an ID once, under the prefix, for the TTL given', async () => {
    const keyPrefix = freshPrefix()
    const store = createRedisDedupStore({ client: client(), keyPrefix })
    expect(await store.claim('event-1', 60_000)).toBe(true)
    expect(await store.claim('event-1', 60_000)).toBe(false)
    expect(await store.claim('event-2', 60_000)).toBe(true)
    const ttl = await clients().ioredis.pttl(`${keyPrefix}event-1`)
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(60_000)
  })

  it('frees an ID once its TTL has passed', async () => {
    const keyPrefix = freshPrefix()
    const store = createRedisDedupStore({ client: client(), keyPrefix })
    expect(await store.claim('short', 1)).toBe(true)
    await vi.waitFor(async () => {
      expect(await clients().ioredis.exists(`${keyPrefix}short`)).toBe(0)
    })
    expect(await store.claim('short', 60_000)).toBe(true)
  })

  it('keys by line-webhook:dedup: by default', async () => {
    const id = randomUUID()
    expect(await createRedisDedupStore({ client: client() }).claim(id, 60_000)).toBe(true)
    expect(await clients().ioredis.get(`line-webhook:dedup:${id}`)).toBe('1')
  })

  it('rejects with the client error as cause once the connection is gone', async () => {
    const store = createRedisDedupStore({ client: await closed(server?.url ?? '') })
    const rejection = await Promise.resolve(store.claim('any', 1000)).catch(
      (error: unknown) => error,
    )
    expect(rejection).toBeInstanceOf(Error)
    expect(String(rejection)).toBe('Error: line-webhook: Redis failed to claim a webhookEventId.')
    expect((rejection as Error).cause).toBeInstanceOf(Error)
  })
})

describe('several handlers sharing one Redis', () => {
  it('handle an event once, whichever instance and client it reaches', async () => {
    const keyPrefix = freshPrefix()
    const handled: string[] = []
    const instance = (name: string, store: DedupStore) =>
      createWebhookHandler({
        channelSecret,
        dedup: { store },
        on: { message: () => void handled.push(name) },
      })
    const a = instance('a', createRedisDedupStore({ client: clients().nodeRedis, keyPrefix }))
    const b = instance('b', createRedisDedupStore({ client: clients().ioredis, keyPrefix }))
    const event = textMessage('once across instances')
    const redelivered = { ...event, deliveryContext: { isRedelivery: true } }
    expect((await a.fetch(await signedRequest(bodyOf([event])))).status).toBe(200)
    await a.drain()
    expect((await b.fetch(await signedRequest(bodyOf([redelivered])))).status).toBe(200)
    await b.drain()
    expect(handled).toEqual(['a'])
  })

  it('claim an ID sent to all of them at once exactly once', async () => {
    const keyPrefix = freshPrefix()
    const stores = [clients().nodeRedis, clients().ioredis].flatMap((client) =>
      Array.from({ length: 10 }, () => createRedisDedupStore({ client, keyPrefix })),
    )
    const claims = await Promise.all(
      stores.map((store) => Promise.resolve(store.claim('raced', 60_000))),
    )
    expect(claims.filter(Boolean)).toHaveLength(1)
  })
})

describe('when Redis fails, the handler', () => {
  it.each(['before-handlers', 'after-handlers'] as const)(
    'still answers 200 (respond: %s), handles the event, and tells onError',
    async (respond) => {
      const dead = await closedIoredis(server?.url ?? '')
      const onError = vi.fn()
      const message = vi.fn()
      const webhook = createWebhookHandler({
        channelSecret,
        respond,
        onError,
        dedup: { store: createRedisDedupStore({ client: dead }) },
        on: { message },
      })
      const event = textMessage('Redis is down')
      const response = await webhook.fetch(await signedRequest(bodyOf([event])))
      expect(response.status).toBe(200)
      await webhook.drain()
      expect(message).toHaveBeenCalledOnce()
      expect(onError).toHaveBeenCalledWith(
        expect.objectContaining({ cause: expect.any(Error) as unknown }),
        expect.objectContaining({ webhookEventId: event['webhookEventId'] }),
      )
    },
  )
})

describe('createRedisDedupStore, with clients that misbehave', () => {
  it('fails a claim that takes longer than timeoutMs', async () => {
    const store = createRedisDedupStore({
      client: { set: () => new Promise<never>(() => undefined) },
      timeoutMs: 5,
    })
    await expect(store.claim('slow', 1000)).rejects.toThrow(
      'line-webhook: Redis did not answer a dedup claim within 5 ms.',
    )
  })

  it('reads OK given as bytes', async () => {
    const ok = new TextEncoder().encode('OK')
    const store = createRedisDedupStore({ client: { set: () => Promise.resolve(ok) } })
    expect(await store.claim('bytes', 1000)).toBe(true)
  })

  it('rejects an unexpected reply, naming its type only', async () => {
    const store = createRedisDedupStore({ client: { set: () => Promise.resolve('QUEUED') } })
    await expect(store.claim('queued', 1000)).rejects.toThrow(
      'line-webhook: Redis answered SET … NX PX with string, not "OK" or null; is the client a node-redis or ioredis client?',
    )
  })

  it('rejects, never throws, when the client throws', async () => {
    const failure = new Error('synchronous')
    const store = createRedisDedupStore({
      client: {
        isOpen: false,
        set: () => {
          throw failure
        },
      },
    })
    const claim = store.claim('throws', 1000)
    await expect(claim).rejects.toMatchObject({ cause: failure })
  })

  it.each([
    [null, 'null'],
    [{}, 'object'],
    ['redis://localhost', 'string'],
  ])('throws a TypeError for a client %j', (client, kind) => {
    expect(() => createRedisDedupStore({ client: client as unknown as IoRedisClient })).toThrow(
      new TypeError(
        `line-webhook: createRedisDedupStore needs a node-redis or ioredis client as \`client\`, got ${kind} without a set method.`,
      ),
    )
  })

  it.each([0, -1, 1.5, Number.NaN])('throws a TypeError for timeoutMs %s', (timeoutMs) => {
    expect(() => createRedisDedupStore({ client: { set: vi.fn() }, timeoutMs })).toThrow(
      new TypeError(`line-webhook: timeoutMs must be a positive integer, got ${timeoutMs}.`),
    )
  })
})
