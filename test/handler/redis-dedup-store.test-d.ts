/** The real clients, and their clusters, are accepted as they are: no cast, no wrapper. */
import { Cluster, Redis } from 'ioredis'
import { createClient, createCluster } from 'redis'
import { describe, expectTypeOf, it } from 'vitest'
import { createRedisDedupStore, type DedupStore } from '../../src/index.js'

describe('createRedisDedupStore', () => {
  it('takes node-redis clients and clusters', () => {
    expectTypeOf(createRedisDedupStore({ client: createClient() })).toEqualTypeOf<DedupStore>()
    expectTypeOf(
      createRedisDedupStore({ client: createCluster({ rootNodes: [] }) }),
    ).toEqualTypeOf<DedupStore>()
  })

  it('takes ioredis clients and clusters', () => {
    expectTypeOf(createRedisDedupStore({ client: new Redis() })).toEqualTypeOf<DedupStore>()
    expectTypeOf(createRedisDedupStore({ client: new Cluster([]) })).toEqualTypeOf<DedupStore>()
  })

  it('refuses a client without SET … NX PX', () => {
    const numbers = { set: (_key: string, value: number) => Promise.resolve(value) }
    // @ts-expect-error a set that takes numbers, not SET's options
    createRedisDedupStore({ client: numbers })
    // @ts-expect-error a URL is not a client
    createRedisDedupStore({ client: 'redis://127.0.0.1:6379' })
  })
})
