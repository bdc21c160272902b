/**
 * The ledger's commands: thin shells that parse options, call src/ledger and
 * print JSON (--json) or a table. The HTTP service calls the same functions.
 */
import type { Command } from 'commander';
import { queryHoldings as queryHoldingsUnwarned } from '../../ledger/holdings-query.js';
import { loadSample } from '../../ledger/sample.js';
import { ISSUER_OPTION, storeFlag } from '../program.js';
import { toJson, warned } from '../output.js';
import { withStore } from '../with-store.js';
import { explainEmptyHoldings } from './holdings-empty.js';
import { formatHoldings } from './ledger-format.js';
import { registerLedgerQueryCommands } from './ledger-query-commands.js';
import { registerDiffCommand } from './ledger-diff-command.js';

const queryHoldings = warned(queryHoldingsUnwarned);

const SAMPLE_ISSUER = '09175M507';
const SAMPLE_DATE = '2024-07-23';

export const SHARE_BASIS_HELP = "as-reported (the share count in force at the date) or adjusted (restated to the latest split known)";

export function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

export function registerLedgerCommands(program: Command): void {
  const sample = program.command('sample').description('the bundled Ault Alliance, Inc. history (Schedule 13D, Amendment No. 8)');
  sample
    .command('load')
    .description('append the bundled history to the store; a second load writes nothing')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const result = await withStore(storeFlag(command), loadSample);
      print(options.json ? toJson(result) : `${result.issuer.name} (${result.stream}): ${result.appended} events appended, ${result.alreadyPresent} already present${skippedText(result)}`);
    });

  program
    .command('quickstart')
    .description(`load the bundled history and print holdings at ${SAMPLE_DATE}`)
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const { loaded, report } = await withStore(storeFlag(command), async (store) => ({
        loaded: await loadSample(store),
        report: await queryHoldings(store, { issuer: SAMPLE_ISSUER, asOf: SAMPLE_DATE }),
      }));
      if (options.json) return print(toJson({ sample: loaded, holdings: report }));
      print(`Sample: ${loaded.appended} events appended, ${loaded.alreadyPresent} already present${skippedText(loaded)}.\n`);
      print(formatHoldings(report));
    });

  program
    .command('holdings')
    .description('holdings of every reporting person of an issuer at a date (Rule 13d-3)')
    .requiredOption(...ISSUER_OPTION)
    .requiredOption('--as-of <date>', 'effective date, YYYY-MM-DD')
    .option('--filed-by <date>', 'only facts disclosed in filings filed on or before this date')
    .option('--recorded-by <instant>', 'only events the ledger recorded by this instant (ISO; a date means its end, UTC)')
    .option('--share-basis <basis>', SHARE_BASIS_HELP, 'as-reported')
    .option('--json', 'print JSON')
    .action(async (options: { issuer: string; asOf: string; filedBy?: string; recordedBy?: string; shareBasis?: string; json?: boolean }, command: Command) => {
      const { report, empty } = await withStore(storeFlag(command), async (store) => {
        const found = await queryHoldings(store, options);
        // Only a table with no rows needs the reason, and finding it reads the stream again.
        return { report: found, empty: options.json || found.holders.length > 0 ? undefined : await explainEmptyHoldings(store, options) };
      });
      print(options.json ? toJson(report) : formatHoldings(report, empty));
    });

  registerLedgerQueryCommands(program);
  registerDiffCommand(program);
}

/** Filings of the sample that ingest had already recorded from another source: said, not hidden. */
function skippedText(result: { skipped?: readonly { filing: string; events: number; reason: string }[] }): string {
  const skipped = result.skipped ?? [];
  if (skipped.length === 0) return '';
  const byReason = new Map<string, string[]>();
  for (const { filing, reason } of skipped) byReason.set(reason, [...(byReason.get(reason) ?? []), filing]);
  const parts = [...byReason].map(([reason, filings]) => `${filings.join(', ')}: ${reason}`);
  return `; ${skipped.length} filing(s) skipped (${parts.join('; ')})`;
}
