import type { LenientCallbackRequest } from '../codecs/lenient.js'
import { isRecord } from '../internal/record.js'
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
 * store that fails is reported to `onError`, and the next event runs.
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
    if (handler === undefined || !(await isNew(event, settings, claimed))) continue
    try {
      await (handler as (event: EventEntry, context: WebhookEventContext) => unknown)(
        event,
        context,
      )
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
 * An event without an ID always is.
 */
async function isNew(
  event: EventEntry,
  settings: DispatchSettings,
  claimed: Set<string>,
): Promise<boolean> {
  const id = eventIdOf(event)
  if (settings.dedup === undefined || id === undefined || claimed.has(id)) return true
  try {
    const first = await settings.dedup.store.claim(id, settings.dedup.ttlMs)
    if (first) claimed.add(id)
    return first
  } catch (error) {
    // A possible duplicate is better than a lost event.
    await report(error, event, settings)
    return true
  }
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
