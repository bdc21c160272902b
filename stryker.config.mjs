// Mutation testing (npm run mutate): small bugs put into projections/, src/domain/ and src/store/, one at a
// time, each against the tests that cover it. Incremental: a second run tests only what changed since the last
// (reports/stryker-incremental.json). Too slow for every `npm test`; run it before merging work on those folders.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  mutate: ['projections/**/*.ts', 'src/domain/**/*.ts', 'src/store/**/*.ts', '!src/store/eventstoredb/**'],
  coverageAnalysis: 'perTest',
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 2,
  timeoutMS: 30000,
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
};
