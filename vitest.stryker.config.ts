import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

/**
 * The unit tests as Stryker runs them (npm run mutation): no typecheck (a mutant is a runtime
 * change), with shorter property runs and hostile arrays (test/mutation/fast-check.ts and huge.ts
 * say why). Left out are the tests that cannot kill a mutant of src/ but would cost every run's
 * initial test run: the TSDoc example test (it compiles every example and imports them from
 * .cache/, outside what Stryker instruments), the API reference test (TypeDoc reads src/ as text),
 * the repository scan, the CLI test (it spawns dist/), and the heap test (it decodes in a child
 * process, whose coverage Stryker does not see, so no mutant would ever be tested against it).
 */
const NOT_RUN = [
  'test/runtimes/**',
  'test/package/**',
  'test/examples/**',
  'test/fuzz/**',
  'test/cli/**',
  'test/doc-examples.test.ts',
  'test/api-reference.test.ts',
  'test/repository-self-contained.test.ts',
  'test/hostile/memory.test.ts',
]

/** Files that mock or reset modules, or stub globals: each needs a module graph of its own. */
const ISOLATED = [
  'test/signature-web.test.ts',
  'test/webhook-web.test.ts',
  'test/hostile/arrays-web.test.ts',
  'test/crypto/web.test.ts',
  'test/decode/failures.test.ts',
  'test/handler/web-crypto.test.ts',
]

export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^fast-check$/,
        replacement: fileURLToPath(new URL('test/mutation/fast-check.ts', import.meta.url)),
      },
      {
        find: /^\.\/huge\.js$/,
        replacement: fileURLToPath(new URL('test/mutation/huge.ts', import.meta.url)),
      },
    ],
  },
  test: {
    typecheck: { enabled: false },
    // A mutant that leaves a promise pending fails its test in 2 s, as killed. With vitest's 5 s
    // default, Stryker's own timeout (5 s beyond the tests' time) came first, and each such
    // mutant cost a restart of the test process as well.
    testTimeout: 2_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'isolated',
          include: [...ISOLATED],
        },
      },
      {
        // One module graph for all the other files of a run: importing src/ (instrumented) and
        // its dependencies once per file was most of what each mutant cost.
        extends: true,
        test: {
          name: 'shared',
          include: ['test/**/*.test.ts'],
          exclude: [...NOT_RUN, ...ISOLATED],
          isolate: false,
        },
      },
    ],
  },
})
