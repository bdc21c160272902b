/**
 * Ingest of a directory of real filings in one process, into one store: the filings and megabytes per second
 * it sustains, against the peer any ingest must pay, reading the same files. Uses ../shared/corpus/filings
 * when it is beside the project (its filings stay there), else the project's own test fixtures.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FilingParseError } from '../src/ingest/filing-parse-error.js';
import { ingestFiling } from '../src/ledger/ingest-filing.js';
import { parseFilingBytes } from '../src/ingest/read-filing.js';
import { issuerDirectory } from '../src/ledger/issuer-directory.js';
import { openStore } from '../src/store/open-store.js';
import { measure, report } from './measure.js';

const CORPUS = fileURLToPath(new URL('../../shared/corpus/filings', import.meta.url));
const FIXTURES = [fileURLToPath(new URL('../test/fixtures/ingest', import.meta.url)), fileURLToPath(new URL('../test/fixtures/layouts', import.meta.url))];

async function filingFiles(): Promise<{ source: string; files: string[] }> {
  const dirs = existsSync(CORPUS) ? [CORPUS] : FIXTURES.filter((dir) => existsSync(dir));
  const files: string[] = [];
  for (const dir of dirs) for (const name of (await readdir(dir)).sort()) if (/\.(?:txt|htm|html|xml)$/i.test(name) && !name.startsWith('bad-')) files.push(join(dir, name));
  return { source: existsSync(CORPUS) ? '../shared/corpus/filings' : 'the project\'s test fixtures', files };
}

export async function benchIngest(): Promise<void> {
  const { source, files } = await filingFiles();
  const bytes = (await Promise.all(files.map((file) => stat(file)))).reduce((sum, s) => sum + s.size, 0);
  const read = await measure('read the files (peer)', files.length, () => Promise.all(files.map((file) => readFile(file))));
  const contents = await Promise.all(files.map(async (file) => ({ file, bytes: await readFile(file) })));
  const parse = await measure('parse every filing (no store)', files.length, () => {
    for (const { file, bytes: content } of contents) {
      try {
        parseFilingBytes(content, file);
      } catch (error) {
        if (!(error instanceof FilingParseError)) throw error;
      }
    }
  });
  const dir = await mkdtemp(join(tmpdir(), '13d-ledger-bench-'));
  let run = 0;
  const ingest = await measure('read, parse and ingest into one store', files.length, async () => {
    const store = await openStore(`sqlite:${join(dir, `ingest-${++run}.db`)}`);
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
  });
  await rm(dir, { recursive: true, force: true });
  const megabytes = bytes / 1024 / 1024;
  const perSecond = (ms: number) => `${(files.length / (ms / 1000)).toFixed(0)} filings/s, ${(megabytes / (ms / 1000)).toFixed(2)} MB/s`;
  report(`ingest ${files.length} filings (${megabytes.toFixed(1)} MB) from ${source}: ${perSecond(ingest.ms)}; parsing alone ${perSecond(parse.ms)}`, ingest, read);
  // EDGAR receives tens of thousands of Schedule 13D filings a year.
  console.log(`  at this rate, 40,000 filings take about ${((40_000 / files.length) * (ingest.ms / 1000) / 60).toFixed(1)} minutes`);
}
