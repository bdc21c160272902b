/**
 * The embedded store's hot paths against a peer in the same run: raw
 * better-sqlite3 doing the least any adapter must (one INSERT per event in one
 * transaction; one SELECT with JSON.parse of data and metadata per event).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { getSqliteEventStore } from '../src/store/sqlite/sqlite-event-store.js';
import type { NewEvent } from '../src/store/event-store.js';
import { measure, report } from './measure.js';

export async function benchStore(eventCount: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
  try {
    const events: NewEvent[] = Array.from({ length: eventCount }, (_, i) => ({
      id: randomUUID(),
      type: 'SharesPurchased',
      data: { personId: `person-${i % 50}`, shares: 100 + (i % 1000), effectiveDate: '2024-06-17', price: 0.22 },
      metadata: { source: 'bench' },
    }));
    const batches = chunk(events, 1000);

    const store = getSqliteEventStore({ path: join(dir, 'ours.db') });
    const ours = await measure(`store.append, ${batches.length} batches of 1000`, eventCount, async () => {
      for (const batch of batches) await store.append(`bench-${randomUUID()}`, batch.map((e) => ({ ...e, id: randomUUID() })));
    }, 1);
    const raw = new Database(join(dir, 'peer.db'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.exec('CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT UNIQUE, stream TEXT, revision INTEGER, type TEXT, data TEXT, metadata TEXT, recorded_at TEXT, UNIQUE (stream, revision))');
    const insert = raw.prepare('INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const insertBatch = raw.transaction((stream: string, batch: NewEvent[]) => {
      const at = new Date().toISOString();
      batch.forEach((e, i) => insert.run(randomUUID(), stream, i, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), at));
    });
    const peer = await measure('raw better-sqlite3 INSERT, same batches', eventCount, () => {
      for (const batch of batches) insertBatch(`bench-${randomUUID()}`, batch);
    }, 1);
    report(`append ${eventCount.toLocaleString('en-US')} events`, ours, peer);

    const readOurs = await measure('store.readAll (whole log)', eventCount, () => store.readAll());
    const select = raw.prepare('SELECT position, id, stream, revision, type, data, metadata, recorded_at FROM events ORDER BY position');
    const readPeer = await measure('raw SELECT + JSON.parse', eventCount, () =>
      select.all().map((row) => {
        const r = row as { data: string; metadata: string };
        return { ...r, data: JSON.parse(r.data), metadata: JSON.parse(r.metadata) };
      }),
    );
    report(`read ${eventCount.toLocaleString('en-US')} events in global order`, readOurs, readPeer);
    await store.close();
    raw.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function chunk<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
