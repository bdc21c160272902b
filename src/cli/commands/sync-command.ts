/**
 * `13d-ledger sync [--since D] [--until D] [--cik CIK] [--user-agent "Name email"] [--edgar-base URL] [--cache DIR]
 * [--json]`: keeps the ledger current from EDGAR (src/ledger/sync.ts). Refuses to start without a User-Agent
 * naming the user and an e-mail (before a store is opened or a request sent). A progress bar on stderr when it is
 * a terminal; the summary line (or its JSON) always; exit code 1 when a filing was refused.
 */
import type { Command } from 'commander';
import { CACHE_HELP, connectToEdgar, openFilingCache } from '../../ledger/sync-setup.js';
import { syncFromEdgar, type SyncProgress } from '../../ledger/sync.js';
import { formatSummary } from '../../ledger/sync-summary.js';
import { ExitWithCode, JSON_OPTION, storeFlag, type JsonFlag } from '../options.js';
import { print, toJson } from '../output.js';
import { withStore } from '../with-store.js';

type SyncFlags = {
  since?: string;
  until?: string;
  cik?: string;
  userAgent?: string;
  edgarBase?: string;
  cache?: string;
} & JsonFlag;

export function registerSyncCommand(program: Command): void {
  program
    .command('sync')
    .description("keep the ledger current from EDGAR's form indexes (or one company's submissions)")
    .option('--since <date>', 'first index date, YYYY-MM-DD (default: the day after the last complete one)')
    .option('--until <date>', 'last index date, YYYY-MM-DD (default: today)')
    .option('--cik <cik>', "one company's Schedule 13D filings, as filer or subject, from its submissions JSON")
    .option('--user-agent <text>', 'who you are, for EDGAR: "Your Name you@example.com" (or LEDGER_USER_AGENT)')
    .option('--edgar-base <url>', 'where EDGAR is (a mirror, a local copy); default www.sec.gov and data.sec.gov')
    .option('--cache <dir>', CACHE_HELP)
    .option(...JSON_OPTION)
    .action(runSync);
}

async function runSync(flags: SyncFlags, command: Command): Promise<void> {
  // Checked before anything else: EDGAR's fair-access rule, and nothing is requested or opened without it.
  const { client, base } = connectToEdgar(flags);
  const controller = new AbortController();
  // Ctrl-C stops between filings: what is ingested stays, the watermark is where the last complete day left it.
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  try {
    const summary = await withStore(storeFlag(command), (store) =>
      syncFromEdgar(store, {
        client,
        base,
        cache: openFilingCache(flags.cache, storeFlag(command)),
        since: flags.since,
        until: flags.until,
        cik: flags.cik,
        signal: controller.signal,
        onProgress: progressBar,
      }),
    );
    if (process.stderr.isTTY) process.stderr.write('\n');
    print(flags.json ? toJson(summary) : formatSummary(summary));
    if (summary.refused.length > 0 || summary.stopped) throw new ExitWithCode(1);
  } finally {
    process.off('SIGINT', onSignal);
  }
}

/** Only for a person watching a terminal; piped or captured stderr gets none. */
function progressBar({ unit, done, total, summary }: SyncProgress): void {
  if (!process.stderr.isTTY) return;
  const width = 20;
  const filled = Math.round((done / Math.max(1, total)) * width);
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
  const counts = `${summary.ingested} ingested, ${summary.alreadyPresent} present, ${summary.refused.length} refused`;
  process.stderr.write(`\r\x1b[K${unit} ${bar} ${done}/${total} ${counts}`);
}
