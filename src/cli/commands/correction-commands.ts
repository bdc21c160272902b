/** correct and retract: append a correction or retraction of an earlier event (src/ledger/corrections.ts). */
import type { Command } from 'commander';
import { InvalidValueError, parseAssignment, runLedgerCommand } from '../../ledger/index.js';
import { JSON_OPTION, storeFlag, type JsonFlag } from '../options.js';
import { print, toJson } from '../output.js';
import { withStore } from '../with-store.js';

type TargetFlags = { event: string; issuer?: string; expectedRevision?: string };
type CorrectFlags = TargetFlags & { set: string[]; reason: string } & JsonFlag;
type RetractFlags = TargetFlags & { reason: string } & JsonFlag;

/**
 * The issuer (finds the stream without a scan) and the revision the user read (refused if another write came since).
 */
function withTargetOptions(command: Command): Command {
  return command
    .option(
      '--issuer <cusip|cik:N>',
      "the event's issuer: any CUSIP it has used, or its CIK (found by a scan when left out)",
    )
    .option(
      '--expected-revision <n>',
      "the issuer stream's revision you read: refused, nothing written, if it has moved on",
    );
}

function targetOptions(flags: TargetFlags) {
  if (flags.expectedRevision !== undefined && !/^\d+$/.test(flags.expectedRevision)) {
    throw new InvalidValueError(`--expected-revision "${flags.expectedRevision}" is not a revision (0 or more)`);
  }
  return {
    issuer: flags.issuer,
    expectedRevision: flags.expectedRevision === undefined ? undefined : BigInt(flags.expectedRevision),
  };
}

export function registerCorrectCommand(program: Command): void {
  const command = program
    .command('correct')
    .description('correct fields of an earlier event (the original stays; the correction applies from now on)')
    .requiredOption('--event <id>', 'id of the event to correct')
    .requiredOption('--set <field=value...>', 'field=value, dotted paths into the event data; repeatable')
    .requiredOption('--reason <text>', 'why');
  withTargetOptions(command)
    .option(...JSON_OPTION)
    .action(async (flags: CorrectFlags, command: Command) => {
      const set = Object.fromEntries(flags.set.map(parseAssignment));
      const correction = { kind: 'CorrectEvent', eventId: flags.event, set, reason: flags.reason } as const;
      const result = await withStore(storeFlag(command), (store) =>
        runLedgerCommand(store, correction, targetOptions(flags)),
      );
      if (flags.json) return print(toJson(result));
      print(`corrected ${result.eventId} in ${result.stream} (correction ${result.appended[0]!.id})`);
    });
}

export function registerRetractCommand(program: Command): void {
  const command = program
    .command('retract')
    .description('retract an earlier event (the original stays; it no longer applies from now on)')
    .requiredOption('--event <id>', 'id of the event to retract')
    .requiredOption('--reason <text>', 'why');
  withTargetOptions(command)
    .option(...JSON_OPTION)
    .action(async (flags: RetractFlags, command: Command) => {
      const retraction = { kind: 'RetractEvent', eventId: flags.event, reason: flags.reason } as const;
      const result = await withStore(storeFlag(command), (store) =>
        runLedgerCommand(store, retraction, targetOptions(flags)),
      );
      if (flags.json) return print(toJson(result));
      print(`retracted ${result.eventId} in ${result.stream} (retraction ${result.appended[0]!.id})`);
    });
}
