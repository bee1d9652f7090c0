/** Bodies, events and signed requests for the handler's tests. */
import { createSignature } from '../../src/index.js'

export const channelSecret = 'test channel secret'
export const URL_ = 'https://bot.example/webhook'

let serial = 0

/** A valid event of `type` with a fresh `webhookEventId`, and `fields` on top. */
export function eventOf(
  type: string,
  fields: Record<string, unknown> = {},
): Record<string, unknown> {
  serial += 1
  return {
    type,
    mode: 'active',
    timestamp: 1462629479859,
    webhookEventId: `01FZ74A0TDDPYRVKNK77XK${String(serial).padStart(4, '0')}`,
    deliveryContext: { isRedelivery: false },
    source: { type: 'user', userId: 'U4af4980629' },
    ...fields,
  }
}

/** A text message event whose text tells events apart. */
export const textMessage = (text: string, fields: Record<string, unknown> = {}) =>
  eventOf('message', {
    replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA',
    message: { type: 'text', id: '468789577898262530', quoteToken: 'q3Plxr4AgKd', text },
    ...fields,
  })

export const bodyOf = (events: readonly unknown[], destination = 'U0'): string =>
  JSON.stringify({ destination, events })

/** The console's Verify request. */
export const VERIFY_BODY = '{"destination":"xxxxxxxxxx","events":[]}'

export interface SignedOptions {
  readonly secret?: string
  readonly url?: string
  readonly method?: string
  readonly headers?: Record<string, string>
}

/** A POST `Request` with `body`, signed with `secret`. */
export async function signedRequest(body: string, options: SignedOptions = {}): Promise<Request> {
  const signature = await createSignature({ channelSecret: options.secret ?? channelSecret, body })
  return new Request(options.url ?? URL_, {
    method: options.method ?? 'POST',
    body,
    headers: { 'x-line-signature': signature, ...options.headers },
  })
}

/** A promise and the functions that settle it, for handlers a test holds up. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** A follow event (a new friend). */
export const followEvent = () =>
  eventOf('follow', {
    replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA',
    follow: { isUnblocked: false },
  })
