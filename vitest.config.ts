import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The console's own tests are of its pure modules; its pages are tested in a real browser (test/console).
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Store suites share one PostgreSQL database; each suite uses its own schema, so files may run in parallel.
    pool: 'forks',
  },
});
