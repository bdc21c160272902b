/**
 * `13d-ledger corpus DIR [--truth FILE]... [--json]`: scores ingest on a
 * directory of real filings against hand-read figures (src/corpus). Exit code
 * 1 when a filing crashed the ingest; a refusal is a result, not a failure.
 */
import type { Command } from 'commander';
import { formatCorpusReport } from '../../corpus/format-report.js';
import { scoreCorpus } from '../../corpus/run-corpus.js';
import { toJson } from '../output.js';
import { ExitWithCode } from '../program.js';

export function registerCorpusCommand(program: Command): void {
  program
    .command('corpus')
    .description('ingest every filing in DIR into a fresh store and score the holdings against hand-read truth')
    .argument('<dir>', 'directory of filings')
    .option('--truth <file>', 'truth file (JSON, the shared corpus format); repeatable', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('--no-project-truth', "leave out the project's own labels (test/fixtures/corpus/truth.json)")
    .option('--json', 'print JSON')
    .action(async (dir: string, options: { truth: string[]; projectTruth: boolean; json?: boolean }) => {
      const report = await scoreCorpus(dir, { truthFiles: options.truth, projectTruth: options.projectTruth });
      process.stdout.write(`${options.json ? toJson(report) : formatCorpusReport(report)}\n`);
      if (report.summary.crashed > 0) throw new ExitWithCode(1);
    });
}
