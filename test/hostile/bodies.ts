/**
 * Hostile bodies: every array a webhook body can hold, filled with invalid elements. Each event
 * is valid when its array is `valid` (checked by the tests), so every issue it has is an element's.
 */

export { HUGE } from './huge.js'

const common = {
  mode: 'active',
  timestamp: 1462629479859,
  webhookEventId: '01FZ74A0TDDPYRVKNK77XKC3ZR',
  deliveryContext: { isRedelivery: false },
  source: { type: 'user', userId: 'U4af4980629' },
}

const text = (extra: object) => ({
  type: 'message',
  replyToken: 'r',
  ...common,
  message: { type: 'text', id: '1', text: 'hi', quoteToken: 'q', ...extra },
})

/** `size` copies of `element`. */
export const filled = (size: number, element: unknown): unknown[] =>
  Array.from({ length: size }, () => element)

export interface HostileArray {
  /** The event holding the array, given the array. */
  readonly event: (elements: unknown) => object
  /** Elements that are valid, and elements that are not (one issue each). */
  readonly valid: (size: number) => unknown
  readonly invalid: (size: number) => unknown
  /** The path of the array in the event. */
  readonly path: string
}

const params = (size: number, value: unknown) =>
  Object.fromEntries(Array.from({ length: size }, (_, index) => [`k${index}`, value]))

export const hostileArrays: Readonly<Record<string, HostileArray>> = {
  'sticker keywords': {
    event: (elements) => ({
      type: 'message',
      replyToken: 'r',
      ...common,
      message: {
        type: 'sticker',
        id: '1',
        quoteToken: 'q',
        stickerId: '1',
        packageId: '1',
        stickerResourceType: 'STATIC',
        keywords: elements,
      },
    }),
    valid: (size) => filled(size, 'cony'),
    invalid: (size) => filled(size, 0),
    path: 'message.keywords',
  },
  'text emojis': {
    event: (elements) => text({ emojis: elements }),
    valid: (size) => filled(size, { index: 0, length: 1, productId: 'p', emojiId: 'e' }),
    invalid: (size) => filled(size, 0),
    path: 'message.emojis',
  },
  'mention mentionees': {
    event: (elements) => text({ mention: { mentionees: elements } }),
    valid: (size) => filled(size, { type: 'all', index: 0, length: 1 }),
    // Objects without a type: the union fails on `type` itself.
    invalid: (size) => filled(size, {}),
    path: 'message.mention.mentionees',
  },
  'joined members': {
    event: (elements) => ({
      type: 'memberJoined',
      replyToken: 'r',
      ...common,
      source: { type: 'group', groupId: 'G' },
      joined: { members: elements },
    }),
    valid: (size) => filled(size, { type: 'user', userId: 'U' }),
    invalid: (size) => filled(size, 0),
    path: 'joined.members',
  },
  'left members': {
    event: (elements) => ({
      type: 'memberLeft',
      ...common,
      source: { type: 'group', groupId: 'G' },
      left: { members: elements },
    }),
    valid: (size) => filled(size, { type: 'user', userId: 'U' }),
    invalid: (size) => filled(size, 0),
    path: 'left.members',
  },
  'postback params': {
    event: (elements) => ({
      type: 'postback',
      replyToken: 'r',
      ...common,
      postback: { data: 'd', params: elements },
    }),
    valid: (size) => params(size, 'v'),
    invalid: (size) => params(size, 0),
    path: 'postback.params',
  },
  'module scopes': {
    event: (elements) => ({
      type: 'module',
      ...common,
      module: { type: 'attached', botId: 'U6', scopes: elements },
    }),
    valid: (size) => filled(size, 'message:send'),
    invalid: (size) => filled(size, 0),
    path: 'module.scopes',
  },
}

/** A body with the one event `event`. */
export const bodyOf = (event: unknown): object => ({ destination: 'U0', events: [event] })
