import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Tests that fork children or run worker threads share two cores.
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Stops a dockerd the container tests started (they start it lazily).
    globalSetup: ['support/docker-teardown.ts'],
  },
});
