import { describe, expect, it } from 'vitest'
import {
  diagnoseSignature,
  type SignatureDiagnosis,
  type SignatureFinding,
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
const bytes = (text: string) => new TextEncoder().encode(text)
/** The diagnosis of `sent`, signed by LINE with `channelSecret`, checked with `secrets`. */
const diagnoseSent = async (secrets: string | readonly string[]) =>
  diagnoseSignature({ channelSecret: secrets, body: sent, signature: await sign(sent) })

/** No message may quote a secret, the signature or the body. */
function expectNoSecrets(diagnosis: SignatureDiagnosis, ...secrets: string[]): void {
  for (const { message } of diagnosis.findings) {
    for (const secret of secrets) expect(message).not.toContain(secret)
    expect(message).not.toContain('こんにちは')
    expect(message).not.toContain('destination')
  }
}

// The findings' texts, written out whole: a change to any word of them fails a test.
const SECRET_HELP =
  'The channel secret is under "Basic settings" of the channel in the LINE Developers Console.'
const RAW_BODY_HELP =
  'Verify the exact bytes LINE sent, read before any JSON parser (e.g. express.raw({ type: "application/json" }) or `await request.text()`).'
const UNESCAPED = 'with non-ASCII characters written as \\uXXXX escapes, as LINE writes them'
const CHANGED = 'something between LINE and verifySignature changed the body'
const REPARSED =
  'a JSON parser read the body and the app serialised the result again (JSON.stringify writes non-ASCII characters as they are)'
const REREAD = 'a JSON parser read the body and the app serialised the result again'
const REREAD_2 =
  'a JSON parser read the body and the app serialised the result again, pretty-printed with 2 spaces'
const REREAD_4 =
  'a JSON parser read the body and the app serialised the result again, pretty-printed with 4 spaces'

const MISSING: SignatureFinding = {
  code: 'missing-signature',
  message:
    "The request has no x-line-signature header, or an empty one: it did not come from LINE, or a proxy removed the header. Read it as request.headers.get('x-line-signature') (or req.get in Express).",
}
const LEGACY_VERIFIES: SignatureFinding = {
  code: 'legacy-header',
  message:
    'The request has no x-line-signature header but a signature in x-line-channelsignature, the header of the 2016 BOT API trial; it verifies by the same rule. Read LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME for such callbacks, and decode their bodies with { acceptLegacy: decodeLegacyCallbackRequest } from line-webhook/legacy.',
}
const LEGACY_DOES_NOT_VERIFY: SignatureFinding = {
  code: 'legacy-header',
  message:
    'The request has no x-line-signature header but a signature in x-line-channelsignature, the header of the 2016 BOT API trial; it does not verify by the same rule. Read LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME for such callbacks, and decode their bodies with { acceptLegacy: decodeLegacyCallbackRequest } from line-webhook/legacy.',
}
const NO_KNOWN_CAUSE: SignatureFinding = {
  code: 'no-known-cause',
  message: `The signature matches no usual change to the body. The secret may be another channel's (${SECRET_HELP}), or the body was changed in another way. ${RAW_BODY_HELP}`,
}
const TOO_LARGE: SignatureFinding = {
  code: 'body-too-large-to-retry',
  message: 'The body is over 1048576 bytes, so no re-serialisations of it were tried.',
}
const malformed = (header: string, how: string): SignatureFinding => ({
  code: 'malformed-signature',
  message: `The ${header} value ${how}; LINE sends 44 characters of standard base64 with one "=" of padding.`,
})
const reserialised = (change: string, cause: string): SignatureFinding => ({
  code: 'body-reserialised',
  message: `The signature matches the body ${change}: ${cause}. ${RAW_BODY_HELP}`,
})
const whiteSpace = (name: string): SignatureFinding => ({
  code: 'secret-whitespace',
  message: `${name} has white space around it (a newline from a file or an .env value?); LINE signs with the secret without it.`,
})
/** `change` is empty when the body verifies as it is, else ", and the body <change> (<cause>)". */
const matchesTrimmed = (name: string, change = ''): SignatureFinding => ({
  code: 'secret-whitespace',
  message: `${name} has white space around it, and the signature matches it without${change}. Trim the secret where you read it (a newline from a file or an .env value?).`,
})
const accessToken = (name: string, length: number): SignatureFinding => ({
  code: 'secret-looks-like-access-token',
  message: `${name} is ${length} characters long, like a channel access token; the channel secret is 32 hexadecimal digits. ${SECRET_HELP}`,
})
const notHex = (name: string, how: string): SignatureFinding => ({
  code: 'secret-not-hex',
  message: `${name} is ${how}; a channel secret is 32 hexadecimal digits. ${SECRET_HELP}`,
})
const otherSecretFinding = (name: string): SignatureFinding => ({
  code: 'other-secret',
  message: `The signature verifies with ${name}, not channelSecret[0]: LINE still signs with that secret. If you are rotating it, the new one is not in use yet.`,
})

describe('diagnoseSignature', () => {
  it('verifies a good signature, of a string or a Uint8Array body, with no findings', async () => {
    const signature = await sign(sent)
    for (const body of [sent, bytes(sent)]) {
      expect(await diagnoseSignature({ channelSecret, body, signature })).toStrictEqual({
        verified: true,
        findings: [],
      })
    }
  })

  it.each([undefined, null, ''])('reports a missing signature (%s)', async (signature) => {
    for (const legacySignature of [undefined, null, '']) {
      const diagnosis = await diagnoseSignature({
        channelSecret,
        body: sent,
        signature,
        legacySignature,
      })
      expect(diagnosis).toStrictEqual({ verified: false, findings: [MISSING] })
    }
  })

  it('reads the 2016 header when the modern one is missing, and says whether it verifies', async () => {
    const legacySignature = await sign(sent)
    for (const signature of [undefined, null, '']) {
      const good = await diagnoseSignature({
        channelSecret,
        body: sent,
        signature,
        legacySignature,
      })
      expect(good).toStrictEqual({ verified: true, findings: [LEGACY_VERIFIES] })
    }
    const bad = await diagnoseSignature({
      channelSecret,
      body: `${sent} `,
      signature: null,
      legacySignature,
    })
    expect(bad).toStrictEqual({
      verified: false,
      findings: [
        LEGACY_DOES_NOT_VERIFY,
        reserialised('with white space around it removed', CHANGED),
      ],
    })
    expectNoSecrets(bad, channelSecret, legacySignature)
  })

  it('reads the modern header whenever it has a value, whatever the 2016 one holds', async () => {
    const signature = await sign(sent)
    const good = await diagnoseSignature({
      channelSecret,
      body: sent,
      signature,
      legacySignature: 'not a signature',
    })
    expect(good).toStrictEqual({ verified: true, findings: [] })
    const bad = await diagnoseSignature({
      channelSecret,
      body: sent,
      signature: await sign(sent, otherSecret),
      legacySignature: signature,
    })
    expect(bad).toStrictEqual({ verified: false, findings: [NO_KNOWN_CAUSE] })
  })

  it('names the 2016 header in a malformed finding of its value', async () => {
    const diagnosis = await diagnoseSignature({
      channelSecret,
      body: sent,
      signature: undefined,
      legacySignature: 'abc',
    })
    expect(diagnosis).toStrictEqual({
      verified: false,
      findings: [
        LEGACY_DOES_NOT_VERIFY,
        malformed(
          'x-line-channelsignature',
          'is 3 characters long, not 44 (is its "=" padding missing?)',
        ),
      ],
    })
  })

  it('adds no no-known-cause finding after a legacy-header one that does not verify', async () => {
    const diagnosis = await diagnoseSignature({
      channelSecret,
      body: sent,
      signature: undefined,
      legacySignature: await sign(sent, otherSecret),
    })
    expect(diagnosis).toStrictEqual({ verified: false, findings: [LEGACY_DOES_NOT_VERIFY] })
  })

  const WHITE_SPACE = 'has white space around it'
  const URL_SAFE = 'holds "-" or "_": it is URL-safe base64, not standard base64'
  const NOT_STRICT = 'is not strict base64 of 32 bytes'
  it.each([
    ['white space on both sides', (s: string) => ` ${s}\n`, WHITE_SPACE],
    ['white space before it only', (s: string) => ` ${s}`, WHITE_SPACE],
    ['white space after it only', (s: string) => `${s}\n`, WHITE_SPACE],
    ['white space and a URL-safe character', (s: string) => ` -${s.slice(1)}`, WHITE_SPACE],
    ['a "-" and no "_"', (s: string) => `-${s.slice(1)}`, URL_SAFE],
    ['a "_" and no "-"', (s: string) => `_${s.slice(1)}`, URL_SAFE],
    ['URL-safe and unpadded, 43 characters', (s: string) => `-${s.slice(1, -1)}`, URL_SAFE],
    [
      'no padding',
      (s: string) => s.slice(0, -1),
      'is 43 characters long, not 44 (is its "=" padding missing?)',
    ],
    [
      'a "=" first and none last',
      (s: string) => `=${s.slice(0, -2)}`,
      'is 43 characters long, not 44 (is its "=" padding missing?)',
    ],
    ['one character too long, padded', (s: string) => `A${s}`, 'is 45 characters long, not 44'],
    ['too long, padded', (s: string) => `AAAA${s}`, 'is 48 characters long, not 44'],
    ['a character outside base64', (s: string) => `*${s.slice(1)}`, NOT_STRICT],
    [
      'non-zero trailing bits',
      (s: string) => `${s.slice(0, 42)}${s[42] === 'B' ? 'C' : 'B'}=`,
      NOT_STRICT,
    ],
  ])('reports a malformed signature: %s', async (_, malform, how) => {
    const signature = malform(await sign(sent))
    const diagnosis = await diagnoseSignature({ channelSecret, body: sent, signature })
    expect(diagnosis).toStrictEqual({
      verified: false,
      findings: [malformed('x-line-signature', how)],
    })
    expectNoSecrets(diagnosis, channelSecret, signature)
  })

  it('tries no re-serialisation under a missing or malformed signature', async () => {
    // Too large to retry: were it tried, a body-too-large-to-retry finding would follow.
    const big = 'x'.repeat(400_000)
    const cases: [string, string][] = [
      ['abc', 'is 3 characters long, not 44 (is its "=" padding missing?)'],
      [`*${(await sign(big)).slice(1)}`, NOT_STRICT],
    ]
    for (const [signature, how] of cases) {
      expect(await diagnoseSignature({ channelSecret, body: big, signature })).toStrictEqual({
        verified: false,
        findings: [malformed('x-line-signature', how)],
      })
    }
    expect(await diagnoseSignature({ channelSecret, body: big, signature: null })).toStrictEqual({
      verified: false,
      findings: [MISSING],
    })
  })

  it('reports a secret with white space around it, and that it matches without it', async () => {
    const signature = await sign(sent)
    for (const padded of [`${channelSecret}\n`, ` ${channelSecret}`, [`\t${channelSecret} `]]) {
      const diagnosis = await diagnoseSignature({ channelSecret: padded, body: sent, signature })
      expect(diagnosis).toStrictEqual({
        verified: false,
        findings: [matchesTrimmed('The channel secret')],
      })
      expectNoSecrets(diagnosis, channelSecret, signature)
    }
  })

  it('reports a trimmed secret of a list that matches a re-serialised body', async () => {
    const signature = await sign(sent)
    const reparsed = JSON.stringify(JSON.parse(sent))
    const diagnosis = await diagnoseSignature({
      channelSecret: [otherSecret, ` ${channelSecret}`],
      body: reparsed,
      signature,
    })
    expect(diagnosis).toStrictEqual({
      verified: false,
      findings: [matchesTrimmed('channelSecret[1]', `, and the body ${UNESCAPED} (${REPARSED})`)],
    })
    expectNoSecrets(diagnosis, channelSecret, signature)
  })

  it('completes the finding of the padded secret that matches, not of another padded one', async () => {
    const diagnosis = await diagnoseSent([` ${otherSecret}`, `${channelSecret}\n`])
    expect(diagnosis).toStrictEqual({
      verified: false,
      findings: [whiteSpace('channelSecret[0]'), matchesTrimmed('channelSecret[1]')],
    })
  })

  it('reports a padded secret that does not match trimmed either, and no more', async () => {
    const diagnosis = await diagnoseSent(`${otherSecret}\n`)
    expect(diagnosis).toStrictEqual({
      verified: false,
      findings: [whiteSpace('The channel secret')],
    })
  })

  it('tries a padded secret as it is against the re-serialisations too', async () => {
    const padded = `${channelSecret}\n`
    const diagnosis = await diagnoseSignature({
      channelSecret: padded,
      body: `${sent}\n`,
      signature: await sign(sent, padded),
    })
    expect(diagnosis).toStrictEqual({
      verified: false,
      findings: [
        whiteSpace('The channel secret'),
        reserialised('with a trailing newline removed', CHANGED),
      ],
    })
  })

  it('reports a secret of white space only, never trying it trimmed to nothing', async () => {
    const diagnosis = await diagnoseSent(' \n')
    expect(diagnosis).toStrictEqual({
      verified: false,
      findings: [
        whiteSpace('The channel secret'),
        notHex('The channel secret', '0 characters long'),
      ],
    })
  })

  const token = `${'eyJhbGciOiJIUzI1NiJ9'.repeat(8)}.abc/def+ghi=`
  it.each([
    ['a token', token, 173],
    ['one of 100 characters', 'x'.repeat(100), 100],
    ['one of every character a token holds', `${'aZ9_'.repeat(24)}+/=.-`, 101],
  ])('reports a channel access token given as the secret: %s', async (_, secret, length) => {
    const signature = await sign(sent)
    const diagnosis = await diagnoseSignature({ channelSecret: secret, body: sent, signature })
    expect(diagnosis).toStrictEqual({
      verified: false,
      findings: [accessToken('The channel secret', length)],
    })
    expectNoSecrets(diagnosis, secret, signature)
  })

  it('reports a padded access token by its trimmed length, after its white space', async () => {
    const diagnosis = await diagnoseSent(`${token}\n`)
    expect(diagnosis).toStrictEqual({
      verified: false,
      findings: [whiteSpace('The channel secret'), accessToken('The channel secret', 173)],
    })
  })

  it.each([
    ['too short', 'abc123', '6 characters long'],
    ['one digit short', channelSecret.slice(1), '31 characters long'],
    ['one digit long', `${channelSecret}0`, '33 characters long'],
    ['not hexadecimal', 'g'.repeat(32), 'not all hexadecimal digits'],
    ['99 token characters, too short for a token', 'x'.repeat(99), '99 characters long'],
    ['a token with a character outside it first', `*${'x'.repeat(100)}`, '101 characters long'],
    ['a token with a character outside it last', `${'x'.repeat(100)}*`, '101 characters long'],
    ['a token with a space inside', `${'x'.repeat(50)} ${'x'.repeat(50)}`, '101 characters long'],
  ])('reports a secret that is %s', async (_, secret, how) => {
    const diagnosis = await diagnoseSent(secret)
    expect(diagnosis).toStrictEqual({
      verified: false,
      findings: [notHex('The channel secret', how)],
    })
    expectNoSecrets(diagnosis, secret)
  })

  it('takes upper-case hexadecimal digits for a channel secret', async () => {
    const diagnosis = await diagnoseSent(channelSecret.toUpperCase())
    expect(diagnosis).toStrictEqual({ verified: false, findings: [NO_KNOWN_CAUSE] })
  })

  it('names a secret of a list by its index, and reports each', async () => {
    const diagnosis = await diagnoseSent(['abc123', otherSecret, 'g'.repeat(32)])
    expect(diagnosis).toStrictEqual({
      verified: false,
      findings: [
        notHex('channelSecret[0]', '6 characters long'),
        notHex('channelSecret[2]', 'not all hexadecimal digits'),
      ],
    })
  })

  it('names the secret of a list that verifies when it is not the first', async () => {
    const signature = await sign(sent, otherSecret)
    const diagnosis = await diagnoseSignature({
      channelSecret: [channelSecret, otherSecret],
      body: sent,
      signature,
    })
    expect(diagnosis).toStrictEqual({
      verified: true,
      findings: [otherSecretFinding('channelSecret[1]')],
    })
    expectNoSecrets(diagnosis, channelSecret, otherSecret, signature)
    // The first that verifies, and no finding of the secrets' shapes once one verifies.
    const third = await diagnoseSent(['abc123', otherSecret, channelSecret, channelSecret])
    expect(third).toStrictEqual({
      verified: true,
      findings: [otherSecretFinding('channelSecret[2]')],
    })
  })

  it('has no finding when the first secret of a list verifies', async () => {
    const diagnosis = await diagnoseSent([channelSecret, otherSecret])
    expect(diagnosis).toStrictEqual({ verified: true, findings: [] })
  })

  it('says when nothing it knows explains the mismatch', async () => {
    const diagnosis = await diagnoseSignature({
      channelSecret,
      body: sent,
      signature: await sign(sent, otherSecret),
    })
    expect(diagnosis).toStrictEqual({ verified: false, findings: [NO_KNOWN_CAUSE] })
  })

  it('tries the first 8 secrets of a list against the re-serialisations, no more', async () => {
    const others = Array.from({ length: 7 }, (_, index) => `${index}`.repeat(32))
    const reparsed = JSON.stringify(JSON.parse(sent))
    const signature = await sign(sent)
    const eighth = await diagnoseSignature({
      channelSecret: [...others, channelSecret],
      body: reparsed,
      signature,
    })
    expect(eighth).toStrictEqual({
      verified: false,
      findings: [reserialised(UNESCAPED, REPARSED)],
    })
    const ninth = await diagnoseSignature({
      channelSecret: [...others, otherSecret, channelSecret],
      body: reparsed,
      signature,
    })
    expect(ninth).toStrictEqual({ verified: false, findings: [NO_KNOWN_CAUSE] })
  })

  const parsed: unknown = JSON.parse(sent)
  const compact = JSON.stringify(parsed)
  const pretty2 = JSON.stringify(parsed, null, 2)
  const pretty4 = JSON.stringify(parsed, null, 4)
  const bom = '\uFEFF'
  /** `sent` with upper-case escapes, written out. */
  const upperCased =
    '{"destination":"U0123456789abcdef0123456789abcdef","events":[{"type":"message","message":{"type":"text","text":"\\u3053\\u3093\\u306B\\u3061\\u306F \\uD83D\\uDE00"}}]}'
  it.each([
    ['JSON.stringify(JSON.parse(body))', compact, sent, reserialised(UNESCAPED, REPARSED)],
    [
      'pretty-printed with 2 spaces',
      pretty2,
      sent,
      reserialised(`serialised compactly ${UNESCAPED}`, REREAD_2),
    ],
    [
      'pretty-printed with 4 spaces',
      pretty4,
      sent,
      reserialised(`serialised compactly ${UNESCAPED}`, REREAD_4),
    ],
    [
      'pretty-printed with 3 spaces',
      escapeNonAscii(JSON.stringify(parsed, null, 3)),
      sent,
      reserialised(`serialised compactly ${UNESCAPED}`, REREAD),
    ],
    [
      'compact JSON of an unescaped body, pretty-printed with 2 spaces',
      pretty2,
      compact,
      reserialised('serialised compactly as JSON.stringify(JSON.parse(body))', REREAD_2),
    ],
    [
      'compact JSON of an unescaped body, pretty-printed with 4 spaces',
      pretty4,
      compact,
      reserialised('serialised compactly as JSON.stringify(JSON.parse(body))', REREAD_4),
    ],
    [
      'escapes written in lower case',
      sent,
      upperCased,
      reserialised('serialised compactly with upper-case \\uXXXX escapes', REREAD),
    ],
    [
      'a pretty-printed body written compactly',
      sent,
      pretty2,
      reserialised('pretty-printed with 2 spaces', REREAD),
    ],
    [
      'an escaped pretty-printed body written compactly',
      sent,
      escapeNonAscii(pretty2),
      reserialised(`pretty-printed with 2 spaces ${UNESCAPED}`, REREAD),
    ],
    [
      'a body pretty-printed with 4 spaces written compactly',
      sent,
      pretty4,
      reserialised('pretty-printed with 4 spaces', REREAD),
    ],
    [
      'an escaped body pretty-printed with 4 spaces written compactly',
      sent,
      escapeNonAscii(pretty4),
      reserialised(`pretty-printed with 4 spaces ${UNESCAPED}`, REREAD),
    ],
    [
      'a trailing newline added',
      `${sent}\n`,
      sent,
      reserialised('with a trailing newline removed', CHANGED),
    ],
    [
      'a trailing CRLF added',
      `${sent}\r\n`,
      sent,
      reserialised('with a trailing newline removed', CHANGED),
    ],
    [
      'a trailing newline added to lines of text',
      'line one\nline two\n',
      'line one\nline two',
      reserialised('with a trailing newline removed', CHANGED),
    ],
    [
      'a trailing newline of text lost',
      'not json',
      'not json\n',
      reserialised('with a trailing newline added', CHANGED),
    ],
    [
      'a trailing newline lost',
      sent,
      `${sent}\n`,
      reserialised('with a trailing newline added', CHANGED),
    ],
    [
      'a byte order mark added',
      `${bom}${sent}`,
      sent,
      reserialised('with its byte order mark removed', CHANGED),
    ],
    [
      'a byte order mark added to a re-serialised body',
      `${bom}${compact}`,
      sent,
      reserialised(`serialised compactly ${UNESCAPED}`, REREAD),
    ],
    [
      'a space added before it',
      ` ${sent}`,
      sent,
      reserialised('with white space around it removed', CHANGED),
    ],
    [
      'a space added after it',
      `${sent} `,
      sent,
      reserialised('with white space around it removed', CHANGED),
    ],
  ])('finds the body re-serialised: %s', async (_, body, signed, finding) => {
    const signature = await sign(signed)
    for (const given of [body, bytes(body)]) {
      const diagnosis = await diagnoseSignature({ channelSecret, body: given, signature })
      expect(diagnosis).toStrictEqual({ verified: false, findings: [finding] })
      expectNoSecrets(diagnosis, channelSecret, signature)
    }
  })

  it('tries no re-serialisation of a body over 1 MiB', async () => {
    const big = JSON.stringify({ destination: 'U0', events: [], padding: 'x'.repeat(1024 * 1024) })
    const signature = await sign(big)
    const diagnosis = await diagnoseSignature({ channelSecret, body: `${big}\n`, signature })
    expect(diagnosis).toStrictEqual({ verified: false, findings: [TOO_LARGE] })
  })

  it('counts a Uint8Array body by its bytes: up to 1 MiB of them are retried', async () => {
    const text = 'x'.repeat(1_048_575)
    const signature = await sign(text)
    const atLimit = await diagnoseSignature({ channelSecret, body: bytes(`${text}\n`), signature })
    expect(atLimit).toStrictEqual({
      verified: false,
      findings: [reserialised('with a trailing newline removed', CHANGED)],
    })
    const over = await diagnoseSignature({ channelSecret, body: bytes(`${text}\n\n`), signature })
    expect(over).toStrictEqual({ verified: false, findings: [TOO_LARGE] })
  })

  it('counts a string body by its UTF-8 bytes: 1 MiB of them is retried, one more is not', async () => {
    // 'é' is 2 bytes in UTF-8: 524,287 of them and a newline are 1,048,575 bytes.
    const under = `${'é'.repeat(524_287)}x`
    const retried = await diagnoseSignature({
      channelSecret,
      body: `${under}\n`,
      signature: await sign(under),
    })
    expect(retried).toStrictEqual({
      verified: false,
      findings: [reserialised('with a trailing newline removed', CHANGED)],
    })
    const over = `${under}x` // with its newline, 1,048,577 bytes in 524,290 characters
    const notRetried = await diagnoseSignature({
      channelSecret,
      body: `${over}\n`,
      signature: await sign(over),
    })
    expect(notRetried).toStrictEqual({ verified: false, findings: [TOO_LARGE] })
  })

  it('counts an ASCII string body of 1 MiB characters as 1 MiB, not 3', async () => {
    const text = 'x'.repeat(1_048_575) // with its newline, exactly 1,048,576 bytes
    const retried = await diagnoseSignature({
      channelSecret,
      body: `${text}\n`,
      signature: await sign(text),
    })
    expect(retried).toStrictEqual({
      verified: false,
      findings: [reserialised('with a trailing newline removed', CHANGED)],
    })
    const longer = `${text}x` // 1,048,577 characters: over without encoding it
    const notRetried = await diagnoseSignature({
      channelSecret,
      body: `${longer}\n`,
      signature: await sign(longer),
    })
    expect(notRetried).toStrictEqual({ verified: false, findings: [TOO_LARGE] })
    // 1,048,576 characters, one of them 2 bytes: over by its bytes, not by its length.
    const accented = `é${'x'.repeat(1_048_574)}`
    const overByBytes = await diagnoseSignature({
      channelSecret,
      body: `${accented}\n`,
      signature: await sign(accented),
    })
    expect(overByBytes).toStrictEqual({ verified: false, findings: [TOO_LARGE] })
  })

  it('tries only text changes of a body that is not UTF-8 or not JSON', async () => {
    const notUtf8 = new Uint8Array([0xff, 0xfe, 0x7b, 0x7d])
    const one = await diagnoseSignature({
      channelSecret,
      body: notUtf8,
      signature: await sign('{}'),
    })
    expect(one).toStrictEqual({ verified: false, findings: [NO_KNOWN_CAUSE] })
    const two = await diagnoseSignature({
      channelSecret,
      body: 'not json\n',
      signature: await sign('not json'),
    })
    expect(two).toStrictEqual({
      verified: false,
      findings: [reserialised('with a trailing newline removed', CHANGED)],
    })
  })

  it('does not decode a body that is not UTF-8 leniently, replacing its bad bytes', async () => {
    // Decoded with U+FFFD for the bad byte, the body plus a newline would be what was signed.
    const diagnosis = await diagnoseSignature({
      channelSecret,
      body: new Uint8Array([0x61, 0x62, 0x63, 0xff]),
      signature: await sign('abc\uFFFD\n'),
    })
    expect(diagnosis).toStrictEqual({ verified: false, findings: [NO_KNOWN_CAUSE] })
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
