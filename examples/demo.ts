/**
 * `npm run demo`: serves `createWebhookHandler` through `webhook.node` on `node:http` at a free
 * local port, sends it what LINE (and a forger) would, and prints what the server answered and
 * which handlers ran. Exits 1 if any answer is not the expected one.
 */
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME,
  LINE_SIGNATURE_HTTP_HEADER_NAME,
  createMemoryDedupStore,
  createSignature,
  createWebhookHandler,
  type EventHandler,
  type LenientEvent,
  type UnknownEvent,
} from 'line-webhook'
import { decodeLegacyCallbackRequest } from 'line-webhook/legacy'

/** An event of a type this version knows: the handlers of `on` receive one. */
type KnownEvent = Exclude<LenientEvent, UnknownEvent>

const channelSecret = 'the demo channel secret'
/** A second channel, as a contact centre serves several at /social/on/line/:channelId. */
const otherChannelId = '2000000001'
const otherChannelSecret = 'the other channel secret'

/** What the handlers did with the current delivery, a line each. */
let handled: string[] = []

/** One line per event: what came, not all of it. */
function describe(event: KnownEvent): string {
  const from = event.source?.type === undefined ? '' : ` from ${event.source.type}`
  if (event.type !== 'message') return `${event.type}${from}`
  const { message } = event
  switch (message.type) {
    case undefined:
      return `message/${message.raw.type} (an unknown message type)${from}`
    case 'text':
      return `message/text ${JSON.stringify(message.text)}${from}`
    case 'video':
    case 'audio':
      return `message/${message.type}${message.duration === undefined ? '' : ` ${message.duration} ms`}${from}`
    case 'location':
      return `message/location ${message.latitude},${message.longitude}${from}`
    default:
      return `message/${message.type}${from}`
  }
}

const show: EventHandler<KnownEvent> = (event) => void handled.push(`handled  ${describe(event)}`)

// The memory store every handler has by default, wrapped only to print what it skips.
const memory = createMemoryDedupStore()

const webhook = createWebhookHandler({
  channelSecret: (request) => {
    if (request.pathname === '/webhook') return channelSecret
    if (request.pathname === `/social/on/line/${otherChannelId}`) return otherChannelSecret
    return undefined // no channel served here: 404
  },
  // Vendors that forward LINE events, and the 2016 BOT API format, decode too.
  decode: { lenient: true, acceptLegacy: decodeLegacyCallbackRequest },
  on: { message: show, follow: show, unfollow: show, join: show, leave: show, postback: show },
  dedup: {
    store: {
      claim: async (webhookEventId, ttlMs) => {
        const first = await memory.claim(webhookEventId, ttlMs)
        if (!first) handled.push(`skipped  ${webhookEventId}: handled already`)
        return first
      },
    },
  },
})

const server = createServer((req, res) => void webhook.node(req, res))
server.listen(0, '127.0.0.1')
await new Promise((resolve) => server.once('listening', resolve))
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

const sample = (name: string) => readFileSync(new URL(`samples/${name}`, import.meta.url), 'utf8')
const sign = (body: string, secret = channelSecret) =>
  createSignature({ channelSecret: secret, body })

interface Delivery {
  readonly path?: string
  readonly title: string
  readonly body: string
  readonly signature: string
  readonly header?: string
  readonly expected: number
}

const text = sample('seed-000-text.json')
const redelivered = text.replace('"isRedelivery": false', '"isRedelivery": true')
// A new message, so a new webhookEventId: the same one would be skipped as a redelivery.
const emoji = JSON.stringify(JSON.parse(text))
  .replace('"测试"', '"\\uD83D\\uDE00"')
  .replace('01HYFM66MC7K0N6QAX1ZVDXD13', '01HYFM7Q2W8Z3R5T9Y4B6N1M0K')
const verify = '{"destination":"xxxxxxxxxx","events":[]}'
const deliveries: Delivery[] = []
for (const kind of ['text', 'image', 'video', 'audio', 'file', 'location']) {
  let body = sample(`seed-000-${kind}.json`)
  let title = `the vendor's ${kind} sample (seed 000)`
  if (kind === 'file') {
    body = body.replace('01HYJ1H5444AHFT914RBA6F5N2', '01HYJ1H5444AHFT914RBA6F5N3')
    title += ", given a webhookEventId of its own (the seed's repeats the audio sample's)"
  }
  deliveries.push({ title, body, signature: await sign(body), expected: 200 })
}
const contactCentre = sample('seed-001-request.json')
// The 2016 documentation's events share one id, their webhookEventId: all of them run, since
// events of one body are never redeliveries of each other.
const legacy = sample('legacy-2016.json')
deliveries.push(
  {
    title: 'the text sample again, redelivered by LINE (isRedelivery: true, same webhookEventId)',
    body: redelivered,
    signature: await sign(redelivered),
    expected: 200,
  },
  {
    title: `the console's Verify request, ${verify}`,
    body: verify,
    signature: await sign(verify),
    expected: 200,
  },
  {
    path: `/social/on/line/${otherChannelId}`,
    title: "the contact centre's sample (seed 001), signed with that channel's secret",
    body: contactCentre,
    signature: await sign(contactCentre, otherChannelSecret),
    expected: 200,
  },
  {
    path: '/social/on/line/3999999999',
    title: 'the same, for a channel this server does not serve',
    body: contactCentre,
    signature: await sign(contactCentre, otherChannelSecret),
    expected: 404,
  },
  {
    title: `a 2016 BOT API body signed in ${LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME}`,
    body: legacy,
    signature: await sign(legacy),
    header: LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME,
    expected: 200,
  },
  {
    title: 'an emoji as LINE sends it, escaped: \\uD83D\\uDE00',
    body: emoji,
    signature: await sign(emoji),
    expected: 200,
  },
  {
    title: 'the same body re-serialised by JSON.stringify, with its signature',
    body: JSON.stringify(JSON.parse(emoji)),
    signature: await sign(emoji),
    expected: 401,
  },
  {
    title: 'a forged body: the text sample with its text changed, and its signature',
    body: text.replace('测试', 'send me the money'),
    signature: await sign(text),
    expected: 401,
  },
)

console.log(`line-webhook demo: createWebhookHandler, webhook.node on node:http at ${origin}\n`)
let unexpected = 0
for (const [index, delivery] of deliveries.entries()) {
  const { path = '/webhook', title, body, signature, header, expected } = delivery
  handled = []
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      [header ?? LINE_SIGNATURE_HTTP_HEADER_NAME]: signature,
    },
    body,
  })
  const answer = await response.text()
  // The answer goes out first; the handlers run after it.
  await webhook.drain()
  if (response.status !== expected) unexpected++

  console.log(`${index + 1}. POST ${path} with ${title}`)
  const mark = response.status === expected ? '' : `   (expected ${expected})`
  console.log(`   answered ${response.status} ${answer}${mark}`)
  if (response.status === 200 && handled.length === 0) handled.push('no events: no handler ran')
  for (const line of handled) console.log(`   ${line}`)
  console.log()
}

server.close()
server.closeAllConnections()
console.log(
  unexpected === 0
    ? `All ${deliveries.length} requests answered as expected.`
    : `${unexpected} of ${deliveries.length} requests were not answered as expected.`,
)
process.exitCode = unexpected === 0 ? 0 : 1
