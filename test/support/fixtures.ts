/**
 * Loads the corpus in test/fixtures (conformance/modern, seeds; their sources are in its README) as
 * `unknown`: the tests decode what came over the wire, never a value the compiler was told to trust.
 */
import { readFileSync, readdirSync } from 'node:fs'

/** test/fixtures: inside the repository, so a clone with nothing beside it runs every test. */
export const fixturesDir = new URL('../fixtures/', import.meta.url)
const modernDir = new URL('conformance/modern/', fixturesDir)
const seedsDir = new URL('seeds/', fixturesDir)

export interface Fixture {
  readonly name: string
  /** The exact bytes of the file. */
  readonly bytes: Buffer
  readonly json: unknown
}

function parse(text: string): unknown {
  return JSON.parse(text)
}

/** One fixture of conformance/modern, read afresh so no test sees another's mutations. */
export function modernFixture(name: string): Fixture {
  const bytes = readFileSync(new URL(name, modernDir))
  return { name, bytes, json: parse(bytes.toString('utf8')) }
}

/** Every file of conformance/modern, by name: files added later are picked up. */
export function modernFixtureNames(): readonly string[] {
  return readdirSync(modernDir)
    .filter((name) => name.endsWith('.json'))
    .sort()
}

export interface Sample {
  /** The last non-empty line before the sample: the seed's caption for it (`video`, `file`, ...). */
  readonly caption: string
  readonly json: unknown
}

/** Where the `{` at `start` closes, skipping braces inside JSON strings; -1 if it never does. */
export function closingBrace(text: string, start: number): number {
  let depth = 0
  let inString = false
  for (let index = start; index < text.length; index++) {
    const char = text[index]
    if (inString) {
      if (char === '\\') index++
      else if (char === '"') inString = false
    } else if (char === '"') inString = true
    else if (char === '{') depth++
    else if (char === '}' && --depth === 0) return index
  }
  return -1
}

/**
 * The JSON objects embedded in a seed's prose, in order. The seeds mix JSON with Java and prose,
 * so every balanced `{...}` is tried, and only the outermost ones that parse count.
 */
export function seedSamples(file: string): readonly Sample[] {
  const text = readFileSync(new URL(file, seedsDir), 'utf8')
  const samples: Sample[] = []
  for (let start = text.indexOf('{'); start !== -1; start = text.indexOf('{', start + 1)) {
    const end = closingBrace(text, start)
    if (end === -1) continue
    let json: unknown
    try {
      json = parse(text.slice(start, end + 1))
    } catch {
      continue
    }
    const before = text.slice(0, start).trimEnd()
    const caption = before.slice(before.lastIndexOf('\n') + 1).trim()
    samples.push({ caption, json })
    start = end
  }
  return samples
}
