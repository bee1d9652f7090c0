import * as t from 'io-ts'
import { struct } from '../codecs/struct.js'
import type { Codec } from '../codecs/codec.js'
import { withStandardSchema } from '../codecs/standard-schema.js'

/** The `type` a 2016 contact message gets: namespaced, so no message type LINE adds can take it. */
export const LEGACY_CONTACT_TYPE = 'legacy:contact'

export const legacyContactMessageContent = /*#__PURE__*/ struct(
  'LegacyContactMessageContent',
  { type: /*#__PURE__*/ t.literal(LEGACY_CONTACT_TYPE) },
  { id: t.string, mid: t.string, displayName: t.string },
)

/**
 * A 2016 contact message (`contentType` 10) as the adapter writes it: today's messages have no
 * contact type, so it arrives as an `UnknownMessageContent` whose `raw` is this, with the
 * message `id` and the contact's `mid` and `displayName`. Narrow `raw` with `is`.
 *
 * @example
 * ```ts
 * import { LegacyContactMessageContent, decodeLegacyCallbackRequest } from 'line-webhook/legacy'
 *
 * const content = { id: '325708', from: 'uff2aec188e58752ee1fb0f9507c6529a', contentType: 10, contentMetadata: { mid: 'u0cc15697597f61dd8b01cea8b027050e', displayName: 'USER NAME' } }
 * const body = { result: [{ eventType: '138311609000106303', id: 'ABCDEF-12345678901', content }] }
 * const decoded = decodeLegacyCallbackRequest(body)
 * const event = decoded._tag === 'Right' ? decoded.right.events[0] : undefined
 * if (event?.type === 'message' && event.message.type === undefined) {
 *   const { raw } = event.message
 *   console.log(LegacyContactMessageContent.is(raw) && raw) // => { type: "legacy:contact", id: "325708", mid: "u0cc15697597f61dd8b01cea8b027050e", displayName: "USER NAME" }
 * }
 * ```
 *
 * @since 0.1.0
 * @category The 2016 BOT API trial format
 */
export const LegacyContactMessageContent: Codec<LegacyContactMessageContent> =
  /*#__PURE__*/ withStandardSchema(legacyContactMessageContent)
export interface LegacyContactMessageContent {
  readonly type: 'legacy:contact'
  /** The message ID. */
  readonly id?: string
  /** The contact's MID. */
  readonly mid?: string
  readonly displayName?: string
}
