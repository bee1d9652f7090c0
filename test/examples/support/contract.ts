/**
 * What every example must do, run against each over real HTTP on 127.0.0.1: one suite, so the
 * frameworks cannot drift apart.
 */
import { createSignature } from 'line-webhook'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { seedSamples } from '../../support/fixtures.js'
import {
  LEGACY_BODY,
  LEGACY_SIGNATURE,
  bodyOf,
  chunked,
  newEventId,
  post,
  textEvent,
} from './bodies.js'
import {
  CHANNEL_ID,
  CHANNEL_SECRET,
  MAX_BODY_BYTES,
  OTHER_CHANNEL_ID,
  OTHER_CHANNEL_SECRET,
} from './channels.js'
import { SLOW_HANDLER_MS, type Recorded, type Recorder } from './recording-hooks.js'
import { startServerProcess } from './server-process.js'

export interface RunningExample {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string
  /** What the example's hooks recorded since the last call. */
  take(): Promise<readonly Recorded[]>
  close(): Promise<void>
}

const SEED_000 = seedSamples('000_d39edbcc38ae43a0.txt')
const [SEED_001] = seedSamples('001_27c6983c64b32088.txt')

/** A text message whose emoji LINE escaped, as it does: `\uD83D\uDE00`, not the UTF-8 bytes. */
function emojiBody(): string {
  return bodyOf(textEvent('EMOJI')).replace('"EMOJI"', '"\\uD83D\\uDE00"')
}

/** `text` padded with JSON white space to exactly `bytes` bytes. */
function padded(text: string, bytes: number): string {
  return text + ' '.repeat(bytes - new TextEncoder().encode(text).length)
}

export function webhookContract(start: () => Promise<RunningExample>): void {
  let running: RunningExample | undefined

  beforeAll(async () => {
    running = await start()
  })
  afterAll(async () => {
    await running?.close()
  })
  // Each test starts from nothing recorded, whatever the one before left.
  beforeEach(async () => {
    await running?.take()
  })

  const example = (): RunningExample => {
    if (running === undefined) throw new Error('the example did not start')
    return running
  }
  const url = (path: string): string => `${example().origin}${path}`

  /** Everything recorded once `deliveries` accepted deliveries have been handled. */
  async function settle(deliveries: number): Promise<readonly Recorded[]> {
    const recorded: Recorded[] = []
    await vi.waitFor(
      async () => {
        recorded.push(...(await example().take()))
        expect(recorded.filter((entry) => entry.kind === 'done')).toHaveLength(deliveries)
      },
      { timeout: 10_000, interval: 25 },
    )
    return recorded
  }
  const eventsIn = (recorded: readonly Recorded[]) =>
    recorded.flatMap((entry) => (entry.kind === 'event' ? [entry] : []))

  it('answers 200 to a signed body, then hands each typed event to the bot', async () => {
    const event = textEvent('hello')
    expect(await post(url('/webhook'), bodyOf(event))).toEqual({ status: 200, text: 'OK' })
    expect(await settle(1)).toMatchObject([
      {
        kind: 'event',
        channelId: CHANNEL_ID,
        redelivered: false,
        event: {
          type: 'message',
          webhookEventId: event.webhookEventId,
          message: { type: 'text', text: 'hello' },
        },
      },
      { kind: 'done', channelId: CHANNEL_ID, received: 1, handled: 1 },
    ])
  })

  it(
    'answers before it handles: the bot is still busy when LINE has its 200',
    async () => {
      const answered = await post(url('/webhook'), bodyOf(textEvent('slow')))
      expect(answered.status).toBe(200)
      expect(eventsIn(await example().take())).toEqual([])
      const recorded = await settle(1)
      expect(eventsIn(recorded)).toHaveLength(1)
    },
    SLOW_HANDLER_MS * 10,
  )

  it.each(SEED_000.map((sample) => ({ ...sample, body: JSON.stringify(sample.json) })))(
    'answers 200 to the seed 000 $caption sample, read leniently',
    async ({ caption, body }) => {
      expect((await post(url('/webhook'), body)).status).toBe(200)
      const [handled, ...more] = eventsIn(await settle(1))
      expect(more).toEqual([])
      expect(handled?.event).toMatchObject({ type: 'message', message: { type: caption } })
      // The vendor sends the video's duration as a string; the lenient profile reads the number.
      if (caption === 'video')
        expect(handled?.event).toMatchObject({ message: { duration: 10735 } })
    },
  )

  it('serves several channels, each with its own secret: seed 001 at /social/on/line/:channelId', async () => {
    const body = JSON.stringify(SEED_001?.json)
    const path = `/social/on/line/${OTHER_CHANNEL_ID}`
    expect((await post(url(path), body, { secret: OTHER_CHANNEL_SECRET })).status).toBe(200)
    const [handled] = eventsIn(await settle(1))
    // `"type": ""` and `"TEXT"` as the contact centre sends them, read as a text message.
    expect(handled).toMatchObject({
      channelId: OTHER_CHANNEL_ID,
      event: { type: 'message', message: { type: 'text', text: 'hello' } },
    })
    // Signed with the default channel's secret: not this channel's request.
    expect((await post(url(path), body)).status).toBe(401)
  })

  it('takes the 2016 legacy body signed in x-line-channelsignature, adapted to events', async () => {
    const sent = await post(url('/webhook'), LEGACY_BODY, {
      header: 'X-LINE-ChannelSignature',
      signature: LEGACY_SIGNATURE,
    })
    expect(sent.status).toBe(200)
    const recorded = await settle(1)
    const types = eventsIn(recorded).map(({ event }) =>
      event.type === 'message'
        ? `message/${event.message.type ?? event.message.raw.type}`
        : event.type,
    )
    // Nine results: seven messages (a contact among them, a type today's API lacks), then
    // "added as friend" and "blocked".
    expect(types).toEqual([
      'message/text',
      'message/image',
      'message/video',
      'message/audio',
      'message/location',
      'message/sticker',
      expect.stringMatching(/contact/),
      'follow',
      'unfollow',
    ])
    expect(eventsIn(recorded)[0]?.event).toMatchObject({
      message: { text: 'hello' },
      source: { type: 'user' },
    })
  })

  it('verifies the bytes LINE sent: an escaped emoji decodes to 😀, re-serialised JSON does not verify', async () => {
    const body = emojiBody()
    expect((await post(url('/webhook'), body)).status).toBe(200)
    expect(eventsIn(await settle(1))[0]?.event).toMatchObject({ message: { text: '😀' } })

    const signature = await createSignature({ channelSecret: CHANNEL_SECRET, body })
    const reserialised = JSON.stringify(JSON.parse(body))
    expect(reserialised).toContain('😀')
    expect((await post(url('/webhook'), reserialised, { signature })).status).toBe(401)
  })

  it.each([
    {
      request: 'a forged body (signed with another secret)',
      options: { secret: 'not the secret' },
      reason: /well formed but matches the body under no channel secret/,
    },
    { request: 'no signature header', options: { secret: null }, reason: /missing or empty/ },
    {
      request: "another body's signature",
      options: { signature: 'I/HaFldQXToodTZ9Kv7uXeRiAvhgBD7bTQMagscy8m0=' },
      reason: /well formed but matches the body under no channel secret/,
    },
    { request: 'an empty signature header', options: { signature: '' }, reason: /missing/ },
    {
      request: 'a malformed signature',
      options: { signature: 'not base64!' },
      reason: /malformed/,
    },
  ])('answers 401 to $request, says why, and handles nothing', async ({ options, reason }) => {
    const sent = await post(url('/webhook'), bodyOf(textEvent('forged')), options)
    expect(sent.status).toBe(401)
    expect(sent.text).toMatch(/^signature mismatch: /)
    expect(sent.text).toMatch(reason)
    expect(await settle(0)).toEqual([
      expect.objectContaining({ kind: 'rejected', channelId: CHANNEL_ID, status: 401 }),
    ])
  })

  it.each([
    { contentType: 'text/plain' },
    { contentType: null },
    { contentType: 'application/x-www-form-urlencoded' },
    { contentType: 'application/octet-stream' },
    { contentType: 'application/vnd.line+json' },
  ])(
    'answers 401, never 500, to an unsigned body sent as $contentType',
    async ({ contentType }) => {
      const sent = await post(url('/webhook'), bodyOf(textEvent('unsigned')), {
        secret: null,
        contentType,
      })
      expect(sent).toEqual({
        status: 401,
        text: expect.stringMatching(/missing or empty/) as unknown,
      })
      expect(await settle(0)).toEqual([
        expect.objectContaining({ kind: 'rejected', channelId: CHANNEL_ID, status: 401 }),
      ])
    },
  )

  it('verifies a signed body whatever its Content-Type: the bytes are what count', async () => {
    for (const contentType of ['text/plain', null]) {
      expect(
        (await post(url('/webhook'), bodyOf(textEvent('typed')), { contentType })).status,
      ).toBe(200)
    }
    expect(eventsIn(await settle(2))).toHaveLength(2)
  })

  it.each([
    {
      request: 'malformed JSON',
      body: '{"destination":"U0","events":[',
      reason: /^malformed JSON/,
    },
    {
      request: 'a body that is not UTF-8',
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
      reason: /^malformed JSON/,
    },
    {
      request: 'a broken envelope',
      body: '{"destination":"U0","events":{}}',
      reason: /^invalid payload:\nevents: expected/,
    },
    { request: 'JSON that is not an object', body: '[]', reason: /^invalid payload/ },
  ])('answers 400 to $request, signed', async ({ body, reason }) => {
    const sent = await post(url('/webhook'), body)
    expect(sent.status).toBe(400)
    expect(sent.text).toMatch(reason)
    expect(await settle(0)).toEqual([expect.objectContaining({ kind: 'rejected', status: 400 })])
  })

  it('takes a body of exactly the size limit, and answers 413 to one byte more', async () => {
    const body = bodyOf(textEvent('big'))
    expect((await post(url('/webhook'), padded(body, MAX_BODY_BYTES))).status).toBe(200)
    await settle(1)
    expect((await post(url('/webhook'), padded(body, MAX_BODY_BYTES + 1))).status).toBe(413)
  })

  it('answers 413 to an oversized body sent chunked, with no Content-Length', async () => {
    const body = padded(bodyOf(textEvent('big')), MAX_BODY_BYTES * 4)
    // Any well-formed signature: the size is checked before it.
    const sent = await post(url('/webhook'), chunked(body, 16), { signature: LEGACY_SIGNATURE })
    expect(sent.status).toBe(413)
    expect(await settle(0)).toEqual([])
  })

  it.each(['9999999999', 'constructor', '__proto__', 'hasOwnProperty'])(
    'answers 404 for the unknown channel %s',
    async (channelId) => {
      const sent = await post(url(`/social/on/line/${channelId}`), bodyOf(textEvent('hello')))
      expect(sent.status).toBe(404)
      await settle(0)
    },
  )

  it('handles a redelivered event once, however often it comes', async () => {
    const redelivered = textEvent('again', { deliveryContext: { isRedelivery: true } })
    const body = bodyOf(redelivered)
    expect((await post(url('/webhook'), body)).status).toBe(200)
    expect((await post(url('/webhook'), body)).status).toBe(200)
    const recorded = await settle(2)
    expect(eventsIn(recorded)).toEqual([expect.objectContaining({ redelivered: true })])
    expect(recorded).toContainEqual({
      kind: 'duplicate',
      channelId: CHANNEL_ID,
      webhookEventId: redelivered.webhookEventId,
    })
  })

  it('skips the redelivery of an event it handled', async () => {
    const first = textEvent('once')
    const again = { ...first, deliveryContext: { isRedelivery: true } }
    expect((await post(url('/webhook'), bodyOf(first))).status).toBe(200)
    expect((await post(url('/webhook'), bodyOf(again))).status).toBe(200)
    const recorded = await settle(2)
    expect(eventsIn(recorded)).toEqual([expect.objectContaining({ redelivered: false })])
    expect(recorded).toContainEqual(expect.objectContaining({ kind: 'duplicate' }))
  })

  it('logs an event of an unknown type, keeping it whole, and handles the rest', async () => {
    const hologram = { type: 'hologram', webhookEventId: newEventId(), frames: 24 }
    expect((await post(url('/webhook'), bodyOf(hologram, textEvent('after')))).status).toBe(200)
    const recorded = await settle(1)
    expect(recorded.find((entry) => entry.kind === 'unknown-event')).toMatchObject({
      channelId: CHANNEL_ID,
      event: { _tag: 'UnknownEvent', raw: hologram },
    })
    expect(eventsIn(recorded)).toHaveLength(1)
    expect(recorded).toContainEqual(
      expect.objectContaining({ kind: 'done', received: 2, handled: 1 }),
    )
  })

  it('logs an event that breaks its schema with the paths at fault, no body values', async () => {
    const broken = textEvent('secret text', {
      message: { type: 'text', id: '1', text: 73_519_004 },
    })
    expect((await post(url('/webhook'), bodyOf(broken))).status).toBe(200)
    const recorded = await settle(1)
    const logged = recorded.find((entry) => entry.kind === 'invalid-event')
    expect(logged).toMatchObject({ event: { _tag: 'InvalidEvent', index: 0 } })
    expect(logged?.kind === 'invalid-event' && logged.reason).toMatch(
      /events\[0\]\.message\.text: expected string, got a number/,
    )
    expect(JSON.stringify(logged?.kind === 'invalid-event' && logged.reason)).not.toContain(
      '73519004',
    )
  })

  it('logs a failing handler and goes on with the next event', async () => {
    expect(
      (await post(url('/webhook'), bodyOf(textEvent('throw'), textEvent('next')))).status,
    ).toBe(200)
    const recorded = await settle(1)
    expect(recorded).toContainEqual(expect.objectContaining({ kind: 'handler-failed' }))
    expect(eventsIn(recorded)).toMatchObject([{ event: { message: { text: 'next' } } }])
  })
}

/**
 * Beside an app-wide JSON parser, the webhook still gets the bytes LINE signed (200), and the
 * app's other routes still get parsed JSON (`/api/echo` answers the type its body parsed to).
 */
export async function expectRawWebhookBesideParsedJson(origin: string): Promise<void> {
  expect((await post(`${origin}/webhook`, bodyOf(textEvent('hello')))).status).toBe(200)
  const echoed = await fetch(`${origin}/api/echo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"a":1}',
  })
  expect(await echoed.json()).toEqual({ parsed: 'object' })
}

/**
 * Behind an app-wide JSON parser that reached the body first, an unsigned request of
 * `contentType` is still refused as unsigned (401), never answered 500.
 */
export async function expectUnsignedRefused(
  origin: string,
  recorded: Recorder,
  contentType: string | null,
): Promise<void> {
  const sent = await post(`${origin}/webhook`, bodyOf(textEvent('hello')), {
    secret: null,
    contentType,
  })
  expect(sent).toEqual({
    status: 401,
    text: expect.stringMatching(/^signature mismatch: /) as unknown,
  })
  expect(recorded.take()).toEqual([expect.objectContaining({ kind: 'rejected', status: 401 })])
}

/** A Node example's server script, run as a user would: it serves, logs, and exits 0 on SIGTERM. */
export function serverScriptContract(script: string): void {
  describe(`npx tsx ${script}`, () => {
    it('serves on 127.0.0.1, prints what it handled, and exits 0 on SIGTERM', async () => {
      const server = await startServerProcess(script, {
        LINE_CHANNEL_ID: CHANNEL_ID,
        LINE_CHANNEL_SECRET: CHANNEL_SECRET,
      })
      const sent = await post(`${server.origin}/webhook`, bodyOf(textEvent('from the smoke test')))
      expect(sent.status).toBe(200)
      const { code, output } = await server.stop()
      expect(code).toBe(0)
      expect(output).toContain(`[${CHANNEL_ID}] message/text "from the smoke test" from user`)
    })
  })
}
