/**
 * What every recipe on `createWebhookHandler` must do, run against each over real HTTP on
 * 127.0.0.1: one suite, so the frameworks cannot drift apart.
 */
import { createSignature } from 'line-webhook'
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
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
import type { RunningRecipe } from './recipe.js'
import { SLOW_HANDLER_MS, type Recorded } from './recording-hooks.js'

export interface RecipeContractOptions {
  /** The path that serves the default channel. Default `/webhook`. */
  readonly path?: string
  /** The recipe runs the handlers before it answers (AWS Lambda). */
  readonly respond?: 'before-handlers' | 'after-handlers'
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

/** A sample with an event ID of its own: the vendor's samples share one, as LINE's never do. */
function withNewEventId(json: unknown): string {
  const body = json as { readonly events: readonly object[] }
  return JSON.stringify({
    ...body,
    events: body.events.map((event) => ({ ...event, webhookEventId: newEventId() })),
  })
}

const eventsIn = (recorded: readonly Recorded[]) =>
  recorded.flatMap((entry) => (entry.kind === 'event' ? [entry] : []))

export function recipeContract(
  start: () => Promise<RunningRecipe>,
  options: RecipeContractOptions = {},
): void {
  const { path = '/webhook', respond = 'before-handlers' } = options
  let running: RunningRecipe | undefined

  beforeAll(async () => {
    running = await start()
  })
  afterAll(async () => {
    await running?.close()
  })
  // Each test starts from nothing recorded, whatever the one before left.
  beforeEach(async () => {
    await running?.settle()
  })

  const recipe = (): RunningRecipe => {
    if (running === undefined) throw new Error('the recipe did not start')
    return running
  }
  const url = (at = path): string => `${recipe().origin}${at}`

  it('answers 200 to a signed body, then hands each typed event to the bot', async () => {
    const event = textEvent('hello')
    expect(await post(url(), bodyOf(event))).toEqual({ status: 200, text: 'OK' })
    expect(await recipe().settle()).toMatchObject([
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
    ])
  })

  if (respond === 'before-handlers') {
    it(
      'answers before it handles: the bot is still busy when LINE has its 200',
      async () => {
        expect((await post(url(), bodyOf(textEvent('slow')))).status).toBe(200)
        expect(recipe().taken()).toEqual([])
        expect(eventsIn(await recipe().settle())).toHaveLength(1)
      },
      SLOW_HANDLER_MS * 10,
    )
  } else {
    it(
      'handles before it answers: the platform may freeze the function once it has answered',
      async () => {
        expect((await post(url(), bodyOf(textEvent('slow')))).status).toBe(200)
        expect(eventsIn(recipe().taken())).toHaveLength(1)
      },
      SLOW_HANDLER_MS * 10,
    )
  }

  it("answers 200 to the console's Verify request, and runs nothing", async () => {
    const body = '{"destination":"xxxxxxxxxx","events":[]}'
    expect(await post(url(), body)).toEqual({ status: 200, text: 'OK' })
    expect(await recipe().settle()).toEqual([])
  })

  it.each(SEED_000)(
    'answers 200 to the seed 000 $caption sample, read leniently',
    async ({ caption, json }) => {
      expect((await post(url(), withNewEventId(json))).status).toBe(200)
      const [handled, ...more] = eventsIn(await recipe().settle())
      expect(more).toEqual([])
      expect(handled?.event).toMatchObject({ type: 'message', message: { type: caption } })
      // The vendor sends the video's duration as a string; the lenient profile reads the number.
      if (caption === 'video')
        expect(handled?.event).toMatchObject({ message: { duration: 10735 } })
    },
  )

  it('serves several channels, each with its own secret: seed 001 at /social/on/line/:channelId', async () => {
    const body = withNewEventId(SEED_001?.json)
    const at = `/social/on/line/${OTHER_CHANNEL_ID}`
    // Signed with the default channel's secret: not this channel's request.
    expect((await post(url(at), body)).status).toBe(401)
    expect((await post(url(at), body, { secret: OTHER_CHANNEL_SECRET })).status).toBe(200)
    const [handled] = eventsIn(await recipe().settle())
    // `"type": ""` and `"TEXT"` as the contact centre sends them, read as a text message.
    expect(handled).toMatchObject({
      channelId: OTHER_CHANNEL_ID,
      event: { type: 'message', message: { type: 'text', text: 'hello' } },
    })
  })

  it.each(['9999999999', 'constructor', '__proto__', 'hasOwnProperty'])(
    'answers 404 for the unknown channel %s',
    async (channelId) => {
      const sent = await post(url(`/social/on/line/${channelId}`), bodyOf(textEvent('hello')))
      expect(sent.status).toBe(404)
      expect(await recipe().settle()).toEqual([])
    },
  )

  it('takes the 2016 legacy body signed in x-line-channelsignature, adapted to events', async () => {
    const sent = await post(url(), LEGACY_BODY, {
      header: 'X-LINE-ChannelSignature',
      signature: LEGACY_SIGNATURE,
    })
    expect(sent.status).toBe(200)
    const types = eventsIn(await recipe().settle()).map(({ event }) =>
      event.type === 'message'
        ? `message/${event.message.type ?? event.message.raw.type}`
        : event.type,
    )
    // Nine results. The Go SDK's sample gives its seven messages one `id`, which becomes their
    // webhookEventId: events of one body are never redeliveries of each other, so all run.
    expect(types).toHaveLength(9)
    expect(types.slice(0, 1).concat(types.slice(-2))).toEqual([
      'message/text',
      'follow',
      'unfollow',
    ])
  })

  it('verifies the bytes LINE sent: an escaped emoji decodes to 😀, re-serialised JSON does not verify', async () => {
    const body = emojiBody()
    expect((await post(url(), body)).status).toBe(200)
    expect(eventsIn(await recipe().settle())[0]?.event).toMatchObject({
      message: { text: '😀' },
    })

    const signature = await createSignature({ channelSecret: CHANNEL_SECRET, body })
    const reserialised = JSON.stringify(JSON.parse(body))
    expect(reserialised).toContain('😀')
    expect((await post(url(), reserialised, { signature })).status).toBe(401)
  })

  it.each([
    { request: 'a forged body (signed with another secret)', options: { secret: 'not it' } },
    { request: 'no signature header', options: { secret: null } },
    { request: "another body's signature", options: { signature: LEGACY_SIGNATURE } },
    { request: 'an empty signature header', options: { signature: '' } },
    { request: 'a malformed signature', options: { signature: 'not base64!' } },
  ])('answers 401 to $request, and handles nothing', async ({ options }) => {
    const sent = await post(url(), bodyOf(textEvent('forged')), options)
    expect(sent).toEqual({ status: 401, text: 'Unauthorized: the signature does not match' })
    expect(await recipe().settle()).toEqual([])
  })

  it.each([
    'text/plain',
    null,
    'application/x-www-form-urlencoded',
    'application/octet-stream',
    'application/vnd.line+json',
  ])('answers 401, never 500, to an unsigned body sent as %s', async (contentType) => {
    const sent = await post(url(), bodyOf(textEvent('unsigned')), { secret: null, contentType })
    expect(sent.status).toBe(401)
    expect(await recipe().settle()).toEqual([])
  })

  it('verifies a signed body whatever its Content-Type: the bytes are what count', async () => {
    for (const contentType of ['text/plain', null, 'application/x-www-form-urlencoded']) {
      expect((await post(url(), bodyOf(textEvent('typed')), { contentType })).status).toBe(200)
    }
    expect(eventsIn(await recipe().settle())).toHaveLength(3)
  })

  it.each([
    { request: 'malformed JSON', body: '{"destination":"U0","events":[' },
    { request: 'a body that is not UTF-8', body: new Uint8Array([0x7b, 0xff, 0x7d]) },
    { request: 'a broken envelope', body: '{"destination":"U0","events":{}}' },
    { request: 'JSON that is not an object', body: '[]' },
  ])('answers 400 to $request, signed', async ({ body }) => {
    expect((await post(url(), body)).status).toBe(400)
    expect(await recipe().settle()).toEqual([])
  })

  it('takes a body of exactly the size limit, and answers 413 to one byte more', async () => {
    const body = bodyOf(textEvent('big'))
    expect((await post(url(), padded(body, MAX_BODY_BYTES))).status).toBe(200)
    expect(eventsIn(await recipe().settle())).toHaveLength(1)
    expect((await post(url(), padded(body, MAX_BODY_BYTES + 1))).status).toBe(413)
  })

  it('answers 413 to an oversized body sent chunked, with no Content-Length', async () => {
    const body = padded(bodyOf(textEvent('big')), MAX_BODY_BYTES * 4)
    const sent = await post(url(), chunked(body, 16), { signature: LEGACY_SIGNATURE })
    expect(sent.status).toBe(413)
    expect(await recipe().settle()).toEqual([])
  })

  it('skips an event LINE delivers again, by its webhookEventId', async () => {
    const first = textEvent('once')
    const again = { ...first, deliveryContext: { isRedelivery: true } }
    expect((await post(url(), bodyOf(first))).status).toBe(200)
    expect((await post(url(), bodyOf(again))).status).toBe(200)
    expect(eventsIn(await recipe().settle())).toEqual([
      expect.objectContaining({ redelivered: false }),
    ])
  })

  it('logs an event of an unknown type, keeping it whole, and handles the rest', async () => {
    const hologram = { type: 'hologram', webhookEventId: newEventId(), frames: 24 }
    expect((await post(url(), bodyOf(hologram, textEvent('after')))).status).toBe(200)
    const recorded = await recipe().settle()
    expect(recorded).toMatchObject([
      { kind: 'unknown-event', channelId: CHANNEL_ID, event: { raw: hologram } },
      { kind: 'event', event: { message: { text: 'after' } } },
    ])
  })

  it('logs an event that breaks its schema with the paths at fault, no body values', async () => {
    const broken = textEvent('secret text', {
      message: { type: 'text', id: '1', text: 73_519_004 },
    })
    expect((await post(url(), bodyOf(broken))).status).toBe(200)
    const [logged, ...more] = await recipe().settle()
    expect(more).toEqual([])
    expect(logged).toMatchObject({ kind: 'invalid-event', event: { index: 0 } })
    const reason = logged?.kind === 'invalid-event' ? logged.reason : ''
    expect(reason).toMatch(/events\[0\]\.message\.text: expected string, got a number/)
    expect(reason).not.toContain('73519004')
  })

  it('logs a failing handler and goes on with the next event', async () => {
    expect((await post(url(), bodyOf(textEvent('throw'), textEvent('next')))).status).toBe(200)
    expect(await recipe().settle()).toMatchObject([
      { kind: 'handler-failed', channelId: CHANNEL_ID, error: new Error('the bot failed') },
      { kind: 'event', event: { message: { text: 'next' } } },
    ])
  })
}
