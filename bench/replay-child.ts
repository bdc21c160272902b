/**
 * Steps 3 and 4 (warm), in a process of their own so that its peak memory is the replay's: read the whole log a
 * page at a time, decode it, fold every projection of every issuer (the ledger index; each issuer's timeline with
 * its positions, groups, statement and cover-page folds), then answer holdings queries from that state.
 *
 *   node --import tsx bench/replay-child.ts STORE_FILE QUERIES_FILE
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  buildTimeline,
  coverPagesFold,
  foldAt,
  groupsFold,
  holdingsAt,
  positionsFold,
  statementFold,
  type Timeline,
} from '../projections/index.js';
import { decodeTolerantly, type Envelope, type IsoDate } from '../src/domain/index.js';
import { emptyLedgerIndex, evolveLedgerIndex } from '../src/ledger/ledger-index.js';
import { openStore } from '../src/store/open-store.js';
import { PAGE_SIZE } from './append-read-target.js';
import type { HoldingsQuery } from './holdings-queries.js';
import { summarise, type Latencies } from './latency.js';

export interface ReplayFigures {
  events: number;
  issuers: number;
  /** Reading and decoding the log, grouped by issuer. */
  readMs: number;
  /** Timelines and folds of every issuer. */
  foldMs: number;
  replayMs: number;
  peakRssBytes: number;
  warm: Latencies;
}

const WARM_UP = 1_000;
const [storeFile, queriesFile] = process.argv.slice(2);
if (storeFile === undefined || queriesFile === undefined)
  throw new Error('usage: replay-child.ts STORE_FILE QUERIES_FILE');
const store = await openStore(`sqlite:${storeFile}`);
const started = performance.now();
const { byStream, events } = await readLog();
const read = performance.now();
const timelines = new Map<string, Timeline>();
for (const [stream, envelopes] of byStream) {
  const timeline = buildTimeline(envelopes);
  for (const fold of [positionsFold, groupsFold, statementFold, coverPagesFold]) foldAt<unknown>(timeline, null, fold);
  timelines.set(stream, timeline);
}
const folded = performance.now();
const peakRssBytes = process.resourceUsage().maxRSS * 1024;
const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as HoldingsQuery[];
// Warm: the code is compiled and each fold's checkpoints kept before the clock runs (a server answering all day).
for (const { cusip, asOf } of queries.slice(0, WARM_UP)) holdingsAt(timelineOf(cusip), asOf as IsoDate);
const samples = queries.map(({ cusip, asOf }) => {
  const timeline = timelineOf(cusip);
  const at = performance.now();
  holdingsAt(timeline, asOf as IsoDate);
  return performance.now() - at;
});
await store.close();
const figures: ReplayFigures = {
  events,
  issuers: timelines.size,
  readMs: read - started,
  foldMs: folded - read,
  replayMs: folded - started,
  peakRssBytes,
  warm: summarise(samples),
};
console.log(JSON.stringify(figures));

function timelineOf(cusip: string): Timeline {
  const timeline = timelines.get(`issuer-${cusip}`);
  if (timeline === undefined) throw new Error(`no issuer ${cusip} in the replay`);
  return timeline;
}

async function readLog(): Promise<{ byStream: Map<string, Envelope[]>; events: number }> {
  const byStream = new Map<string, Envelope[]>();
  const index = emptyLedgerIndex();
  let events = 0;
  let fromPosition = 0n;
  for (;;) {
    const page = await store.readAll({ fromPosition, limit: PAGE_SIZE });
    for (const recorded of page) {
      evolveLedgerIndex(index, recorded);
      const [envelope] = decodeTolerantly([recorded]).envelopes;
      if (envelope === undefined) continue;
      const envelopes = byStream.get(recorded.stream);
      if (envelopes === undefined) byStream.set(recorded.stream, [envelope]);
      else envelopes.push(envelope);
    }
    events += page.length;
    if (page.length < PAGE_SIZE) return { byStream, events };
    fromPosition = page[page.length - 1]!.position + 1n;
  }
}
