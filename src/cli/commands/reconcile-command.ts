/** reconcile: each filing's figures against its own transactions, as JSON or text (reconcile-format.ts). */
import type { Command } from 'commander';
import { queryReconciliation as queryReconciliationUnwarned } from '../../ledger/queries.js';
import {
  clockInput,
  ISSUER_OPTION,
  JSON_OPTION,
  storeFlag,
  withClockOptions,
  type ClockFlags,
  type JsonFlag,
} from '../options.js';
import { print, toJson, warned } from '../output.js';
import { withStore } from '../with-store.js';
import { formatReconciliation } from './reconcile-format.js';

const queryReconciliation = warned(queryReconciliationUnwarned);

type ReconcileFlags = { issuer: string } & ClockFlags & JsonFlag;

export function registerReconcileCommand(program: Command): void {
  const command = program
    .command('reconcile')
    .description("each filing's figures against its own transactions, Item 5 and arithmetic")
    .requiredOption(...ISSUER_OPTION);
  withClockOptions(command, { asOf: 'none' })
    .option(...JSON_OPTION)
    .action(showReconciliation);
}

async function showReconciliation(flags: ReconcileFlags, command: Command): Promise<void> {
  const input = { issuer: flags.issuer, ...clockInput(flags) };
  const view = await withStore(storeFlag(command), (store) => queryReconciliation(store, input));
  print(flags.json ? toJson(view) : formatReconciliation(view));
}
