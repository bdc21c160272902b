/** holdings: every reporting person's holdings at a date (Rule 13d-3), as JSON or a table (ledger-format.ts). */
import type { Command } from 'commander';
import { explainEmptyHoldings } from '../../ledger/holdings-empty.js';
import { queryHoldings as queryHoldingsUnwarned } from '../../ledger/holdings-query.js';
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
import { formatEmptyHoldings } from './holdings-empty.js';
import { formatHoldings } from './ledger-format.js';

const queryHoldings = warned(queryHoldingsUnwarned);

type HoldingsFlags = { issuer: string; asOf: string; shareBasis?: string } & ClockFlags & JsonFlag;

export function registerHoldingsCommand(program: Command): void {
  const command = program
    .command('holdings')
    .description('holdings of every reporting person of an issuer at a date (Rule 13d-3)')
    .requiredOption(...ISSUER_OPTION);
  withClockOptions(command, { asOf: 'required' })
    .option(...shareBasisOption('the share count in force at the date'))
    .option(...JSON_OPTION)
    .action(showHoldings);
}

async function showHoldings(flags: HoldingsFlags, command: Command): Promise<void> {
  const input = { issuer: flags.issuer, ...clockInput(flags), shareBasis: flags.shareBasis };
  const { report, empty } = await withStore(storeFlag(command), async (store) => {
    const found = await queryHoldings(store, input);
    // Only a table with no rows needs the reason, and finding it reads the stream again.
    if (flags.json || found.holders.length > 0) return { report: found, empty: undefined };
    return { report: found, empty: formatEmptyHoldings(await explainEmptyHoldings(store, input)) };
  });
  print(flags.json ? toJson(report) : formatHoldings(report, empty));
}
