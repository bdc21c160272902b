/**
 * `13d-ledger reparse [--cache DIR] [--json]`: re-reads the filings the sync cached with the current parser and
 * appends what it reads differently, tagged with its version (src/ledger/reparse.ts); a document this version
 * has read is skipped.
 */
import type { Command } from 'commander';
import { reparseCache, type ReparseSummary } from '../../ledger/reparse.js';
import { CACHE_HELP, openFilingCache } from '../../ledger/sync-setup.js';
import { JSON_OPTION, storeFlag, type JsonFlag } from '../options.js';
import { print, toJson } from '../output.js';
import { withStore } from '../with-store.js';

export function registerReparseCommand(program: Command): void {
  program
    .command('reparse')
    .description('re-read the cached EDGAR filings with the current parser; append what it reads differently')
    .option('--cache <dir>', CACHE_HELP)
    .option(...JSON_OPTION)
    .action(async (flags: { cache?: string } & JsonFlag, command: Command) => {
      const cache = openFilingCache(flags.cache, storeFlag(command));
      const summary = await withStore(storeFlag(command), (store) => reparseCache(store, { cache }));
      print(flags.json ? toJson(summary) : formatReparse(summary));
    });
}

function formatReparse(s: ReparseSummary): string {
  const head =
    `reparse with ${s.parserVersion}: ${s.documents} cached filings, ${s.skipped} already read by this version, ` +
    `${s.reread} re-read (${s.changed} changed, ${s.unchanged} unchanged, ${s.refused.length} refused), ` +
    `${s.eventsAppended} events appended`;
  return [head, ...s.refused.map((r) => `  refused ${r.accessionNumber}: ${r.reason}`)].join('\n');
}
