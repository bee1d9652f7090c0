import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { seedSamples } from '../support/fixtures.js'
import { LEGACY_BODY } from './support/bodies.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const samples = new URL('../../examples/samples/', import.meta.url)
const sample = (name: string): unknown => JSON.parse(readFileSync(new URL(name, samples), 'utf8'))

describe('npm run demo (npx tsx examples/demo.ts)', () => {
  it('answers every request as expected, prints which handlers ran or were skipped, and exits 0', async () => {
    // npx as the README's user runs it; execFile rejects on a non-zero exit.
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'examples/demo.ts'], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
      timeout: 120_000,
    })
    expect(stdout).toMatch(
      /^line-webhook demo: createWebhookHandler, webhook\.node on node:http at http:\/\/127\.0\.0\.1:\d+\n/,
    )
    for (const kind of ['text', 'image', 'video', 'audio', 'file', 'location']) {
      expect(stdout).toMatch(
        new RegExp(
          `POST /webhook with the vendor's ${kind} sample \\(seed 000\\).*\\n {3}answered 200 OK\\n {3}handled {2}message/${kind}`,
        ),
      )
    }
    expect(stdout).toContain('   handled  message/text "测试" from user\n')
    expect(stdout).toContain('   handled  message/video 10735 ms from user\n')
    // The redelivery is answered 200, and its handler does not run again.
    expect(stdout).toMatch(
      /redelivered by LINE .*\n {3}answered 200 OK\n {3}skipped {2}01HYFM66MC7K0N6QAX1ZVDXD13: handled already\n\n/,
    )
    expect(stdout).toMatch(
      /the console's Verify request, \{"destination":"xxxxxxxxxx","events":\[\]\}\n {3}answered 200 OK\n {3}no events: no handler ran\n\n/,
    )
    expect(stdout).toMatch(
      /POST \/social\/on\/line\/2000000001 with .*\n {3}answered 200 OK\n {3}handled {2}message\/text "hello"/,
    )
    expect(stdout).toMatch(
      /POST \/social\/on\/line\/3999999999 with .*\n {3}answered 404 Not Found: no channel is served here\n\n/,
    )
    expect(stdout).toMatch(
      /signed in x-line-channelsignature\n {3}answered 200 OK\n {3}handled {2}message\/text "hello" from user\n/,
    )
    expect(stdout).toContain('   handled  follow from user\n   handled  unfollow from user\n\n')
    expect(stdout).toContain('   handled  message/text "😀" from user\n')
    expect(stdout).toMatch(
      /re-serialised by JSON\.stringify, with its signature\n {3}answered 401 Unauthorized: the signature does not match\n\n/,
    )
    expect(stdout).toMatch(
      /a forged body: .*\n {3}answered 401 Unauthorized: the signature does not match\n\n/,
    )
    // Nothing was skipped but the redelivery.
    expect(stdout.match(/ {3}skipped /g)).toHaveLength(1)
    expect(stdout).toMatch(/All 14 requests answered as expected\.\n$/)
  })

  // The demo carries its own copies (examples/samples): examples/ never reads test/fixtures.
  it('sends the very samples of the seeds and the legacy conformance body', () => {
    for (const { caption, json } of seedSamples('000_d39edbcc38ae43a0.txt')) {
      expect(sample(`seed-000-${caption}.json`)).toEqual(json)
    }
    expect(sample('seed-001-request.json')).toEqual(
      seedSamples('001_27c6983c64b32088.txt')[0]?.json,
    )
    expect(sample('legacy-2016.json')).toEqual(JSON.parse(LEGACY_BODY.toString('utf8')))
  })
})
