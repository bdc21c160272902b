/** The embedded store's tables. One row per event; the log is append-only, enforced by triggers. */
import type Database from 'better-sqlite3';

const SCHEMA_VERSION = 1;

/** True when the file has no schema yet, or an older one: applySchema must run (under the write lock). */
export function schemaNeedsWork(db: Database.Database): boolean {
  return Number(db.pragma('user_version', { simple: true })) !== SCHEMA_VERSION;
}

export function applySchema(db: Database.Database): void {
  db.exec(`
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
    CREATE TRIGGER IF NOT EXISTS events_are_never_updated BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'the event log is append-only: events are never updated'); END;
    CREATE TRIGGER IF NOT EXISTS events_are_never_deleted BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'the event log is append-only: events are never deleted'); END;
  `);
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version === 0) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  else if (version !== SCHEMA_VERSION) {
    throw new Error(`The store file has schema version ${version}; this program knows version ${SCHEMA_VERSION}`);
  }
}
