/**
 * Steps 1 and 2 on the same events, alternating: the ledger's store, the peer (Emmett) and the floor (bare
 * better-sqlite3) each get their own file and the same leading batches of the history, a round at a time in a
 * rotating order, so that a slow moment of a shared machine falls on all three alike. Reads alternate the same way
 * (best of the rounds).
 */
import { join } from 'node:path';
import type { AppendReadTarget } from './append-read-target.js';
import { emmettTarget } from './emmett-target.js';
import { floorTarget } from './floor-target.js';
import { ledgerTarget } from './ledger-target.js';
import { perSecond, timeAppends, timeReadAll, type Timed } from './store-steps.js';
import type { SyntheticBatch } from './synthetic-issuer.js';

export interface TargetFigures {
  name: string;
  events: number;
  appendEventsPerSec: number;
  readAllEventsPerSec: number;
}

export interface PeerComparison {
  ours: TargetFigures;
  peer: TargetFigures;
  floor: TargetFigures;
  /** The ledger's appends of the same events with each commit synced to disk (`?synchronous=full`). */
  oursSynchronousFull: TargetFigures;
}

const ROUNDS = 4;

export async function comparePeers(dir: string, batches: readonly SyntheticBatch[]): Promise<PeerComparison> {
  const targets = [
    await ledgerTarget(join(dir, 'ours-sample.db')),
    await emmettTarget(join(dir, 'emmett.db')),
    floorTarget(join(dir, 'floor.db')),
    await ledgerTarget(join(dir, 'ours-full.db'), 'full'),
  ];
  try {
    const appended = targets.map(() => ({ events: 0, ms: 0 }));
    const size = Math.ceil(batches.length / ROUNDS);
    for (let round = 0; round < ROUNDS; round++) {
      const slice = batches.slice(round * size, (round + 1) * size);
      for (const t of rotation(targets.length, round)) add(appended[t]!, await timeAppends(targets[t]!, slice));
    }
    const read = targets.map(() => ({ events: 0, ms: Number.POSITIVE_INFINITY }));
    for (let round = 0; round < 3; round++) {
      for (const t of rotation(targets.length, round)) {
        const timed = await timeReadAll(targets[t]!);
        if (timed.ms < read[t]!.ms) read[t] = timed;
      }
    }
    const figures = targets.map((target, t) => describe(target, appended[t]!, read[t]!));
    return { ours: figures[0]!, peer: figures[1]!, floor: figures[2]!, oursSynchronousFull: figures[3]! };
  } finally {
    for (const target of targets) await target.close();
  }
}

function rotation(count: number, round: number): number[] {
  return Array.from({ length: count }, (_, i) => (i + round) % count);
}

function add(total: Timed, timed: Timed): void {
  total.events += timed.events;
  total.ms += timed.ms;
}

function describe(target: AppendReadTarget, appended: Timed, read: Timed): TargetFigures {
  if (read.events !== appended.events)
    throw new Error(`${target.name} read ${read.events} events back of the ${appended.events} appended`);
  return {
    name: target.name,
    events: appended.events,
    appendEventsPerSec: perSecond(appended),
    readAllEventsPerSec: perSecond(read),
  };
}
