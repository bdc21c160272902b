/**
 * Scaling out: projection workers on two partitions of one store, each following the
 * log with its own checkpoint, answer together exactly what one worker answers alone.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readFilingFile } from '../../src/ingest/read-filing.js';
import {
  ingestFiling,
  loadSample,
  partitionOf,
  startProjectionWorker,
  type ProjectionWorker,
} from '../../src/ledger/index.js';
import type { EventStore } from '../../src/store/event-store.js';
import { openStore } from '../../src/store/open-store.js';

const LAYOUTS = fileURLToPath(new URL('../fixtures/layouts/', import.meta.url));
const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const item of open.splice(0).reverse()) await item.close();
});

async function ledgerOfManyIssuers(): Promise<EventStore> {
  const store = await openStore('sqlite::memory:');
  open.push(store);
  await loadSample(store);
  for (const name of readdirSync(LAYOUTS)
    .filter((f) => f !== 'expected.json')
    .sort())
    await ingestFiling(store, await readFilingFile(`${LAYOUTS}${name}`));
  return store;
}

function worker(store: EventStore, partition: number, partitions: number): ProjectionWorker {
  const started = startProjectionWorker(store, { partition, partitions });
  open.push(started);
  return started;
}

describe('projection workers on partitions of the issuers', () => {
  it('together hold every issuer once and give the same holdings as one worker', async () => {
    // Given a store of the sample and the 20 layout fixtures (issuers of both partitions)
    const store = await ledgerOfManyIssuers();
    const whole = worker(store, 0, 1);
    const halves = [worker(store, 0, 2), worker(store, 1, 2)];
    await Promise.all([whole.caughtUp, ...halves.map((w) => w.caughtUp)]);
    // Then each issuer is in exactly one half, the one its key hashes to, and the halves cover the whole
    const all = whole.issuers();
    expect(all.length).toBeGreaterThan(10);
    halves.forEach((half, partition) =>
      expect(half.issuers().every((key) => partitionOf(key, 2) === partition)).toBe(true),
    );
    expect(halves.every((half) => half.issuers().length > 0)).toBe(true);
    expect([...halves[0]!.issuers(), ...halves[1]!.issuers()].sort()).toEqual(all);
    // And for every issuer, at dates through its history, the half that holds it answers as the whole does
    for (const key of all) {
      const half = halves[partitionOf(key, 2)]!;
      for (const asOf of ['2000-01-01', '2015-06-30', '2024-07-23', '2026-01-01'])
        expect(half.holdings(key, asOf)).toEqual(whole.holdings(key, asOf));
      expect(halves[1 - partitionOf(key, 2)]!.holdings(key, '2024-07-23')).toBeUndefined();
    }
  });

  it('resumes after its own checkpoint: it is fed only what came after, and agrees with a full worker on it', async () => {
    // Given a worker that followed the sample, then stopped at its checkpoint
    const store = await openStore('sqlite::memory:');
    open.push(store);
    await loadSample(store);
    const first = worker(store, 0, 1);
    await first.caughtUp;
    const checkpoint = first.checkpoint()!;
    // When more filings arrive and a new worker starts after that checkpoint (holding only what came after)
    for (const name of ['l08-2003-html-br-in-cells.htm', 'l13-2021-html-grid-value-below-entities.htm'])
      await ingestFiling(store, await readFilingFile(`${LAYOUTS}${name}`));
    const resumed = worker(store, 0, 1);
    const later = startProjectionWorker(store, { partition: 0, partitions: 1, afterPosition: checkpoint });
    open.push(later);
    await Promise.all([resumed.caughtUp, later.caughtUp]);
    // Then the resumed worker holds exactly the issuers that came after the checkpoint, and agrees with a full one on
    // them
    const newIssuers = later.issuers();
    expect(newIssuers).not.toContain('09175M507');
    expect(newIssuers.length).toBe(2);
    for (const key of newIssuers)
      expect(later.holdings(key, '2026-01-01')).toEqual(resumed.holdings(key, '2026-01-01'));
    expect(later.checkpoint()).toBe(resumed.checkpoint());
  });
});
