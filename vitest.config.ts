import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/runtimes/**', 'test/package/**', 'test/examples/**', 'test/cli/**'],
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
        },
      },
      {
        // The built package (npm test builds first): in other runtimes, as consumers import it, and
        // behind the examples' real servers.
        test: {
          name: 'dist',
          include: [
            'test/runtimes/**/*.test.ts',
            'test/package/**/*.test.ts',
            'test/examples/**/*.test.ts',
            'test/cli/**/*.test.ts',
          ],
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
})
