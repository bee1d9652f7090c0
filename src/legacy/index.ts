/**
 * line-webhook/legacy: the 2016 LINE BOT API trial format (`{"result": [...]}`), adapted to
 * today's events.
 *
 * An entry point of its own, so none of it reaches the bundle of a service that receives only
 * today's bodies. To take both formats at one endpoint, pass its decoder to the main entry's
 * decode options: `{ acceptLegacy: decodeLegacyCallbackRequest }`.
 *
 * @packageDocumentation
 * @module line-webhook/legacy
 */

export { decodeLegacyCallbackRequest } from './decode-legacy-callback-request.js'
export { legacyResultOf } from './legacy-result-of.js'
export { LegacyContent, LegacyLocation, LegacyResult } from './legacy-result.js'
export { LegacyContactMessageContent } from './legacy-contact.js'
