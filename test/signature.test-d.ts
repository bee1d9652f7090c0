import { describe, expectTypeOf, test } from 'vitest'
import {
  type LINE_SIGNATURE_HTTP_HEADER_NAME,
  createSignature,
  verifySignature,
  type CreateSignatureParams,
  type SignatureMismatch,
  type VerifySignatureParams,
  type WebhookFailure,
} from '../src/index.js'

const channelSecret = 'secret'
const body = '{"destination":"U0","events":[]}'
const signature = 't7Hn4ZDHqs6e+wdvI5TyQIvzie0DmMUmuXEBqyyE/tM='
/** What a JSON body parser leaves in `request.body`: not a fresh literal, so no excess-property check. */
const json: { destination: string; events: unknown[] } = { destination: 'U0', events: [] }

describe('verifySignature', () => {
  test('takes its params and resolves a boolean', () => {
    expectTypeOf(verifySignature).parameters.toEqualTypeOf<[VerifySignatureParams]>()
    expectTypeOf(verifySignature).returns.toEqualTypeOf<Promise<boolean>>()
  })

  test('takes the body as a string or bytes, nothing runtime-specific', () => {
    expectTypeOf<VerifySignatureParams['body']>().toEqualTypeOf<string | Uint8Array>()
    expectTypeOf(verifySignature).toBeCallableWith({ channelSecret, body, signature })
    expectTypeOf(verifySignature).toBeCallableWith({
      channelSecret,
      body: new TextEncoder().encode(body),
      signature,
    })
    // A Buffer is a Uint8Array: Node users pass it as it comes.
    expectTypeOf(verifySignature).toBeCallableWith({
      channelSecret,
      body: Buffer.from(body),
      signature,
    })
  })

  test('takes the header value as it comes, missing included', () => {
    expectTypeOf<VerifySignatureParams['signature']>().toEqualTypeOf<string | null | undefined>()
    expectTypeOf(verifySignature).toBeCallableWith({ channelSecret, body, signature: null })
    expectTypeOf(verifySignature).toBeCallableWith({ channelSecret, body, signature: undefined })
  })

  test('takes one secret, or several while they rotate', () => {
    expectTypeOf<VerifySignatureParams['channelSecret']>().toEqualTypeOf<
      string | readonly string[]
    >()
    const rotating: string[] = ['new secret', 'old secret']
    const frozen = ['new secret', 'old secret'] as const
    expectTypeOf(verifySignature).toBeCallableWith({ channelSecret: rotating, body, signature })
    expectTypeOf(verifySignature).toBeCallableWith({ channelSecret: frozen, body, signature })
  })

  test('rejects a parsed body, a number signature and a missing secret', () => {
    const parsed: VerifySignatureParams = {
      channelSecret,
      // @ts-expect-error a JSON body parser ran first: the signature covers the raw bytes
      body: json,
      signature,
    }
    const numbered: VerifySignatureParams = {
      channelSecret,
      body,
      // @ts-expect-error the header value is a string
      signature: 42,
    }
    // @ts-expect-error channelSecret is required
    const secretless: VerifySignatureParams = { body, signature }
    expectTypeOf([parsed, numbered, secretless]).items.toEqualTypeOf<VerifySignatureParams>()
  })
})

describe('createSignature', () => {
  test('takes its params and resolves the header value', () => {
    expectTypeOf(createSignature).parameters.toEqualTypeOf<[CreateSignatureParams]>()
    expectTypeOf(createSignature).returns.toEqualTypeOf<Promise<string>>()
  })

  test('takes one secret and the body as a string or bytes', () => {
    expectTypeOf<CreateSignatureParams['channelSecret']>().toEqualTypeOf<string>()
    expectTypeOf<CreateSignatureParams['body']>().toEqualTypeOf<string | Uint8Array>()
    expectTypeOf(createSignature).toBeCallableWith({ channelSecret, body: Buffer.from(body) })
  })

  test('rejects a list of secrets and a parsed body', () => {
    const rotating: CreateSignatureParams = {
      // @ts-expect-error it signs with one secret; only verifying accepts several
      channelSecret: ['new secret', 'old secret'],
      body,
    }
    const parsed: CreateSignatureParams = {
      channelSecret,
      // @ts-expect-error the body is what goes over the wire, not an object
      body: json,
    }
    expectTypeOf([rotating, parsed]).items.toEqualTypeOf<CreateSignatureParams>()
  })
})

test('LINE_SIGNATURE_HTTP_HEADER_NAME is the lower-case header name, as a literal type', () => {
  // typeof, not expectTypeOf(value): inferring a type argument from a const widens its literal.
  expectTypeOf<typeof LINE_SIGNATURE_HTTP_HEADER_NAME>().toEqualTypeOf<'x-line-signature'>()
})

describe('SignatureMismatch', () => {
  test('always says why, as one of three reasons', () => {
    expectTypeOf<SignatureMismatch['reason']>().toEqualTypeOf<
      'missing' | 'malformed' | 'mismatch'
    >()
    // @ts-expect-error every SignatureMismatch has its reason
    const reasonless: SignatureMismatch = { _tag: 'SignatureMismatch' }
    expectTypeOf(reasonless).toEqualTypeOf<SignatureMismatch>()
  })

  test('narrows out of a WebhookFailure, reason and all', () => {
    const failure = {} as WebhookFailure
    if (failure._tag === 'SignatureMismatch') {
      expectTypeOf(failure.reason).toEqualTypeOf<'missing' | 'malformed' | 'mismatch'>()
    }
  })
})
