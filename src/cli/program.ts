/**
 * The command-line program: assembles the commands, each in its own module under commands/,
 * and runs them. Commands are thin shells over the same src/ledger functions the HTTP service
 * calls; what they share on the command line is in options.ts, their output helpers in output.ts.
 */
import { Command, CommanderError } from 'commander';
import { registerStoreCommands } from './commands/store-commands.js';
import { registerQuickstartCommand, registerSampleCommand } from './commands/sample-commands.js';
import { registerHoldingsCommand } from './commands/holdings-command.js';
import { registerGroupCommand } from './commands/group-command.js';
import { registerHistoryCommand } from './commands/history-command.js';
import { registerStatementCommand } from './commands/statement-command.js';
import { registerReconcileCommand } from './commands/reconcile-command.js';
import { registerCorrectCommand, registerRetractCommand } from './commands/correction-commands.js';
import { registerDiffCommand } from './commands/diff-command.js';
import { registerIngestCommand } from './commands/ingest-command.js';
import { registerCorpusCommand } from './commands/corpus-command.js';
import { registerServeCommand } from './commands/serve-command.js';
import { registerVerifyCommand } from './commands/verify-command.js';
import { registerSyncCommand } from './commands/sync-command.js';
import { registerReparseCommand } from './commands/reparse-command.js';
import { ExitWithCode } from './options.js';

/** In the order `--help` lists them. */
const COMMANDS: readonly ((program: Command) => void)[] = [
  registerStoreCommands,
  registerSampleCommand,
  registerQuickstartCommand,
  registerHoldingsCommand,
  registerGroupCommand,
  registerHistoryCommand,
  registerStatementCommand,
  registerReconcileCommand,
  registerCorrectCommand,
  registerRetractCommand,
  registerDiffCommand,
  registerIngestCommand,
  registerCorpusCommand,
  registerSyncCommand,
  registerReparseCommand,
  registerServeCommand,
  registerVerifyCommand,
];

const STORE_HELP =
  'event store URL (sqlite:PATH, sqlite::memory:, esdb://host:2113?tls=false, postgres://user@host:5432/db); ' +
  'default LEDGER_STORE or sqlite:./var/ledger.db';

export function buildProgram(): Command {
  const program = new Command('13d-ledger')
    .description('An event-sourced history of SEC Schedule 13D beneficial-ownership statements')
    .option('--store <url>', STORE_HELP)
    // One line for a usage mistake, with a pointer to help, not the whole help text.
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  for (const register of COMMANDS) register(program);
  return program;
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
