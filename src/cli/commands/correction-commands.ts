/** correct and retract: append a correction or retraction of an earlier event (src/ledger/corrections.ts). */
import type { Command } from 'commander';
import { parseAssignment, runLedgerCommand } from '../../ledger/corrections.js';
import { JSON_OPTION, storeFlag, type JsonFlag } from '../options.js';
import { print, toJson } from '../output.js';
import { withStore } from '../with-store.js';

type CorrectFlags = { event: string; set: string[]; reason: string } & JsonFlag;
type RetractFlags = { event: string; reason: string } & JsonFlag;

export function registerCorrectCommand(program: Command): void {
  program
    .command('correct')
    .description('correct fields of an earlier event (the original stays; the correction applies from now on)')
    .requiredOption('--event <id>', 'id of the event to correct')
    .requiredOption('--set <field=value...>', 'field=value, dotted paths into the event data; repeatable')
    .requiredOption('--reason <text>', 'why')
    .option(...JSON_OPTION)
    .action(async (flags: CorrectFlags, command: Command) => {
      const set = Object.fromEntries(flags.set.map(parseAssignment));
      const correction = { kind: 'CorrectEvent', eventId: flags.event, set, reason: flags.reason } as const;
      const result = await withStore(storeFlag(command), (store) => runLedgerCommand(store, correction));
      if (flags.json) return print(toJson(result));
      print(`corrected ${result.eventId} in ${result.stream} (correction ${result.appended[0]!.id})`);
    });
}

export function registerRetractCommand(program: Command): void {
  program
    .command('retract')
    .description('retract an earlier event (the original stays; it no longer applies from now on)')
    .requiredOption('--event <id>', 'id of the event to retract')
    .requiredOption('--reason <text>', 'why')
    .option(...JSON_OPTION)
    .action(async (flags: RetractFlags, command: Command) => {
      const retraction = { kind: 'RetractEvent', eventId: flags.event, reason: flags.reason } as const;
      const result = await withStore(storeFlag(command), (store) => runLedgerCommand(store, retraction));
      if (flags.json) return print(toJson(result));
      print(`retracted ${result.eventId} in ${result.stream} (retraction ${result.appended[0]!.id})`);
    });
}
