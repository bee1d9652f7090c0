/**
 * Whether a decoded value has the runtime shape its static type promises, checked against LINE's
 * schema as test/support/arbitraries.ts describes it, never against the codecs: every required
 * field present with the right JavaScript type, strings strings, integers safe integers, numbers
 * finite, no holes in arrays, fallbacks (`UnknownX`) and `InvalidEvent`s well formed, and every
 * known type one of the schema's. Each check returns the places that break it, empty when none.
 */
import {
  isJsonObject,
  webhookSchema,
  type ObjectSchema,
  type Schema,
  type UnionSchema,
} from '../support/arbitraries.js'

/** Which decoded type a value claims to be. */
export type Profile = 'strict' | 'lenient'

/** What the lenient profile lets be absent, by event type (its `LenientEvent` says the same). */
const LENIENT_ABSENT_IN_EVENTS = ['timestamp', 'mode', 'webhookEventId', 'deliveryContext']
const LENIENT_ABSENT_BY_EVENT: Readonly<Record<string, readonly string[]>> = {
  follow: ['replyToken', 'follow'],
  join: ['replyToken'],
  memberJoined: ['replyToken'],
  videoPlayComplete: ['replyToken'],
  beacon: ['replyToken'],
  membership: ['replyToken'],
}
const LENIENT_ABSENT_IN_MESSAGES: Readonly<Record<string, readonly string[]>> = {
  text: ['quoteToken'],
  image: ['quoteToken', 'contentProvider'],
  video: ['quoteToken', 'contentProvider'],
  audio: ['contentProvider'],
  file: ['fileName', 'fileSize'],
  location: [],
  sticker: ['quoteToken', 'stickerResourceType'],
}

/** The fallback tag of each union of the schema. */
const FALLBACK_TAGS = new Map<UnionSchema, string>([
  [webhookSchema.Event, 'UnknownEvent'],
  [webhookSchema.MessageContent, 'UnknownMessageContent'],
  [webhookSchema.Source, 'UnknownSource'],
  [webhookSchema.Mentionee, 'UnknownMentionee'],
  [webhookSchema.MembershipContent, 'UnknownMembershipContent'],
  [webhookSchema.ModuleContent, 'UnknownModuleContent'],
])

const ISSUE_KEYS = ['path', 'expected']

/** An array with a value at every index (`JSON.parse` makes no holes, nor should a decoder). */
function isDenseArray(value: unknown): value is readonly unknown[] {
  if (!Array.isArray(value)) return false
  for (let index = 0; index < value.length; index++) if (!(index in value)) return false
  return true
}

/** The problems of one issue list, as failures carry them: at least one, each well formed. */
export function issueListProblems(issues: unknown, at: string): string[] {
  if (!isDenseArray(issues) || issues.length === 0) return [`${at}: not a non-empty issue list`]
  const problems: string[] = []
  for (let index = 0; index < issues.length; index++) {
    const issue = issues[index]
    if (!isJsonObject(issue) || !Object.hasOwn(issue, 'actual')) {
      problems.push(`${at}[${index}]: not an issue`)
      continue
    }
    for (const key of ISSUE_KEYS) {
      if (typeof issue[key] !== 'string') problems.push(`${at}[${index}].${key}: not a string`)
    }
    if (problems.length > 3) break
  }
  return problems
}

class Checker {
  readonly problems: string[] = []

  constructor(private readonly profile: Profile) {}

  private fail(at: string, what: string): void {
    // A handful says what is wrong; thousands would only cost memory.
    if (this.problems.length < 8) this.problems.push(`${at || '(root)'}: ${what}`)
  }

  value(value: unknown, schema: Schema, at: string): void {
    switch (schema.kind) {
      case 'string':
      case 'openEnum':
        if (typeof value !== 'string') this.fail(at, `expected a string, got ${describe(value)}`)
        return
      case 'integer':
        if (!Number.isSafeInteger(value))
          this.fail(at, `expected a safe integer, got ${describe(value)}`)
        return
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) {
          this.fail(at, `expected a finite number, got ${describe(value)}`)
        }
        return
      case 'boolean':
        if (typeof value !== 'boolean') this.fail(at, `expected a boolean, got ${describe(value)}`)
        return
      case 'literal':
        if (value !== schema.value) this.fail(at, `expected ${JSON.stringify(schema.value)}`)
        return
      case 'array':
        if (!isDenseArray(value)) {
          this.fail(at, `expected an array without holes, got ${describe(value)}`)
          return
        }
        for (let index = 0; index < value.length && this.problems.length < 8; index++) {
          this.value(value[index], schema.items, `${at}[${index}]`)
        }
        return
      case 'record':
        if (!isJsonObject(value)) {
          this.fail(at, `expected an object, got ${describe(value)}`)
          return
        }
        for (const [key, item] of Object.entries(value)) {
          this.value(item, schema.values, `${at}[${JSON.stringify(key)}]`)
        }
        return
      case 'object':
        this.object(value, schema, at, [])
        return
      case 'union':
        this.union(value, schema, at)
        return
    }
  }

  private object(
    value: unknown,
    schema: ObjectSchema,
    at: string,
    mayBeAbsent: readonly string[],
  ): void {
    if (!isJsonObject(value)) {
      this.fail(at, `expected an object, got ${describe(value)}`)
      return
    }
    for (const [key, property] of Object.entries(schema.required)) {
      const place = at === '' ? key : `${at}.${key}`
      if (!Object.hasOwn(value, key)) {
        if (!mayBeAbsent.includes(key)) this.fail(place, 'required, but absent')
        continue
      }
      this.value(value[key], property, place)
    }
    for (const [key, property] of Object.entries(schema.optional)) {
      // exactOptionalPropertyTypes: an optional property is absent or of its type, never undefined.
      if (Object.hasOwn(value, key)) {
        this.value(value[key], property, at === '' ? key : `${at}.${key}`)
      }
    }
  }

  private union(value: unknown, schema: UnionSchema, at: string): void {
    if (!isJsonObject(value)) {
      this.fail(at, `expected an object, got ${describe(value)}`)
      return
    }
    // A known type is a member, whatever else it holds (JSON may carry a `_tag` too); anything
    // else must be the union's fallback.
    const type = value['type']
    if (typeof type === 'string' && Object.hasOwn(schema.members, type)) {
      const member = schema.members[type]
      if (member !== undefined) this.object(value, member, at, this.mayBeAbsent(schema, type))
      return
    }
    this.fallback(value, schema, at)
  }

  private mayBeAbsent(schema: UnionSchema, type: string): readonly string[] {
    if (this.profile === 'strict') return []
    if (schema === webhookSchema.Event) {
      return [...LENIENT_ABSENT_IN_EVENTS, ...(LENIENT_ABSENT_BY_EVENT[type] ?? [])]
    }
    if (schema === webhookSchema.MessageContent) return LENIENT_ABSENT_IN_MESSAGES[type] ?? []
    return []
  }

  /** An `UnknownX`: the right tag, no `type`, and the raw object of a type the union lacks. */
  private fallback(value: Readonly<Record<string, unknown>>, union: UnionSchema, at: string): void {
    const tag = FALLBACK_TAGS.get(union)
    const known = Object.keys(union.members)
    if (value['_tag'] !== tag) {
      this.fail(at, `expected the fallback ${tag}, got _tag ${describe(value['_tag'])}`)
      return
    }
    if (value['type'] !== undefined) this.fail(at, 'a fallback with a type')
    const raw = value['raw']
    if (!isJsonObject(raw)) {
      this.fail(`${at}.raw`, `expected an object, got ${describe(raw)}`)
      return
    }
    const type = raw['type']
    if (typeof type !== 'string' || type === '') {
      // The lenient profile reads `type: ""` as a message event when there is a message.
      this.fail(`${at}.raw.type`, `expected a non-empty string, got ${describe(type)}`)
      return
    }
    // A known type in its own case always reads as its member (or an InvalidEvent). In another
    // case the lenient profile tries the member, and keeps a fallback where that fails, as
    // strict does: what strict types, lenient types too.
    const isKnown = known.includes(type)
    if (isKnown) this.fail(`${at}.raw.type`, `a known type ${JSON.stringify(type)} as a fallback`)
  }

  /** One entry of `events`: a known event, an `UnknownEvent` or an `InvalidEvent`. */
  entry(entry: unknown, index: number, allowInvalid: boolean): void {
    const at = `events[${index}]`
    if (isJsonObject(entry) && entry['_tag'] === 'InvalidEvent') {
      if (!allowInvalid) this.fail(at, "an InvalidEvent under onInvalidEvent: 'fail'")
      if (entry['type'] !== undefined) this.fail(at, 'an InvalidEvent with a type')
      if (entry['index'] !== index)
        this.fail(`${at}.index`, `expected ${index}, got ${describe(entry['index'])}`)
      if (!('raw' in entry)) this.fail(`${at}.raw`, 'absent')
      for (const problem of issueListProblems(entry['issues'], `${at}.issues`))
        this.fail(at, problem)
      return
    }
    this.union(entry, webhookSchema.Event, at)
  }
}

/** A short, body-free description of a value's kind, for reports. */
export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return `an array of ${value.length}`
  if (typeof value === 'number')
    return Number.isFinite(value)
      ? Number.isInteger(value)
        ? 'an integer'
        : 'a fraction'
      : String(value)
  return typeof value
}

/**
 * The places where `value`, a decoded body, breaks the type `CallbackRequest` (strict) or
 * `LenientCallbackRequest` (lenient); with `noInvalidEvents`, an `InvalidEvent` breaks it too
 * (what `onInvalidEvent: 'fail'` promises).
 */
export function shapeProblems(
  value: unknown,
  profile: Profile,
  { noInvalidEvents = false } = {},
): readonly string[] {
  const checker = new Checker(profile)
  if (!isJsonObject(value)) return [`(root): expected an object, got ${describe(value)}`]
  const destination = value['destination']
  if (profile === 'strict' || Object.hasOwn(value, 'destination')) {
    if (typeof destination !== 'string') {
      checker.problems.push(`destination: expected a string, got ${describe(destination)}`)
    }
  }
  const events = value['events']
  if (!isDenseArray(events)) {
    checker.problems.push(`events: expected an array without holes, got ${describe(events)}`)
    return checker.problems
  }
  for (let index = 0; index < events.length && checker.problems.length < 8; index++) {
    checker.entry(events[index], index, !noInvalidEvents)
  }
  return checker.problems
}
