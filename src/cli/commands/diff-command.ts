/** diff: what changed between two amendments, as JSON or readable text (diff-format.ts). */
import type { Command } from 'commander';
import { queryDiff as queryDiffUnwarned } from '../../ledger/diff-query.js';
import {
  clockInput,
  ISSUER_OPTION,
  JSON_OPTION,
  shareBasisOption,
  storeFlag,
  withClockOptions,
  type ClockFlags,
  type JsonFlag,
} from '../options.js';
import { print, toJson, warned } from '../output.js';
import { withStore } from '../with-store.js';
import { formatDiff } from './diff-format.js';

const queryDiff = warned(queryDiffUnwarned);

type DiffFlags = { issuer: string; from: string; to: string; shareBasis?: string } & ClockFlags & JsonFlag;

export function registerDiffCommand(program: Command): void {
  const command = program
    .command('diff')
    .description('what changed between two filings: items restated, cover pages, holdings at each event date')
    .requiredOption(...ISSUER_OPTION)
    .requiredOption('--from <n>', 'earlier filing: amendment number, 0 for the original')
    .requiredOption('--to <n>', 'later filing: amendment number');
  withClockOptions(command, { asOf: 'none' })
    .option(...shareBasisOption())
    .option(...JSON_OPTION)
    .action(showDiff);
}

async function showDiff(flags: DiffFlags, command: Command): Promise<void> {
  const { filedBy, recordedBy } = clockInput(flags);
  const { issuer, from, to, shareBasis } = flags;
  const input = { issuer, from, to, filedBy, recordedBy, shareBasis };
  const diff = await withStore(storeFlag(command), (store) => queryDiff(store, input));
  print(flags.json ? toJson(diff) : formatDiff(diff));
}
