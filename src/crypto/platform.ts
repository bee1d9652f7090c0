/**
 * The HMAC this build signs and verifies with. This file is the `node` build's choice;
 * tsup.config.ts resolves it to ./web.ts in the build every other runtime loads.
 */
export { hmacSha256 } from './node.js'
