import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

/**
 * The unit tests as Stryker runs them (npm run mutation): no typecheck (a mutant is a runtime
 * change), without the TSDoc example test (it compiles every example with the TypeScript compiler
 * and imports them from .cache/, outside what Stryker instruments), and with shorter property
 * runs (test/mutation/fast-check.ts says why).
 */
export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^fast-check$/,
        replacement: fileURLToPath(new URL('test/mutation/fast-check.ts', import.meta.url)),
      },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [
      'test/runtimes/**',
      'test/package/**',
      'test/examples/**',
      'test/fuzz/**',
      'test/doc-examples.test.ts',
    ],
    typecheck: { enabled: false },
  },
})
