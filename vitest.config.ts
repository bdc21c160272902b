import { defineConfig } from 'vitest/config';

/**
 * Files and the tests within each run in a shuffled order, so that no test leans
 * on another having run first. TEST_SEED=n replays one order; unset, each run
 * draws its own seed, printed at the start ("Running tests with seed") and
 * again just before the closing summary line.
 */
function testSeed(text: string | undefined): number {
  if (text === undefined || text.trim() === '') return Math.floor(Math.random() * 1_000_000);
  if (!/^\d+$/.test(text.trim())) throw new Error(`TEST_SEED "${text}" is not a whole number`);
  return Number(text.trim());
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    sequence: { shuffle: true, seed: testSeed(process.env.TEST_SEED) },
    // The summary reporter's line ("N passed, N failed, N skipped") stays the last.
    reporters: ['default', './test/support/seed-reporter.ts', './test/summary-reporter.ts'],
  },
});
