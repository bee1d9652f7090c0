/**
 * What the fuzzer feeds the entry points: arbitrary JSON, bodies generated from LINE's schema
 * (../support/arbitraries.ts), and mutations of the real bodies of the shared corpus: fields
 * dropped, nulled and retyped (to `1e400`'s `Infinity`, unsafe integers, lone surrogates, numerals,
 * type names in other cases), `__proto__` and `constructor` keys, huge arrays, deep nesting; and
 * for `decodeWebhookRequest`, their bytes or strings, with a BOM, invalid UTF-8, numbers written
 * past what a double holds, truncations, or no JSON at all.
 */
import { Buffer } from 'node:buffer'
import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import { goSdkReceive, seed003 } from '../legacy/legacy-fixtures.js'
import {
  anyEventArbitrary,
  callbackRequestArbitrary,
  isJsonObject,
} from '../support/arbitraries.js'
import { modernFixture, modernFixtureNames } from '../support/fixtures.js'

/**
 * Past this many invalid elements the recursion or argument spread of a decoder that is not
 * bounded overflows the stack (about 123,000 did in 0.1.0); the issue asks for 250,000.
 */
export const HUGE_LENGTHS = [130_000, 250_000] as const

/** Out of 10,000 huge-array picks, how many make one: rare, as each costs a whole decode. */
const HUGE_PER_10_000 = 100

/** The bodies of conformance/modern, as `JSON.parse` gave them. */
export function modernCorpus(): readonly unknown[] {
  return modernFixtureNames().map((name) => modernFixture(name).json)
}

/** The 2016 bodies: the Go SDK's, seed 003's, and seed 003's samples each in the Go SDK's body. */
export function legacyCorpus(): readonly unknown[] {
  const go = goSdkReceive().json
  const { body, contents } = seed003()
  const first = isJsonObject(go) && Array.isArray(go['result']) ? go['result'][0] : undefined
  const samples = [...contents.values()].map((content) => ({
    result: [{ ...(isJsonObject(first) ? first : {}), content }],
  }))
  return [go, body, ...samples]
}

/** A fresh object with `key` as an own data property, as `JSON.parse` makes `__proto__` keys. */
function withOwn(key: string, value: unknown): Record<string, unknown> {
  return JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(value)}}`) as Record<string, unknown>
}

/** Nested arrays or objects `depth` levels deep, built without recursion. */
export function deeplyNested(depth: number, inObjects: boolean): unknown {
  let value: unknown = 0
  for (let level = 0; level < depth; level++) value = inObjects ? { type: value } : [value]
  return value
}

/** Values that are wrong almost anywhere, and the ones decoders tend to get wrong. */
function hostileValueArbitrary(events: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc
      .constantFrom<unknown>(
        null,
        true,
        false,
        0,
        -0,
        1,
        -1,
        0.5,
        '',
        'x',
        '0',
        '12',
        '1.5',
        '1e400',
        '9007199254740993',
        'TEXT',
        'Message',
        ' text',
        '\ud800',
        'a\udc00b',
        '\ufeff',
        [],
        {},
        // JSON.parse gives Infinity for 1e400; past 2^53 a JSON integer names no one number.
        Infinity,
        -Infinity,
        2 ** 53,
        -(2 ** 53) - 2,
        1.2345678901234568e29,
        Number.MAX_VALUE,
        5e-324,
        1e21,
      )
      // A fresh copy each time: a mutation of a later step writes into it, and a shared `{}` or
      // `[]` would carry what one input did into every later input (and grow without end).
      .map((value) => structuredClone(value)),
    fc
      .constantFrom('__proto__', 'constructor', 'prototype')
      .map((key) => withOwn(key, { polluted: 'yes', prototype: { polluted: 'yes' } })),
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(...events).map((event) => structuredClone(event)),
  )
}

type Operation =
  | { readonly op: 'drop' | 'null' | 'duplicate' }
  | { readonly op: 'retype'; readonly value: unknown }
  | { readonly op: 'key'; readonly key: string; readonly value: unknown }
  | { readonly op: 'case'; readonly how: number }
  | {
      readonly op: 'huge'
      readonly chance: number
      readonly length: number
      readonly item: unknown
    }
  | { readonly op: 'deep'; readonly depth: number; readonly inObjects: boolean }

interface Mutation {
  /** Which place of the body, modulo how many it has. */
  readonly at: number
  readonly operation: Operation
}

function operationArbitrary(events: readonly unknown[]): fc.Arbitrary<Operation> {
  const hostile = hostileValueArbitrary(events)
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant({ op: 'drop' as const }) },
    { weight: 2, arbitrary: fc.constant({ op: 'null' as const }) },
    { weight: 1, arbitrary: fc.constant({ op: 'duplicate' as const }) },
    {
      weight: 6,
      arbitrary: hostile.map((value) => ({ op: 'retype' as const, value })),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(
            '__proto__',
            'constructor',
            'prototype',
            'toString',
            'hasOwnProperty',
            'valueOf',
            'type',
            '_tag',
            'raw',
            'issues',
            'index',
          ),
          hostile,
        )
        .map(([key, value]) => ({ op: 'key' as const, key, value })),
    },
    { weight: 2, arbitrary: fc.nat(3).map((how) => ({ op: 'case' as const, how })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.nat(9_999),
          fc.constantFrom(...HUGE_LENGTHS),
          fc.constantFrom<unknown>(0, null, 'x', {}, [], { type: 0 }),
        )
        .map(([chance, length, item]) => ({ op: 'huge' as const, chance, length, item })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 100, max: 2_000 }), fc.boolean())
        .map(([depth, inObjects]) => ({ op: 'deep' as const, depth, inObjects })),
    },
  )
}

/** A parent and a key in it: a place of a body. */
type Place = readonly [parent: Record<string, unknown> | unknown[], key: string | number]

/** Every place of `root`, breadth first, at most `limit`; what raw fallbacks hold included. */
function placesOf(root: unknown, limit = 4_000): Place[] {
  const places: Place[] = []
  const queue: unknown[] = [root]
  for (let next = 0; next < queue.length && places.length < limit; next++) {
    const value = queue[next]
    if (Array.isArray(value)) {
      const items = value as unknown[]
      for (let index = 0; index < items.length && places.length < limit; index++) {
        places.push([items, index])
        queue.push(items[index])
      }
    } else if (isJsonObject(value)) {
      const object = value as Record<string, unknown>
      for (const key of Object.keys(object)) {
        places.push([object, key])
        queue.push(object[key])
      }
    }
  }
  return places
}

function set(place: Place, value: unknown): void {
  const [parent, key] = place
  // defineProperty: a key named `__proto__` stays an own data property, as JSON.parse makes it.
  Object.defineProperty(parent, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  })
}

const CASES: readonly ((text: string) => string)[] = [
  (text) => text.toUpperCase(),
  (text) => text.charAt(0).toUpperCase() + text.slice(1),
  (text) => text.toLowerCase(),
  (text) => ` ${text}`,
]

/**
 * `length` items like `item`, each its own value as `JSON.parse` would make them: one object
 * shared by every index would turn a later mutation of one item into a mutation of all of them,
 * and the body's JSON into gigabytes.
 */
function hugeArray(length: number, item: unknown): unknown[] {
  if (typeof item !== 'object' || item === null) return new Array<unknown>(length).fill(item)
  return Array.from({ length }, () => structuredClone(item))
}

/** `body`, a fresh copy, with one mutation applied in place (or a new root). */
function mutate(body: unknown, { at, operation }: Mutation): unknown {
  const all = placesOf(body)
  // A huge array replaces an array when there is one: its items are what the schema checks.
  const arrays = all.filter(([parent, key]) =>
    Array.isArray((parent as Record<string, unknown>)[key]),
  )
  const places = operation.op === 'huge' && arrays.length > 0 ? arrays : all
  const index = at % (places.length + 1)
  const place = places[index]
  const current = place === undefined ? body : (place[0] as Record<string, unknown>)[place[1]]
  let replacement: unknown
  switch (operation.op) {
    case 'drop':
      if (place === undefined) return undefined
      if (Array.isArray(place[0])) place[0].splice(place[1] as number, 1)
      else Reflect.deleteProperty(place[0], place[1])
      return body
    case 'null':
      replacement = null
      break
    case 'duplicate':
      if (!Array.isArray(current)) return body
      // Copies, as JSON.parse would make them: a later mutation of one must not change both.
      ;(current as unknown[]).push(...structuredClone((current as unknown[]).slice(0, 8)))
      return body
    case 'retype':
      replacement = operation.value
      break
    case 'key':
      if (!isJsonObject(current)) return body
      set([current, operation.key], operation.value)
      return body
    case 'case':
      if (typeof current !== 'string') return body
      replacement = (CASES[operation.how] ?? String)(current)
      break
    case 'huge':
      if (operation.chance >= HUGE_PER_10_000) return body
      replacement = hugeArray(operation.length, operation.item)
      break
    case 'deep':
      replacement = deeplyNested(operation.depth, operation.inObjects)
      break
  }
  if (place === undefined) return replacement
  set(place, replacement)
  return body
}

function mutationArbitrary(events: readonly unknown[]): fc.Arbitrary<Mutation> {
  return fc.record({ at: fc.nat(), operation: operationArbitrary(events) })
}

/**
 * `size` bodies of every kind the schema allows: unknown types and properties, broken events,
 * junk. Generated once per run and then mutated: generating one costs more than decoding it.
 */
export function generatedBodies(size: number, seed: number): readonly unknown[] {
  const body = callbackRequestArbitrary(
    { extraProperties: true, unknownTypes: true },
    anyEventArbitrary(),
  )
  return fc.sample(body, { numRuns: size, seed })
}

/** What the fuzzer starts from: real bodies, generated ones, and the events of both. */
export interface Corpus {
  readonly bodies: readonly unknown[]
  readonly events: readonly unknown[]
}

/** The corpus of `bodies`, with every event they hold. */
export function corpusOf(bodies: readonly unknown[]): Corpus {
  const events = bodies.flatMap((body) =>
    isJsonObject(body) && Array.isArray(body['events']) ? (body['events'] as unknown[]) : [],
  )
  return { bodies, events: events.length > 0 ? events : [{}] }
}

const copyOf = ({ bodies }: Corpus): fc.Arbitrary<unknown> =>
  fc.constantFrom(...bodies).map((body) => structuredClone(body))

/** Copies of the corpus's bodies, mutated one to four times. */
export function mutatedBodyArbitrary(corpus: Corpus): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      copyOf(corpus),
      fc.array(mutationArbitrary(corpus.events), { minLength: 1, maxLength: 4 }),
    )
    .map(([body, mutations]) => mutations.reduce(mutate, body))
}

/** Values for the entry points that take parsed JSON. */
export function valueArbitrary(corpus: Corpus): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    {
      weight: 1,
      arbitrary: fc.record({ destination: fc.jsonValue(), events: fc.array(fc.jsonValue()) }),
    },
    {
      weight: 1,
      arbitrary: fc.record(
        { result: fc.array(fc.jsonValue()), events: fc.constant(undefined) },
        {
          requiredKeys: ['result'],
        },
      ),
    },
    { weight: 2, arbitrary: copyOf(corpus) },
    { weight: 8, arbitrary: mutatedBodyArbitrary(corpus) },
  )
}

// Bytes -------------------------------------------------------------------------------------

/** A body as `decodeWebhookRequest` is given it, signed with the channel's secret. */
export interface SignedBody {
  readonly body: string | Uint8Array
  readonly signature: string
  /** Whether the body is text: valid UTF-8 bytes, or a string without lone surrogates. */
  readonly wellFormed: boolean
}

export const CHANNEL_SECRET = 'fuzzing-channel-secret'

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** The signature LINE would send: HMAC-SHA256 of the exact bytes, in base64. */
export function signatureOf(body: string | Uint8Array): string {
  const bytes = typeof body === 'string' ? bytesOfString(body) : body
  return createHmac('sha256', CHANNEL_SECRET).update(bytes).digest('base64')
}

/**
 * The bytes a string stands for: UTF-8, and a lone surrogate as its own three bytes (WTF-8), the
 * bytes that fail to decode as the string does. Buffer.from would write U+FFFD in its place and
 * sign another body.
 */
function bytesOfString(body: string): Buffer {
  // Split on lone surrogates (with the u flag a pair is one code point and does not match): the
  // text between them is UTF-8 as Buffer writes it, in one piece, not one Buffer per character.
  const parts = body.split(/([\uD800-\uDFFF])/u)
  return Buffer.concat(
    parts.map((part, index) => {
      if (index % 2 === 0) return Buffer.from(part, 'utf8')
      const code = part.charCodeAt(0)
      return Buffer.from([0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)])
    }),
  )
}

function isWellFormed(body: string | Uint8Array): boolean {
  // With the u flag a surrogate pair is one code point: only lone surrogates match.
  if (typeof body === 'string') return !/[\uD800-\uDFFF]/u.test(body)
  try {
    strictUtf8.decode(body)
    return true
  } catch {
    return false
  }
}

/** JSON text of `value`, or of nothing when it has none (JSON.stringify recurses). */
function textOf(value: unknown): string {
  try {
    // Typed string, but undefined for undefined (a dropped root).
    const text = JSON.stringify(value) as string | undefined
    return text ?? ''
  } catch {
    return ''
  }
}

/** Byte sequences that are not UTF-8: a stray byte, overlong, a surrogate, a cut sequence. */
const INVALID_UTF8: readonly (readonly number[])[] = [
  [0xff],
  [0xc0, 0x80],
  [0xed, 0xa0, 0x80],
  [0xe2, 0x82],
  [0xf4, 0x90, 0x80, 0x80],
  [0x80],
]

/** Numbers no double or safe integer holds, written where a number was. */
const OUT_OF_RANGE = ['1e400', '-1e400', '1E400', '1.2345678901234568e29', '9007199254740993']

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g

type TextEdit =
  | { readonly edit: 'none' | 'bom' }
  | { readonly edit: 'number'; readonly at: number; readonly by: number }
  | { readonly edit: 'surrogate'; readonly at: number; readonly high: boolean }
  | { readonly edit: 'truncate'; readonly at: number }
  | { readonly edit: 'deep'; readonly depth: number }

const textEditArbitrary: fc.Arbitrary<TextEdit> = fc.oneof(
  { weight: 60, arbitrary: fc.constant({ edit: 'none' as const }) },
  { weight: 10, arbitrary: fc.constant({ edit: 'bom' as const }) },
  {
    weight: 20,
    arbitrary: fc
      .tuple(fc.nat(), fc.nat(OUT_OF_RANGE.length - 1))
      .map(([at, by]) => ({ edit: 'number' as const, at, by })),
  },
  {
    weight: 10,
    arbitrary: fc
      .tuple(fc.nat(), fc.boolean())
      .map(([at, high]) => ({ edit: 'surrogate' as const, at, high })),
  },
  { weight: 10, arbitrary: fc.nat().map((at) => ({ edit: 'truncate' as const, at })) },
  {
    // Rare: a body nested 200,000 deep is 400 kB to sign and parse.
    weight: 1,
    arbitrary: fc
      .oneof(fc.integer({ min: 1_000, max: 10_000 }), fc.constantFrom(100_000, 200_000))
      .map((depth) => ({ edit: 'deep' as const, depth })),
  },
)

function editText(text: string, edit: TextEdit): string {
  switch (edit.edit) {
    case 'none':
      return text
    case 'bom':
      return `\ufeff${text}`
    case 'number': {
      const numbers = [...text.matchAll(NUMBER)]
      const found = numbers[edit.at % Math.max(1, numbers.length)]
      if (found === undefined) return text
      const start = found.index
      return `${text.slice(0, start)}${OUT_OF_RANGE[edit.by] ?? ''}${text.slice(start + found[0].length)}`
    }
    case 'surrogate': {
      const at = edit.at % (text.length + 1)
      return `${text.slice(0, at)}${edit.high ? '\ud83d' : '\ude00'}${text.slice(at)}`
    }
    case 'truncate':
      return text.slice(0, edit.at % (text.length + 1))
    case 'deep':
      return `{"destination":"U0","events":[${'['.repeat(edit.depth)}${']'.repeat(edit.depth)}]}`
  }
}

type Encoding =
  | { readonly as: 'string' | 'uint8array' | 'buffer' }
  | { readonly as: 'invalid'; readonly at: number; readonly which: number }

const encodingArbitrary: fc.Arbitrary<Encoding> = fc.oneof(
  fc.constantFrom<Encoding>({ as: 'string' }, { as: 'uint8array' }, { as: 'buffer' }),
  fc
    .tuple(fc.nat(), fc.nat(INVALID_UTF8.length - 1))
    .map(([at, which]) => ({ as: 'invalid' as const, at, which })),
)

function encode(text: string, encoding: Encoding): string | Uint8Array {
  switch (encoding.as) {
    case 'string':
      return text
    case 'buffer':
      return Buffer.from(text, 'utf8')
    case 'uint8array':
      return new Uint8Array(Buffer.from(text, 'utf8'))
    case 'invalid': {
      const bytes = Buffer.from(text, 'utf8')
      const at = encoding.at % (bytes.length + 1)
      const inserted = Uint8Array.from(INVALID_UTF8[encoding.which] ?? [])
      return new Uint8Array(Buffer.concat([bytes.subarray(0, at), inserted, bytes.subarray(at)]))
    }
  }
}

function signed(body: string | Uint8Array): SignedBody {
  return { body, signature: signatureOf(body), wellFormed: isWellFormed(body) }
}

/** Signed bodies: the values' JSON edited and encoded, random bytes, random strings. */
export function signedBodyArbitrary(corpus: Corpus): fc.Arbitrary<SignedBody> {
  const fromValues = fc
    .tuple(valueArbitrary(corpus), textEditArbitrary, encodingArbitrary)
    .map(([value, edit, encoding]) => signed(encode(editText(textOf(value), edit), encoding)))
  return fc.oneof(
    { weight: 8, arbitrary: fromValues },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map(signed) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.string({
            unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
          }),
          fc.json(),
        )
        .map(signed),
    },
  )
}

const lossyUtf8 = new TextDecoder()

/** Bytes as text (U+FFFD for what is not UTF-8), long arrays cut short: a value to print. */
function printable(this: unknown, key: string, value: unknown): unknown {
  const original = (this as Record<string, unknown>)[key]
  if (original instanceof Uint8Array)
    return `bytes(${original.length}): ${lossyUtf8.decode(original)}`
  if (Array.isArray(value) && value.length > 20) {
    return [...(value as unknown[]).slice(0, 3), `… ${value.length} items`]
  }
  return value
}

/** A short, bounded preview of an input for a report: no megabyte of zeros on the terminal. */
export function preview(input: unknown, length = 400): string {
  let text: string
  try {
    text = JSON.stringify({ input }, printable)
  } catch {
    text = `(${typeof input}, too deep to print)`
  }
  return text.length > length ? `${text.slice(0, length)}…` : text
}
