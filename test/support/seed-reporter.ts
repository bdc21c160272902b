/**
 * The suite runs in a shuffled order (vitest.config.ts); this prints the seed
 * of that order after vitest's own report, with the command that replays it:
 * "test order: seed 12345 (replay it with TEST_SEED=12345 npm test)".
 * Listed before the summary reporter, whose line stays the last.
 */
import type { Reporter, Vitest } from 'vitest/node';

export default class SeedReporter implements Reporter {
  private seed: number | undefined;

  onInit(vitest: Vitest): void {
    const { shuffle, seed } = vitest.config.sequence;
    this.seed = shuffle ? seed : undefined;
  }

  onTestRunEnd(): void {
    if (this.seed === undefined) return;
    process.stdout.write(`\ntest order: seed ${this.seed} (replay it with TEST_SEED=${this.seed} npm test)\n`);
  }
}
