import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Browser journeys live in test/browser and are picked up once, here, like the rest.
    include: [
      'server/**/*.test.ts',
      'common/**/*.test.ts',
      'web/src/**/*.test.{ts,tsx}',
      'test/**/*.test.ts',
    ],
    // Generous: CI machines are shared, and a slow run must not read as a failure.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Browser journeys poll the page; the default second is too short on a loaded machine.
    expect: { poll: { timeout: 20_000 } },
    pool: 'forks',
    // Memory tests measure live heap after a collection, not whatever the collector has not reached yet.
    execArgv: ['--expose-gc'],
  },
});
