/** serve: the HTTP API and the timeline page over the store (src/http). */
import type { Command } from 'commander';
import { tokensFromEnv } from '../../http/auth.js';
import { startServer } from '../../http/server.js';
import { InvalidValueError, resolveStoreUrl } from '../../ledger/index.js';
import { print } from '../output.js';
import { storeFlag } from '../options.js';

type ServeFlags = { port?: string; host?: string; indexFile?: string; sampleIfEmpty?: boolean };

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (/api, /openapi.json) and the timeline page (/)')
    .option('--port <n>', 'port to listen on (PORT; default 3000; 0 for any free port)')
    .option('--host <address>', 'address to listen on (HOST; default 127.0.0.1; 0.0.0.0 for other machines)')
    .option(
      '--index-file <path>',
      'where the issuer index keeps its snapshot and checkpoint (default beside the store)',
    )
    .option('--sample-if-empty', 'load the bundled Ault Alliance history when the store holds no issuer')
    .action(serve);
}

async function serve(flags: ServeFlags, command: Command): Promise<void> {
  const port = flags.port ?? process.env.PORT ?? '3000';
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65_535)
    throw new InvalidValueError(`--port "${port}" is not a port number (0 to 65535)`);
  const storeUrl = resolveStoreUrl(storeFlag(command));
  const tokens = tokensFromEnv();
  const server = await startServer({
    storeUrl,
    port: Number(port),
    host: flags.host ?? process.env.HOST ?? '127.0.0.1',
    tokens,
    loadSampleIfEmpty: flags.sampleIfEmpty === true,
    ...(flags.indexFile === undefined ? {} : { indexFile: flags.indexFile }),
    log: (line) => process.stderr.write(`${new Date().toISOString()} ${line}\n`),
  });
  const api = `${server.url}api`;
  print(
    [
      `13d-ledger serving ${storeUrl.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')}${server.sampleLoaded ? ' (bundled Ault Alliance history loaded)' : ''}`,
      `  timeline page:  ${server.url}`,
      `  API document:   ${server.url}openapi.json`,
      `  try:            curl '${api}/issuers/09175M507/holdings?asOf=2024-07-23'`,
      `                  curl '${api}/issuers/09175M507/persons/ault-and-company/history?format=csv'`,
      `  writes:         ${tokens.write === null ? 'disabled (set LEDGER_TOKEN to enable)' : 'need the bearer token in LEDGER_TOKEN'}`,
      'Press Ctrl-C to stop.',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
}
