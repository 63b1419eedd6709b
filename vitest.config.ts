import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Tests use real SQLite files; forks isolate native handles cleanly.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
