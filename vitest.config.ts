import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Builds and browsers take seconds, not milliseconds; no test asserts on time.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
