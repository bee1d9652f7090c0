/**
 * line-webhook: receive LINE Messaging API webhooks correctly.
 *
 * Everything public is exported here, and nothing else is.
 *
 * @packageDocumentation
 * @module line-webhook
 */

// Signatures
export { LINE_SIGNATURE_HTTP_HEADER_NAME, createSignature, verifySignature } from './signature.js'
export type { CreateSignatureParams, VerifySignatureParams } from './signature.js'

// Receiving a webhook: verify, parse, decode
export { decodeWebhookRequest, parseWebhookRequest } from './webhook.js'
export { decodeCallbackRequest } from './decode.js'
export type {
  AcceptLegacyOptions,
  DecodeOptions,
  LegacyDecoder,
  LenientOptions,
  StrictOptions,
} from './decode.js'

// Failures
export { WebhookError, formatWebhookFailure, isWebhookError } from './errors.js'
export type {
  FormatOptions,
  InvalidPayload,
  MalformedJson,
  SignatureMismatch,
  WebhookFailure,
} from './errors.js'
export type { Issue } from './issue.js'

// Codecs and their types, under the names of LINE's webhook schema
export { CallbackRequest } from './codecs/callback-request.js'
export type { InvalidEvent, WebhookEvent } from './codecs/callback-request.js'
export type { Codec } from './codecs/codec.js'
export type { CodecStandardProps, StandardSchemaV1 } from './codecs/standard-schema.js'
export {
  AccountLinkEvent,
  ActivatedEvent,
  BeaconContent,
  BeaconEvent,
  BotResumedEvent,
  BotSuspendedEvent,
  ChatControl,
  DeactivatedEvent,
  DeliveryContext,
  Event,
  EventMode,
  FollowDetail,
  FollowEvent,
  JoinEvent,
  JoinedMembers,
  LeaveEvent,
  LeftMembers,
  LinkContent,
  MemberJoinedEvent,
  MemberLeftEvent,
  MembershipEvent,
  MessageEditedEvent,
  MessageEvent,
  ModuleEvent,
  PnpDelivery,
  PnpDeliveryCompletionEvent,
  PostbackContent,
  PostbackEvent,
  UnfollowEvent,
  UnsendDetail,
  UnsendEvent,
  VideoPlayComplete,
  VideoPlayCompleteEvent,
} from './codecs/event.js'
export type { EventBase, UnknownEvent } from './codecs/event.js'
export {
  AudioMessageContent,
  ContentProvider,
  Emoji,
  FileMessageContent,
  ImageMessageContent,
  ImageSet,
  LocationMessageContent,
  MessageContent,
  StickerMessageContent,
  TextMessageContent,
  VideoMessageContent,
} from './codecs/message-content.js'
export type { StickerResourceType, UnknownMessageContent } from './codecs/message-content.js'
export { AllMentionee, Mention, Mentionee, UserMentionee } from './codecs/mentionee.js'
export type { UnknownMentionee } from './codecs/mentionee.js'
export {
  JoinedMembershipContent,
  LeftMembershipContent,
  MembershipContent,
  RenewedMembershipContent,
} from './codecs/membership-content.js'
export type { UnknownMembershipContent } from './codecs/membership-content.js'
export {
  AttachedModuleContent,
  DetachedModuleContent,
  ModuleContent,
} from './codecs/module-content.js'
export type { UnknownModuleContent } from './codecs/module-content.js'
export { GroupSource, RoomSource, Source, UserSource } from './codecs/source.js'
export type { UnknownSource } from './codecs/source.js'
export type { OpenEnum } from './codecs/primitives.js'

// The lenient profile: forwarded and historical bodies
export { LenientCallbackRequest, LenientEvent, LenientMessageContent } from './codecs/lenient.js'
export type {
  LenientAccountLinkEvent,
  LenientActivatedEvent,
  LenientAudioMessageContent,
  LenientBeaconEvent,
  LenientBotResumedEvent,
  LenientBotSuspendedEvent,
  LenientDeactivatedEvent,
  LenientEventBase,
  LenientFileMessageContent,
  LenientFollowEvent,
  LenientImageMessageContent,
  LenientJoinEvent,
  LenientLeaveEvent,
  LenientMemberJoinedEvent,
  LenientMemberLeftEvent,
  LenientMembershipEvent,
  LenientMessageEditedEvent,
  LenientMessageEvent,
  LenientModuleEvent,
  LenientPnpDeliveryCompletionEvent,
  LenientPostbackEvent,
  LenientStickerMessageContent,
  LenientTextMessageContent,
  LenientUnfollowEvent,
  LenientUnsendEvent,
  LenientVideoMessageContent,
  LenientVideoPlayCompleteEvent,
  LenientWebhookEvent,
} from './codecs/lenient.js'
export type { TaggedUnionCodec, Unknown, UnknownTypedObject } from './codecs/tagged-union.js'

// The 2016 BOT API trial format: its header here; its decoder and codecs in `line-webhook/legacy`
export { LINE_LEGACY_SIGNATURE_HTTP_HEADER_NAME } from './signature.js'

// Handling webhooks: one endpoint for fetch and node:http, typed handlers, deduplication
export { createWebhookHandler } from './handler/create-webhook-handler.js'
export type { WebhookHandler } from './handler/create-webhook-handler.js'
export type {
  ChannelSecretResolver,
  DedupOptions,
  WebhookHandlerOptions,
} from './handler/options.js'
export type { EventHandler, EventHandlers, WebhookEventContext } from './handler/event-handlers.js'
export type { WebhookRequest } from './handler/webhook-request.js'
export type { FetchContext, FetchRequestLike } from './handler/fetch-adapter.js'
export type { NodeRequestLike, NodeResponseLike } from './handler/node-adapter.js'
export type { DedupStore } from './handler/dedup-store.js'
export { createMemoryDedupStore } from './handler/memory-dedup-store.js'
export type { MemoryDedupStoreOptions } from './handler/memory-dedup-store.js'
export { createRedisDedupStore } from './handler/redis-dedup-store.js'
export type {
  IoRedisClient,
  NodeRedisClient,
  RedisDedupStoreOptions,
} from './handler/redis-dedup-store.js'

// Explaining a signature that does not verify
export { diagnoseSignature } from './diagnose-signature.js'
export type {
  DiagnoseSignatureParams,
  SignatureDiagnosis,
  SignatureFinding,
  SignatureFindingCode,
} from './diagnose-signature.js'
