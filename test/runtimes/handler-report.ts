import { expect } from 'vitest'
import type { SignatureReport } from './signature-report.js'

/**
 * Every check fixtures/check-handler.js runs, in order, so a check that goes missing on one
 * runtime fails the test rather than passing by absence.
 */
const HANDLER_CHECK_NAMES = [
  'a signed message request is answered 200',
  'its handlers were handed to waitUntil',
  'on.message ran once that promise settled',
  'a forged body is refused 401',
  "the console's Verify request is answered 200",
  'the same message delivered again is answered 200',
  'no handler ran for the forgery, the Verify request or the redelivery',
]

/**
 * Asserts each check of the handler contract by name, softly, so one run lists every check that
 * failed. The report has the shape of the signature report, and parses the same way.
 */
export function expectHandlerContract(report: SignatureReport): void {
  expect(report.checks.map((check) => check.name)).toEqual(HANDLER_CHECK_NAMES)
  for (const check of report.checks) {
    expect.soft(check.actual, check.name).toStrictEqual(check.expected)
  }
}
