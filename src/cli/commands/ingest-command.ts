/**
 * `13d-ledger ingest PATH... [--dry-run] [--json]`: reads filings (files, or
 * directories searched for .txt/.htm/.html/.xml), parses and validates every
 * one before writing anything, then appends each filing as one atomic batch.
 * Bad input in any file: an error naming the file and the place, exit code 1,
 * nothing written.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { ingestFiling, planIngest, type IngestOutcome } from '../../ingest/ingest-filings.js';
import type { ParsedFiling } from '../../ingest/parsed-filing.js';
import { readFilingFile } from '../../ingest/read-filing.js';
import { storeFlag } from '../program.js';
import { toJson } from '../output.js';
import { withStore } from '../with-store.js';

const FILING_EXTENSIONS = /\.(?:txt|htm|html|xml)$/i;

async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
      files.push(...(await expandPaths(entries.filter((e) => e.isDirectory() || FILING_EXTENSIONS.test(e.name)).map((e) => join(path, e.name)))));
    } else files.push(path);
  }
  return files;
}

function progress(done: number, total: number, file: string): void {
  if (total < 2) return;
  const width = 20;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${file}\n`);
}

function describe(outcome: IngestOutcome, dryRun: boolean): string {
  const lines = [
    `${outcome.file}: ${outcome.formType}${outcome.amendmentNo > 0 ? ` No. ${outcome.amendmentNo}` : ''} on issuer-${outcome.cusip}`,
    `  persons: ${outcome.persons.join('; ')}`,
    `  positions: ${outcome.positions}, transactions: ${outcome.transactions}, events: ${outcome.events} (${dryRun ? 'dry run, nothing written' : `${outcome.appended} appended, ${outcome.alreadyPresent} already present`})`,
    ...outcome.skipped.map((s) => `  cover page not recorded: ${s}`),
    `  review (${outcome.review.length}):`,
    ...outcome.review.map((r) => `    [Item ${r.item}] ${r.sentence}`),
  ];
  return lines.join('\n');
}

export function registerIngestCommand(program: Command): void {
  program
    .command('ingest')
    .description('ingest Schedule 13D filings (text, HTML, full submission .txt, EDGAR XML) into the ledger')
    .argument('<paths...>', 'filing files or directories')
    .option('--dry-run', 'parse and show what would be added; write nothing')
    .option('--json', 'print JSON')
    .action(async (paths: string[], options: { dryRun?: boolean; json?: boolean }, command: Command) => {
      const files = await expandPaths(paths);
      // Every file is parsed and mapped before anything is written: one bad file, nothing written.
      const filings: ParsedFiling[] = [];
      for (const [i, file] of files.entries()) {
        progress(i + 1, files.length, file);
        const filing = await readFilingFile(file);
        planIngest(filing);
        filings.push(filing);
      }
      const outcomes = options.dryRun
        ? await Promise.all(filings.map((f) => ingestFiling(undefined, f)))
        : await withStore(storeFlag(command), async (store) => {
            const done: IngestOutcome[] = [];
            for (const filing of filings) done.push(await ingestFiling(store, filing));
            return done;
          });
      const output = options.json ? toJson({ dryRun: options.dryRun ?? false, filings: outcomes }) : outcomes.map((o) => describe(o, options.dryRun ?? false)).join('\n\n');
      process.stdout.write(`${output}\n`);
    });
}
