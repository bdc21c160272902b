/**
 * The command-line program. Each command lives in its own module under
 * commands/ and registers itself here; commands are thin shells over the
 * same functions the HTTP service will call.
 */
import { Command, CommanderError } from 'commander';
import { registerStoreCommands } from './commands/store-commands.js';
import { registerLedgerCommands } from './commands/ledger-commands.js';
import { registerIngestCommand } from './commands/ingest-command.js';
import { registerCorpusCommand } from './commands/corpus-command.js';

export function buildProgram(): Command {
  const program = new Command('13d-ledger')
    .description('An event-sourced history of SEC Schedule 13D beneficial-ownership statements')
    .option('--store <url>', 'event store URL (sqlite:PATH, sqlite::memory:, esdb://host:2113?tls=false); default LEDGER_STORE or sqlite:./var/ledger.db')
    // One line for a usage mistake, with a pointer to help, not the whole help text.
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  registerStoreCommands(program);
  registerLedgerCommands(program);
  registerIngestCommand(program);
  registerCorpusCommand(program);
  return program;
}

/** A command that has already said what went wrong (and done the rest of its work) ends with this exit code. */
export class ExitWithCode extends Error {
  override readonly name = 'ExitWithCode';
  constructor(readonly code: number) {
    super(`exit code ${code}`);
  }
}

/** Runs the program; prints errors as one clear line and returns the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof ExitWithCode) return error.code;
    const err = error instanceof Error ? error : new Error(String(error));
    process.stderr.write(`13d-ledger: ${err.name === 'Error' ? '' : `${err.name}: `}${err.message}\n`);
    return 1;
  }
}

/** Every query names the issuer the same way. */
export const ISSUER_OPTION = ['--issuer <cusip>', 'issuer CUSIP (any it has used), e.g. 09175M507, or CIK, e.g. cik:896493'] as const;

/** The --store flag, wherever on the command line it was given. */
export function storeFlag(command: Command): string | undefined {
  return command.optsWithGlobals<{ store?: string }>().store;
}
