import * as t from 'io-ts'
import { readonlyArray } from '../codecs/array.js'
import { finiteNumber } from '../codecs/primitives.js'
import { struct } from '../codecs/struct.js'
import { isRecord } from '../internal/record.js'
import type { Codec } from '../codecs/codec.js'
import { withStandardSchema } from '../codecs/standard-schema.js'

/*
 * The 2016 LINE BOT API trial format, as LINE's wiki samples and the 2016 SDKs show it. Every
 * field is optional: the samples leave many out, and the adapter reads what is there. The format
 * writes `null` for "absent" (`location`, `text`, `contentMetadata`, `seq`, `phone`).
 */

// Written out rather than with t.union and t.record, whose generality costs kilobytes in every
// bundle that decodes webhooks.

/** `codec`, or `null`. */
function nullable<A, O>(codec: t.Type<A, O>): t.Type<A | null, O | null> {
  return new t.Type(
    `${codec.name} | null`,
    (value): value is A | null => value === null || codec.is(value),
    (value, context) => (value === null ? t.success(null) : codec.validate(value, context)),
    (value) => (value === null ? null : codec.encode(value)),
  )
}

const isChannelId = (value: unknown): value is number | string =>
  typeof value === 'number' || typeof value === 'string'

/** Channel ids came as numbers from LINE and as strings from services that re-serialised them. */
const channelId = /*#__PURE__*/ new t.Type<number | string>(
  'number | string',
  isChannelId,
  (value, context) => (isChannelId(value) ? t.success(value) : t.failure(value, context)),
  t.identity,
)

type StringRecord = Readonly<Record<string, string>>

/** `contentMetadata`: string values by string keys. */
const stringRecord = /*#__PURE__*/ new t.Type<StringRecord>(
  '{ [key: string]: string }',
  (value): value is StringRecord =>
    isRecord(value) && Object.values(value).every((entry) => typeof entry === 'string'),
  (value, context) => {
    if (!isRecord(value)) return t.failure(value, context)
    const errors = Object.entries(value).flatMap(([key, entry]) =>
      typeof entry === 'string'
        ? []
        : [{ value: entry, context: t.appendContext(context, key, t.string, entry) }],
    )
    return errors.length > 0 ? t.failures(errors) : t.success(value as StringRecord)
  },
  t.identity,
)

export const legacyLocation = /*#__PURE__*/ struct(
  'LegacyLocation',
  {},
  {
    title: /*#__PURE__*/ nullable(t.string),
    address: /*#__PURE__*/ nullable(t.string),
    latitude: finiteNumber,
    longitude: finiteNumber,
    phone: /*#__PURE__*/ nullable(t.string),
  },
)

/**
 * The `location` of a 2016 location message (`contentType` 7).
 *
 * @example
 * ```ts
 * import { LegacyLocation } from 'line-webhook/legacy'
 *
 * const location = { title: '位置情報', address: '東京都渋谷区渋谷', latitude: 35.658977, longitude: 139.703811, phone: null }
 * console.log(LegacyLocation.is(location)) // => true
 * ```
 *
 * @since 0.1.0
 * @category The 2016 BOT API trial format
 */
export const LegacyLocation: Codec<LegacyLocation> =
  /*#__PURE__*/ withStandardSchema(legacyLocation)
export interface LegacyLocation {
  readonly title?: string | null
  readonly address?: string | null
  readonly latitude?: number
  readonly longitude?: number
  readonly phone?: string | null
}

export const legacyContent = /*#__PURE__*/ struct(
  'LegacyContent',
  {},
  {
    id: t.string,
    createdTime: finiteNumber,
    from: t.string,
    to: /*#__PURE__*/ readonlyArray(t.string),
    toType: finiteNumber,
    contentType: finiteNumber,
    text: /*#__PURE__*/ nullable(t.string),
    location: /*#__PURE__*/ nullable(legacyLocation),
    contentMetadata: /*#__PURE__*/ nullable(stringRecord),
    deliveredTime: finiteNumber,
    revision: finiteNumber,
    opType: finiteNumber,
    params: /*#__PURE__*/ readonlyArray(/*#__PURE__*/ nullable(t.string)),
  },
)

/**
 * The `content` of a 2016 result: a message (`contentType`: 1 text, 2 image, 3 video, 4 audio,
 * 7 location, 8 sticker, 10 contact; what a type adds is in `contentMetadata`), or an operation
 * (`opType`: 4 added as friend, 8 blocked; the user is `params[0]`).
 *
 * @example
 * ```ts
 * import { LegacyContent } from 'line-webhook/legacy'
 *
 * const sticker = { id: '325708', createdTime: 1332394961610, from: 'uff2aec188e58752ee1fb0f9507c6529a', contentType: 8, contentMetadata: { STKID: '5678', STKPKGID: '1234', STKVER: '1' } }
 * console.log(LegacyContent.is(sticker)) // => true
 * console.log(LegacyContent.is({ opType: 4, revision: 2469, params: ['u0f3bfc598b061eba02183bfc5280886a', null, null] })) // => true
 * ```
 *
 * @since 0.1.0
 * @category The 2016 BOT API trial format
 */
export const LegacyContent: Codec<LegacyContent> = /*#__PURE__*/ withStandardSchema(legacyContent)
export interface LegacyContent {
  readonly id?: string
  /** In epoch milliseconds. */
  readonly createdTime?: number
  /** The sender's MID. */
  readonly from?: string
  readonly to?: readonly string[]
  readonly toType?: number
  /** 1 text, 2 image, 3 video, 4 audio, 7 location, 8 sticker, 10 contact. */
  readonly contentType?: number
  readonly text?: string | null
  readonly location?: LegacyLocation | null
  /** What a message type adds, such as a sticker's `STKID` and `STKPKGID`. */
  readonly contentMetadata?: Readonly<Record<string, string>> | null
  readonly deliveredTime?: number
  readonly revision?: number
  /** 4 added as friend, 8 blocked. */
  readonly opType?: number
  /** An operation's parameters: the user is `params[0]`. */
  readonly params?: readonly (string | null)[]
}

export const legacyResult = /*#__PURE__*/ struct(
  'LegacyResult',
  {},
  {
    id: t.string,
    from: t.string,
    fromChannel: channelId,
    to: /*#__PURE__*/ readonlyArray(t.string),
    toChannel: channelId,
    eventType: t.string,
    createdTime: finiteNumber,
    content: legacyContent,
  },
)

/**
 * One entry of the `result` of a 2016 BOT API trial body: `eventType` "138311609000106303" is a
 * message, "138311609100106403" an operation (they exceed 2^53, so they are strings); `to[0]` is
 * the bot's MID; `fromChannel` and `toChannel` come as numbers or strings. Unknown properties
 * are kept. `legacyResultOf` gives it back from the event it became.
 *
 * @example
 * ```ts
 * import { LegacyResult } from 'line-webhook/legacy'
 *
 * const result = { from: 'u206d25c2ea6bd87c17655609a1c37cb8', fromChannel: '1341301815', to: ['u0cc15697597f61dd8b01cea8b027050e'], toChannel: 1441301333, eventType: '138311609000106303', id: 'ABCDEF-12345678901', content: { id: '325708', contentType: 1, text: 'hello', location: null } }
 * console.log(LegacyResult.is(result)) // => true
 * console.log(LegacyResult.is({ ...result, eventType: Number(result.eventType) })) // => false
 * ```
 *
 * @since 0.1.0
 * @category The 2016 BOT API trial format
 */
export const LegacyResult: Codec<LegacyResult> = /*#__PURE__*/ withStandardSchema(legacyResult)
export interface LegacyResult {
  readonly id?: string
  readonly from?: string
  readonly fromChannel?: number | string
  /** `to[0]` is the bot's MID. */
  readonly to?: readonly string[]
  readonly toChannel?: number | string
  /** "138311609000106303" a message, "138311609100106403" an operation. */
  readonly eventType?: string
  readonly createdTime?: number
  readonly content?: LegacyContent
}
