import { describe, expect, it } from 'vitest'
import {
  diagnoseSignature,
  type SignatureDiagnosis,
  type SignatureFindingCode,
} from '../src/diagnose-signature.js'
import { createSignature } from '../src/signature.js'
import { escapeNonAscii } from '../src/internal/escape-non-ascii.js'

const channelSecret = '8c570fa6dd201bb328f1c1eac23a96d8'
const otherSecret = '0123456789abcdef0123456789abcdef'
/** A body as LINE sends it: compact, non-ASCII escaped. */
const sent = escapeNonAscii(
  JSON.stringify({
    destination: 'U0123456789abcdef0123456789abcdef',
    events: [{ type: 'message', message: { type: 'text', text: 'こんにちは 😀' } }],
  }),
)
const sign = (body: string | Uint8Array, secret = channelSecret) =>
  createSignature({ channelSecret: secret, body })

const codes = (diagnosis: SignatureDiagnosis): SignatureFindingCode[] =>
  diagnosis.findings.map((finding) => finding.code)

/** No message may quote a secret, the signature or the body. */
function expectNoSecrets(diagnosis: SignatureDiagnosis, ...secrets: string[]): void {
  for (const { message } of diagnosis.findings) {
    for (const secret of secrets) expect(message).not.toContain(secret)
    expect(message).not.toContain('こんにちは')
    expect(message).not.toContain('destination')
  }
}

describe('diagnoseSignature', () => {
  it('verifies a good signature with no findings', async () => {
    const signature = await sign(sent)
    expect(await diagnoseSignature({ channelSecret, body: sent, signature })).toEqual({
      verified: true,
      findings: [],
    })
    const bytes = new TextEncoder().encode(sent)
    expect((await diagnoseSignature({ channelSecret, body: bytes, signature })).verified).toBe(true)
  })

  it.each([undefined, null, ''])('reports a missing signature (%s)', async (signature) => {
    const diagnosis = await diagnoseSignature({ channelSecret, body: sent, signature })
    expect(diagnosis.verified).toBe(false)
    expect(codes(diagnosis)).toEqual(['missing-signature'])
    expect(diagnosis.findings[0]?.message).toMatch(/no x-line-signature header/)
  })

  it('reads the 2016 header when the modern one is missing', async () => {
    const legacySignature = await sign(sent)
    const good = await diagnoseSignature({
      channelSecret,
      body: sent,
      signature: undefined,
      legacySignature,
    })
    expect(good.verified).toBe(true)
    expect(codes(good)).toEqual(['legacy-header'])
    expect(good.findings[0]?.message).toMatch(/x-line-channelsignature.* verifies/)
    const bad = await diagnoseSignature({
      channelSecret,
      body: `${sent} `,
      signature: null,
      legacySignature,
    })
    expect(bad.verified).toBe(false)
    expect(codes(bad)).toEqual(['legacy-header', 'body-reserialised'])
    expectNoSecrets(bad, channelSecret, legacySignature)
  })

  it.each([
    ['white space around it', (s: string) => ` ${s}\n`, /white space around it/],
    [
      'URL-safe characters',
      (s: string) =>
        s.replace(/[+/]/g, (c) => (c === '+' ? '-' : '_')) + (/[+/]/.test(s) ? '' : '-'),
      /URL-safe/,
    ],
    [
      'no padding',
      (s: string) => s.slice(0, -1),
      /43 characters long, not 44 \(is its "=" padding missing\?\)/,
    ],
    ['too long, padded', (s: string) => `AAAA${s}`, /is 48 characters long, not 44(?! \(is its)/],
    ['bad characters', (s: string) => `*${s.slice(1)}`, /not strict base64 of 32 bytes/],
  ])('reports a malformed signature: %s', async (_, malform, message) => {
    const signature = malform(await sign(sent))
    const diagnosis = await diagnoseSignature({ channelSecret, body: sent, signature })
    expect(diagnosis.verified).toBe(false)
    expect(codes(diagnosis)).toEqual(['malformed-signature'])
    expect(diagnosis.findings[0]?.message).toMatch(message)
    expectNoSecrets(diagnosis, channelSecret, signature)
  })

  it('reports a secret with white space around it, and that it matches without it', async () => {
    const signature = await sign(sent)
    const padded = `${channelSecret}\n`
    const diagnosis = await diagnoseSignature({ channelSecret: padded, body: sent, signature })
    expect(diagnosis.verified).toBe(false)
    expect(codes(diagnosis)).toEqual(['secret-whitespace'])
    expect(diagnosis.findings[0]?.message).toBe(
      'The channel secret has white space around it, and the signature matches it without. Trim the secret where you read it (a newline from a file or an .env value?).',
    )
    const list = [otherSecret, ` ${channelSecret}`]
    const reparsed = JSON.stringify(JSON.parse(sent))
    const both = await diagnoseSignature({ channelSecret: list, body: reparsed, signature })
    expect(codes(both)).toEqual(['secret-whitespace'])
    expect(both.findings[0]?.message).toMatch(
      /^channelSecret\[1\] has white space around it, and the signature matches it without, and the body with non-ASCII characters written as/,
    )
    expectNoSecrets(diagnosis, channelSecret, signature)
  })

  it('reports a channel access token given as the secret', async () => {
    const token = `${'eyJhbGciOiJIUzI1NiJ9'.repeat(8)}.abc/def+ghi=`
    const signature = await sign(sent)
    const diagnosis = await diagnoseSignature({ channelSecret: token, body: sent, signature })
    expect(codes(diagnosis)).toEqual(['secret-looks-like-access-token'])
    expect(diagnosis.findings[0]?.message).toMatch(
      /is 173 characters long, like a channel access token/,
    )
    expectNoSecrets(diagnosis, token, signature)
  })

  it.each([
    ['too short', 'abc123', /is 6 characters long/],
    ['not hexadecimal', 'g'.repeat(32), /is not all hexadecimal digits/],
  ])('reports a secret that is %s', async (_, secret, message) => {
    const diagnosis = await diagnoseSignature({
      channelSecret: secret,
      body: sent,
      signature: await sign(sent),
    })
    expect(codes(diagnosis)).toEqual(['secret-not-hex'])
    expect(diagnosis.findings[0]?.message).toMatch(message)
    expectNoSecrets(diagnosis, secret)
  })

  it('names the secret of a list that verifies when it is not the first', async () => {
    const signature = await sign(sent, otherSecret)
    const diagnosis = await diagnoseSignature({
      channelSecret: [channelSecret, otherSecret],
      body: sent,
      signature,
    })
    expect(diagnosis.verified).toBe(true)
    expect(codes(diagnosis)).toEqual(['other-secret'])
    expect(diagnosis.findings[0]?.message).toMatch(
      /^The signature verifies with channelSecret\[1\], not channelSecret\[0\]/,
    )
    expectNoSecrets(diagnosis, channelSecret, otherSecret, signature)
  })

  it('says when nothing it knows explains the mismatch', async () => {
    const diagnosis = await diagnoseSignature({
      channelSecret,
      body: sent,
      signature: await sign(sent, otherSecret),
    })
    expect(diagnosis.verified).toBe(false)
    expect(codes(diagnosis)).toEqual(['no-known-cause'])
  })

  const parsed: unknown = JSON.parse(sent)
  const bom = '\uFEFF'
  it.each([
    [
      'JSON.stringify(JSON.parse(body))',
      JSON.stringify(parsed),
      sent,
      /^The signature matches the body with non-ASCII characters written as \\uXXXX escapes, as LINE writes them: a JSON parser read the body and the app serialised the result again \(JSON.stringify writes non-ASCII characters as they are\)\. /,
    ],
    [
      'pretty-printed with 2 spaces',
      JSON.stringify(parsed, null, 2),
      sent,
      /pretty-printed with 2 spaces/,
    ],
    [
      'pretty-printed with 4 spaces',
      JSON.stringify(parsed, null, 4),
      sent,
      /pretty-printed with 4 spaces/,
    ],
    ['a trailing newline added', `${sent}\n`, sent, /with a trailing newline removed/],
    ['a trailing newline lost', sent, `${sent}\n`, /with a trailing newline added/],
    ['a byte order mark added', `${bom}${sent}`, sent, /with its byte order mark removed/],
    [
      'compact JSON of an unescaped body',
      JSON.stringify(parsed, null, 2),
      JSON.stringify(parsed),
      /^The signature matches the body serialised compactly as JSON.stringify\(JSON.parse\(body\)\): a JSON parser read the body and the app serialised the result again, pretty-printed with 2 spaces\. /,
    ],
  ])('finds the body re-serialised: %s', async (_, body, signed, change) => {
    const signature = await sign(signed)
    for (const given of [body, new TextEncoder().encode(body)]) {
      const diagnosis = await diagnoseSignature({ channelSecret, body: given, signature })
      expect(diagnosis.verified).toBe(false)
      expect(codes(diagnosis)).toEqual(['body-reserialised'])
      expect(diagnosis.findings[0]?.message).toMatch(change)
      expect(diagnosis.findings[0]?.message).toMatch(/Verify the exact bytes LINE sent/)
      expectNoSecrets(diagnosis, channelSecret, signature)
    }
  })

  it('tries no re-serialisation of a body over 1 MiB', async () => {
    const big = JSON.stringify({ destination: 'U0', events: [], padding: 'x'.repeat(1024 * 1024) })
    const signature = await sign(big)
    const diagnosis = await diagnoseSignature({ channelSecret, body: `${big}\n`, signature })
    expect(codes(diagnosis)).toEqual(['body-too-large-to-retry'])
  })

  it('tries only text changes of a body that is not UTF-8 or not JSON', async () => {
    const notUtf8 = new Uint8Array([0xff, 0xfe, 0x7b, 0x7d])
    const one = await diagnoseSignature({
      channelSecret,
      body: notUtf8,
      signature: await sign('{}'),
    })
    expect(codes(one)).toEqual(['no-known-cause'])
    const two = await diagnoseSignature({
      channelSecret,
      body: 'not json\n',
      signature: await sign('not json'),
    })
    expect(codes(two)).toEqual(['body-reserialised'])
  })

  it('rejects misuse with a TypeError, never throwing synchronously', async () => {
    const calls = [
      () => diagnoseSignature({ channelSecret: '', body: sent, signature: null }),
      () => diagnoseSignature({ channelSecret: [], body: sent, signature: null }),
      () => diagnoseSignature({ channelSecret, body: {} as never, signature: null }),
    ]
    for (const call of calls) {
      let result: Promise<unknown> | undefined
      expect(() => (result = call())).not.toThrow()
      await expect(result).rejects.toThrow(TypeError)
    }
  })
})
