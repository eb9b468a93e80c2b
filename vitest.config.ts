import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    // tests/linear.test.ts collects garbage between the runs it times.
    execArgv: ['--expose-gc'],
  },
});
