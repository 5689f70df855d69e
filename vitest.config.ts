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
    // A worker runs its files one after another in one process: the server's
    // modules (tldraw's schema among them, over two seconds to load) and
    // playwright are loaded once per worker, not once per file — a quarter of
    // the suite's time when each file had its own. A test file therefore
    // leaves no state behind it: servers, browsers and timers it starts, it
    // stops in its afterAll.
    isolate: false,
  },
});
