import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

/**
 * The unit tests as Stryker runs them (npm run mutation): no typecheck (a mutant is a runtime
 * change), and with shorter property runs (test/mutation/fast-check.ts says why). Left out are the
 * tests that cannot kill a mutant of src/ but would cost every run's initial test run: the TSDoc
 * example test (it compiles every example and imports them from .cache/, outside what Stryker
 * instruments), the API reference test (TypeDoc reads src/ as text), the repository scan, the CLI
 * test (it spawns dist/), and the heap test (it decodes in a child process, whose coverage Stryker
 * does not see, so no mutant would ever be tested against it).
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
      'test/cli/**',
      'test/doc-examples.test.ts',
      'test/api-reference.test.ts',
      'test/repository-self-contained.test.ts',
      'test/hostile/memory.test.ts',
    ],
    typecheck: { enabled: false },
  },
})
