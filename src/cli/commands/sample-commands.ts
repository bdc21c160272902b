/** sample load and quickstart: the bundled Ault Alliance, Inc. history (src/ledger/sample.ts). */
import type { Command } from 'commander';
import { queryHoldings as queryHoldingsUnwarned } from '../../ledger/holdings-query.js';
import { loadSample } from '../../ledger/sample.js';
import { JSON_OPTION, storeFlag, type JsonFlag } from '../options.js';
import { print, toJson, warned } from '../output.js';
import { withStore } from '../with-store.js';
import { formatHoldings } from './ledger-format.js';

const queryHoldings = warned(queryHoldingsUnwarned);

const SAMPLE_ISSUER = '09175M507';
const SAMPLE_DATE = '2024-07-23';

export function registerSampleCommand(program: Command): void {
  const sample = program
    .command('sample')
    .description('the bundled Ault Alliance, Inc. history (Schedule 13D, Amendment No. 8)');
  sample
    .command('load')
    .description('append the bundled history to the store; a second load writes nothing')
    .option(...JSON_OPTION)
    .action(async (flags: JsonFlag, command: Command) => {
      const result = await withStore(storeFlag(command), loadSample);
      if (flags.json) return print(toJson(result));
      const counts = `${result.appended} events appended, ${result.alreadyPresent} already present`;
      print(`${result.issuer.name} (${result.stream}): ${counts}${skippedText(result)}`);
    });
}

export function registerQuickstartCommand(program: Command): void {
  program
    .command('quickstart')
    .description(`load the bundled history and print holdings at ${SAMPLE_DATE}`)
    .option(...JSON_OPTION)
    .action(async (flags: JsonFlag, command: Command) => {
      const { loaded, report } = await withStore(storeFlag(command), async (store) => ({
        loaded: await loadSample(store),
        report: await queryHoldings(store, { issuer: SAMPLE_ISSUER, asOf: SAMPLE_DATE }),
      }));
      if (flags.json) return print(toJson({ sample: loaded, holdings: report }));
      const counts = `${loaded.appended} events appended, ${loaded.alreadyPresent} already present`;
      print(`Sample: ${counts}${skippedText(loaded)}.\n`);
      print(formatHoldings(report));
    });
}

/** Filings of the sample that ingest had already recorded from another source: said, not hidden. */
function skippedText(result: { skipped?: readonly { filing: string; reason: string }[] }): string {
  const skipped = result.skipped ?? [];
  if (skipped.length === 0) return '';
  const byReason = new Map<string, string[]>();
  for (const { filing, reason } of skipped) byReason.set(reason, [...(byReason.get(reason) ?? []), filing]);
  const parts = [...byReason].map(([reason, filings]) => `${filings.join(', ')}: ${reason}`);
  return `; ${skipped.length} filing(s) skipped (${parts.join('; ')})`;
}
