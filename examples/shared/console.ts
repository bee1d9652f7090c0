/** Readable one-line summaries, for the example servers' output and the demo. */
import type { KnownEvent, LogEntry, WebhookHooks } from './webhook-handling.js'

/** `message/text "hello" from user U4af49…`: what came, not all of it. */
export function describeEvent(event: KnownEvent): string {
  const from = event.source?.type === undefined ? '' : ` from ${event.source.type}`
  if (event.type !== 'message' && event.type !== 'messageEdited') return `${event.type}${from}`
  const { message } = event
  let what: string
  switch (message.type) {
    case undefined:
      what = `${message.raw.type} (an unknown message type)`
      break
    case 'text':
      what = `text ${JSON.stringify(message.text)}`
      break
    case 'video':
    case 'audio':
      what =
        message.duration === undefined ? message.type : `${message.type} ${message.duration} ms`
      break
    case 'location':
      what = `location ${message.latitude},${message.longitude}`
      break
    case 'sticker':
      what = `sticker ${message.packageId}/${message.stickerId}`
      break
    default:
      what = message.type
  }
  return `${event.type}/${what}${from}`
}

export function describeLogEntry(entry: LogEntry): string {
  switch (entry.kind) {
    case 'rejected':
      return `[${entry.channelId}] answered ${entry.status}: ${entry.reason}`
    case 'unknown-event':
      return `[${entry.channelId}] event of unknown type ${JSON.stringify(entry.event.raw.type)}: logged, not handled`
    case 'invalid-event':
      return `[${entry.channelId}] events[${entry.event.index}] does not match its schema, not handled: ${entry.reason}`
    case 'duplicate':
      return `[${entry.channelId}] redelivered event ${entry.webhookEventId} was handled already: skipped`
    case 'handler-failed':
      return `[${entry.channelId}] handling ${entry.event.type} failed: ${String(entry.error)}`
    case 'done':
      return `[${entry.channelId}] handled ${entry.handled} of ${entry.received} events`
    case 'error':
      return `error: ${entry.error instanceof Error ? (entry.error.stack ?? entry.error.message) : String(entry.error)}`
  }
}

/** Hooks that print: the example servers' stand-in for a bot. */
export const consoleHooks: WebhookHooks = {
  onEvent(event, { channelId, redelivered }) {
    console.log(`[${channelId}] ${describeEvent(event)}${redelivered ? ' (redelivered)' : ''}`)
  },
  log(entry) {
    if (entry.kind === 'error') console.error(describeLogEntry(entry))
    else console.log(describeLogEntry(entry))
  },
}
