import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // `npm test` runs with --coverage: every line, branch and function of src/ is run by a test
    // that can fail. Only the unit project reaches src/; the dist project tests the built files.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // The bin entry point wires process.argv/stdin/stdout to runCli and runs as it is imported,
      // so the unit project cannot load it; test/cli/line-webhook.test.ts (dist) spawns its build.
      exclude: ['src/cli/line-webhook.ts'],
      reporter: ['text-summary', 'text', 'html'],
      thresholds: { lines: 100, branches: 100, functions: 100, statements: 100 },
      reportOnFailure: true,
    },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [
            'test/runtimes/**',
            'test/package/**',
            'test/examples/**',
            'test/cli/**',
            'test/fuzz/**',
          ],
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
          // The property tests, and the TSDoc examples' type check, run long on a loaded machine,
          // longer under coverage.
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // The built package (npm test builds first): in other runtimes, as consumers import it,
        // behind the examples' real servers, and under a short fuzzing run (npm run fuzz is the
        // long one).
        test: {
          name: 'dist',
          include: [
            'test/runtimes/**/*.test.ts',
            'test/package/**/*.test.ts',
            'test/examples/**/*.test.ts',
            'test/cli/**/*.test.ts',
            'test/fuzz/**/*.test.ts',
          ],
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
})
