/**
 * `13d-ledger corpus DIR [--truth FILE]... [--json]`: scores ingest on a
 * directory of real filings against hand-read figures (src/corpus). Exit code
 * 1 when a filing crashed the ingest; a refusal is a result, not a failure.
 */
import type { Command } from 'commander';
import { formatCorpusReport } from '../../corpus/format-report.js';
import { scoreCorpus } from '../../corpus/run-corpus.js';
import { ExitWithCode, JSON_OPTION } from '../options.js';
import { print, toJson } from '../output.js';

/** `--truth` is repeatable: each one adds a file. */
const addTruthFile = (value: string, previous: string[]): string[] => [...previous, value];

export function registerCorpusCommand(program: Command): void {
  program
    .command('corpus')
    .description('ingest every filing in DIR into a fresh store and score the holdings against hand-read truth')
    .argument('<dir>', 'directory of filings')
    .option('--truth <file>', 'truth file (JSON, the shared corpus format); repeatable', addTruthFile, [] as string[])
    .option('--no-project-truth', "leave out the project's own labels (test/fixtures/corpus/truth.json)")
    .option(...JSON_OPTION)
    .action(async (dir: string, options: { truth: string[]; projectTruth: boolean; json?: boolean }) => {
      const report = await scoreCorpus(dir, { truthFiles: options.truth, projectTruth: options.projectTruth });
      print(options.json ? toJson(report) : formatCorpusReport(report));
      if (report.summary.crashed > 0) throw new ExitWithCode(1);
    });
}
