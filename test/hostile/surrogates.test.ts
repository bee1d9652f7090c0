import { describe, expect, it } from 'vitest'
import {
  createSignature,
  decodeWebhookRequest,
  parseWebhookRequest,
  verifySignature,
} from '../../src/index.js'
import { bytesOf } from '../../src/internal/utf8.js'

/*
 * A string body with a lone surrogate has no UTF-8 bytes: encoders write U+FFFD for it, so it
 * verified under the signature of its U+FFFD twin. verifySignature now verifies it under no
 * signature; decodeWebhookRequest checks it as its WTF-8 bytes and fails it as they fail.
 */

const channelSecret = 'surrogate-secret'
const lone = '{"destination":"U0\ud800","events":[]}'
const twin = '{"destination":"U0\ufffd","events":[]}'
/** The bytes `lone` stands for: U+D800 as ED A0 80, which no UTF-8 decoder accepts. */
const loneBytes = new Uint8Array([
  ...new TextEncoder().encode('{"destination":"U0'),
  0xed,
  0xa0,
  0x80,
  ...new TextEncoder().encode('","events":[]}'),
])

describe('a string body that is not well-formed UTF-16', () => {
  it('does not verify under the signature of its U+FFFD twin', async () => {
    const signature = await createSignature({ channelSecret, body: twin })
    expect(await verifySignature({ channelSecret, body: twin, signature })).toBe(true)
    expect(await verifySignature({ channelSecret, body: lone, signature })).toBe(false)
    const result = await decodeWebhookRequest({ channelSecret, body: lone, signature })
    expect(result).toStrictEqual({
      _tag: 'Left',
      left: { _tag: 'SignatureMismatch', reason: 'mismatch' },
    })
  })

  it('verifies under no signature, not even that of the bytes it stands for', async () => {
    const signature = await createSignature({ channelSecret, body: loneBytes })
    expect(await verifySignature({ channelSecret, body: loneBytes, signature })).toBe(true)
    expect(await verifySignature({ channelSecret, body: lone, signature })).toBe(false)
    const secrets = [channelSecret, 'other-secret']
    expect(await verifySignature({ channelSecret: secrets, body: lone, signature })).toBe(false)
  })

  it('still rejects misuse first', async () => {
    const params = { channelSecret: '', body: lone, signature: null }
    await expect(verifySignature(params)).rejects.toThrow(/channelSecret must be a non-empty/)
  })

  it('is signed as the bytes it stands for, and decodes as they do: MalformedJson, encoding', async () => {
    const signature = await createSignature({ channelSecret, body: lone })
    expect(signature).toBe(await createSignature({ channelSecret, body: loneBytes }))
    const malformed = { _tag: 'Left', left: { _tag: 'MalformedJson', reason: 'encoding' } }
    for (const body of [lone, loneBytes]) {
      expect(await decodeWebhookRequest({ channelSecret, body, signature })).toStrictEqual(
        malformed,
      )
      await expect(parseWebhookRequest({ channelSecret, body, signature })).rejects.toMatchObject({
        failure: malformed.left,
      })
    }
  })

  it.each([
    ['a lone high surrogate', 'x\ud83d'],
    ['a lone low surrogate', '\ude00x'],
    ['swapped halves', '\ude00\ud83d'],
  ])('%s fails as MalformedJson', async (_, inside) => {
    const body = `{"destination":"${inside}","events":[]}`
    const signature = await createSignature({ channelSecret, body })
    const result = await decodeWebhookRequest({ channelSecret, body, signature })
    expect(result).toStrictEqual({
      _tag: 'Left',
      left: { _tag: 'MalformedJson', reason: 'encoding' },
    })
  })
})

describe('bytesOf', () => {
  it('leaves a well-formed string to the HMAC, which encodes it as UTF-8', () => {
    const text = 'aé€😀'
    expect(bytesOf(text)).toBe(text)
  })

  it('writes every code point as UTF-8 and a lone surrogate as its three bytes', () => {
    const text = 'aé€😀'
    expect(bytesOf(`${text}\udfff`)).toStrictEqual(
      new Uint8Array([...new TextEncoder().encode(text), 0xed, 0xbf, 0xbf]),
    )
  })
})
