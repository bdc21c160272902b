/**
 * `npm run bench [-- --scale F] [--json FILE]`: the ledger at the size of EDGAR's 13D history, on one seeded
 * synthetic history (bench-options.ts for every option):
 *   1. append in filing-sized batches at the expected revision;  2. read all in global order;
 *   3. full replay of every projection (peak memory);  4. holdings as of a random (issuer, date), warm and cold;
 *   5. corpus ingest in one process;  6. the HTTP holdings endpoint under load from a second process.
 * Steps 1 and 2 also run, alternating, on the same leading events on the peer (Emmett's SQLite event store) and
 * on the floor (bare better-sqlite3), with the same durability. Prints a table; --json FILE writes the figures.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { InvalidValueError } from '../src/domain/index.js';
import { DURABILITY } from './append-read-target.js';
import { parseBenchOptions, USAGE, type BenchOptions } from './bench-options.js';
import { benchResults, machine } from './bench-results.js';
import { formatTable } from './bench-table.js';
import { runChild } from './child-process.js';
import { benchHttp } from './http-bench.js';
import { benchIngest } from './ingest-bench.js';
import { randomQueries } from './holdings-queries.js';
import type { Latencies } from './latency.js';
import { ledgerTarget } from './ledger-target.js';
import { comparePeers } from './peer-comparison.js';
import type { ReplayFigures } from './replay-child.js';
import { perSecond, timeAppends, timeReadAll } from './store-steps.js';
import { historyBatches, historyShape, leadingBatches } from './synthetic-ledger.js';
import type { IssuerSummary, SyntheticBatch } from './synthetic-issuer.js';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
let options: BenchOptions;
try {
  options = parseBenchOptions(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof InvalidValueError)) throw error;
  console.error(error.message);
  process.exit(2);
}
const began = performance.now();
const progress = (line: string) =>
  console.error(`[bench ${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const dir = mkdtempSync(join(tmpdir(), '13d-ledger-bench-'));
try {
  const results = benchResults(await runSteps(options));
  console.log(formatTable(results));
  if (options.json !== null) writeFileSync(options.json, `${JSON.stringify(results, null, 2)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

async function runSteps(options: BenchOptions) {
  const shape = historyShape(options.scale, options.seed);
  const issuers = shape.issuers.toLocaleString('en-US');
  const load = loadavg()[0]!.toFixed(1);
  progress(`scale ${options.scale}: ${issuers} issuers, seed ${options.seed}; ${machine()}, load ${load}`);
  progress(`durability everywhere: ${DURABILITY.why}`);
  const storeFile = join(dir, 'ledger.db');
  const summaries: IssuerSummary[] = [];
  let filings = 0;
  const counted = function* (batches: Iterable<SyntheticBatch>) {
    for (const batch of batches) yield (filings++, batch);
  };
  const ours = await ledgerTarget(storeFile);
  const appended = await timeAppends(ours, counted(historyBatches(shape, (summary) => summaries.push(summary))));
  progress(
    `1 appended ${appended.events.toLocaleString('en-US')} events in ${filings.toLocaleString('en-US')} batches`,
  );
  const read = await timeReadAll(ours);
  await ours.close();
  if (read.events !== appended.events)
    throw new Error(`read ${read.events} events back of the ${appended.events} appended`);
  progress('2 read all; now steps 1 and 2 alternating on the ledger, the peer and the floor');
  const peers = await comparePeers(dir, leadingBatches(shape, Math.min(options.peerEvents, appended.events)));
  const warmFile = writeQueries('warm', randomQueries(summaries, options.queries, options.seed + 1));
  const coldFile = writeQueries('cold', randomQueries(summaries, options.coldQueries, options.seed + 2));
  progress('3 replay and 4 warm queries in a process of their own');
  const replay = await runChild<ReplayFigures>(
    './replay-child.ts',
    [storeFile, warmFile],
    ['--max-old-space-size=16384'],
  );
  progress('4 cold queries from a fresh process');
  const { cold } = await runChild<{ cold: Latencies }>('./cold-query-child.ts', [storeFile, coldFile]);
  progress('5 corpus ingest');
  const ingest = await benchIngest(dir);
  progress('6 HTTP holdings endpoint under load');
  const http = await benchHttp(storeFile, dir, randomQueries(summaries, 5_000, options.seed + 3), options.httpSeconds);
  progress('done');
  const append = { events: appended.events, perSec: perSecond(appended) };
  return {
    scale: options.scale,
    issuers: shape.issuers,
    filings,
    append,
    readAll: { events: read.events, perSec: perSecond(read) },
    peers,
    replay,
    cold,
    ingest,
    http,
  };
}

function writeQueries(name: string, queries: unknown[]): string {
  const file = join(dir, `${name}-queries.json`);
  writeFileSync(file, JSON.stringify(queries));
  return file;
}
