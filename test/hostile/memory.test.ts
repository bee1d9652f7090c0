import { execFileSync } from 'node:child_process'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

describe('250,000 invalid events', () => {
  it('decode in every mode within a 256 MB heap', () => {
    const child = fileURLToPath(new URL('./memory-child.ts', import.meta.url))
    const output = execFileSync(
      process.execPath,
      ['--max-old-space-size=256', '--import', 'tsx', child],
      { encoding: 'utf8' },
    )
    // Kept InvalidEvents (or a failure's 20 issues), in each mode, then through decodeWebhookRequest.
    expect(JSON.parse(output)).toStrictEqual([250_000, 250_000, 20, 20, 250_000, 250_000])
  }, 300_000)
})
