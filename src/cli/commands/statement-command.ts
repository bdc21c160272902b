/** statement: the Schedule 13D as of a date, as JSON or text (statement-format.ts). */
import type { Command } from 'commander';
import { queryStatement as queryStatementUnwarned } from '../../ledger/queries.js';
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
import { formatStatement, type FirstFiling } from './statement-format.js';

const queryStatement = warned(queryStatementUnwarned);

type StatementFlags = { issuer: string; asOf: string } & ClockFlags & JsonFlag;
type Statement = Awaited<ReturnType<typeof queryStatement>>;

export function registerStatementCommand(program: Command): void {
  const command = program
    .command('statement')
    .description('the Schedule 13D as of a date: the original folded with every amendment filed by then')
    .requiredOption(...ISSUER_OPTION);
  withClockOptions(command, { asOf: 'required' })
    .option(...JSON_OPTION)
    .action(showStatement);
}

async function showStatement(flags: StatementFlags, command: Command): Promise<void> {
  const input = { issuer: flags.issuer, ...clockInput(flags) };
  if (flags.json) return print(toJson(await withStore(storeFlag(command), (store) => queryStatement(store, input))));
  const { view, first } = await withStore(storeFlag(command), async (store) => {
    const found = await queryStatement(store, input);
    if (found.filings.length > 0) return { view: found, first: null };
    // Before the original there is no statement: name the first filing the ledger knows instead.
    return { view: found, first: firstFiling(await queryStatement(store, { ...input, asOf: '9999-12-31' })) };
  });
  print(formatStatement(view, first));
}

/** The earliest filing of a statement, by filing date; null when it has none. */
function firstFiling(statement: Statement): FirstFiling {
  let first: Statement['filings'][number] | null = null;
  for (const filing of statement.filings) if (first === null || filing.filedOn < first.filedOn) first = filing;
  return first === null ? null : { label: first.label, filedOn: first.filedOn };
}
