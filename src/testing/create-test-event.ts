import { Event } from '../codecs/event.js'
import type { UnknownRecord } from '../internal/record.js'
import { issuesOf } from '../issue.js'
import { deepMerge, type VariantDefaults } from './deep-merge.js'
import { lineId, messageId, replyToken, token, webhookEventId } from './test-ids.js'

/**
 * The `type` of each of the 20 webhook events LINE documents: `'message'`, `'follow'`, ...
 *
 * @example
 * ```ts
 * import { createTestEvent, type TestEventType } from 'line-webhook/testing'
 *
 * const type: TestEventType = 'follow'
 * console.log(createTestEvent(type).type) // => "follow"
 * ```
 *
 * @since 0.2.0
 * @category Testing
 */
export type TestEventType = Exclude<Event['type'], undefined>

/**
 * The event of one `type`: `TestEvent<'message'>` is `MessageEvent`.
 *
 * @example
 * ```ts
 * import type { MessageEvent } from 'line-webhook'
 * import type { TestEvent } from 'line-webhook/testing'
 *
 * type Same = TestEvent<'message'> extends MessageEvent ? true : false
 * declare const same: Same
 * ```
 *
 * @since 0.2.0
 * @category Testing
 */
export type TestEvent<T extends TestEventType> = Extract<Event, { readonly type: T }>

/**
 * `T` with every property optional, deeply; arrays are given whole, and the fallbacks for newer
 * types (`UnknownMessageContent`...) are left out, since a test event is valid by LINE's schema.
 *
 * @example
 * ```ts
 * import type { TextMessageContent } from 'line-webhook'
 * import type { DeepPartial } from 'line-webhook/testing'
 *
 * type TextOverride = DeepPartial<TextMessageContent>
 * declare const override: TextOverride
 * ```
 *
 * @since 0.2.0
 * @category Testing
 */
export type DeepPartial<T> = T extends readonly (infer Item)[]
  ? readonly Item[]
  : T extends { readonly _tag: string }
    ? never
    : T extends object
      ? { readonly [K in keyof T]?: DeepPartial<T[K]> }
      : T

/**
 * What {@link createTestEvent} merges into its defaults: any property but `type`, deeply. An
 * optional property set to `undefined` is removed (`{ source: undefined }`).
 *
 * @example
 * ```ts
 * import { createTestEvent, type TestEventOverrides } from 'line-webhook/testing'
 *
 * const overrides: TestEventOverrides<'follow'> = { follow: { isUnblocked: true } }
 * console.log(createTestEvent('follow', overrides).follow.isUnblocked) // => true
 * ```
 *
 * @since 0.2.0
 * @category Testing
 */
export type TestEventOverrides<T extends TestEventType> = {
  readonly [K in Exclude<keyof TestEvent<T>, 'type'>]?:
    DeepPartial<TestEvent<T>[K]> | (K extends OptionalKeys<TestEvent<T>> ? undefined : never)
}

/** The keys of `T` whose properties may be absent. */
type OptionalKeys<T> = {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- `{}` lacks every key
  [K in keyof T]-?: {} extends Pick<T, K> ? K : never
}[keyof T]

const userSource = () => ({ type: 'user', userId: lineId('U') })
const groupSource = () => ({ type: 'group', groupId: lineId('C'), userId: lineId('U') })
const fromLine = { type: 'line' }

/** A default of every message type: what LINE sends for it, with fresh ids. */
const textMessage = () => ({
  type: 'text',
  id: messageId(),
  quoteToken: token(43),
  text: 'Hello, world',
})

const messages: VariantDefaults = {
  text: textMessage,
  image: () => ({
    type: 'image',
    id: messageId(),
    quoteToken: token(43),
    contentProvider: fromLine,
  }),
  video: () => ({
    type: 'video',
    id: messageId(),
    quoteToken: token(43),
    duration: 60000,
    contentProvider: fromLine,
  }),
  audio: () => ({ type: 'audio', id: messageId(), duration: 60000, contentProvider: fromLine }),
  file: () => ({ type: 'file', id: messageId(), fileName: 'file.txt', fileSize: 2138 }),
  location: () => ({
    type: 'location',
    id: messageId(),
    title: 'my location',
    address: '1-3 Kioicho, Chiyoda-ku, Tokyo, 102-8282, Japan',
    latitude: 35.67966,
    longitude: 139.73669,
  }),
  sticker: () => ({
    type: 'sticker',
    id: messageId(),
    quoteToken: token(43),
    packageId: '446',
    stickerId: '1988',
    stickerResourceType: 'STATIC',
    keywords: ['Happy', 'Smile'],
  }),
}

const sources: VariantDefaults = {
  user: userSource,
  group: groupSource,
  room: () => ({ type: 'room', roomId: lineId('R'), userId: lineId('U') }),
}

const joinedMembership = () => ({ type: 'joined', membershipId: 3189 })

const memberships: VariantDefaults = {
  joined: joinedMembership,
  left: () => ({ type: 'left', membershipId: 3189 }),
  renewed: () => ({ type: 'renewed', membershipId: 3189 }),
}

const attachedModule = () => ({ type: 'attached', botId: lineId('U'), scopes: ['message:send'] })

const modules: VariantDefaults = {
  attached: attachedModule,
  detached: () => ({ type: 'detached', botId: lineId('U'), reason: 'bot_deleted' }),
}

const variants = { message: messages, source: sources, membership: memberships, module: modules }

const members = () => ({ members: [userSource()] })

/** What each event type carries besides the fields every event has. */
const events: Readonly<Record<TestEventType, (now: number) => UnknownRecord>> = {
  message: () => ({ source: userSource(), replyToken: replyToken(), message: textMessage() }),
  unsend: () => ({ source: groupSource(), unsend: { messageId: messageId() } }),
  follow: () => ({
    source: userSource(),
    replyToken: replyToken(),
    follow: { isUnblocked: false },
  }),
  unfollow: () => ({ source: userSource() }),
  join: () => ({ source: { type: 'group', groupId: lineId('C') }, replyToken: replyToken() }),
  leave: () => ({ source: { type: 'group', groupId: lineId('C') } }),
  memberJoined: () => ({
    source: { type: 'group', groupId: lineId('C') },
    replyToken: replyToken(),
    joined: members(),
  }),
  memberLeft: () => ({ source: { type: 'group', groupId: lineId('C') }, left: members() }),
  postback: () => ({
    source: userSource(),
    replyToken: replyToken(),
    postback: { data: 'action=buy&itemId=111' },
  }),
  videoPlayComplete: () => ({
    source: userSource(),
    replyToken: replyToken(),
    videoPlayComplete: { trackingId: 'track-id' },
  }),
  beacon: () => ({
    source: userSource(),
    replyToken: replyToken(),
    beacon: { hwid: 'd41d8cd98f', type: 'enter' },
  }),
  accountLink: () => ({
    source: userSource(),
    replyToken: replyToken(),
    link: { result: 'ok', nonce: token(16) },
  }),
  membership: () => ({
    source: userSource(),
    replyToken: replyToken(),
    membership: joinedMembership(),
  }),
  module: () => ({ module: attachedModule() }),
  activated: (now) => ({ source: userSource(), chatControl: { expireAt: now + 3_600_000 } }),
  deactivated: () => ({ source: userSource() }),
  botSuspended: () => ({}),
  botResumed: () => ({}),
  delivery: () => ({ source: userSource(), delivery: { data: lineId('U').slice(1) } }),
  messageEdited: () => ({
    source: groupSource(),
    replyToken: replyToken(),
    message: textMessage(),
  }),
}

/**
 * A webhook event of `type` as LINE would send it, valid by LINE's schema (it decodes with
 * `Event` in the strict profile), with `overrides` merged in deeply. Each call has a fresh
 * `webhookEventId` (26 characters, like LINE's ULIDs), ids and reply token, and the time now.
 *
 * Overriding the `type` of `message`, `source`, `membership` or `module` starts from that type's
 * defaults, so `{ message: { type: 'image' } }` gives a whole image message.
 *
 * @throws `TypeError` when the overrides make an event LINE's schema does not allow, naming the
 * paths at fault, or when `type` is not one of the 20 event types.
 *
 * @example
 * ```ts
 * import { createTestEvent } from 'line-webhook/testing'
 *
 * const event = createTestEvent('message', { message: { type: 'text', text: 'hi' } })
 * console.log(event.message.type === 'text' ? event.message.text : undefined) // => "hi"
 * console.log(event.webhookEventId.length) // => 26
 *
 * const sticker = createTestEvent('message', { message: { type: 'sticker' } })
 * console.log(sticker.message.type) // => "sticker"
 * ```
 *
 * @since 0.2.0
 * @category Testing
 */
export function createTestEvent<T extends TestEventType>(
  type: T,
  overrides?: TestEventOverrides<T>,
): TestEvent<T> {
  const make = typeof type === 'string' && Object.hasOwn(events, type) ? events[type] : undefined
  if (make === undefined) {
    throw new TypeError(
      `line-webhook/testing: createTestEvent has no event type ${JSON.stringify(type)}; give one of ${Object.keys(events).join(', ')}.`,
    )
  }
  const now = Date.now()
  const base = {
    type,
    mode: 'active',
    timestamp: now,
    webhookEventId: webhookEventId(now),
    deliveryContext: { isRedelivery: false },
    ...make(now),
  }
  const event = deepMerge(base, { ...overrides, type }, variants)
  // Valid, and its `type` is `type`: the member of Event that TestEvent<T> names.
  if (Event.is(event)) return event as unknown as TestEvent<T>
  throw new TypeError(
    `line-webhook/testing: createTestEvent('${type}', overrides) ${problemOf(event)}`,
  )
}

function problemOf(event: UnknownRecord): string {
  const decoded = Event.decode(event)
  if (decoded._tag === 'Right') {
    return 'sets a type this version does not know (of message, source...); use one of the documented types.'
  }
  const paths = issuesOf(decoded.left).map(
    // The merged event is an object with its `type` set, so every issue has a path.
    ({ path, expected }) => `${path}: expected ${expected}`,
  )
  return `makes an event LINE's schema does not allow: ${paths.join('; ')}.`
}
