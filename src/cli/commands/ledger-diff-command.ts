/** diff: what changed between two amendments, as JSON or readable text (diff-format.ts). */
import type { Command } from 'commander';
import { queryDiff as queryDiffUnwarned } from '../../ledger/diff-query.js';
import { ISSUER_OPTION, storeFlag } from '../program.js';
import { toJson, warned } from '../output.js';
import { withStore } from '../with-store.js';
import { formatDiff } from './diff-format.js';

const queryDiff = warned(queryDiffUnwarned);

const out = (text: string): void => void process.stdout.write(`${text}\n`);

export function registerDiffCommand(program: Command): void {
  program
    .command('diff')
    .description('what changed between two filings: items restated, cover pages, holdings at each event date')
    .requiredOption(...ISSUER_OPTION)
    .requiredOption('--from <n>', 'earlier filing: amendment number, 0 for the original')
    .requiredOption('--to <n>', 'later filing: amendment number')
    .option('--filed-by <date>', 'only facts disclosed by this filing date')
    .option('--recorded-by <instant>', 'only events recorded by this instant')
    .option('--share-basis <basis>', 'as-reported or adjusted (restated to the latest split known)', 'as-reported')
    .option('--json', 'print JSON')
    .action(async (o: { issuer: string; from: string; to: string; filedBy?: string; recordedBy?: string; shareBasis?: string; json?: boolean }, command: Command) => {
      const diff = await withStore(storeFlag(command), (store) => queryDiff(store, o));
      out(o.json ? toJson(diff) : formatDiff(diff));
    });
}
