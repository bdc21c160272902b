/** group: the issuer's group members (Rule 13d-5) at a date, as JSON or a table (group-format.ts). */
import type { Command } from 'commander';
import { queryGroup as queryGroupUnwarned } from '../../ledger/queries.js';
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
import { earliestMembership, formatGroup } from './group-format.js';

const queryGroup = warned(queryGroupUnwarned);

type GroupFlags = { issuer: string; asOf: string } & ClockFlags & JsonFlag;

export function registerGroupCommand(program: Command): void {
  const command = program
    .command('group')
    .description('group members (Rule 13d-5) at a date')
    .requiredOption(...ISSUER_OPTION);
  withClockOptions(command, { asOf: 'required' })
    .option(...JSON_OPTION)
    .action(showGroup);
}

async function showGroup(flags: GroupFlags, command: Command): Promise<void> {
  const input = { issuer: flags.issuer, ...clockInput(flags) };
  if (flags.json) return print(toJson(await withStore(storeFlag(command), (store) => queryGroup(store, input))));
  const { view, earliest } = await withStore(storeFlag(command), async (store) => {
    const found = await queryGroup(store, input);
    if (found.members.length > 0) return { view: found, earliest: null };
    // Only an empty answer needs membership at the far future, to say when it stops being empty.
    return { view: found, earliest: earliestMembership(await queryGroup(store, { ...input, asOf: '9999-12-31' })) };
  });
  print(formatGroup(view, earliest));
}
