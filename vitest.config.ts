import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Finds or starts PostgreSQL and Redis for the scale-out tests; names what it could not.
    globalSetup: ['test/setup/testEngines.ts'],
    // e2e pages run under the production CSP: a violation fails the test that caused it.
    setupFiles: ['test/helpers/failOnCspViolation.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: browsers and servers in parallel files starve each other.
    maxWorkers: 2,
  },
});
