/** Entry point of the 13d-ledger command. */
import { runCli } from './cli/program.js';

// Output piped into `head` or a pager that quits early: stop quietly, as Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2));
