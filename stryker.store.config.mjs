// The SQLite store alone, against the tests that exercise it in this process (vitest.stryker.store.config.ts):
// a quicker loop than `npm run mutate` while writing tests for src/store/sqlite/
// (`nice npx stryker run stryker.store.config.mjs --force`). Its own incremental file and report.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.stryker.store.config.ts' },
  mutate: ['src/store/sqlite/**/*.ts'],
  incrementalFile: 'reports/stryker-store-incremental.json',
  htmlReporter: { fileName: 'reports/mutation-store/index.html' },
  jsonReporter: { fileName: 'reports/mutation-store/mutation.json' },
  concurrency: 1,
  // A mutant that never returns (a busy-wait whose deadline never comes) is a kill by timeout: found sooner.
  timeoutMS: 5_000,
  // Two Stryker runs side by side (this and the projections') must not share a sandbox folder.
  tempDirName: '.stryker-tmp-store',
};
