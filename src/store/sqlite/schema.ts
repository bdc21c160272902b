/**
 * The embedded store's tables. One row per event; the log is append-only, enforced by triggers.
 *
 * Version 2 adds tamper evidence and the writer's seal (see ../hash-chain.ts): each row carries its
 * content hash and its links in the global and the stream's chain, and the seal of an attested
 * append; `store_secrets` keeps the seal key and `store_facts` when the chain was established and
 * the last clean verification. A version-1 file is upgraded in place, under the write lock, by the
 * first program that opens it for writing: its existing events are chained at that moment.
 */
import type Database from 'better-sqlite3';
import { chainNext, contentDigest, GENESIS, newSealKey } from '../hash-chain.js';

export const SCHEMA_VERSION = 2;

const TRIGGERS = `
  CREATE TRIGGER IF NOT EXISTS events_are_never_updated BEFORE UPDATE ON events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only: events are never updated'); END;
  CREATE TRIGGER IF NOT EXISTS events_are_never_deleted BEFORE DELETE ON events
    BEGIN SELECT RAISE(ABORT, 'the event log is append-only: events are never deleted'); END;`;

const VERSION_1 = `
  CREATE TABLE IF NOT EXISTS events (
    -- AUTOINCREMENT: positions are never reused, so the global order never goes backward.
    position    INTEGER PRIMARY KEY AUTOINCREMENT,
    id          TEXT    NOT NULL UNIQUE,
    stream      TEXT    NOT NULL,
    revision    INTEGER NOT NULL CHECK (revision >= 0),
    type        TEXT    NOT NULL,
    data        TEXT    NOT NULL,
    metadata    TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    -- The concurrency guard: two writers cannot both take the same revision of a stream.
    UNIQUE (stream, revision)
  );
  CREATE INDEX IF NOT EXISTS events_by_type ON events (type, position);
  ${TRIGGERS}`;

const VERSION_2 = `
  ALTER TABLE events ADD COLUMN seal BLOB;
  ALTER TABLE events ADD COLUMN content_hash BLOB;
  ALTER TABLE events ADD COLUMN chain_hash BLOB;
  ALTER TABLE events ADD COLUMN stream_chain_hash BLOB;
  CREATE TABLE store_secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL);
  CREATE TABLE store_facts (name TEXT PRIMARY KEY, value TEXT NOT NULL);`;

export function schemaVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** True when the file has no schema yet, or an older one: applySchema must run (under the write lock). */
export function schemaNeedsWork(db: Database.Database): boolean {
  return schemaVersion(db) !== SCHEMA_VERSION;
}

/** Creates or upgrades the schema; run inside a write transaction. */
export function applySchema(db: Database.Database, now: () => Date): void {
  const version = schemaVersion(db);
  if (version === SCHEMA_VERSION) return;
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `The store file has schema version ${version}; this program knows version ${SCHEMA_VERSION}: upgrade 13d-ledger`,
    );
  }
  db.exec(VERSION_1);
  db.exec(VERSION_2);
  db.prepare("INSERT INTO store_secrets (name, value) VALUES ('seal-key', ?)").run(newSealKey());
  const through = chainExistingEvents(db);
  const facts = db.prepare('INSERT INTO store_facts (name, value) VALUES (?, ?)');
  facts.run('chain-migrated-through', through.toString());
  facts.run('chain-established-at', now().toISOString());
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

interface LegacyRow {
  position: bigint;
  id: string;
  stream: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

/** Hashes and chains the events a version-1 file holds (none in a new file); returns the last position chained. */
function chainExistingEvents(db: Database.Database): bigint {
  const rows = db
    .prepare('SELECT position, id, stream, revision, type, data, metadata, recorded_at FROM events ORDER BY position')
    .all() as LegacyRow[];
  if (rows.length === 0) return 0n;
  db.exec('DROP TRIGGER events_are_never_updated');
  const update = db.prepare(
    'UPDATE events SET content_hash = ?, chain_hash = ?, stream_chain_hash = ? WHERE position = ?',
  );
  const streams = new Map<string, Buffer>();
  let chain = GENESIS;
  for (const row of rows) {
    const digest = contentDigest({ ...row, recordedAt: row.recorded_at, seal: null });
    chain = chainNext(chain, digest);
    const streamChain = chainNext(streams.get(row.stream) ?? GENESIS, digest);
    streams.set(row.stream, streamChain);
    update.run(digest, chain, streamChain, row.position);
  }
  db.exec(TRIGGERS);
  return rows.at(-1)!.position;
}
