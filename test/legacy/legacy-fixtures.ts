/**
 * The 2016 BOT API trial bodies of test/fixtures, as `unknown`: conformance/legacy (a real SDK
 * test body, valid JSON) and seed 003 (a wiki page whose JSON is annotated by hand, so it needs
 * the explicit repairs below before it parses).
 */
import { readFileSync } from 'node:fs'
import { closingBrace, fixturesDir } from '../support/fixtures.js'

function parse(text: string): unknown {
  return JSON.parse(text)
}

/** conformance/legacy/go-sdk-2016-receive.json: its exact bytes, and its JSON. */
export function goSdkReceive(): { readonly bytes: Buffer; readonly json: unknown } {
  const bytes = readFileSync(new URL('conformance/legacy/go-sdk-2016-receive.json', fixturesDir))
  return { bytes, json: parse(bytes.toString('utf8')) }
}

/**
 * What seed 003 writes that is not JSON, and what the tests read instead. Each must occur exactly
 * once, so a change to the seed fails loudly instead of being half-repaired:
 * - notes in Japanese after a value (`"from": "...", 送信者のMID`) are dropped;
 * - the placeholder `[Channel ID of the BOT API server]` becomes the channel id the Go SDK's
 *   test body uses, 1441301333;
 * - the location sample's `[緯度]` (latitude) and `[経度]` (longitude) become the coordinates the
 *   Go SDK's location uses, 35.658977 and 139.703811.
 * String placeholders such as `"[Identifier of the message]"` are valid JSON and stay as they are.
 */
export const SEED_003_REPAIRS: readonly (readonly [string, string])[] = [
  [', 送信者のMID', ','],
  ['" 受信者のMID配列', '"'],
  [',   Fixed valueらしい', ','],
  ['[Channel ID of the BOT API server]', '1441301333'],
  ['[緯度]', '35.658977'],
  ['[経度]', '139.703811'],
]

function objectAt(text: string, start: number): unknown {
  const end = closingBrace(text, start)
  if (end === -1) throw new Error(`the brace at ${start} never closes`)
  return parse(text.slice(start, end + 1))
}

/** The seven captions of seed 003's per-type samples, in page order. */
export const SEED_003_CAPTIONS = [
  'Text message',
  'Image message',
  'Video message',
  'Audio message',
  'Location message',
  'Sticker message',
  'Contact message',
] as const

export type Seed003Caption = (typeof SEED_003_CAPTIONS)[number]

export interface Seed003 {
  /** The page's full body, `{"result": [one text message]}`. */
  readonly body: unknown
  /** The per-type samples: each a bare `"content": {...}`, by caption. */
  readonly contents: ReadonlyMap<Seed003Caption, unknown>
}

/** Seed 003's JSON, repaired as {@link SEED_003_REPAIRS} says. */
export function seed003(): Seed003 {
  let text = readFileSync(new URL('seeds/003_4730e1a3d8e74500.txt', fixturesDir), 'utf8')
  for (const [from, to] of SEED_003_REPAIRS) {
    const count = text.split(from).length - 1
    if (count !== 1) throw new Error(`seed 003 holds ${JSON.stringify(from)} ${count} times`)
    text = text.replace(from, to)
  }
  const body = objectAt(text, text.indexOf('{'))
  const contents = new Map<Seed003Caption, unknown>()
  for (const caption of SEED_003_CAPTIONS) {
    // The caption on a line of its own; the table above the samples names each type too.
    const at = new RegExp(`^${caption}$`, 'm').exec(text)?.index
    if (at === undefined) throw new Error(`seed 003 has no ${caption} sample`)
    const content = text.indexOf('"content": {', at)
    contents.set(caption, objectAt(text, text.indexOf('{', content)))
  }
  return { body, contents }
}
