/**
 * What the commands share on the command line: the --store flag, the options every query
 * names the same way (issuer, the three clocks, share basis, --json) and the exit code of a
 * command that has already said what went wrong. Kept apart from program.ts, which imports
 * every command, so that no command imports the program.
 */
import type { Command } from 'commander';
import type { ClockInput } from '../ledger/clocks.js';

/** A command that has already said what went wrong (and done the rest of its work) ends with this exit code. */
export class ExitWithCode extends Error {
  override readonly name = 'ExitWithCode';
  constructor(readonly code: number) {
    super(`exit code ${code}`);
  }
}

/** The --store flag, wherever on the command line it was given. */
export function storeFlag(command: Command): string | undefined {
  return command.optsWithGlobals<{ store?: string }>().store;
}

/** Every query names the issuer the same way. */
export const ISSUER_OPTION = [
  '--issuer <cusip>',
  'issuer CUSIP (any it has used), e.g. 09175M507, or CIK, e.g. cik:896493',
] as const;

export const JSON_OPTION = ['--json', 'print JSON'] as const;
export interface JsonFlag {
  json?: boolean;
}

/**
 * `--share-basis`, @defaultValue 'as-reported'; `asReported` says what the default means for
 * this command's figures.
 */
export function shareBasisOption(asReported?: string): readonly [string, string, string] {
  const reported = asReported === undefined ? 'as-reported' : `as-reported (${asReported})`;
  return ['--share-basis <basis>', `${reported} or adjusted (restated to the latest split known)`, 'as-reported'];
}

/**
 * The three clocks (README, "Three clocks"), with the meaning src/ledger/clocks.ts gives them:
 * dates are YYYY-MM-DD; an instant without an offset is UTC, and a bare date is the end of that
 * day in New York (src/domain/ids.ts, parseInstant).
 */
const AS_OF_HELP = 'effective date, YYYY-MM-DD: only facts effective on or before it';
const FILED_BY_HELP = 'filing date, YYYY-MM-DD: only filings filed on or before it, and the facts they disclose';
const RECORDED_BY_HELP =
  'only events the ledger recorded by this instant: ISO, e.g. 2024-07-24T12:00:00Z (UTC without an offset), ' +
  'or a date, meaning the end of that day in New York';

/**
 * How a command takes --as-of: `required` for a view at a date, `optional` where the command
 * spans every date unless told (history), `none` where it always spans every date (reconcile, diff).
 */
export type AsOfOption = 'required' | 'optional' | 'none';

/** Adds --as-of (as `asOf` says), --filed-by and --recorded-by, in that order, with one help text each. */
export function withClockOptions(command: Command, { asOf }: { asOf: AsOfOption }): Command {
  if (asOf === 'required') command.requiredOption('--as-of <date>', AS_OF_HELP);
  if (asOf === 'optional') command.option('--as-of <date>', `${AS_OF_HELP}; default: every date`);
  return command.option('--filed-by <date>', FILED_BY_HELP).option('--recorded-by <instant>', RECORDED_BY_HELP);
}

/** The clock flags as commander hands them to an action. */
export interface ClockFlags {
  asOf?: string;
  filedBy?: string;
  recordedBy?: string;
}

/** The clock flags as src/ledger takes them (it parses and checks them): asOf is there when --as-of is required. */
export function clockInput(flags: ClockFlags & { asOf: string }): ClockInput;
export function clockInput(flags: ClockFlags): Partial<ClockInput>;
export function clockInput(flags: ClockFlags): Partial<ClockInput> {
  return { asOf: flags.asOf, filedBy: flags.filedBy, recordedBy: flags.recordedBy };
}
