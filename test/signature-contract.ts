import fc from 'fast-check'
import { assert, describe, expect, it } from 'vitest'
import type {
  SignatureMismatch,
  VerifySignatureParams,
  createSignature,
  decodeWebhookRequest,
  parseWebhookRequest,
  verifySignature,
} from '../src/index.js'

/** The four functions that check or make a signature, all built on one HMAC implementation. */
export interface SignatureApi {
  readonly createSignature: typeof createSignature
  readonly verifySignature: typeof verifySignature
  readonly decodeWebhookRequest: typeof decodeWebhookRequest
  readonly parseWebhookRequest: typeof parseWebhookRequest
}

const encoder = new TextEncoder()
const bytesOf = (body: string | Uint8Array): Uint8Array =>
  typeof body === 'string' ? encoder.encode(body) : body

/** Published by LINE's SDK test suites (test/fixtures/README.md). */
export const vectors = [
  {
    channelSecret: 'test_secret',
    body: '{"hello":"world"}',
    signature: 't7Hn4ZDHqs6e+wdvI5TyQIvzie0DmMUmuXEBqyyE/tM=',
  },
  {
    channelSecret: 'channel_secret',
    body: 'bodybodybodybody',
    signature: '/gg9a+LvFevTH1sd7XCQycD7tsWclCsInj7MhBHxN7k=',
  },
  {
    channelSecret: 'SECRET',
    body: '{}',
    signature: '3q8QXTAGaey18yL8FWTqdVlbMr6hcuNvM4tefa0o9nA=',
  },
] as const

const secret = fc.string({ minLength: 1, unit: 'grapheme' })
const body = fc.oneof(fc.string({ unit: 'binary' }), fc.uint8Array({ maxLength: 2048 }))
const nonEmptyBody = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1 }),
  fc.uint8Array({ minLength: 1, maxLength: 2048 }),
)

function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const copy = Uint8Array.from(bytes)
  const index = Math.floor(bit / 8) % copy.length
  copy[index] = (copy[index] ?? 0) ^ (1 << (bit % 8))
  return copy
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64')
}

/** The signature rule, on whichever HMAC implementation `api` was built with. */
/** Canonical padded base64 of exactly 32 bytes, by Node's own codec: what LINE sends. */
function isWellFormed(signature: string): boolean {
  const bytes = Buffer.from(signature, 'base64')
  return bytes.length === 32 && bytes.toString('base64') === signature
}

export function signatureContract(name: string, api: SignatureApi): void {
  const { createSignature, verifySignature, decodeWebhookRequest, parseWebhookRequest } = api

  /** Why decodeWebhookRequest refused `params`, which must not verify. */
  async function reasonOf(params: VerifySignatureParams): Promise<SignatureMismatch['reason']> {
    const result = await decodeWebhookRequest(params)
    assert(result._tag === 'Left' && result.left._tag === 'SignatureMismatch', 'a mismatch')
    return result.left.reason
  }

  describe(`signature contract (${name})`, () => {
    it.each(vectors)('creates and verifies the published vector for $channelSecret', async (v) => {
      expect(await createSignature({ channelSecret: v.channelSecret, body: v.body })).toBe(
        v.signature,
      )
      expect(await verifySignature(v)).toBe(true)
      expect(await verifySignature({ ...v, body: encoder.encode(v.body) })).toBe(true)
    })

    it('verifies the legacy conformance file over its exact bytes', async () => {
      const { readFile } = await import('node:fs/promises')
      const bytes = await readFile(
        new URL('fixtures/conformance/legacy/go-sdk-2016-receive.json', import.meta.url),
      )
      const signature = 'I/HaFldQXToodTZ9Kv7uXeRiAvhgBD7bTQMagscy8m0='
      expect(await verifySignature({ channelSecret: 'testsecret', body: bytes, signature })).toBe(
        true,
      )
      // The same JSON, parsed and re-serialised, is other bytes: it must not verify.
      const reserialised = JSON.stringify(JSON.parse(bytes.toString('utf8')))
      expect(
        await verifySignature({ channelSecret: 'testsecret', body: reserialised, signature }),
      ).toBe(false)
    })

    it('signs a string as its UTF-8 bytes, lone surrogates as U+FFFD like TextEncoder', async () => {
      await fc.assert(
        fc.asyncProperty(secret, fc.string({ unit: 'binary' }), async (channelSecret, text) => {
          const fromText = await createSignature({ channelSecret, body: text })
          const fromBytes = await createSignature({ channelSecret, body: encoder.encode(text) })
          expect(fromText).toBe(fromBytes)
        }),
      )
    })

    it('verifies the true signature', async () => {
      await fc.assert(
        fc.asyncProperty(secret, body, async (channelSecret, body) => {
          const signature = await createSignature({ channelSecret, body })
          expect(signature).toMatch(/^[A-Za-z0-9+/]{43}=$/)
          expect(await verifySignature({ channelSecret, body, signature })).toBe(true)
        }),
      )
    })

    it('rejects a body with any one bit changed', async () => {
      await fc.assert(
        fc.asyncProperty(secret, nonEmptyBody, fc.nat(), async (channelSecret, body, bit) => {
          const signature = await createSignature({ channelSecret, body })
          const changed = flipBit(bytesOf(body), bit)
          expect(await verifySignature({ channelSecret, body: changed, signature })).toBe(false)
        }),
      )
    })

    it('rejects a signature with any one bit of its MAC or its text changed', async () => {
      await fc.assert(
        fc.asyncProperty(
          secret,
          body,
          fc.nat(255),
          fc.nat(),
          async (channelSecret, body, macBit, textBit) => {
            const signature = await createSignature({ channelSecret, body })
            const mac = Buffer.from(signature, 'base64')
            const macChanged = base64(flipBit(mac, macBit))
            expect(await verifySignature({ channelSecret, body, signature: macChanged })).toBe(
              false,
            )
            const textChanged = new TextDecoder().decode(
              flipBit(encoder.encode(signature), textBit % 352),
            )
            expect(await verifySignature({ channelSecret, body, signature: textChanged })).toBe(
              false,
            )
          },
        ),
      )
    })

    it('rejects a secret with any one bit of one character changed', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.string({ minLength: 1, unit: 'grapheme-ascii' }),
          body,
          fc.nat(),
          fc.nat(6),
          async (channelSecret, body, at, bit) => {
            const index = at % channelSecret.length
            const changed =
              channelSecret.slice(0, index) +
              String.fromCharCode(channelSecret.charCodeAt(index) ^ (1 << bit)) +
              channelSecret.slice(index + 1)
            const signature = await createSignature({ channelSecret, body })
            expect(await verifySignature({ channelSecret: changed, body, signature })).toBe(false)
          },
        ),
      )
    })

    it('resolves false, never rejects, for any header string that is not the signature', async () => {
      const channelSecret = 'test_secret'
      const payload = '{"hello":"world"}'
      const truth = 't7Hn4ZDHqs6e+wdvI5TyQIvzie0DmMUmuXEBqyyE/tM='
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.string({ unit: 'binary' }),
            fc.base64String(),
            fc.string({
              minLength: 44,
              maxLength: 44,
              unit: fc.constantFrom(...'ABC+/=-_ \t'.split('')),
            }),
          ),
          async (signature) => {
            fc.pre(signature !== truth)
            await expect(
              verifySignature({ channelSecret, body: payload, signature }),
            ).resolves.toBe(false)
          },
        ),
      )
    })

    it.each([
      ['missing', undefined, 'missing'],
      ['null', null, 'missing'],
      ['empty', '', 'missing'],
      ['URL-safe alphabet', '_gg9a-LvFevTH1sd7XCQycD7tsWclCsInj7MhBHxN7k=', 'malformed'],
      ['without padding', '/gg9a+LvFevTH1sd7XCQycD7tsWclCsInj7MhBHxN7k', 'malformed'],
      [
        'with surrounding white space',
        ' /gg9a+LvFevTH1sd7XCQycD7tsWclCsInj7MhBHxN7k= ',
        'malformed',
      ],
      ['with a line break inside', '/gg9a+LvFevTH1sd7XCQycD7ts\nWclCsInj7MhBHxN7k=', 'malformed'],
      ['with non-zero trailing bits', '/gg9a+LvFevTH1sd7XCQycD7tsWclCsInj7MhBHxN7l=', 'malformed'],
      ['truncated to 31 bytes', '/gg9a+LvFevTH1sd7XCQycD7tsWclCsInj7MhBHxN', 'malformed'],
      ['of 31 bytes, padded', '/gg9a+LvFevTH1sd7XCQycD7tsWclCsInj7MhBHxN7==', 'malformed'],
      ['with junk appended', '/gg9a+LvFevTH1sd7XCQycD7tsWclCsInj7MhBHxN7k=!', 'malformed'],
      ['as hex', 'fe083d6be2ef15ebd31f5b1ded7090c9c0fbb6c59c942c089e3ecc8411f137b9', 'malformed'],
      ['of white space only', ' ', 'malformed'],
      ['repeated (an array)', ['/gg9a+LvFevTH1sd7XCQycD7tsWclCsInj7MhBHxN7k='], 'malformed'],
      ['a number', 42, 'malformed'],
      ["of another body's", vectors[0].signature, 'mismatch'],
      ['of 32 zero bytes', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', 'mismatch'],
    ])('resolves false for a signature %s, a mismatch %s', async (_, signature, reason) => {
      const params = { channelSecret: 'channel_secret', body: 'bodybodybodybody', signature }
      await expect(verifySignature(params as never)).resolves.toBe(false)
      expect(await reasonOf(params as never)).toBe(reason)
    })

    it('calls a header string malformed exactly when it is not canonical base64 of 32 bytes', async () => {
      const body = '{"destination":"U0","events":[]}'
      const truth = await createSignature({ channelSecret: 'test_secret', body })
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.string({ unit: 'binary', minLength: 1 }),
            fc.base64String({ minLength: 40, maxLength: 48 }),
            fc.uint8Array({ minLength: 32, maxLength: 32 }).map(base64),
            fc.string({
              minLength: 44,
              maxLength: 44,
              unit: fc.constantFrom(...'AQgw+/=-_ '.split('')),
            }),
          ),
          async (signature) => {
            fc.pre(signature !== truth)
            const params = { channelSecret: 'test_secret', body, signature }
            expect(await reasonOf(params)).toBe(isWellFormed(signature) ? 'mismatch' : 'malformed')
          },
        ),
      )
    })

    it('calls a well-formed signature of another secret or body a mismatch', async () => {
      await fc.assert(
        fc.asyncProperty(secret, nonEmptyBody, async (channelSecret, body) => {
          const signature = await createSignature({ channelSecret, body })
          const otherSecret = { channelSecret: [`${channelSecret}!`, `!${channelSecret}`], body }
          expect(await reasonOf({ ...otherSecret, signature })).toBe('mismatch')
          const otherBody = { channelSecret, body: flipBit(bytesOf(body), 0) }
          expect(await reasonOf({ ...otherBody, signature })).toBe('mismatch')
        }),
      )
    })

    it('accepts any one of several secrets while they rotate', async () => {
      const body = '{"destination":"U0","events":[]}'
      const signature = await createSignature({ channelSecret: 'old', body })
      expect(await verifySignature({ channelSecret: ['new', 'old'], body, signature })).toBe(true)
      expect(await verifySignature({ channelSecret: ['new', 'newer'], body, signature })).toBe(
        false,
      )
    })

    describe('misuse rejects with a TypeError that says how to fix it, and never throws', () => {
      const valid = { channelSecret: 'secret', body: '{}', signature: vectors[2].signature }
      const checkers = { verifySignature, decodeWebhookRequest, parseWebhookRequest }

      /** What `call()` settled with; it fails the test if the call threw instead. */
      async function rejectionOf(call: () => Promise<unknown>): Promise<unknown> {
        let pending: Promise<unknown> | undefined
        expect(() => (pending = call())).not.toThrow()
        assert(pending !== undefined)
        return pending.then(
          () => 'resolved',
          (error: unknown) => error,
        )
      }

      it.each([
        [
          'an empty secret',
          { channelSecret: '' },
          /channelSecret must be a non-empty string, got an empty string/,
        ],
        [
          'a missing secret',
          { channelSecret: undefined },
          /channelSecret must be a non-empty string, got undefined/,
        ],
        ['an empty secret list', { channelSecret: [] }, /channelSecret is an empty list/],
        ['an empty secret in the list', { channelSecret: ['ok', ''] }, /got an empty string/],
        [
          'a parsed JSON body',
          { body: { events: [] } },
          /got an object: read it before any JSON parser, e\.g\. express\.raw\(\{ type: \(\) => true \}\)\.$/,
        ],
        // Most often a raw-body parser that skipped the request: its `type` did not match.
        [
          'a missing body',
          { body: undefined },
          /got undefined: .*express\.raw\(\{ type: \(\) => true/,
        ],
        ['a null body', { body: null }, /got null: read it before any JSON parser/],
        [
          'a number body',
          { body: 42 },
          /must be the raw request body, a string or Uint8Array, got number/,
        ],
        [
          'an ArrayBuffer body',
          { body: new ArrayBuffer(2) },
          /got an object: wrap the ArrayBuffer, new Uint8Array\(body\)\.$/,
        ],
        // Unsigned or not: misuse is reported before the signature is looked at.
        ['a parsed JSON body, unsigned', { body: {}, signature: null }, /before any JSON parser/],
      ])('for %s', async (_, change, message) => {
        const params = { ...valid, ...change } as never
        for (const check of Object.values(checkers)) {
          const error = await rejectionOf(() => check(params))
          expect(error).toBeInstanceOf(TypeError)
          expect(error).toHaveProperty('message', expect.stringMatching(message))
        }
        const error = await rejectionOf(() => createSignature(params))
        expect(error).toBeInstanceOf(TypeError)
        if (!Array.isArray((change as { channelSecret?: unknown }).channelSecret)) {
          expect(error).toHaveProperty('message', expect.stringMatching(message))
        }
      })

      it('rejects, not throws, for params that are not an object at all', async () => {
        const calls: ((params: never) => Promise<unknown>)[] = [
          ...Object.values(checkers),
          createSignature,
        ]
        for (const call of calls) {
          expect(await rejectionOf(() => call(undefined as never))).toBeInstanceOf(TypeError)
        }
      })

      it('never repeats the secret or the body in the message', async () => {
        const body = { secretPayload: 'do-not-print' }
        const parsed = await rejectionOf(() => verifySignature({ ...valid, body } as never))
        expect(parsed).toHaveProperty('message', expect.not.stringContaining('do-not-print'))
        const listed = await rejectionOf(() =>
          verifySignature({ ...valid, channelSecret: ['s3cr3t-value', 7] } as never),
        )
        expect(listed).toHaveProperty('message', expect.not.stringContaining('s3cr3t-value'))
      })

      it('takes one secret, not a list, to sign with', async () => {
        await expect(
          createSignature({ channelSecret: ['a', 'b'], body: '{}' } as never),
        ).rejects.toThrow(/channelSecret must be a non-empty string, got an array/)
      })
    })
  })
}
