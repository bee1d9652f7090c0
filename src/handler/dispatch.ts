import type { LenientCallbackRequest } from '../codecs/lenient.js'
import { isRecord } from '../internal/record.js'
import { isThenable } from '../internal/thenable.js'
import type { DedupStore } from './dedup-store.js'
import type { EventHandlers, WebhookEventContext } from './event-handlers.js'

/** An entry of a decoded body's `events`, as the handler sees it whatever the profile. */
type EventEntry = LenientCallbackRequest['events'][number]

/** A user's handler, seen from here: the event's type was chosen by its `type`. */
export type AnyHandler = (event: never, context: WebhookEventContext) => unknown

/** What {@link dispatch} needs to know. */
export interface DispatchSettings {
  readonly on: EventHandlers<never>
  readonly onUnknownEvent: AnyHandler | undefined
  readonly onInvalidEvent: AnyHandler | undefined
  readonly onError: (error: unknown, event: never) => unknown
  readonly dedup: { readonly store: DedupStore; readonly ttlMs: number } | undefined
}

/**
 * Runs the handler of each event, one after another in body order. Never rejects: a handler or
 * store that fails is reported to `onError`, and the next event runs. A synchronous store or
 * handler is not awaited: a busy body's hundred events then cost no promise hops.
 */
export async function dispatch(
  events: readonly EventEntry[],
  context: WebhookEventContext,
  settings: DispatchSettings,
): Promise<void> {
  // The IDs this body has claimed. A redelivery comes in a later request: events of one body that
  // share an ID (vendors' and the 2016 format's samples do) are all handled, or all skipped.
  const claimed = new Set<string>()
  for (const event of events) {
    const handler = handlerOf(event, settings)
    // An event nobody handles is not claimed: the store is not asked for nothing.
    if (handler === undefined) continue
    const fresh = isNew(event, settings, claimed)
    if (!(typeof fresh === 'boolean' ? fresh : await fresh)) continue
    try {
      const done = (handler as (event: EventEntry, context: WebhookEventContext) => unknown)(
        event,
        context,
      )
      if (isThenable(done)) await done
    } catch (error) {
      await report(error, event, settings)
    }
  }
}

function handlerOf(event: EventEntry, settings: DispatchSettings): AnyHandler | undefined {
  if (event.type !== undefined) return settings.on[event.type]
  return event._tag === 'InvalidEvent' ? settings.onInvalidEvent : settings.onUnknownEvent
}

/**
 * Whether the event is new: claimed for the first time, or by an earlier event of its own body.
 * An event without an ID always is. At once when the store answers at once.
 */
function isNew(
  event: EventEntry,
  settings: DispatchSettings,
  claimed: Set<string>,
): boolean | Promise<boolean> {
  const id = eventIdOf(event)
  const { dedup } = settings
  if (dedup === undefined || id === undefined || claimed.has(id)) return true
  let first: unknown
  try {
    first = dedup.store.claim(id, dedup.ttlMs)
  } catch (error) {
    return storeFailed(error, event, id, settings, claimed)
  }
  // Closures only for a store that answers later: the in-memory one answers every event at once.
  if (!isThenable(first)) return remember(first, id, claimed)
  return Promise.resolve(first).then(
    (answer) => remember(answer, id, claimed),
    (error: unknown) => storeFailed(error, event, id, settings, claimed),
  )
}

/** A claim's answer, remembered for the rest of the body when it is the first. */
function remember(first: unknown, id: string, claimed: Set<string>): boolean {
  if (!first) return false
  claimed.add(id)
  return true
}

/**
 * A possible duplicate is better than a lost event: a store that fails lets the event run, and
 * the other events of its body with its ID (the store may have kept the claim before it failed).
 */
async function storeFailed(
  error: unknown,
  event: EventEntry,
  id: string,
  settings: DispatchSettings,
  claimed: Set<string>,
): Promise<boolean> {
  claimed.add(id)
  await report(error, event, settings)
  return true
}

/** The `webhookEventId` of an event, of a fallback's raw object too, if it is a string. */
function eventIdOf(event: EventEntry): string | undefined {
  const fields: unknown = event.type === undefined ? event.raw : event
  const id = isRecord(fields) ? fields['webhookEventId'] : undefined
  return typeof id === 'string' && id !== '' ? id : undefined
}

async function report(error: unknown, event: EventEntry, settings: DispatchSettings) {
  try {
    await (settings.onError as (error: unknown, event: EventEntry) => unknown)(error, event)
  } catch (failure) {
    // The last resort: the process must not crash on an unhandled rejection.
    console.error('line-webhook: onError threw while reporting', error, 'and then', failure)
  }
}
