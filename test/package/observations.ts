import { expect } from 'vitest'
import { vectors } from '../signature-contract.js'
import { describeRun, type RunResult } from './run.js'

/** LINE's published vector; the consumer fixtures get it as their argument. */
export const published = vectors[0]

/** Asserts a run of a consumer fixture (fixtures/exercise.cjs) saw line-webhook behave right. */
export function expectCorrectBehaviour(result: RunResult): void {
  expect(result.code, describeRun(result)).toBe(0)
  const observed: unknown = JSON.parse(result.stdout)
  expect(observed).toEqual({
    header: 'x-line-signature',
    created: published.signature,
    verifiesPublished: true,
    verifiesPublishedBytes: true,
    verifiesDuringRotation: true,
    verifiesForged: false,
    verifiesTamperedBody: false,
    misuse: expect.stringMatching(
      /^TypeError: line-webhook: body must be the raw request body/,
    ) as unknown,
  })
}
