import { describe, expect, it, vi } from 'vitest'
import {
  LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME,
  LINE_SIGNATURE_HTTP_HEADER_NAME,
  createSignature,
} from '../../src/index.js'
import {
  receive,
  requireSecrets,
  type IncomingWebhook,
  type ReceiveSettings,
} from '../../src/handler/receive.js'
import { decodeLegacyCallbackRequest } from '../../src/legacy/index.js'
import { URL_, VERIFY_BODY, channelSecret } from './support.js'

/** A POST of `body` with `headers`, its body read already, as an adapter hands it over. */
function incomingOf(body: string, headers: Readonly<Record<string, string>>): IncomingWebhook {
  return {
    method: 'POST',
    url: URL_,
    header: (name) => headers[name],
    readBody: () => Promise.resolve({ _tag: 'Body', body: new TextEncoder().encode(body) }),
  }
}

const settingsOf = (overrides: Partial<ReceiveSettings> = {}): ReceiveSettings => ({
  channelSecret: () => channelSecret,
  maxBodyBytes: 1024,
  decode: undefined,
  onServerError: vi.fn(),
  ...overrides,
})

describe('receive', () => {
  it('settles one await after the body is read when the secrets and the HMAC answer at once', async () => {
    const signature = await createSignature({ channelSecret, body: VERIFY_BODY })
    const incoming = incomingOf(VERIFY_BODY, { [LINE_SIGNATURE_HTTP_HEADER_NAME]: signature })
    const order: string[] = []
    const received = receive(incoming, settingsOf()).then((result) => {
      order.push(result._tag)
    })
    // Started second, with the one await receive needs (the body): any other await puts it first.
    const oneAwait = (async () => {
      await Promise.resolve()
    })().then(() => order.push('one await'))
    await Promise.all([received, oneAwait])
    expect(order).toEqual(['Verified', 'one await'])
  })

  it("takes today's header when acceptLegacy is on and both headers are sent", async () => {
    const signature = await createSignature({ channelSecret, body: VERIFY_BODY })
    const incoming = incomingOf(VERIFY_BODY, {
      [LINE_SIGNATURE_HTTP_HEADER_NAME]: signature,
      [LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME]: 'not the signature',
    })
    const received = await receive(
      incoming,
      settingsOf({ decode: { acceptLegacy: decodeLegacyCallbackRequest } }),
    )
    expect(received).toMatchObject({
      _tag: 'Verified',
      context: { signatureHeader: LINE_SIGNATURE_HTTP_HEADER_NAME, secretIndex: 0 },
    })
  })
})

describe('requireSecrets', () => {
  it('leaves undefined (no channel served here) as it is', () => {
    expect(requireSecrets(undefined)).toBeUndefined()
  })

  it('makes a secret a list of one, and keeps a list of secrets', () => {
    const secrets = ['new', 'old']
    expect(requireSecrets('only')).toEqual(['only'])
    expect(requireSecrets(secrets)).toBe(secrets)
  })

  it.each([
    ['an empty string', ''],
    ['an empty list', []],
    ['a list with an empty string', ['ok', '']],
    ['null', null],
    ['a number', 42],
    ['a list with a number', ['ok', 42]],
    ['a list with undefined', [undefined]],
    ['an object', { secret: 'ok' }],
  ])('refuses %s with a TypeError that says how to fix it', (_, value) => {
    expect(() => requireSecrets(value)).toThrow(
      new TypeError(
        'line-webhook: channelSecret must be a non-empty string or a non-empty list of them' +
          ' (or a function returning one, or undefined for a channel not served here).' +
          ' Find it under "Basic settings" of your channel in the LINE Developers Console,' +
          ' and check that the variable holding it is set.',
      ),
    )
  })
})
