/**
 * line-webhook: receive LINE Messaging API webhooks correctly.
 *
 * Everything public is exported here, and nothing else is.
 *
 * @packageDocumentation
 */

export { LINE_SIGNATURE_HTTP_HEADER_NAME, createSignature, verifySignature } from './signature.js'
export type { CreateSignatureParams, VerifySignatureParams } from './signature.js'
