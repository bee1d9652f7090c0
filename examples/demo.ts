/**
 * `npm run demo`: starts the Express example on a free local port, sends it what LINE (and a
 * forger) would, and prints what the server answered and decoded. Exits 1 if any answer is not
 * the expected one.
 */
import { readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import {
  LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME,
  LINE_SIGNATURE_HTTP_HEADER_NAME,
  createSignature,
} from 'line-webhook'
import { createApp } from './express/app.js'
import { describeEvent, describeLogEntry } from './shared/console.js'
import { createWebhookReceiver } from './shared/webhook-handling.js'

const channelId = '1234567890'
const channelSecret = 'the demo channel secret'
/** A second channel, as a contact centre serves several at /social/on/line/:channelId. */
const otherChannelId = '2000000001'
const otherChannelSecret = 'the other channel secret'

/** What the server did with the current delivery, and a way to hear that it is done. */
let decoded: string[] = []
let delivered: () => void = () => undefined

const receiver = createWebhookReceiver({
  channels: {
    [channelId]: { secret: channelSecret },
    [otherChannelId]: { secret: otherChannelSecret },
  },
  defaultChannel: channelId,
  onEvent(event, { redelivered }) {
    decoded.push(describeEvent(event) + (redelivered ? ' (redelivered)' : ''))
  },
  log(entry) {
    if (entry.kind === 'done') delivered()
    // The answer shows why a request was rejected.
    else if (entry.kind !== 'rejected') decoded.push(describeLogEntry(entry))
  },
})

const server = createApp(receiver).listen(0, '127.0.0.1')
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
const emoji = JSON.stringify(JSON.parse(text)).replace('"测试"', '"\\uD83D\\uDE00"')
const deliveries: Delivery[] = []
for (const kind of ['text', 'image', 'video', 'audio', 'file', 'location']) {
  const body = sample(`seed-000-${kind}.json`)
  deliveries.push({
    title: `the vendor's ${kind} sample (seed 000)`,
    body,
    signature: await sign(body),
    expected: 200,
  })
}
const contactCentre = sample('seed-001-request.json')
const legacy = sample('legacy-2016.json')
deliveries.push(
  {
    path: `/social/on/line/${otherChannelId}`,
    title: "the contact centre's sample (seed 001), signed with that channel's secret",
    body: contactCentre,
    signature: await sign(contactCentre, otherChannelSecret),
    expected: 200,
  },
  {
    title: `a 2016 BOT API body, signed in ${LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME}`,
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

console.log(`line-webhook demo: the Express example (examples/express) at ${origin}\n`)
let unexpected = 0
for (const [index, delivery] of deliveries.entries()) {
  const { path = '/webhook', title, body, signature, header, expected } = delivery
  decoded = []
  const handled = new Promise<void>((resolve) => (delivered = resolve))
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      [header ?? LINE_SIGNATURE_HTTP_HEADER_NAME]: signature,
    },
    body,
  })
  const answer = await response.text()
  if (response.status === 200) await handled
  if (response.status !== expected) unexpected++

  console.log(`${index + 1}. POST ${path} with ${title}`)
  const mark = response.status === expected ? '' : `   (expected ${expected})`
  console.log(`   answered ${response.status} ${answer.split(':')[0] ?? ''}${mark}`)
  for (const [line, what] of decoded.entries()) {
    console.log(`   ${line === 0 ? 'decoded ' : '        '} ${what}`)
  }
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
