/**
 * The bodies verifySignature takes (../src/signature.ts): any Uint8Array, from this realm or
 * another, and no other typed array, which it names without showing.
 */
import { createHmac } from 'node:crypto'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { verifySignature } from '../src/index.js'

const channelSecret = 'body-secret'
const text = '{"destination":"U0","events":[]}'
const signature = createHmac('sha256', channelSecret).update(text).digest('base64')

describe('verifySignature, by body type', () => {
  it('takes a Uint8Array made in another realm (a vm context, a test runner)', async () => {
    const bytes = [...new TextEncoder().encode(text)]
    const body = runInNewContext('new Uint8Array(bytes)', { bytes }) as unknown
    expect(body instanceof Uint8Array).toBe(false)
    await expect(
      verifySignature({ channelSecret, body: body as Uint8Array, signature }),
    ).resolves.toBe(true)
  })

  it.each([
    ['Uint16Array', new Uint16Array(4)],
    ['DataView', new DataView(new ArrayBuffer(4))],
  ])('rejects a %s, naming its type but none of its bytes', async (name, body) => {
    // Whether misuse throws at once or rejects (issue of its own), it is this TypeError.
    const pending = Promise.resolve().then(() =>
      verifySignature({ channelSecret, body: body as never, signature }),
    )
    await expect(pending).rejects.toThrow(TypeError)
    await expect(pending).rejects.toThrow(`got a ${name}`)
  })
})
