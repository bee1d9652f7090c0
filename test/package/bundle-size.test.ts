import { describe, expect, it } from 'vitest'
// The benchmark's own measure, so the test and `npm run bench` cannot disagree.
import { BUNDLE_TARGETS, measureBundle } from '../../bench/bundle-size.mjs'

// Sizes are deterministic (unlike timings): a codec that stops tree-shaking fails here at once.
describe('bundle size of the web build (esbuild, browser, minified, gzip)', () => {
  it.each(BUNDLE_TARGETS)('importing $imports stays within $limitKb kB', async (target) => {
    const size = await measureBundle(target)
    expect(size.gzipBytes).toBeGreaterThan(0)
    expect(size.gzipBytes).toBeLessThanOrEqual(target.limitKb * 1000)
  })
})
