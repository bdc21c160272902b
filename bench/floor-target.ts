/**
 * The floor: bare better-sqlite3 doing the least any SQLite event store must do with the same rows. One INSERT
 * per event in one transaction per batch (no revision check, no retry detection), one SELECT per page with a
 * JSON.parse of data and metadata per row. The table is the ledger store's, with the same unique constraints.
 */
import Database from 'better-sqlite3';
import type { AppendReadTarget } from './append-read-target.js';
import type { SyntheticBatch } from './synthetic-issuer.js';

type Row = [
  position: number,
  id: string,
  stream: string,
  revision: number,
  type: string,
  data: string,
  metadata: string,
  recordedAt: string,
];

export function floorTarget(path: string): AppendReadTarget {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE events (
    position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
    stream TEXT NOT NULL, revision INTEGER NOT NULL,
    type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL,
    UNIQUE (stream, revision))`);
  const insert = db.prepare(
    'INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const page = db
    .prepare<[number, number], Row>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?')
    .raw(true);
  const insertBatch = db.transaction((batch: SyntheticBatch) => {
    const recordedAt = new Date().toISOString();
    batch.events.forEach((event, i) => {
      insert.run(
        event.id,
        batch.stream,
        batch.eventsBefore + i,
        event.type,
        JSON.stringify(event.data),
        JSON.stringify(event.metadata),
        recordedAt,
      );
    });
  });
  return {
    name: 'floor (bare better-sqlite3)',
    async append(batch) {
      insertBatch(batch);
    },
    async readAll(pageSize) {
      let count = 0;
      let after = 0;
      for (;;) {
        const rows = page.all(after, pageSize);
        const events = rows.map((row) => ({
          position: row[0],
          id: row[1],
          stream: row[2],
          revision: row[3],
          type: row[4],
          data: JSON.parse(row[5]),
          metadata: JSON.parse(row[6]),
          recordedAt: row[7],
        }));
        count += events.length;
        if (rows.length < pageSize) return count;
        after = events[events.length - 1]!.position;
      }
    },
    async close() {
      db.close();
    },
  };
}
