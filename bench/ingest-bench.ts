/**
 * Step 5: ingest of a directory of real filings in one process, into one store (read, parse, append), best of
 * three runs into fresh stores. Uses ../shared/corpus/filings when it is beside the project (its filings stay
 * there), else the project's own data/filings; the output says which.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { FilingParseError } from '../src/ingest/filing-parse-error.js';
import { parseFilingBytes } from '../src/ingest/read-filing.js';
import { ingestFiling } from '../src/ledger/ingest-filing.js';
import { issuerDirectory } from '../src/ledger/issuer-directory.js';
import { openStore } from '../src/store/open-store.js';

export interface IngestFigures {
  source: string;
  filings: number;
  megabytes: number;
  filingsPerSec: number;
}

const CORPUS = fileURLToPath(new URL('../../shared/corpus/filings', import.meta.url));
const BUNDLED = fileURLToPath(new URL('../data/filings', import.meta.url));

async function filingFiles(): Promise<{ source: string; files: string[] }> {
  const [source, dir] = existsSync(CORPUS) ? ['../shared/corpus/filings', CORPUS] : ['data/filings', BUNDLED];
  const names = (await readdir(dir)).filter((name) => /\.(?:txt|htm|html|xml)$/i.test(name)).sort();
  return { source, files: names.map((name) => join(dir, name)) };
}

export async function benchIngest(dir: string): Promise<IngestFigures> {
  const { source, files } = await filingFiles();
  const bytes = (await Promise.all(files.map((file) => stat(file)))).reduce((sum, s) => sum + s.size, 0);
  let best = Number.POSITIVE_INFINITY;
  for (let run = 1; run <= 3; run++) best = Math.min(best, await ingestAll(files, join(dir, `ingest-${run}.db`)));
  return {
    source,
    filings: files.length,
    megabytes: bytes / 1024 / 1024,
    filingsPerSec: Math.round(files.length / (best / 1000)),
  };
}

async function ingestAll(files: readonly string[], storeFile: string): Promise<number> {
  const started = performance.now();
  const store = await openStore(`sqlite:${storeFile}`);
  const directory = issuerDirectory(store);
  try {
    for (const file of files) {
      try {
        await ingestFiling(store, parseFilingBytes(await readFile(file), file), { directory });
      } catch (error) {
        // A filing refused (no cover page with numbers) is part of the work, not a failure of the run.
        if (!(error instanceof FilingParseError)) throw error;
      }
    }
  } finally {
    await store.close();
  }
  return performance.now() - started;
}
