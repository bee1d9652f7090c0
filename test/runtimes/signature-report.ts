import { expect } from 'vitest'

/** One check of fixtures/check-signatures.js: what it expected and what the runtime gave. */
export interface SignatureCheck {
  readonly name: string
  readonly expected: unknown
  readonly actual: unknown
}

/** What fixtures/check-signatures.js reports from inside a runtime. */
export interface SignatureReport {
  readonly userAgent: string
  /** The URL the runtime resolved `line-webhook` to, where it can tell. */
  readonly resolved?: string
  readonly checks: readonly SignatureCheck[]
}

/**
 * Every check the shared contract runs, in order. Listed here so a check that goes missing on
 * one runtime fails the test rather than passing by absence.
 */
const SIGNATURE_CHECK_NAMES = [
  ...['test_secret', 'channel_secret', 'SECRET'].flatMap((secret) => [
    `${secret}: createSignature of the string body`,
    `${secret}: createSignature of the Uint8Array body`,
    `${secret}: verifySignature of the string body`,
    `${secret}: verifySignature of the Uint8Array body`,
  ]),
  'a Uint8Array view into a larger buffer verifies over the view only',
  'a changed string body does not verify',
  'a changed Uint8Array body does not verify',
  'a URL-safe, unpadded signature does not verify',
  'a null signature does not verify',
  'a missing signature does not verify',
  'verifySignature of a parsed-object body',
  'createSignature of a parsed-object body',
]

/** Reads the report from a runtime's output, whose last line is the JSON. */
export function parseSignatureReport(output: string): SignatureReport {
  const lastLine = output.trimEnd().split('\n').at(-1) ?? ''
  let report: unknown
  try {
    report = JSON.parse(lastLine)
  } catch (error) {
    throw new Error(`The runtime printed no JSON report:\n${output}`, { cause: error })
  }
  if (!isSignatureReport(report)) throw new Error(`Not a signature report:\n${output}`)
  return report
}

/** Asserts each check by name, softly, so one run lists every check that failed. */
export function expectSignatureContract(report: SignatureReport): void {
  expect(report.checks.map((check) => check.name)).toEqual(SIGNATURE_CHECK_NAMES)
  for (const check of report.checks) {
    expect.soft(check.actual, check.name).toStrictEqual(check.expected)
  }
}

function isSignatureReport(value: unknown): value is SignatureReport {
  if (typeof value !== 'object' || value === null) return false
  const { userAgent, resolved, checks } = value as Record<string, unknown>
  return (
    typeof userAgent === 'string' &&
    (resolved === undefined || typeof resolved === 'string') &&
    Array.isArray(checks) &&
    checks.every(
      (check: unknown) =>
        typeof check === 'object' &&
        check !== null &&
        typeof (check as Record<string, unknown>)['name'] === 'string',
    )
  )
}
