/**
 * line-webhook/testing: make webhook events and signed requests for your tests.
 *
 * An entry point of its own, so none of it reaches the bundle of a service that imports
 * `line-webhook`.
 *
 * @packageDocumentation
 * @module line-webhook/testing
 */

export { createTestEvent } from './create-test-event.js'
export type {
  DeepPartial,
  TestEvent,
  TestEventOverrides,
  TestEventType,
} from './create-test-event.js'
export { createTestRequest } from './create-test-request.js'
export type { CreateTestRequestParams } from './create-test-request.js'
