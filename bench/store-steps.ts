/** Steps 1 and 2 timed on one target: only the store's calls are inside the clock, never the generator. */
import { performance } from 'node:perf_hooks';
import { PAGE_SIZE, type AppendReadTarget } from './append-read-target.js';
import type { SyntheticBatch } from './synthetic-issuer.js';

export interface Timed {
  events: number;
  ms: number;
}

export async function timeAppends(target: AppendReadTarget, batches: Iterable<SyntheticBatch>): Promise<Timed> {
  let events = 0;
  let ms = 0;
  for (const batch of batches) {
    const started = performance.now();
    await target.append(batch);
    ms += performance.now() - started;
    events += batch.events.length;
  }
  return { events, ms };
}

export async function timeReadAll(target: AppendReadTarget): Promise<Timed> {
  const started = performance.now();
  const events = await target.readAll(PAGE_SIZE);
  return { events, ms: performance.now() - started };
}

export function perSecond({ events, ms }: Timed): number {
  return ms === 0 ? 0 : Math.round(events / (ms / 1000));
}
