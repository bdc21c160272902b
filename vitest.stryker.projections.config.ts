import { defineConfig } from 'vitest/config';
import base from './vitest.stryker.config.js';

/** The tests of `stryker.projections.config.mjs`: the projections' and the domain's unit tests, run in-process. */
export default defineConfig({
  test: { ...base.test, include: ['test/projections/**/*.test.ts', 'test/domain/**/*.test.ts'], exclude: [] },
});
