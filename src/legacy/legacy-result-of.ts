import type { LegacyResult } from './legacy-result.js'

/*
 * Kept beside the events rather than on them: a property on the event would come out of
 * `encode` and make today's JSON something LINE never sends. Weak, so events are collected as
 * usual.
 */
const origins = /*#__PURE__*/ new WeakMap<object, LegacyResult>()

/** Records that `entry` was adapted from `result`. */
export function rememberLegacyResult(entry: object, result: LegacyResult): void {
  origins.set(entry, result)
}

/**
 * The 2016 result an event was adapted from, as it came (the very object), for what today's
 * events have no place for: `fromChannel`, `toType`, `contentMetadata` flags, an operation's
 * `revision`. `undefined` for an event that was not adapted by `decodeLegacyCallbackRequest`, or
 * whose result does not match {@link LegacyResult} (its `raw` then holds what could be read). Works
 * for every entry of `events`: events, `UnknownEvent`s and `InvalidEvent`s alike.
 *
 * @example
 * ```ts
 * import { decodeLegacyCallbackRequest, legacyResultOf } from 'line-webhook/legacy'
 *
 * const operation = { from: 'u206d25c2ea6bd87c17655609a1c37cb8', fromChannel: 1341301815, to: ['u0cc15697597f61dd8b01cea8b027050e'], toChannel: 1441301333, eventType: '138311609100106403', id: 'ABCDEF-12345678902', content: { revision: 2469, opType: 4, params: ['u0f3bfc598b061eba02183bfc5280886a', null, null] } }
 * const decoded = decodeLegacyCallbackRequest({ result: [operation] })
 * const event = decoded._tag === 'Right' ? decoded.right.events[0] : undefined
 * console.log(event?.type) // => "follow"
 * console.log(event && legacyResultOf(event) === operation) // => true
 * console.log(event && legacyResultOf(event)?.content?.revision) // => 2469
 * console.log(legacyResultOf({ type: 'follow' })) // => undefined
 * ```
 *
 * @since 0.1.0
 * @category The 2016 BOT API trial format
 */
export function legacyResultOf(event: object): LegacyResult | undefined {
  return origins.get(event)
}
