/**
 * The peer: Emmett's SQLite event store (@event-driven-io/emmett-sqlite), as a TypeScript user would call it:
 * appendToStream with an expected stream version, and readMessagesBatch (what Emmett's own consumers read the
 * log with) for the whole log in global order.
 *
 * Emmett opens its own sqlite3 connections (one per operation) and sets only `journal_mode = WAL` on them, so
 * they run at SQLite's default synchronous=FULL, a sync per commit: a hook on sqlite3 adds synchronous=NORMAL
 * beside Emmett's own PRAGMA, so the peer runs with the same durability as the others (checked below).
 */
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getSQLiteEventStore, readMessagesBatch, sqliteConnection } from '@event-driven-io/emmett-sqlite';
import sqlite3 from 'sqlite3';
import type { AppendReadTarget } from './append-read-target.js';

const EMMETT_PRAGMA = /^PRAGMA journal_mode = WAL;?$/;
let hooked = false;

function sameDurabilityForEmmett(): void {
  if (hooked) return;
  hooked = true;
  const run = sqlite3.Database.prototype.run;
  sqlite3.Database.prototype.run = function (this: sqlite3.Database, sql: string, ...rest: unknown[]) {
    if (EMMETT_PRAGMA.test(sql) && rest.length === 0)
      return this.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
    return (run as (sql: string, ...params: unknown[]) => sqlite3.Database).call(this, sql, ...rest);
  } as typeof run;
}

export async function emmettTarget(path: string): Promise<AppendReadTarget> {
  sameDurabilityForEmmett();
  const store = getSQLiteEventStore({ fileName: path, schema: { autoMigration: 'CreateOrUpdate' } });
  const connection = sqliteConnection({ fileName: path });
  const [setting] = await connection.query<{ synchronous: number }>('PRAGMA synchronous');
  if (setting?.synchronous !== 1)
    throw new Error(`Emmett's connection runs with synchronous=${setting?.synchronous}, not NORMAL (1)`);
  return {
    name: 'Emmett 0.38.5 (SQLite event store)',
    async append(batch) {
      const events = batch.events.map((event) => ({
        type: event.type,
        data: event.data as Record<string, unknown>,
        metadata: event.metadata as Record<string, unknown>,
      }));
      const expectedStreamVersion = batch.eventsBefore === 0 ? STREAM_DOES_NOT_EXIST : BigInt(batch.eventsBefore);
      await store.appendToStream(batch.stream, events, { expectedStreamVersion });
    },
    async readAll(pageSize) {
      let count = 0;
      let after = 0n;
      for (;;) {
        const { messages, currentGlobalPosition, areEventsLeft } = await readMessagesBatch(connection, {
          after,
          batchSize: pageSize,
        });
        count += messages.length;
        if (!areEventsLeft) return count;
        after = currentGlobalPosition;
      }
    },
    async close() {
      connection.close();
    },
  };
}
