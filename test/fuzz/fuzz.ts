/**
 * The fuzzer: every entry point of a build, fed generated and mutated inputs (./inputs.ts), each
 * result held to what the entry point promises. It counts, per entry point and build:
 * - `throws`: a synchronous throw, or a rejected promise;
 * - `notEither`: a result that is not `{ _tag: 'Left', left }` or `{ _tag: 'Right', right }`;
 * - `badLeft`: a failure that is not one of the failures the entry point can give, or gives no
 *   issue; for a body signed with the right secret, `SignatureMismatch`;
 * - `badRight`: a decoded body whose runtime shape breaks its static type (./shape.ts);
 * - `prototype`: `Object.prototype` or `Array.prototype` changed;
 * - `encoding`: a body that is not UTF-8 (or a string with lone surrogates) decoded anyway, or
 *   text that is refused as an encoding failure;
 * - `notSuperset`: an event the strict profile keeps typed that the lenient one makes invalid.
 * It never shrinks: it counts everything and keeps a few examples of each.
 */
import fc from 'fast-check'
import type * as Library from '../../src/index.js'
import type * as LegacyLibrary from '../../src/legacy/index.js'
import {
  CHANNEL_SECRET,
  corpusOf,
  generatedBodies,
  legacyCorpus,
  modernCorpus,
  preview,
  signedBodyArbitrary,
  valueArbitrary,
  type Corpus,
  type SignedBody,
} from './inputs.js'
import { isJsonObject } from '../support/arbitraries.js'
import { issueListProblems, shapeProblems, type Profile } from './shape.js'
import { decodeLegacyCallbackRequest } from '../../src/legacy/index.js'

/** The package's public surface, as both builds export it: the main entry and the legacy one. */
export type Build = typeof Library & typeof LegacyLibrary

/**
 * `options` for `build`: the tables below name the source's legacy decoder, which each build
 * replaces with its own, so a build is fuzzed with nothing but itself.
 */
function ownOptions(build: Build, options: Options): Options {
  return options?.acceptLegacy
    ? { ...options, acceptLegacy: build.decodeLegacyCallbackRequest }
    : options
}

export const CATEGORIES = [
  'throws',
  'notEither',
  'badLeft',
  'badRight',
  'prototype',
  'encoding',
  'notSuperset',
] as const

export type Category = (typeof CATEGORIES)[number]

interface Finding {
  readonly category: Category
  readonly detail: string
}

/** What one entry point of one build did over a run. */
export interface Tally {
  readonly entryPoint: string
  readonly build: string
  runs: number
  /** Seconds spent in this build's entry point, checks included, generation not. */
  seconds: number
  readonly counts: Record<Category, number>
  /** The first few findings of each category, with a preview of their input. */
  readonly examples: string[]
}

type Options = Parameters<Build['decodeCallbackRequest']>[1]

interface EntryPoint<I> {
  readonly name: string
  readonly input: (corpora: Corpora) => fc.Arbitrary<I>
  readonly run: (build: Build, input: I) => Finding[] | Promise<Finding[]>
}

/** An entry point whose input type is forgotten, to list it beside the others. */
function erased<I>(entryPoint: EntryPoint<I>): EntryPoint<unknown> {
  return entryPoint as unknown as EntryPoint<unknown>
}

/** The corpora an entry point may draw from. */
interface Corpora {
  /** Modern bodies: conformance/modern and generated ones. */
  readonly modern: Corpus
  /** Those and the 2016 bodies. */
  readonly both: Corpus
}

// Checks ------------------------------------------------------------------------------------

const FAILURE_TAGS = new Set(['InvalidPayload', 'MalformedJson', 'SignatureMismatch'])

function isEither(
  result: unknown,
): result is
  | { readonly _tag: 'Left'; readonly left: unknown }
  | { readonly _tag: 'Right'; readonly right: unknown } {
  if (typeof result !== 'object' || result === null) return false
  const { _tag: tag } = result as { readonly _tag?: unknown }
  return (tag === 'Left' && 'left' in result) || (tag === 'Right' && 'right' in result)
}

/** The problems of a failure: one of the union's, with well-formed issues. */
function failureProblems(failure: unknown, allowed: ReadonlySet<string>): string[] {
  if (typeof failure !== 'object' || failure === null) return ['a failure that is no object']
  const { _tag: tag } = failure as { readonly _tag?: unknown }
  if (typeof tag !== 'string' || !FAILURE_TAGS.has(tag))
    return [`an unknown failure ${String(tag)}`]
  if (!allowed.has(tag)) return [`${tag}, which this entry point must not give`]
  if (tag === 'InvalidPayload') {
    return issueListProblems((failure as { readonly issues?: unknown }).issues, 'issues')
  }
  if (tag === 'MalformedJson') {
    const { reason } = failure as { readonly reason?: unknown }
    if (reason !== 'syntax' && reason !== 'encoding') return [`MalformedJson for ${String(reason)}`]
  }
  return []
}

/** What a profile's result promises; `fail` promises no InvalidEvent too. */
interface Promise_ {
  readonly profile: Profile
  readonly fail: boolean
  readonly failures: ReadonlySet<string>
}

const INVALID_PAYLOAD = new Set(['InvalidPayload'])

/** What `options` promise. */
function promiseOf(options: Options): Promise_ {
  const lenient = options?.lenient === true
  const legacy = typeof options?.acceptLegacy === 'function'
  return {
    // Types: acceptLegacy answers LenientCallbackRequest, whichever codecs read the body.
    profile: lenient || legacy ? 'lenient' : 'strict',
    fail: options?.onInvalidEvent === 'fail',
    failures: INVALID_PAYLOAD,
  }
}

function resultFindings(result: unknown, promised: Promise_): Finding[] {
  if (!isEither(result)) return [{ category: 'notEither', detail: describeResult(result) }]
  if (result._tag === 'Left') {
    return failureProblems(result.left, promised.failures).map((detail) => ({
      category: 'badLeft' as const,
      detail,
    }))
  }
  return shapeProblems(result.right, promised.profile, {
    noInvalidEvents: promised.fail,
  }).map((detail) => ({
    category: 'badRight' as const,
    detail,
  }))
}

function describeResult(result: unknown): string {
  if (typeof result !== 'object' || result === null) return `a ${typeof result}`
  return `an object with keys ${Object.keys(result).slice(0, 5).join(', ')}`
}

function thrown(error: unknown, how: 'threw' | 'rejected'): Finding {
  const detail =
    error instanceof Error
      ? `${how} ${error.name}: ${error.message.slice(0, 160)}`
      : `${how} a ${typeof error}`
  return { category: 'throws', detail }
}

/** Runs a synchronous entry point, turning a throw into a finding. */
function guarded(run: () => Finding[]): Finding[] {
  try {
    return run()
  } catch (error) {
    return [thrown(error, 'threw')]
  }
}

/** Everything of the prototypes every object reads through: a change to any is pollution. */
function prototypeSnapshot(): readonly unknown[] {
  const own = (target: object): unknown[] =>
    Reflect.ownKeys(target).flatMap((key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(target, key)
      return [key, descriptor?.value as unknown, descriptor?.get, descriptor?.set]
    })
  return [
    ...own(Object.prototype),
    Object.getPrototypeOf(Object.prototype),
    ...own(Array.prototype),
    ...own(Function.prototype),
  ]
}

let prototypes = prototypeSnapshot()

/** Whether a prototype changed since the last call. */
function prototypesChanged(): boolean {
  const now = prototypeSnapshot()
  const changed =
    now.length !== prototypes.length || now.some((item, index) => item !== prototypes[index])
  prototypes = now
  return changed
}

// Entry points ------------------------------------------------------------------------------

const eventAt = (value: unknown, index: number): unknown =>
  isJsonObject(value) && Array.isArray(value['events'])
    ? (value['events'] as unknown[])[index]
    : undefined

/** Events the strict profile keeps typed (known or unknown) that the lenient one makes invalid. */
function supersetFindings(build: Build, value: unknown): Finding[] {
  const strict = build.decodeCallbackRequest(value)
  if (strict._tag === 'Left') return []
  const lenient = build.decodeCallbackRequest(value, { lenient: true })
  if (lenient._tag === 'Left') {
    return [{ category: 'notSuperset', detail: 'lenient refuses a body strict decodes' }]
  }
  const findings: Finding[] = []
  strict.right.events.forEach((entry, index) => {
    const other = lenient.right.events[index]
    const strictInvalid = entry.type === undefined && entry._tag === 'InvalidEvent'
    const lenientInvalid = other?.type === undefined && other?._tag === 'InvalidEvent'
    if (!strictInvalid && lenientInvalid && findings.length < 3) {
      findings.push({
        category: 'notSuperset',
        detail: `events[${index}] is invalid only to lenient: ${preview(eventAt(value, index), 300)}`,
      })
    }
  })
  return findings
}

function decodeEntryPoint(
  name: string,
  optionsOf: (flip: boolean) => Options,
  which: keyof Corpora,
  superset = false,
): EntryPoint<{ readonly value: unknown; readonly flip: boolean }> {
  return {
    name,
    input: (corpora) => fc.record({ value: valueArbitrary(corpora[which]), flip: fc.boolean() }),
    run: (build, { value, flip }) =>
      guarded(() => {
        const options = optionsOf(flip)
        const findings = resultFindings(
          build.decodeCallbackRequest(value, ownOptions(build, options)),
          promiseOf(options),
        )
        return superset ? [...findings, ...supersetFindings(build, value)] : findings
      }),
  }
}

interface WebhookInput {
  readonly signed: SignedBody
  readonly options: Options
}

const WEBHOOK_OPTIONS: readonly Options[] = [
  undefined,
  { lenient: true },
  { onInvalidEvent: 'fail' },
  { lenient: true, onInvalidEvent: 'fail' },
  { acceptLegacy: decodeLegacyCallbackRequest },
  { acceptLegacy: decodeLegacyCallbackRequest, onInvalidEvent: 'fail' },
]

const WEBHOOK_FAILURES = new Set(['InvalidPayload', 'MalformedJson'])

async function webhookFindings(
  build: Build,
  { signed, options }: WebhookInput,
): Promise<Finding[]> {
  const { body, signature, wellFormed } = signed
  let pending: Promise<unknown>
  try {
    pending = build.decodeWebhookRequest(
      { channelSecret: CHANNEL_SECRET, body, signature },
      ownOptions(build, options),
    )
  } catch (error) {
    return [thrown(error, 'threw')]
  }
  let result: unknown
  try {
    result = await pending
  } catch (error) {
    return [thrown(error, 'rejected')]
  }
  const promised = promiseOf(options)
  const findings = resultFindings(result, { ...promised, failures: WEBHOOK_FAILURES })
  if (isEither(result)) {
    const encodingFailure =
      result._tag === 'Left' &&
      (result.left as { readonly _tag?: unknown; readonly reason?: unknown })._tag ===
        'MalformedJson' &&
      (result.left as { readonly reason?: unknown }).reason === 'encoding'
    if (!wellFormed && !encodingFailure) {
      findings.push({
        category: 'encoding',
        detail: `a ${typeof body === 'string' ? 'string with a lone surrogate' : 'body that is not UTF-8'} gave ${
          result._tag === 'Right' ? 'Right' : String((result.left as { _tag?: unknown })._tag)
        }`,
      })
    }
    if (wellFormed && encodingFailure) {
      findings.push({ category: 'encoding', detail: 'well-formed text refused for its encoding' })
    }
  }
  return findings
}

/** Every entry point, by the name the report gives it. */
export const ENTRY_POINTS: readonly EntryPoint<unknown>[] = [
  erased(decodeEntryPoint('decodeCallbackRequest', () => undefined, 'modern')),
  erased(
    decodeEntryPoint('decodeCallbackRequest lenient', () => ({ lenient: true }), 'modern', true),
  ),
  erased(
    decodeEntryPoint(
      'decodeCallbackRequest acceptLegacy',
      (fail) =>
        fail
          ? { acceptLegacy: decodeLegacyCallbackRequest, onInvalidEvent: 'fail' }
          : { acceptLegacy: decodeLegacyCallbackRequest },
      'both',
    ),
  ),
  erased(
    decodeEntryPoint(
      "decodeCallbackRequest onInvalidEvent: 'fail'",
      (lenient) =>
        lenient ? { lenient: true, onInvalidEvent: 'fail' } : { onInvalidEvent: 'fail' },
      'modern',
    ),
  ),
  erased({
    name: 'decodeLegacyCallbackRequest',
    input: (corpora) => fc.record({ value: valueArbitrary(corpora.both), fail: fc.boolean() }),
    run: (build, { value, fail }: { readonly value: unknown; readonly fail: boolean }) =>
      guarded(() => {
        const options = fail ? ({ onInvalidEvent: 'fail' } as const) : undefined
        const promised: Promise_ = {
          profile: 'lenient',
          fail,
          failures: INVALID_PAYLOAD,
        }
        return resultFindings(build.decodeLegacyCallbackRequest(value, options), promised)
      }),
  }),
  erased({
    name: 'decodeWebhookRequest',
    input: (corpora) =>
      fc.record({
        signed: signedBodyArbitrary(corpora.both),
        options: fc.constantFrom(...WEBHOOK_OPTIONS),
      }),
    run: webhookFindings,
  }),
]

// Running -----------------------------------------------------------------------------------

export interface FuzzOptions {
  /** Inputs per entry point; each goes to every build. */
  readonly runs: number
  readonly seed?: number
  /** Run only the entry points of these names. */
  readonly only?: readonly string[]
  /** How many examples to keep per category. */
  readonly examples?: number
}

export interface FuzzResult {
  /** Pass it back as `seed` to replay the same inputs. */
  readonly seed: number
  readonly tallies: readonly Tally[]
}

/** Runs every entry point over `runs` inputs in every build; one tally per entry point and build. */
export async function fuzz(
  builds: Readonly<Record<string, Build>>,
  options: FuzzOptions,
): Promise<FuzzResult> {
  const seed = options.seed ?? Date.now() ^ (Math.random() * 0x100000000)
  // A generated body per 50 inputs, between 100 and 2,000 of them.
  const generated = generatedBodies(
    Math.min(2_000, Math.max(100, Math.ceil(options.runs / 50))),
    seed,
  )
  const corpora: Corpora = {
    modern: corpusOf([...modernCorpus(), ...generated]),
    both: corpusOf([...modernCorpus(), ...legacyCorpus(), ...generated]),
  }
  const keep = options.examples ?? 3
  const tallies: Tally[] = []
  for (const entryPoint of ENTRY_POINTS) {
    if (options.only !== undefined && !options.only.includes(entryPoint.name)) {
      continue
    }
    const mine = Object.entries(builds).map(([build, library]) => {
      const tally: Tally = {
        entryPoint: entryPoint.name,
        build,
        runs: 0,
        seconds: 0,
        counts: Object.fromEntries(CATEGORIES.map((category) => [category, 0])) as Record<
          Category,
          number
        >,
        examples: [],
      }
      tallies.push(tally)
      return { library, tally }
    })
    const perCategory = new Map<string, number>()
    const record = (tally: Tally, input: unknown, findings: readonly Finding[]): void => {
      tally.runs++
      const seen = new Set<Category>()
      for (const finding of findings) {
        if (seen.has(finding.category)) continue
        seen.add(finding.category)
        tally.counts[finding.category]++
        const key = `${tally.build}/${finding.category}`
        const kept = perCategory.get(key) ?? 0
        if (kept < keep) {
          perCategory.set(key, kept + 1)
          tally.examples.push(
            `${finding.category}: ${finding.detail}\n      input: ${preview(input)}`,
          )
        }
      }
    }
    const check = (input: unknown, findings: readonly Finding[], tally: Tally): void => {
      const polluted = prototypesChanged()
      record(
        tally,
        input,
        polluted
          ? [...findings, { category: 'prototype', detail: 'a prototype changed' }]
          : findings,
      )
    }
    const property = fc.asyncProperty(entryPoint.input(corpora), async (input) => {
      for (const { library, tally } of mine) {
        const started = performance.now()
        const findings = entryPoint.run(library, input)
        check(input, Array.isArray(findings) ? findings : await findings, tally)
        tally.seconds += (performance.now() - started) / 1000
      }
    })
    await fc.assert(property, { numRuns: options.runs, seed, endOnFailure: true })
  }
  return { seed, tallies }
}

/** The report: one line of counts per entry point and build, then examples of each finding. */
export function formatTallies(tallies: readonly Tally[]): string {
  const name = Math.max(...tallies.map((tally) => `${tally.entryPoint} (${tally.build})`.length))
  const header = `${'entry point (build)'.padEnd(name)}  ${'inputs'.padStart(7)}  ${'s'.padStart(6)}  ${CATEGORIES.map(
    (category) => category.padStart(category.length),
  ).join('  ')}`
  const lines = tallies.map((tally) => {
    const counts = CATEGORIES.map((category) =>
      String(tally.counts[category]).padStart(category.length),
    ).join('  ')
    return `${`${tally.entryPoint} (${tally.build})`.padEnd(name)}  ${String(tally.runs).padStart(7)}  ${tally.seconds.toFixed(1).padStart(6)}  ${counts}`
  })
  const examples = tallies.flatMap((tally) =>
    tally.examples.map((example) => `  ${tally.entryPoint} (${tally.build}) ${example}`),
  )
  return [header, ...lines, ...(examples.length > 0 ? ['', 'examples:', ...examples] : [])].join(
    '\n',
  )
}

/** How many findings a run made, over every entry point, build and category. */
export function findingsOf(tallies: readonly Tally[]): number {
  return tallies.reduce(
    (sum, tally) => sum + CATEGORIES.reduce((total, category) => total + tally.counts[category], 0),
    0,
  )
}
