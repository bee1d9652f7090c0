import { isRecord, type UnknownRecord } from '../internal/record.js'
import { LEGACY_CONTACT_TYPE } from './legacy-contact.js'

/*
 * One 2016 result as today's event JSON, before any validation: the lenient codecs then decide
 * what is valid, unknown or invalid, as they do for modern bodies. Values are copied as they came
 * (a wrong one fails there, naming the field); `null`, the format's "absent", is left out; and
 * nothing the format lacks is invented: no reply or quote token, no delivery context, no content
 * provider, no follow detail, no sticker resource type.
 */

/** `eventType` of a message a user sent. Event types exceed 2^53, so they stay strings. */
const MESSAGE_EVENT_TYPE = '138311609000106303'
/** `eventType` of an operation: the user added or blocked the bot. */
const OPERATION_EVENT_TYPE = '138311609100106403'

const OP_ADDED_AS_FRIEND = 4
const OP_BLOCKED = 8

/** A path in a legacy result: property names and array indexes. */
export type LegacyPath = readonly (string | number)[]

/** Where a field of the adapted event came from, so failures can name the body as it was sent. */
export interface FieldOrigin {
  /** The field in the adapted event, dotted (`message.stickerId`); `''` for the event itself. */
  readonly modern: string
  /** Where its value is in the legacy result. */
  readonly legacy: LegacyPath
  /** What the legacy format wants there, where today's name for it would mislead. */
  readonly expected?: string
}

export interface AdaptedResult {
  /** Today's event as plain JSON; the result itself when it is not an object. */
  readonly event: unknown
  /** The origins of the fields a codec can reject. */
  readonly origins: readonly FieldOrigin[]
}

/** `null` is how the 2016 format says "absent". */
const present = (value: unknown): unknown => (value === null ? undefined : value)

/** An object of the `properties` that are present, in their order. */
const defined = (properties: Readonly<Record<string, unknown>>): UnknownRecord =>
  Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined))

/** `record` without its `type`, which the adapter sets (or leaves out on purpose). */
const withoutType = (record: UnknownRecord): UnknownRecord =>
  Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'type'))

const isInteger = (value: unknown): value is number => Number.isInteger(value)

/** Today's version of one `result` entry of a 2016 body. Pure and total. */
export function adaptLegacyResult(result: unknown): AdaptedResult {
  if (!isRecord(result)) {
    return { event: result, origins: [{ modern: '', legacy: [], expected: 'LegacyResult' }] }
  }
  const origins: FieldOrigin[] = []
  const content = isRecord(result['content']) ? result['content'] : undefined
  const eventType = result['eventType']

  if (eventType === MESSAGE_EVENT_TYPE) {
    const source = userSource(content?.['from'], ['content', 'from'], origins)
    return {
      event: defined({
        type: 'message',
        ...common(result, content, source, origins),
        message: message(result['content'], origins),
      }),
      origins,
    }
  }

  if (eventType === OPERATION_EVENT_TYPE) {
    const params = content?.['params']
    const userId: unknown = Array.isArray(params) ? params[0] : undefined
    const source = userSource(userId, ['content', 'params', 0], origins)
    const event = common(result, content, source, origins)
    const opType = content?.['opType']
    if (opType === OP_ADDED_AS_FRIEND) return { event: { type: 'follow', ...event }, origins }
    if (opType === OP_BLOCKED) return { event: { type: 'unfollow', ...event }, origins }
    if (isInteger(opType)) {
      const type = `legacy:opType:${opType}`
      return { event: { type, ...withoutType(result), ...event }, origins }
    }
    origins.push({ modern: 'type', legacy: ['content', 'opType'], expected: 'integer' })
    return { event: { ...withoutType(result), ...event }, origins }
  }

  // An event type this adapter does not know: no guess at its source.
  const event = { ...withoutType(result), ...common(result, content, undefined, origins) }
  if (typeof eventType === 'string') {
    return { event: { type: `legacy:eventType:${eventType}`, ...event }, origins }
  }
  origins.push({ modern: 'type', legacy: ['eventType'], expected: 'string' })
  return { event, origins }
}

/** The fields every event has: when, where from, which event; `mode` is "active" in 2016. */
function common(
  result: UnknownRecord,
  content: UnknownRecord | undefined,
  source: UnknownRecord | undefined,
  origins: FieldOrigin[],
): UnknownRecord {
  const createdTime = present(content?.['createdTime'])
  const timestamp = createdTime ?? present(result['createdTime'])
  const webhookEventId = present(result['id'])
  origins.push(
    {
      modern: 'timestamp',
      legacy: createdTime === undefined ? ['createdTime'] : ['content', 'createdTime'],
    },
    { modern: 'webhookEventId', legacy: ['id'] },
  )
  return defined({ mode: 'active', timestamp, source, webhookEventId })
}

/** The user the event came from, or `undefined` when the result does not say. */
function userSource(
  userId: unknown,
  path: LegacyPath,
  origins: FieldOrigin[],
): UnknownRecord | undefined {
  const id = present(userId)
  if (id === undefined) return undefined
  origins.push({ modern: 'source.userId', legacy: path })
  return { type: 'user', userId: id }
}

/** The message of a message result, by its `contentType`. */
function message(content: unknown, origins: FieldOrigin[]): unknown {
  if (!isRecord(content)) {
    origins.push({ modern: 'message', legacy: ['content'], expected: 'LegacyContent' })
    return present(content)
  }
  const contentType = content['contentType']
  if (!isInteger(contentType)) {
    origins.push({
      modern: 'message.type',
      legacy: ['content', 'contentType'],
      expected: 'integer',
    })
    return withoutType(content)
  }
  const id = present(content['id'])
  origins.push({ modern: 'message.id', legacy: ['content', 'id'] })
  const metadata = isRecord(content['contentMetadata']) ? content['contentMetadata'] : undefined
  /** A `contentMetadata` entry, and where a failure should point when there is none. */
  const meta = (modern: string, key: string): unknown => {
    const path = ['content', 'contentMetadata']
    origins.push(originIn(`message.${modern}`, path, metadata, key, '{ [key: string]: string }'))
    return present(metadata?.[key])
  }

  switch (contentType) {
    case 1:
      origins.push({ modern: 'message.text', legacy: ['content', 'text'] })
      return defined({ type: 'text', id, text: present(content['text']) })
    case 2:
      return defined({ type: 'image', id })
    case 3:
      return defined({ type: 'video', id })
    case 4:
      return defined({ type: 'audio', id, duration: meta('duration', 'AUDLEN') })
    case 7:
      return location(id, content['location'], origins)
    case 8:
      return defined({
        type: 'sticker',
        id,
        packageId: meta('packageId', 'STKPKGID'),
        stickerId: meta('stickerId', 'STKID'),
        STKVER: present(metadata?.['STKVER']),
        STKTXT: present(metadata?.['STKTXT']),
      })
    case 10:
      return defined({
        type: LEGACY_CONTACT_TYPE,
        id,
        mid: present(metadata?.['mid']),
        displayName: present(metadata?.['displayName']),
      })
    default:
      // A content type this adapter does not know: the whole content, under a type of its own.
      return { type: `legacy:contentType:${contentType}`, ...withoutType(content) }
  }
}

function location(id: unknown, value: unknown, origins: FieldOrigin[]): UnknownRecord {
  const place = isRecord(value) ? value : undefined
  for (const key of ['title', 'address', 'latitude', 'longitude']) {
    origins.push(originIn(`message.${key}`, ['content', 'location'], place, key, 'LegacyLocation'))
  }
  return defined({
    type: 'location',
    id,
    title: present(place?.['title']),
    address: present(place?.['address']),
    latitude: present(place?.['latitude']),
    longitude: present(place?.['longitude']),
    phone: present(place?.['phone']),
  })
}

/**
 * The origin of a field read from `key` of the object at `path`; when there is no such object
 * (`parent` is undefined), failures point at `path`, which should have been a `kind`.
 */
function originIn(
  modern: string,
  path: LegacyPath,
  parent: UnknownRecord | undefined,
  key: string,
  kind: string,
): FieldOrigin {
  return parent === undefined
    ? { modern, legacy: path, expected: kind }
    : { modern, legacy: [...path, key] }
}
