import { defineConfig } from 'vitest/config';
import base from './vitest.stryker.config.js';

/**
 * The tests of `stryker.projections.config.mjs`: the projections' and the domain's unit tests, run in-process.
 * Left out: the checkpoint test, which folds every date of the sample twice (4 s a run, a tenth of the whole) to
 * compare a checkpointed fold with a full replay of the same code; it cannot tell a mutant in a fold from the code.
 */
export default defineConfig({
  test: {
    ...base.test,
    include: ['test/projections/**/*.test.ts', 'test/domain/**/*.test.ts'],
    exclude: ['test/projections/checkpoints.unit.test.ts'],
  },
});
