import { defineConfig } from 'vitest/config';

/**
 * The tests `npm run mutate` runs against each mutant: those that run the code in this process. Tests that
 * spawn other processes (the CLI shell, the package, the racing writers, docker-compose) run the code unmutated
 * there, so they cannot kill a mutant and only slow each run; the corpus needs ../shared beside the sandbox.
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [
      'test/cli/cli-shell.e2e.test.ts',
      'test/package/**',
      'test/compose.int.test.ts',
      'test/store/sqlite/racing-appends.int.test.ts',
      'test/corpus/**',
    ],
    // Modules stay loaded between the runs of one mutant and the next (mutants switch at run time): far less overhead.
    isolate: false,
    pool: 'threads',
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
});
