import * as t from 'io-ts'
import { readonlyArray } from './array.js'
import { Mention } from './mentionee.js'
import { finiteNumber, integer, openEnum } from './primitives.js'
import { struct } from './struct.js'
import { taggedUnion, type Unknown } from './tagged-union.js'

/**
 * Who holds a media file: `line` (download it with the message id) or `external`, with its URLs.
 *
 * @example
 * ```ts
 * import { ContentProvider } from 'line-webhook'
 *
 * console.log(ContentProvider.is({ type: 'line' })) // => true
 * const external = { type: 'external', originalContentUrl: 'https://example.com/a.jpg' }
 * console.log(ContentProvider.is(external)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const ContentProvider = /*#__PURE__*/ struct(
  'ContentProvider',
  { type: /*#__PURE__*/ openEnum(['line', 'external']) },
  { originalContentUrl: t.string, previewImageUrl: t.string },
)
export type ContentProvider = t.TypeOf<typeof ContentProvider>

/**
 * A LINE emoji inside a text message.
 *
 * @example
 * ```ts
 * import { Emoji } from 'line-webhook'
 *
 * const emoji = { index: 14, length: 6, productId: '5ac1bfd5040ab15980c9b435', emojiId: '001' }
 * console.log(Emoji.is(emoji)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const Emoji = /*#__PURE__*/ struct(
  'Emoji',
  { index: integer, length: integer, productId: t.string, emojiId: t.string },
  {},
)
export type Emoji = t.TypeOf<typeof Emoji>

/**
 * A text message, with its LINE emojis and mentions.
 *
 * @example
 * ```ts
 * import { TextMessageContent } from 'line-webhook'
 *
 * const text = { type: 'text', id: '468789577898262530', quoteToken: 'q3Plxr4AgKd', text: 'Hi' }
 * console.log(TextMessageContent.is(text)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const TextMessageContent = /*#__PURE__*/ struct(
  'TextMessageContent',
  { type: /*#__PURE__*/ t.literal('text'), id: t.string, text: t.string, quoteToken: t.string },
  {
    emojis: /*#__PURE__*/ readonlyArray(Emoji),
    mention: Mention,
    quotedMessageId: t.string,
    markAsReadToken: t.string,
  },
)
export type TextMessageContent = t.TypeOf<typeof TextMessageContent>

/**
 * Which image of several sent at once this is.
 *
 * @example
 * ```ts
 * import { ImageSet } from 'line-webhook'
 *
 * console.log(ImageSet.is({ id: 'E005D41A7288F41B655', index: 2, total: 2 })) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const ImageSet = /*#__PURE__*/ struct(
  'ImageSet',
  { id: t.string },
  { index: integer, total: integer },
)
export type ImageSet = t.TypeOf<typeof ImageSet>

/**
 * An image message.
 *
 * @example
 * ```ts
 * import { ImageMessageContent } from 'line-webhook'
 *
 * const image = { type: 'image', id: '354718705033693859', quoteToken: 'q3Plxr4AgKd', contentProvider: { type: 'line' } }
 * console.log(ImageMessageContent.is(image)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const ImageMessageContent = /*#__PURE__*/ struct(
  'ImageMessageContent',
  {
    type: /*#__PURE__*/ t.literal('image'),
    id: t.string,
    contentProvider: ContentProvider,
    quoteToken: t.string,
  },
  { imageSet: ImageSet, markAsReadToken: t.string },
)
export type ImageMessageContent = t.TypeOf<typeof ImageMessageContent>

/**
 * A video message; `duration` is in milliseconds.
 *
 * @example
 * ```ts
 * import { VideoMessageContent } from 'line-webhook'
 *
 * const video = { type: 'video', id: '325708', duration: 60000, quoteToken: 'q3Plxr4AgKd', contentProvider: { type: 'line' } }
 * console.log(VideoMessageContent.is(video)) // => true
 * console.log(VideoMessageContent.is({ ...video, duration: '60000' })) // => false
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const VideoMessageContent = /*#__PURE__*/ struct(
  'VideoMessageContent',
  {
    type: /*#__PURE__*/ t.literal('video'),
    id: t.string,
    contentProvider: ContentProvider,
    quoteToken: t.string,
  },
  { duration: integer, markAsReadToken: t.string },
)
export type VideoMessageContent = t.TypeOf<typeof VideoMessageContent>

/**
 * An audio message; `duration` is in milliseconds.
 *
 * @example
 * ```ts
 * import { AudioMessageContent } from 'line-webhook'
 *
 * const audio = { type: 'audio', id: '325708', duration: 60000, contentProvider: { type: 'line' } }
 * console.log(AudioMessageContent.is(audio)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const AudioMessageContent = /*#__PURE__*/ struct(
  'AudioMessageContent',
  { type: /*#__PURE__*/ t.literal('audio'), id: t.string, contentProvider: ContentProvider },
  { duration: integer, markAsReadToken: t.string },
)
export type AudioMessageContent = t.TypeOf<typeof AudioMessageContent>

/**
 * A file message; `fileSize` is in bytes.
 *
 * @example
 * ```ts
 * import { FileMessageContent } from 'line-webhook'
 *
 * const file = { type: 'file', id: '325708', fileName: 'file.txt', fileSize: 2138 }
 * console.log(FileMessageContent.is(file)) // => true
 * console.log(FileMessageContent.is({ ...file, fileSize: '2138' })) // => false
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const FileMessageContent = /*#__PURE__*/ struct(
  'FileMessageContent',
  { type: /*#__PURE__*/ t.literal('file'), id: t.string, fileName: t.string, fileSize: integer },
  { markAsReadToken: t.string },
)
export type FileMessageContent = t.TypeOf<typeof FileMessageContent>

/**
 * A location message.
 *
 * @example
 * ```ts
 * import { LocationMessageContent } from 'line-webhook'
 *
 * const location = { type: 'location', id: '325708', title: 'my location', address: 'Tokyo', latitude: 35.659, longitude: 139.703 }
 * console.log(LocationMessageContent.is(location)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const LocationMessageContent = /*#__PURE__*/ struct(
  'LocationMessageContent',
  {
    type: /*#__PURE__*/ t.literal('location'),
    id: t.string,
    latitude: finiteNumber,
    longitude: finiteNumber,
  },
  { title: t.string, address: t.string, markAsReadToken: t.string },
)
export type LocationMessageContent = t.TypeOf<typeof LocationMessageContent>

/**
 * How a sticker looks and sounds. A value newer than this version is kept as its string.
 *
 * @example
 * ```ts
 * import type { StickerResourceType } from 'line-webhook'
 *
 * const known: StickerResourceType = 'ANIMATION_SOUND'
 * const newer: StickerResourceType = 'HOLOGRAM'
 * console.log([known, newer]) // => ["ANIMATION_SOUND", "HOLOGRAM"]
 * ```
 *
 * @since 0.1.0
 * @category Types
 */
export type StickerResourceType = t.TypeOf<typeof stickerResourceType>
const stickerResourceType = /*#__PURE__*/ openEnum([
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
])

/**
 * A sticker message. `keywords` (up to 15, experimental) and `text` (message stickers) are optional.
 *
 * @example
 * ```ts
 * import { StickerMessageContent } from 'line-webhook'
 *
 * const sticker = { type: 'sticker', id: '1501597916', quoteToken: 'q3Plxr4AgKd', packageId: '11538', stickerId: '51626530', stickerResourceType: 'ANIMATION' }
 * console.log(StickerMessageContent.is(sticker)) // => true
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const StickerMessageContent = /*#__PURE__*/ struct(
  'StickerMessageContent',
  {
    type: /*#__PURE__*/ t.literal('sticker'),
    id: t.string,
    packageId: t.string,
    stickerId: t.string,
    stickerResourceType,
    quoteToken: t.string,
  },
  {
    keywords: /*#__PURE__*/ readonlyArray(t.string),
    text: t.string,
    quotedMessageId: t.string,
    markAsReadToken: t.string,
  },
)
export type StickerMessageContent = t.TypeOf<typeof StickerMessageContent>

/**
 * A message of a `type` this version does not know, kept whole in `raw`.
 *
 * @example
 * ```ts
 * import { MessageContent, type UnknownMessageContent } from 'line-webhook'
 *
 * const decoded = MessageContent.decode({ type: 'hologram', id: '1', frames: 24 })
 * if (decoded._tag === 'Right' && decoded.right.type === undefined) {
 *   const message: UnknownMessageContent = decoded.right
 *   console.log(message.raw) // => { type: "hologram", id: "1", frames: 24 }
 * }
 * ```
 *
 * @since 0.1.0
 * @category Types
 */
export type UnknownMessageContent = Unknown<'UnknownMessageContent'>

/**
 * The message of a message event: text, image, video, audio, file, location or sticker, or
 * {@link UnknownMessageContent} for a newer kind.
 *
 * @example
 * ```ts
 * import { MessageContent } from 'line-webhook'
 *
 * const decoded = MessageContent.decode({ type: 'file', id: '325708', fileName: 'a.txt', fileSize: '12' })
 * console.log(decoded._tag) // => "Left"
 * ```
 *
 * @since 0.1.0
 * @category Codecs
 */
export const MessageContent = /*#__PURE__*/ taggedUnion(
  'MessageContent',
  {
    text: TextMessageContent,
    image: ImageMessageContent,
    video: VideoMessageContent,
    audio: AudioMessageContent,
    file: FileMessageContent,
    location: LocationMessageContent,
    sticker: StickerMessageContent,
  },
  'UnknownMessageContent',
)
export type MessageContent = t.TypeOf<typeof MessageContent>
