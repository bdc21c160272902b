import { defineConfig } from 'vitest/config';
import base from './vitest.stryker.config.js';

/**
 * The tests of `stryker.store.config.mjs`: those that drive the SQLite store in this process. The store's contract
 * suite, its URL and trust-marker tests, `verify` (run in-process), and the ledger's validating reads. Left out: the
 * tests whose writers are other processes (killed mid-batch, racing to create a file, the command without --store),
 * which run the code unmutated there and take 25 s of each run.
 */
export default defineConfig({
  test: {
    ...base.test,
    include: [
      'test/store/sqlite/*.unit.test.ts',
      'test/store/sqlite/sqlite-event-store.int.test.ts',
      'test/store/sqlite/sqlite-evidence.int.test.ts',
      'test/store/sqlite/store-url.int.test.ts',
      'test/store/sqlite/trust-marker.int.test.ts',
      'test/cli/verify.e2e.test.ts',
      'test/ledger/read-validation.int.test.ts',
    ],
    testNamePattern: /^(?!.*(several processes creating|runs without --store|when two processes append)).*$/,
  },
});
