import * as t from 'io-ts'
import { isRecord } from '../internal/record.js'
import {
  chargesBudget,
  failure,
  issuesOf,
  MAX_BODY_EVENT_ISSUES,
  MAX_EVENT_ISSUES,
  withinBudget,
  type Issue,
} from '../issue.js'
import { everyIndex } from './array.js'
import type { Codec } from './codec.js'
import {
  eventUnion,
  type AccountLinkEvent,
  type ActivatedEvent,
  type BeaconEvent,
  type BotResumedEvent,
  type BotSuspendedEvent,
  type DeactivatedEvent,
  type FollowEvent,
  type JoinEvent,
  type LeaveEvent,
  type MemberJoinedEvent,
  type MemberLeftEvent,
  type MembershipEvent,
  type MessageEditedEvent,
  type MessageEvent,
  type ModuleEvent,
  type PnpDeliveryCompletionEvent,
  type PostbackEvent,
  type UnfollowEvent,
  type UnsendEvent,
  type VideoPlayCompleteEvent,
  type UnknownEvent,
} from './event.js'
import { struct } from './struct.js'
import { withStandardSchema } from './standard-schema.js'

/**
 * An event of a known `type` that does not match its schema, kept in its place in `events`
 * with its `index`, the `raw` object and the `issues` found. It has no `type` of its own, so
 * it never passes for a well-formed event: `case undefined` reaches it, then `_tag` tells it
 * from an `UnknownEvent`.
 *
 * @example
 * ```ts
 * import { decodeCallbackRequest, type InvalidEvent } from 'line-webhook'
 *
 * const message = { type: 'file', id: '325708', fileName: 'a.txt', fileSize: '12' }
 * const body = { destination: 'U0', events: [{ type: 'message', message }] }
 * const result = decodeCallbackRequest(body)
 * const event = result._tag === 'Right' ? result.right.events[0] : undefined
 * if (event !== undefined && event.type === undefined && event._tag === 'InvalidEvent') {
 *   const invalid: InvalidEvent = event
 *   console.log(invalid.index) // => 0
 *   console.log(invalid.issues.map((issue) => issue.path)) // => ["events[0].timestamp", "events[0].mode", "events[0].webhookEventId", "events[0].deliveryContext", "events[0].message.fileSize"]
 * }
 * ```
 *
 * @since 0.1.0
 * @category Types
 */
export interface InvalidEvent {
  readonly _tag: 'InvalidEvent'
  readonly type?: undefined
  /** Where it stands in the body's `events`. */
  readonly index: number
  /** The event as it came. */
  readonly raw: unknown
  /**
   * Why it does not match its schema, in body order: at least one, at most 10, and only the
   * first once the invalid events before it in the body hold 1,000 beyond their first.
   */
  readonly issues: readonly Issue[]
  /**
   * How many more issues were found and left out (see `issues`): past what it keeps, an event
   * only counts, so that a hostile body costs no more than its size. `0` when none were.
   *
   * @since 0.2.0
   */
  readonly omittedIssues: number
}

/** The one way to make an InvalidEvent: `JSON.parse` cannot forge an instance of it. */
class InvalidEventOf implements InvalidEvent {
  readonly _tag = 'InvalidEvent'
  constructor(
    readonly index: number,
    readonly raw: unknown,
    readonly issues: readonly Issue[],
    readonly omittedIssues: number,
  ) {}
}

const isInvalidEvent = (value: unknown): value is InvalidEvent => value instanceof InvalidEventOf

/**
 * An `events` list of `event`s: each decodes on its own, and one that does not match its schema
 * becomes an {@link InvalidEvent} in its place instead of sinking the others.
 */
export function eventList<E extends t.Mixed>(
  event: E,
): t.Type<readonly (t.TypeOf<E> | InvalidEvent)[], readonly unknown[]> {
  type Entry = t.TypeOf<E> | InvalidEvent
  const isEntry = (value: unknown): value is Entry => event.is(value) || isInvalidEvent(value)
  const list = new t.Type(
    `Array<${event.name}>`,
    (value): value is readonly Entry[] => Array.isArray(value) && everyIndex(value, isEntry),
    (value, context) => {
      if (!Array.isArray(value)) return failure(value, context)
      // A copy from the first event that changed: a list that holds none is returned as it is.
      let events: Entry[] | undefined
      let extra = 0 // issues kept beyond each invalid event's first
      for (let index = 0; index < value.length; index++) {
        const raw: unknown = value[index]
        // A valid event stays on the fast path: only the events that need it are validated.
        if (isEntry(raw)) {
          events?.push(raw)
          continue
        }
        const max = 1 + Math.min(MAX_EVENT_ISSUES - 1, MAX_BODY_EVENT_ISSUES - extra)
        const { validation: result, omitted } = withinBudget(max, () =>
          event.validate(raw, t.appendContext(context, String(index), event, raw)),
        )
        let entry: Entry
        if (result._tag === 'Right') entry = result.right as t.TypeOf<E>
        else {
          const issues = issuesOf(result.left)
          extra += issues.length - 1
          entry = new InvalidEventOf(index, raw, issues, omitted)
        }
        // Never `raw` itself: `is` accepts whatever `validate` keeps unchanged (the guards tests
        // hold them to it). Every event before this one was kept as it is, so no hole is copied.
        events ??= (value as readonly Entry[]).slice(0, index)
        events.push(entry)
      }
      return t.success(events ?? (value as readonly Entry[]))
    },
    (events) =>
      events.map((entry) => (isInvalidEvent(entry) ? entry.raw : (event.encode(entry) as unknown))),
  )
  // Its validate asks each event's `is` itself: a struct holding it validates it directly.
  return Object.assign(chargesBudget(list), { direct: true as const })
}

/** The `events` of a {@link CallbackRequest}. */
export const EventList = /*#__PURE__*/ eventList(eventUnion)

export const callbackRequest = /*#__PURE__*/ struct(
  'CallbackRequest',
  { destination: t.string, events: EventList },
  {},
  (value) =>
    isRecord(value) && typeof value['destination'] === 'string' && EventList.is(value['events']),
)

/**
 * A webhook request body: the bot's user ID (`destination`) and its `events`, each an
 * {@link Event}, an `UnknownEvent` of a newer type, or an {@link InvalidEvent}. `events` may be
 * empty: LINE sends that to check a webhook URL.
 *
 * @example
 * ```ts
 * import { CallbackRequest } from 'line-webhook'
 *
 * console.log(CallbackRequest.is({ destination: 'xxxxxxxxxx', events: [] })) // => true
 * console.log(CallbackRequest.is({ destination: 'xxxxxxxxxx', events: {} })) // => false
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const CallbackRequest: Codec<CallbackRequest> =
  /*#__PURE__*/ withStandardSchema(callbackRequest)
export interface CallbackRequest {
  /** The user ID of the bot that receives the webhook. */
  readonly destination: string
  /** Written out, not `WebhookEvent[]`, so that editors show each event by its name. */
  readonly events: readonly (
    | MessageEvent
    | UnsendEvent
    | FollowEvent
    | UnfollowEvent
    | JoinEvent
    | LeaveEvent
    | MemberJoinedEvent
    | MemberLeftEvent
    | PostbackEvent
    | VideoPlayCompleteEvent
    | BeaconEvent
    | AccountLinkEvent
    | MembershipEvent
    | ModuleEvent
    | ActivatedEvent
    | DeactivatedEvent
    | BotSuspendedEvent
    | BotResumedEvent
    | PnpDeliveryCompletionEvent
    | MessageEditedEvent
    | UnknownEvent
    | InvalidEvent
  )[]
}

/**
 * One entry of a {@link CallbackRequest}'s `events`: an {@link Event} (which includes
 * `UnknownEvent`), or an {@link InvalidEvent}. What `for (const event of body.events)` yields,
 * so a function that handles one event takes it (`Event` alone leaves out `InvalidEvent`).
 *
 * @example
 * ```ts
 * import { decodeCallbackRequest, type WebhookEvent } from 'line-webhook'
 *
 * function describe(event: WebhookEvent): string {
 *   switch (event.type) {
 *     case 'message':
 *       return `message ${event.message.type}`
 *     case undefined:
 *       return event._tag
 *     default:
 *       return event.type
 *   }
 * }
 * const unfollow = { type: 'unfollow', mode: 'active', timestamp: 1462629479859, webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR', deliveryContext: { isRedelivery: false } }
 * const result = decodeCallbackRequest({ destination: 'U0', events: [unfollow, { type: 'message' }] })
 * console.log(result._tag === 'Right' && result.right.events.map(describe)) // => ["unfollow", "InvalidEvent"]
 * ```
 *
 * @since 0.2.0
 * @category Types
 */
export type WebhookEvent = CallbackRequest['events'][number]
