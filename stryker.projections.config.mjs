// The projections alone, against their unit tests (test/projections, test/domain): a quicker loop than
// `npm run mutate` while writing tests for projections/ (`npx stryker run stryker.projections.config.mjs`,
// `--mutate 'projections/views/holdings.ts'` for one file). Its own incremental file, so the full run's is untouched.
import base from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...base,
  vitest: { configFile: 'vitest.stryker.projections.config.ts' },
  mutate: ['projections/**/*.ts'],
  incrementalFile: 'reports/stryker-projections-incremental.json',
  htmlReporter: { fileName: 'reports/mutation-projections/index.html' },
  jsonReporter: { fileName: 'reports/mutation-projections/mutation.json' },
  concurrency: 1,
  // A mutant that loops forever (a binary search that never narrows) is a kill by timeout: found sooner.
  timeoutMS: 10_000,
};
