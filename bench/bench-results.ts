/** The figures of one run: the JSON the issue names (fields are added, never renamed) and the table printed. */
import { cpus, loadavg, totalmem } from 'node:os';
import { DURABILITY } from './append-read-target.js';
import type { HttpFigures } from './http-bench.js';
import type { IngestFigures } from './ingest-bench.js';
import type { Latencies } from './latency.js';
import type { PeerComparison } from './peer-comparison.js';
import type { ReplayFigures } from './replay-child.js';

export interface BenchResults {
  appendEventsPerSec: number;
  readAllEventsPerSec: number;
  replayEventsPerSec: number;
  replayPeakRssBytes: number;
  queryP50MsWarm: number;
  queryP99MsWarm: number;
  queryP99MsCold: number;
  ingestFilingsPerSec: number;
  httpRequestsPerSec: number;
  httpP99Ms: number;
  events: number;
  scale: number;
  peer: { name: string; appendEventsPerSec: number; readAllEventsPerSec: number };
  floor: { appendEventsPerSec: number; readAllEventsPerSec: number };
  /** The ledger's own figures on the very events the peer and the floor got (the ratios are of these). */
  sameEvents: { events: number; appendEventsPerSec: number; readAllEventsPerSec: number };
  /** The ledger's appends of the same events with `?synchronous=full` (each commit synced to disk). */
  appendEventsPerSecSynchronousFull: number;
  issuers: number;
  filings: number;
  durability: string;
  machine: string;
  /** The machine's 1-minute load average when the run ended: others' work slows every figure alike. */
  loadAverage: number;
  date: string;
  details: { replay: ReplayFigures; cold: Latencies; ingest: IngestFigures; http: HttpFigures };
}

export interface StepFigures {
  scale: number;
  issuers: number;
  filings: number;
  append: { events: number; perSec: number };
  readAll: { events: number; perSec: number };
  peers: PeerComparison;
  replay: ReplayFigures;
  cold: Latencies;
  ingest: IngestFigures;
  http: HttpFigures;
}

export function benchResults(steps: StepFigures): BenchResults {
  const { peers, replay } = steps;
  return {
    appendEventsPerSec: steps.append.perSec,
    readAllEventsPerSec: steps.readAll.perSec,
    replayEventsPerSec: Math.round(replay.events / (replay.replayMs / 1000)),
    replayPeakRssBytes: replay.peakRssBytes,
    queryP50MsWarm: replay.warm.p50Ms,
    queryP99MsWarm: replay.warm.p99Ms,
    queryP99MsCold: steps.cold.p99Ms,
    ingestFilingsPerSec: steps.ingest.filingsPerSec,
    httpRequestsPerSec: steps.http.requestsPerSec,
    httpP99Ms: steps.http.latency.p99Ms,
    events: steps.append.events,
    scale: steps.scale,
    peer: {
      name: peers.peer.name,
      appendEventsPerSec: peers.peer.appendEventsPerSec,
      readAllEventsPerSec: peers.peer.readAllEventsPerSec,
    },
    floor: { appendEventsPerSec: peers.floor.appendEventsPerSec, readAllEventsPerSec: peers.floor.readAllEventsPerSec },
    sameEvents: {
      events: peers.ours.events,
      appendEventsPerSec: peers.ours.appendEventsPerSec,
      readAllEventsPerSec: peers.ours.readAllEventsPerSec,
    },
    appendEventsPerSecSynchronousFull: peers.oursSynchronousFull.appendEventsPerSec,
    issuers: steps.issuers,
    filings: steps.filings,
    durability: DURABILITY.why,
    machine: machine(),
    loadAverage: Math.round(loadavg()[0]! * 10) / 10,
    date: new Date().toISOString(),
    details: { replay, cold: steps.cold, ingest: steps.ingest, http: steps.http },
  };
}

export function machine(): string {
  const cpu = cpus();
  const memory = `${(totalmem() / 2 ** 30).toFixed(0)} GB`;
  return `${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${memory}, Node ${process.version}`;
}
