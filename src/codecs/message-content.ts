import * as t from 'io-ts'
import { readonlyArray } from './array.js'
import { mention, type Mention } from './mentionee.js'
import { finiteNumber, integer, openEnum, type OpenEnum } from './primitives.js'
import { struct } from './struct.js'
import { taggedUnion, type TaggedUnionCodec, type Unknown } from './tagged-union.js'
import type { Codec } from './codec.js'
import { withStandardSchema } from './standard-schema.js'
import {
  isAudioMessageContent,
  isContentProvider,
  isEmoji,
  isFileMessageContent,
  isImageMessageContent,
  isImageSet,
  isLocationMessageContent,
  isMessageContent,
  isStickerMessageContent,
  isTextMessageContent,
  isVideoMessageContent,
} from './guards.js'

export const contentProvider = /*#__PURE__*/ struct(
  'ContentProvider',
  { type: /*#__PURE__*/ openEnum(['line', 'external']) },
  { originalContentUrl: t.string, previewImageUrl: t.string },
  isContentProvider,
)

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
export const ContentProvider: Codec<ContentProvider> =
  /*#__PURE__*/ withStandardSchema(contentProvider)
export interface ContentProvider {
  /** `line`: download it with the message ID; `external`: from the URLs. */
  readonly type: OpenEnum<'line' | 'external'>
  /** The file's URL, when `type` is `external`. */
  readonly originalContentUrl?: string
  /** The preview image's URL, when `type` is `external`. */
  readonly previewImageUrl?: string
}

export const emoji = /*#__PURE__*/ struct(
  'Emoji',
  { index: integer, length: integer, productId: t.string, emojiId: t.string },
  {},
  isEmoji,
)

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
export const Emoji: Codec<Emoji> = /*#__PURE__*/ withStandardSchema(emoji)
export interface Emoji {
  /** Where the emoji starts in the text, in UTF-16 code units. */
  readonly index: number
  /** Its length in the text, in UTF-16 code units. */
  readonly length: number
  readonly productId: string
  readonly emojiId: string
}

export const textMessageContent = /*#__PURE__*/ struct(
  'TextMessageContent',
  { type: /*#__PURE__*/ t.literal('text'), id: t.string, text: t.string, quoteToken: t.string },
  {
    emojis: /*#__PURE__*/ readonlyArray(emoji),
    mention,
    quotedMessageId: t.string,
    markAsReadToken: t.string,
  },
  isTextMessageContent,
)

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
export const TextMessageContent: Codec<TextMessageContent> =
  /*#__PURE__*/ withStandardSchema(textMessageContent)
export interface TextMessageContent {
  readonly type: 'text'
  readonly id: string
  readonly text: string
  /** Quotes this message in a reply. */
  readonly quoteToken: string
  readonly emojis?: readonly Emoji[]
  readonly mention?: Mention
  /** The ID of the message this one quotes. */
  readonly quotedMessageId?: string
  /** Marks the message as read (with the mark-as-read API) when the chat is shown. */
  readonly markAsReadToken?: string
}

export const imageSet = /*#__PURE__*/ struct(
  'ImageSet',
  { id: t.string },
  { index: integer, total: integer },
  isImageSet,
)

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
export const ImageSet: Codec<ImageSet> = /*#__PURE__*/ withStandardSchema(imageSet)
export interface ImageSet {
  /** The same for every image sent at once. */
  readonly id: string
  /** Which of them this is, from 1. */
  readonly index?: number
  /** How many were sent at once. */
  readonly total?: number
}

export const imageMessageContent = /*#__PURE__*/ struct(
  'ImageMessageContent',
  {
    type: /*#__PURE__*/ t.literal('image'),
    id: t.string,
    contentProvider,
    quoteToken: t.string,
  },
  { imageSet, markAsReadToken: t.string },
  isImageMessageContent,
)

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
export const ImageMessageContent: Codec<ImageMessageContent> =
  /*#__PURE__*/ withStandardSchema(imageMessageContent)
export interface ImageMessageContent {
  readonly type: 'image'
  readonly id: string
  /** Who holds the file. */
  readonly contentProvider: ContentProvider
  /** Quotes this message in a reply. */
  readonly quoteToken: string
  readonly imageSet?: ImageSet
  /** Marks the message as read (with the mark-as-read API) when the chat is shown. */
  readonly markAsReadToken?: string
}

export const videoMessageContent = /*#__PURE__*/ struct(
  'VideoMessageContent',
  {
    type: /*#__PURE__*/ t.literal('video'),
    id: t.string,
    contentProvider,
    quoteToken: t.string,
  },
  { duration: integer, markAsReadToken: t.string },
  isVideoMessageContent,
)

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
export const VideoMessageContent: Codec<VideoMessageContent> =
  /*#__PURE__*/ withStandardSchema(videoMessageContent)
export interface VideoMessageContent {
  readonly type: 'video'
  readonly id: string
  /** Who holds the file. */
  readonly contentProvider: ContentProvider
  /** Quotes this message in a reply. */
  readonly quoteToken: string
  /** In milliseconds. */
  readonly duration?: number
  /** Marks the message as read (with the mark-as-read API) when the chat is shown. */
  readonly markAsReadToken?: string
}

export const audioMessageContent = /*#__PURE__*/ struct(
  'AudioMessageContent',
  { type: /*#__PURE__*/ t.literal('audio'), id: t.string, contentProvider },
  { duration: integer, markAsReadToken: t.string },
  isAudioMessageContent,
)

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
export const AudioMessageContent: Codec<AudioMessageContent> =
  /*#__PURE__*/ withStandardSchema(audioMessageContent)
export interface AudioMessageContent {
  readonly type: 'audio'
  readonly id: string
  /** Who holds the file. */
  readonly contentProvider: ContentProvider
  /** In milliseconds. */
  readonly duration?: number
  /** Marks the message as read (with the mark-as-read API) when the chat is shown. */
  readonly markAsReadToken?: string
}

export const fileMessageContent = /*#__PURE__*/ struct(
  'FileMessageContent',
  { type: /*#__PURE__*/ t.literal('file'), id: t.string, fileName: t.string, fileSize: integer },
  { markAsReadToken: t.string },
  isFileMessageContent,
)

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
export const FileMessageContent: Codec<FileMessageContent> =
  /*#__PURE__*/ withStandardSchema(fileMessageContent)
export interface FileMessageContent {
  readonly type: 'file'
  readonly id: string
  readonly fileName: string
  /** In bytes. */
  readonly fileSize: number
  /** Marks the message as read (with the mark-as-read API) when the chat is shown. */
  readonly markAsReadToken?: string
}

export const locationMessageContent = /*#__PURE__*/ struct(
  'LocationMessageContent',
  {
    type: /*#__PURE__*/ t.literal('location'),
    id: t.string,
    latitude: finiteNumber,
    longitude: finiteNumber,
  },
  { title: t.string, address: t.string, markAsReadToken: t.string },
  isLocationMessageContent,
)

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
export const LocationMessageContent: Codec<LocationMessageContent> =
  /*#__PURE__*/ withStandardSchema(locationMessageContent)
export interface LocationMessageContent {
  readonly type: 'location'
  readonly id: string
  readonly latitude: number
  readonly longitude: number
  readonly title?: string
  readonly address?: string
  /** Marks the message as read (with the mark-as-read API) when the chat is shown. */
  readonly markAsReadToken?: string
}

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
export type StickerResourceType = OpenEnum<
  | 'STATIC'
  | 'ANIMATION'
  | 'SOUND'
  | 'ANIMATION_SOUND'
  | 'POPUP'
  | 'POPUP_SOUND'
  | 'CUSTOM'
  | 'MESSAGE'
  | 'NAME_TEXT'
  | 'PER_STICKER_TEXT'
>
const stickerResourceType: t.Type<StickerResourceType, string> = /*#__PURE__*/ openEnum([
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

export const stickerMessageContent = /*#__PURE__*/ struct(
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
  isStickerMessageContent,
)

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
export const StickerMessageContent: Codec<StickerMessageContent> =
  /*#__PURE__*/ withStandardSchema(stickerMessageContent)
export interface StickerMessageContent {
  readonly type: 'sticker'
  readonly id: string
  readonly packageId: string
  readonly stickerId: string
  readonly stickerResourceType: StickerResourceType
  /** Quotes this message in a reply. */
  readonly quoteToken: string
  /** Up to 15 keywords describing the sticker (experimental). */
  readonly keywords?: readonly string[]
  /** The text of a message sticker. */
  readonly text?: string
  /** The ID of the message this one quotes. */
  readonly quotedMessageId?: string
  /** Marks the message as read (with the mark-as-read API) when the chat is shown. */
  readonly markAsReadToken?: string
}

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
export interface UnknownMessageContent extends Unknown<'UnknownMessageContent'> {
  readonly _tag: 'UnknownMessageContent'
}

export const messageContent = /*#__PURE__*/ taggedUnion(
  'MessageContent',
  {
    text: textMessageContent,
    image: imageMessageContent,
    video: videoMessageContent,
    audio: audioMessageContent,
    file: fileMessageContent,
    location: locationMessageContent,
    sticker: stickerMessageContent,
  },
  'UnknownMessageContent',
  { guard: isMessageContent },
)

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
export const MessageContent: TaggedUnionCodec<MessageContent> =
  /*#__PURE__*/ withStandardSchema(messageContent)
export type MessageContent =
  | TextMessageContent
  | ImageMessageContent
  | VideoMessageContent
  | AudioMessageContent
  | FileMessageContent
  | LocationMessageContent
  | StickerMessageContent
  | UnknownMessageContent
