/**
 * fast-check arbitraries for LINE webhook bodies, written from LINE's OpenAPI schema
 * (line/line-openapi, `webhook.yml`) plus `messageEdited`, never from this package's codecs: a
 * test that derived its inputs from the code under test would only prove it agrees with itself.
 *
 * The schema is described once, as data ({@link webhookSchema}), and used twice: to generate
 * valid values ({@link arbitraryOf}) and to find what can be broken in a generated event
 * ({@link slotsOf}, {@link corruptionArbitrary}), so a corrupted event always names a field the
 * schema really has.
 *
 * Every object built here is a plain object, as `JSON.parse` makes them, and keys such as
 * `__proto__` are own data properties, as `JSON.parse` makes them too.
 */
import fc from 'fast-check'

// Model -------------------------------------------------------------------------------------

/** What `JSON.parse` can return. */
export type JsonValue = fc.JsonValue

/** A JSON object. */
export type JsonObject = Readonly<Record<string, JsonValue>>

/** One step of a path: a property name or an array index. */
export type PathSegment = string | number

/** A JSON path from some root, e.g. `['message', 'emojis', 0, 'index']`. */
export type Path = readonly PathSegment[]

/** A description of what LINE's schema allows at one place. */
export type Schema =
  | { readonly kind: 'string'; readonly arbitrary?: fc.Arbitrary<string> }
  | { readonly kind: 'integer'; readonly arbitrary: fc.Arbitrary<number> }
  | { readonly kind: 'number' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'literal'; readonly value: string }
  /** A string enum that also admits values LINE adds later. */
  | { readonly kind: 'openEnum'; readonly known: readonly string[] }
  | { readonly kind: 'array'; readonly items: Schema; readonly maxItems?: number }
  /** An object whose every property is a `values` (`additionalProperties`). */
  | { readonly kind: 'record'; readonly values: Schema }
  | ObjectSchema
  | UnionSchema

export interface ObjectSchema {
  readonly kind: 'object'
  readonly required: Readonly<Record<string, Schema>>
  readonly optional: Readonly<Record<string, Schema>>
}

/** Objects discriminated by `type`; each member requires `type` as a literal. */
export interface UnionSchema {
  readonly kind: 'union'
  readonly members: Readonly<Record<string, ObjectSchema>>
}

/** How much beyond today's schema a generated value may carry. */
export interface WebhookArbitraryOptions {
  /** Known objects also carry properties the schema does not name. */
  readonly extraProperties?: boolean
  /**
   * Events, messages, sources, mentionees, membership and module changes may also be of a type
   * the schema does not know.
   */
  readonly unknownTypes?: boolean
}

// Primitives --------------------------------------------------------------------------------

const singleUtf16Unit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code))

/**
 * Any string: printable ASCII, any code point, whole graphemes (emoji, combining marks), and lone
 * surrogates, which JSON's `\ud800` escapes can carry.
 */
export const stringArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: singleUtf16Unit }),
)

/** A 32-bit integer (the spec's `int32`, and plain `integer` fields). */
export const int32Arbitrary: fc.Arbitrary<number> = fc.integer()

/** A JSON-safe 64-bit integer (the spec's `int64`): small ones, and any up to ±(2^53-1). */
export const int64Arbitrary: fc.Arbitrary<number> = fc.oneof(fc.integer(), fc.maxSafeInteger())

/** Epoch milliseconds, up to 2^53-1. */
export const timestampArbitrary: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 1_400_000_000_000, max: 2_000_000_000_000 }),
  fc.maxSafeNat(),
)

/** A LINE user ID as the spec patterns it (`U` and 32 hex digits), or any string. */
export const userIdArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.stringMatching(/^U[0-9a-f]{32}$/),
  stringArbitrary,
)

/** Small JSON values, for unknown properties and the bodies of unknown types. */
export const jsonValueArbitrary: fc.Arbitrary<JsonValue> = fc.jsonValue({ maxDepth: 2 })

/** A string that is not one of `known` (and not empty: an empty `type` is no type). */
function stringOutside(known: readonly string[]): fc.Arbitrary<string> {
  const near = fc
    .constantFrom(...known)
    .chain((value) =>
      fc.constantFrom(value.toUpperCase(), ` ${value}`, `${value}2`, value.slice(1)),
    )
  return fc
    .oneof(
      fc.constantFrom('hoge', 'toString', '__proto__', 'constructor', 'hasOwnProperty'),
      near,
      stringArbitrary,
    )
    .filter((value) => value !== '' && !known.includes(value))
}

// Schema ------------------------------------------------------------------------------------

const string: Schema = { kind: 'string' }
const integer: Schema = { kind: 'integer', arbitrary: int32Arbitrary }
const int64: Schema = { kind: 'integer', arbitrary: int64Arbitrary }
const number: Schema = { kind: 'number' }
const boolean: Schema = { kind: 'boolean' }
const literal = (value: string): Schema => ({ kind: 'literal', value })
const openEnum = (...known: string[]): Schema => ({ kind: 'openEnum', known })
const array = (items: Schema, maxItems?: number): Schema =>
  maxItems === undefined ? { kind: 'array', items } : { kind: 'array', items, maxItems }
const url: Schema = { kind: 'string', arbitrary: fc.oneof(fc.webUrl(), stringArbitrary) }

function object(
  required: Readonly<Record<string, Schema>>,
  optional: Readonly<Record<string, Schema>> = {},
): ObjectSchema {
  return { kind: 'object', required, optional }
}

/** A union member: `type` is required and literal. */
function member(
  type: string,
  required: Readonly<Record<string, Schema>> = {},
  optional: Readonly<Record<string, Schema>> = {},
): ObjectSchema {
  return object({ type: literal(type), ...required }, optional)
}

function union(...members: readonly ObjectSchema[]): UnionSchema {
  const byType: Record<string, ObjectSchema> = {}
  for (const schema of members) {
    const type = schema.required['type']
    if (type?.kind !== 'literal') throw new TypeError('a union member needs a literal type')
    byType[type.value] = schema
  }
  return { kind: 'union', members: byType }
}

const UserSource = member('user', {}, { userId: { kind: 'string', arbitrary: userIdArbitrary } })
const Source = union(
  UserSource,
  member('group', { groupId: string }, { userId: string }),
  member('room', { roomId: string }, { userId: string }),
)

const Mentionee = union(
  member('user', { index: integer, length: integer }, { userId: string, isSelf: boolean }),
  member('all', { index: integer, length: integer }),
)

const ContentProvider = object(
  { type: openEnum('line', 'external') },
  { originalContentUrl: url, previewImageUrl: url },
)
const markAsReadToken = { markAsReadToken: string }

const MessageContent = union(
  member(
    'text',
    { id: string, text: string, quoteToken: string },
    {
      emojis: array(
        object({ index: integer, length: integer, productId: string, emojiId: string }),
      ),
      mention: object({ mentionees: array(Mentionee) }),
      quotedMessageId: string,
      ...markAsReadToken,
    },
  ),
  member(
    'image',
    { id: string, contentProvider: ContentProvider, quoteToken: string },
    { imageSet: object({ id: string }, { index: integer, total: integer }), ...markAsReadToken },
  ),
  member(
    'video',
    { id: string, contentProvider: ContentProvider, quoteToken: string },
    { duration: int64, ...markAsReadToken },
  ),
  member(
    'audio',
    { id: string, contentProvider: ContentProvider },
    {
      duration: int64,
      ...markAsReadToken,
    },
  ),
  member('file', { id: string, fileName: string, fileSize: integer }, markAsReadToken),
  member(
    'location',
    { id: string, latitude: number, longitude: number },
    { title: string, address: string, ...markAsReadToken },
  ),
  member(
    'sticker',
    {
      id: string,
      packageId: string,
      stickerId: string,
      stickerResourceType: openEnum(
        'STATIC',
        'ANIMATION',
        'SOUND',
        'ANIMATION_SOUND',
        'POPUP',
        'POPUP_SOUND',
        'CUSTOM',
        'MESSAGE',
        'NAME_TEXT',
        'PER_STICKER_TEXT',
      ),
      quoteToken: string,
    },
    {
      keywords: array(string, 15),
      text: { kind: 'string', arbitrary: stringArbitrary.map((text) => text.slice(0, 100)) },
      quotedMessageId: string,
      ...markAsReadToken,
    },
  ),
)

const MembershipContent = union(
  member('joined', { membershipId: integer }),
  member('left', { membershipId: integer }),
  member('renewed', { membershipId: integer }),
)

const ModuleContent = union(
  member('attached', { botId: string, scopes: array(string) }),
  member('detached', { botId: string, reason: openEnum('bot_deleted') }),
)

/** What every event carries besides its `type`. */
const eventBase = {
  timestamp: { kind: 'integer', arbitrary: timestampArbitrary },
  mode: openEnum('active', 'standby'),
  webhookEventId: { kind: 'string', arbitrary: fc.oneof(fc.ulid(), stringArbitrary) },
  deliveryContext: object({ isRedelivery: boolean }),
} as const satisfies Record<string, Schema>

function event(
  type: string,
  required: Readonly<Record<string, Schema>> = {},
  optional: Readonly<Record<string, Schema>> = {},
): ObjectSchema {
  return member(type, { ...eventBase, ...required }, { source: Source, ...optional })
}

const replyToken = { replyToken: string }
const members = object({ members: array(UserSource) })

const Event = union(
  event('message', { message: MessageContent }, replyToken),
  event('unsend', { unsend: object({ messageId: string }) }),
  event('follow', { ...replyToken, follow: object({ isUnblocked: boolean }) }),
  event('unfollow'),
  event('join', replyToken),
  event('leave'),
  event('memberJoined', { ...replyToken, joined: members }),
  event('memberLeft', { left: members }),
  event(
    'postback',
    { postback: object({ data: string }, { params: { kind: 'record', values: string } }) },
    replyToken,
  ),
  event('videoPlayComplete', { ...replyToken, videoPlayComplete: object({ trackingId: string }) }),
  event('beacon', {
    ...replyToken,
    beacon: object({ hwid: string, type: openEnum('enter', 'banner', 'stay') }, { dm: string }),
  }),
  event(
    'accountLink',
    { link: object({ result: openEnum('ok', 'failed'), nonce: string }) },
    replyToken,
  ),
  event('membership', { ...replyToken, membership: MembershipContent }),
  event('module', { module: ModuleContent }),
  event('activated', { chatControl: object({ expireAt: int64 }) }),
  event('deactivated'),
  event('botSuspended'),
  event('botResumed'),
  event('delivery', { delivery: object({ data: string }) }),
  // Newer than the OpenAPI file: LINE's SDKs ship it since July 2026. Optional replyToken.
  event('messageEdited', { message: MessageContent }, replyToken),
)

/** LINE's webhook schema, by the names it gives its unions. */
export const webhookSchema = {
  Event,
  MessageContent,
  Source,
  Mentionee,
  MembershipContent,
  ModuleContent,
} as const

const typesOf = (schema: UnionSchema): readonly string[] => Object.keys(schema.members)

/** The 20 event types LINE documents. */
export const EVENT_TYPES = typesOf(Event)
/** The 7 message types LINE documents. */
export const MESSAGE_TYPES = typesOf(MessageContent)
export const SOURCE_TYPES = typesOf(Source)
export const MENTIONEE_TYPES = typesOf(Mentionee)
export const MEMBERSHIP_TYPES = typesOf(MembershipContent)
export const MODULE_TYPES = typesOf(ModuleContent)

// Generation --------------------------------------------------------------------------------

/** Properties whose keys the schema does not name at that place, and whose values are any JSON. */
export function extraPropertiesArbitrary(reserved: readonly string[]): fc.Arbitrary<JsonObject> {
  const key = fc
    .oneof(
      // Names that trip code which reads objects as maps, or that look like the fallbacks' fields.
      fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', '_tag', 'raw', ''),
      stringArbitrary,
    )
    .filter((name) => !reserved.includes(name))
  return fc.dictionary(key, jsonValueArbitrary, { maxKeys: 3, noNullPrototype: true })
}

/** `base` with `extra`'s properties added as own data properties (never through a setter). */
function withProperties(base: JsonObject, extra: JsonObject): JsonObject {
  return { ...base, ...extra }
}

function openEnumArbitrary(known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...known) },
    { weight: 1, arbitrary: stringOutside(known) },
  )
}

function objectArbitrary(
  schema: ObjectSchema,
  options: WebhookArbitraryOptions,
): fc.Arbitrary<JsonObject> {
  const required = Object.entries(schema.required)
  const optional = Object.entries(schema.optional)
  const values = fc.tuple(
    ...required.map(([, property]) => arbitraryOf(property, options)),
    // Each optional property is present about half the time.
    ...optional.map(([, property]) =>
      fc.option(arbitraryOf(property, options), { nil: undefined, freq: 2 }),
    ),
  )
  const keys = [...required, ...optional].map(([key]) => key)
  const known = values.map((generated) =>
    Object.fromEntries(
      generated.flatMap((value, index) => {
        const key = keys[index]
        return value === undefined || key === undefined ? [] : [[key, value]]
      }),
    ),
  )
  if (options.extraProperties !== true) return known
  return fc
    .tuple(known, fc.option(extraPropertiesArbitrary(keys), { freq: 2, nil: undefined }))
    .map(([base, extra]) => (extra === undefined ? base : withProperties(base, extra)))
}

/**
 * An object of a `type` not in `known`, with any JSON properties: what a newer LINE could send.
 * `base`, when given, is sometimes merged in (an unknown event still has a timestamp and so on).
 */
export function unknownTypedObjectArbitrary(
  known: readonly string[],
  base?: fc.Arbitrary<JsonObject>,
): fc.Arbitrary<JsonObject> {
  return fc
    .tuple(
      stringOutside(known),
      extraPropertiesArbitrary(['type']),
      base === undefined
        ? fc.constant<JsonObject>({})
        : fc.oneof(fc.constant<JsonObject>({}), base),
    )
    .map(([type, extra, common]) => withProperties(withProperties(common, extra), { type }))
}

function unionArbitrary(
  schema: UnionSchema,
  options: WebhookArbitraryOptions,
): fc.Arbitrary<JsonObject> {
  const known = fc.oneof(...Object.values(schema.members).map((m) => objectArbitrary(m, options)))
  if (options.unknownTypes !== true) return known
  const base = schema === Event ? objectArbitrary(object(eventBase), options) : undefined
  return fc.oneof(
    { weight: 5, arbitrary: known },
    { weight: 1, arbitrary: unknownTypedObjectArbitrary(typesOf(schema), base) },
  )
}

/** Valid values of `schema`. */
export function arbitraryOf(
  schema: Schema,
  options: WebhookArbitraryOptions = {},
): fc.Arbitrary<JsonValue> {
  switch (schema.kind) {
    case 'string':
      return schema.arbitrary ?? stringArbitrary
    case 'integer':
      return schema.arbitrary
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true })
    case 'boolean':
      return fc.boolean()
    case 'literal':
      return fc.constant(schema.value)
    case 'openEnum':
      return openEnumArbitrary(schema.known)
    case 'array':
      return fc.array(arbitraryOf(schema.items, options), { maxLength: schema.maxItems ?? 3 })
    case 'record':
      return fc.dictionary(stringArbitrary, arbitraryOf(schema.values, options), {
        maxKeys: 4,
        noNullPrototype: true,
      })
    case 'object':
      return objectArbitrary(schema, options)
    case 'union':
      return unionArbitrary(schema, options)
  }
}

/** Events of the 20 known types, valid per the schema; nested unions follow `options`. */
export function knownEventArbitrary(
  options: WebhookArbitraryOptions = {},
): fc.Arbitrary<JsonObject> {
  return fc.oneof(...Object.values(Event.members).map((m) => objectArbitrary(m, options)))
}

/** Events of one known type, e.g. `eventOfTypeArbitrary('message')`. */
export function eventOfTypeArbitrary(
  type: string,
  options: WebhookArbitraryOptions = {},
): fc.Arbitrary<JsonObject> {
  const schema = Event.members[type]
  if (schema === undefined) throw new TypeError(`not a known event type: ${JSON.stringify(type)}`)
  return objectArbitrary(schema, options)
}

/** Events: known ones, and with `unknownTypes`, events of newer types too. */
export function eventArbitrary(options: WebhookArbitraryOptions = {}): fc.Arbitrary<JsonObject> {
  return unionArbitrary(Event, options)
}

export function messageContentArbitrary(
  options: WebhookArbitraryOptions = {},
): fc.Arbitrary<JsonObject> {
  return unionArbitrary(MessageContent, options)
}

export function sourceArbitrary(options: WebhookArbitraryOptions = {}): fc.Arbitrary<JsonObject> {
  return unionArbitrary(Source, options)
}

/** Events of a type LINE does not document (yet), with the common fields or not. */
export const unknownEventArbitrary: fc.Arbitrary<JsonObject> = unknownTypedObjectArbitrary(
  EVENT_TYPES,
  objectArbitrary(object(eventBase), {}),
)
export const unknownMessageContentArbitrary = unknownTypedObjectArbitrary(MESSAGE_TYPES)
export const unknownSourceArbitrary = unknownTypedObjectArbitrary(SOURCE_TYPES)
export const unknownMentioneeArbitrary = unknownTypedObjectArbitrary(MENTIONEE_TYPES)
export const unknownMembershipContentArbitrary = unknownTypedObjectArbitrary(MEMBERSHIP_TYPES)
export const unknownModuleContentArbitrary = unknownTypedObjectArbitrary(MODULE_TYPES)

/** A `destination`: the spec's pattern, or any string (LINE's own SDK fixtures use `U123`). */
export const destinationArbitrary: fc.Arbitrary<string> = userIdArbitrary

/**
 * Webhook bodies: `destination` and up to `maxEvents` events from `events` (by default
 * {@link eventArbitrary} with the same options). Valid per the schema when `events` is.
 */
export function callbackRequestArbitrary(
  options: WebhookArbitraryOptions = {},
  events: fc.Arbitrary<JsonValue> = eventArbitrary(options),
  maxEvents = 6,
): fc.Arbitrary<JsonObject> {
  const body = fc
    .tuple(destinationArbitrary, fc.array(events, { maxLength: maxEvents }))
    .map(([destination, list]): JsonObject => ({ destination, events: list }))
  if (options.extraProperties !== true) return body
  return fc
    .tuple(body, fc.option(extraPropertiesArbitrary(['destination', 'events']), { nil: undefined }))
    .map(([base, extra]) => (extra === undefined ? base : withProperties(base, extra)))
}

// Corruption --------------------------------------------------------------------------------

/** Whether `value` is a JSON object: not null, not an array. */
export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A place in a value that the schema constrains, and so a place to break it. */
export interface Slot {
  readonly path: Path
  readonly schema: Schema
  /** Whether the schema requires it there, so that deleting it breaks the value too. */
  readonly required: boolean
}

/**
 * Every place in `value` that `schema` constrains, depth first: each required property, each
 * optional property that is present, each array item and record value. Nothing inside an
 * object of an unknown type: the schema says nothing about it.
 */
export function slotsOf(schema: Schema, value: unknown, path: Path = []): Slot[] {
  switch (schema.kind) {
    case 'object': {
      if (!isJsonObject(value)) return []
      const slots: Slot[] = []
      for (const [key, property] of Object.entries(schema.required)) {
        slots.push({ path: [...path, key], schema: property, required: true })
        slots.push(...slotsOf(property, value[key], [...path, key]))
      }
      for (const [key, property] of Object.entries(schema.optional)) {
        if (!Object.hasOwn(value, key)) continue
        slots.push({ path: [...path, key], schema: property, required: false })
        slots.push(...slotsOf(property, value[key], [...path, key]))
      }
      return slots
    }
    case 'union': {
      if (!isJsonObject(value)) return []
      const type = value['type']
      const known =
        typeof type === 'string' && Object.hasOwn(schema.members, type)
          ? schema.members[type]
          : undefined
      return known === undefined ? [] : slotsOf(known, value, path)
    }
    case 'array':
      if (!Array.isArray(value)) return []
      return value.flatMap((item, index) => [
        { path: [...path, index], schema: schema.items, required: false },
        ...slotsOf(schema.items, item, [...path, index]),
      ])
    case 'record':
      if (!isJsonObject(value)) return []
      return Object.entries(value).flatMap(([key, item]) => [
        { path: [...path, key], schema: schema.values, required: false },
        ...slotsOf(schema.values, item, [...path, key]),
      ])
    default:
      return []
  }
}

const notAString = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant<JsonValue>([]),
  fc.constant<JsonValue>({}),
)
const notAnObject = fc.oneof(
  stringArbitrary,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(jsonValueArbitrary, { maxLength: 2 }),
)

/** JSON values that `schema` rejects: the wrong JSON type, or a fraction where an integer goes. */
export function wrongValueArbitrary(schema: Schema): fc.Arbitrary<JsonValue> {
  switch (schema.kind) {
    case 'string':
    case 'openEnum':
      return notAString
    case 'literal':
      // Every literal here is a union's `type`, where the empty string is no type either.
      return fc.oneof(fc.constant(''), notAString)
    case 'integer':
      return fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n)),
        fc.integer().map(String),
        fc.boolean(),
        fc.constant(null),
        fc.constant<JsonValue>({}),
      )
    case 'number':
      return fc.oneof(
        fc.double().map(String),
        fc.boolean(),
        fc.constant(null),
        fc.constant<JsonValue>([]),
      )
    case 'boolean':
      return fc.constantFrom<JsonValue>('true', 'false', 0, 1, null, [])
    case 'array':
      return fc.oneof(stringArbitrary, fc.integer(), fc.constant(null), fc.constant<JsonValue>({}))
    case 'record':
    case 'object':
    case 'union':
      return notAnObject
  }
}

/** The value at `segment` of `value`, if `value` is a container. */
function childOf(value: unknown, segment: PathSegment): unknown {
  if (Array.isArray(value))
    return typeof segment === 'number' ? (value as unknown[])[segment] : undefined
  return isJsonObject(value) ? value[segment] : undefined
}

/** A copy of `value` with the value at `path` set to `replacement`, or deleted when undefined. */
export function replaceAt(
  value: JsonObject,
  path: Path,
  replacement: JsonValue | undefined,
): JsonObject {
  const copy = structuredClone(value)
  const parent = path.slice(0, -1).reduce<unknown>(childOf, copy)
  const last = path.at(-1)
  if (last === undefined || typeof parent !== 'object' || parent === null) {
    throw new TypeError(`no value at ${JSON.stringify(path)}`)
  }
  if (replacement === undefined) {
    Reflect.deleteProperty(parent, last)
  } else {
    // defineProperty, not assignment: a key named `__proto__` must stay a plain data property.
    Object.defineProperty(parent, last, {
      value: replacement,
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return copy
}

/** A known-type event with one constrained place broken. */
export interface Corruption {
  /** The broken copy; the original is left as it was. */
  readonly event: JsonObject
  /** Where it is broken, from the event. */
  readonly path: Path
  /** What is there now; `undefined` when the property was deleted. */
  readonly actual: JsonValue | undefined
}

/**
 * Breaks one place of `event`, which must be of a known type: a required property deleted or
 * given a value of the wrong type, or an optional one, an array item or a record value given a
 * value of the wrong type. Deeper places are favoured: the five common fields would otherwise
 * take most picks, and the type-specific ones are where schemas differ.
 */
export function corruptionArbitrary(event: JsonObject): fc.Arbitrary<Corruption> {
  const slots = slotsOf(Event, event)
  if (slots.length === 0) throw new TypeError('only an event of a known type can be corrupted')
  const pick = fc.oneof(
    ...slots.map((place) => ({ weight: place.path.length ** 2, arbitrary: fc.constant(place) })),
  )
  return pick.chain((slot) => {
    const wrong = wrongValueArbitrary(slot.schema)
    const replacement = slot.required ? fc.option(wrong, { nil: undefined, freq: 4 }) : wrong
    return replacement.map((actual) => ({
      event: replaceAt(event, slot.path, actual),
      path: slot.path,
      actual,
    }))
  })
}

/** Events of known types that do not match their schema, each broken in one place. */
export function invalidEventArbitrary(
  options: WebhookArbitraryOptions = {},
): fc.Arbitrary<JsonObject> {
  return knownEventArbitrary(options)
    .chain(corruptionArbitrary)
    .map((corruption) => corruption.event)
}

/**
 * Everything a body's `events` can hold: valid events of known and unknown types with unknown
 * properties, events of known types broken in one place, and JSON that is no event at all.
 */
export function anyEventArbitrary(): fc.Arbitrary<JsonValue> {
  const everything = { extraProperties: true, unknownTypes: true }
  return fc.oneof(
    { weight: 6, arbitrary: eventArbitrary(everything) },
    { weight: 2, arbitrary: invalidEventArbitrary(everything) },
    { weight: 1, arbitrary: jsonValueArbitrary },
  )
}
