/** The table `npm run bench` prints: each step's figure, the peer's and the floor's, the ratios, the target. */
import type { BenchResults } from './bench-results.js';

const n = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => `${value.toFixed(3)} ms`;
const x = (value: number) => `${value.toFixed(2)}x`;

export function formatTable(r: BenchResults): string {
  const rows = tableRows(r);
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const lines = rows.map((row) =>
    row
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return [...lines, '', ...legend(r)].join('\n');
}

function tableRows(r: BenchResults): string[][] {
  const same = r.sameEvents;
  const { replay, cold, ingest, http } = r.details;
  const only = (step: string, ours: string, target = '') => [step, ours, '', '', '', '', target];
  return [
    ['step', '13d-ledger', 'peer', 'floor', 'vs peer', 'floor time', 'target'],
    only(`1 append, ${n(r.events)} events`, `${n(r.appendEventsPerSec)}/s`),
    only(`2 read all, ${n(r.events)} events`, `${n(r.readAllEventsPerSec)}/s`, '>= 1,000,000/s'),
    compared(
      `1 append, same ${n(same.events)} events`,
      same.appendEventsPerSec,
      r.peer.appendEventsPerSec,
      r.floor.appendEventsPerSec,
      '>= 10x peer, <= 1.5x floor',
    ),
    only(
      `1 append, same ${n(same.events)} events, synchronous=full`,
      `${n(r.appendEventsPerSecSynchronousFull)}/s`,
      `(${x(same.appendEventsPerSec / r.appendEventsPerSecSynchronousFull)} slower)`,
    ),
    compared(
      `2 read all, same ${n(same.events)} events`,
      same.readAllEventsPerSec,
      r.peer.readAllEventsPerSec,
      r.floor.readAllEventsPerSec,
      '>= 10x peer',
    ),
    only('3 replay, every projection', `${n(r.replayEventsPerSec)}/s`, '>= 1,000,000/s'),
    only('3 replay peak memory', `${(r.replayPeakRssBytes / 2 ** 20).toFixed(0)} MB`, '< 2 GB'),
    only(
      `4 holdings as-of, warm p50 / p99 (${n(replay.warm.queries)})`,
      `${ms(r.queryP50MsWarm)} / ${ms(r.queryP99MsWarm)}`,
      'p99 < 1 ms',
    ),
    only(
      `4 holdings as-of, cold p50 / p99 (${n(cold.queries)})`,
      `${ms(cold.p50Ms)} / ${ms(r.queryP99MsCold)}`,
      'p99 < 20 ms',
    ),
    only(`5 ingest ${ingest.filings} filings (${ingest.source})`, `${n(r.ingestFilingsPerSec)} filings/s`),
    only(`6 HTTP holdings, ${http.concurrency} in flight`, `${n(r.httpRequestsPerSec)} req/s, p99 ${ms(r.httpP99Ms)}`),
  ];
}

function compared(step: string, ours: number, peer: number, floor: number, target: string): string[] {
  return [step, `${n(ours)}/s`, `${n(peer)}/s`, `${n(floor)}/s`, x(ours / peer), x(floor / ours), target];
}

function legend(r: BenchResults): string[] {
  return [
    `peer: ${r.peer.name}; floor: bare better-sqlite3 (one INSERT per event, one SELECT + JSON.parse per row).`,
    '"vs peer": 13d-ledger\'s rate over the peer\'s; "floor time": 13d-ledger\'s time over the floor\'s,',
    'on the same events.',
    `durability everywhere (but the row marked synchronous=full): ${r.durability}.`,
    `${n(r.issuers)} issuers, ${n(r.filings)} filing batches; ${r.machine}, load ${r.loadAverage}; ${r.date}.`,
  ];
}
