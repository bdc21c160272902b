/** history: each change to each position of one holder, as JSON or a table (history-format.ts). */
import type { Command } from 'commander';
import * as queries from '../../ledger/queries.js';
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
import { print, toJson, warnAboutUnreadableEvents, warned } from '../output.js';
import { withStore } from '../with-store.js';
import { formatHistory } from './history-format.js';

const queryHistory = warned(queries.queryHistory);

type HistoryFlags = { issuer: string; person: string; shareBasis?: string } & ClockFlags & JsonFlag;

export function registerHistoryCommand(program: Command): void {
  const command = program
    .command('history')
    .description('each change to each position of one holder, dated, with its source')
    .requiredOption(...ISSUER_OPTION)
    .requiredOption('--person <id>', 'person id, e.g. ault-and-company');
  withClockOptions(command, { asOf: 'optional' })
    .option(...shareBasisOption('each change in the share count of its date'))
    .option(...JSON_OPTION)
    .action(showHistory);
}

async function showHistory(flags: HistoryFlags, command: Command): Promise<void> {
  const input = { issuer: flags.issuer, person: flags.person, ...clockInput(flags), shareBasis: flags.shareBasis };
  if (flags.json) return print(toJson(await withStore(storeFlag(command), (store) => queryHistory(store, input))));
  const { view, context } = await withStore(storeFlag(command), (store) =>
    queries.queryHistoryWithContext(store, input),
  );
  warnAboutUnreadableEvents(view);
  print(formatHistory(view, context));
}
