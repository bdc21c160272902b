/** The table `npm run bench` prints: each step's figure, the peer's and the floor's, the ratios, the target. */
import type { BenchResults } from './bench-results.js';

const n = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => `${value.toFixed(3)} ms`;
const x = (value: number) => `${value.toFixed(2)}x`;

export function formatTable(r: BenchResults): string {
  const same = r.sameEvents;
  const rows: string[][] = [
    ['step', '13d-ledger', 'peer', 'floor', 'vs peer', 'floor time', 'target'],
    [`1 append, ${n(r.events)} events`, `${n(r.appendEventsPerSec)}/s`, '', '', '', '', ''],
    [`2 read all, ${n(r.events)} events`, `${n(r.readAllEventsPerSec)}/s`, '', '', '', '', '>= 1,000,000/s'],
    [`1 append, same ${n(same.events)} events`, `${n(same.appendEventsPerSec)}/s`, `${n(r.peer.appendEventsPerSec)}/s`, `${n(r.floor.appendEventsPerSec)}/s`,
      x(same.appendEventsPerSec / r.peer.appendEventsPerSec), x(r.floor.appendEventsPerSec / same.appendEventsPerSec), '>= 10x peer, <= 1.5x floor'],
    [`2 read all, same ${n(same.events)} events`, `${n(same.readAllEventsPerSec)}/s`, `${n(r.peer.readAllEventsPerSec)}/s`, `${n(r.floor.readAllEventsPerSec)}/s`,
      x(same.readAllEventsPerSec / r.peer.readAllEventsPerSec), x(r.floor.readAllEventsPerSec / same.readAllEventsPerSec), '>= 10x peer'],
    ['3 replay, every projection', `${n(r.replayEventsPerSec)}/s`, '', '', '', '', '>= 1,000,000/s'],
    ['3 replay peak memory', `${(r.replayPeakRssBytes / 2 ** 20).toFixed(0)} MB`, '', '', '', '', '< 2 GB'],
    [`4 holdings as-of, warm p50 / p99 (${n(r.details.replay.warm.queries)})`, `${ms(r.queryP50MsWarm)} / ${ms(r.queryP99MsWarm)}`, '', '', '', '', 'p99 < 1 ms'],
    [`4 holdings as-of, cold p50 / p99 (${n(r.details.cold.queries)})`, `${ms(r.details.cold.p50Ms)} / ${ms(r.queryP99MsCold)}`, '', '', '', '', 'p99 < 20 ms'],
    [`5 ingest ${r.details.ingest.filings} filings (${r.details.ingest.source})`, `${n(r.ingestFilingsPerSec)} filings/s`, '', '', '', '', ''],
    [`6 HTTP holdings, ${r.details.http.concurrency} in flight`, `${n(r.httpRequestsPerSec)} req/s, p99 ${ms(r.httpP99Ms)}`, '', '', '', '', ''],
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const lines = rows.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return [
    ...lines,
    '',
    `peer: ${r.peer.name}; floor: bare better-sqlite3 (one INSERT per event, one SELECT + JSON.parse per row).`,
    '"vs peer": 13d-ledger\'s rate over the peer\'s; "floor time": 13d-ledger\'s time over the floor\'s, on the same events.',
    `durability everywhere: ${r.durability}.`,
    `${n(r.issuers)} issuers, ${n(r.filings)} filing batches; ${r.machine}; ${r.date}.`,
  ].join('\n');
}
