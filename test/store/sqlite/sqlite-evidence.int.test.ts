/**
 * What `verify` reads from an SQLite file (src/store/sqlite/sqlite-chain.ts) and how the schema is made or upgraded
 * (schema.ts), in this process: where the hash chain starts, the record of the last clean verification, and files of
 * another schema version.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { TAMPER_EVIDENCE, type VerifiedHead } from '../../../src/store/integrity.js';
import { getSqliteEventStore } from '../../../src/store/sqlite/sqlite-event-store.js';

const dir = mkdtempSync(join(tmpdir(), 'ledger-sqlite-evidence-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date('2024-07-24T14:30:00.000Z');
const now = () => NOW;
const event = (type: string) => ({ id: randomUUID(), type, data: {} });

/** A file of schema version 1 (no hash columns), as an earlier release wrote it, holding `types` in stream "old". */
function versionOneFile(name: string, types: string[]): string {
  const file = join(dir, name);
  const db = new Database(file);
  db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
    stream TEXT NOT NULL, revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL,
    recorded_at TEXT NOT NULL, UNIQUE (stream, revision)); PRAGMA user_version = 1;`);
  const insert = db.prepare(
    'INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  types.forEach((type, i) => insert.run(randomUUID(), 'old', i, type, '{}', '{}', '2024-01-01T00:00:00.000Z'));
  db.close();
  return file;
}

describe('where the hash chain of an SQLite store starts', () => {
  it('for a new file: from its first event, established when the file was made', async () => {
    const store = getSqliteEventStore({ path: join(dir, 'new.db'), now });
    await store.append('s', [event('A')]);
    expect(await store[TAMPER_EVIDENCE].origin()).toEqual({
      chained: true,
      migratedThrough: 0n,
      establishedAt: NOW.toISOString(),
    });
    await store.close();
  });

  it('for a version-1 file upgraded by a writer: its events up to the last one then were chained at the upgrade', async () => {
    // Given a version-1 file of three events
    const file = versionOneFile('upgraded.db', ['A', 'B', 'C']);
    // When a writer opens it and appends, Then the chain is said to start after position 3, at the upgrade
    const store = getSqliteEventStore({ path: file, now });
    await store.append('new', [event('D')]);
    const evidence = store[TAMPER_EVIDENCE];
    expect(await evidence.origin()).toEqual({ chained: true, migratedThrough: 3n, establishedAt: NOW.toISOString() });
    // and every row, old and new, has its hashes
    const rows = await evidence.readRows(0n, 10);
    expect(rows.map((r) => [r.type, r.contentHash !== null, r.chainHash !== null])).toEqual([
      ['A', true, true],
      ['B', true, true],
      ['C', true, true],
      ['D', true, true],
    ]);
    await store.close();
  });

  it('for a version-1 file opened read-only: no chain, nothing recorded, the file left as it is', async () => {
    const file = versionOneFile('read-only.db', ['A']);
    const store = getSqliteEventStore({ path: file, mode: 'ro' });
    const evidence = store[TAMPER_EVIDENCE];
    expect(await evidence.origin()).toEqual({ chained: false, migratedThrough: 0n, establishedAt: null });
    expect((await evidence.readRows(0n, 10)).map((r) => [r.type, r.contentHash])).toEqual([['A', null]]);
    const head: VerifiedHead = { verifiedAt: NOW.toISOString(), position: 1n, chainHash: null, events: 1 };
    expect(await evidence.recordVerification(head)).toBe(false);
    await store.close();
    const look = new Database(file, { readonly: true });
    expect(look.pragma('user_version', { simple: true })).toBe(1);
    look.close();
  });
});

describe('the record of the last clean verification', () => {
  it('keeps what verify recorded, the head position as a bigint, and replaces it with the next', async () => {
    const file = join(dir, 'verified.db');
    const store = getSqliteEventStore({ path: file, now });
    const { events } = await store.append('s', [event('A'), event('B')]);
    const evidence = store[TAMPER_EVIDENCE];
    expect(await evidence.lastVerification()).toBeNull();

    const first: VerifiedHead = { verifiedAt: '2024-07-24T15:00:00.000Z', position: null, chainHash: null, events: 0 };
    expect(await evidence.recordVerification(first)).toBe(true);
    expect(await evidence.lastVerification()).toEqual(first);

    const second: VerifiedHead = {
      verifiedAt: '2024-07-25T09:00:00.000Z',
      position: events[1]!.position,
      chainHash: 'ab'.repeat(32),
      events: 2,
    };
    expect(await evidence.recordVerification(second)).toBe(true);
    expect(await evidence.lastVerification()).toEqual(second);
    await store.close();

    // And a store opened read-only reads it but cannot record another
    const reader = getSqliteEventStore({ path: file, mode: 'ro' });
    expect(await reader[TAMPER_EVIDENCE].lastVerification()).toEqual(second);
    expect(await reader[TAMPER_EVIDENCE].recordVerification({ ...second, verifiedAt: NOW.toISOString() })).toBe(false);
    expect(await reader[TAMPER_EVIDENCE].lastVerification()).toEqual(second);
    await reader.close();
  });
});

describe('a file of a later schema version', () => {
  it('is refused with a message naming both versions, and left as it is', async () => {
    const file = join(dir, 'from-the-future.db');
    const db = new Database(file);
    db.exec('CREATE TABLE events (position INTEGER PRIMARY KEY); PRAGMA user_version = 3;');
    db.close();
    const store = getSqliteEventStore({ path: file, now });
    await expect(store.append('s', [event('A')])).rejects.toThrow(
      'The store file has schema version 3; this program knows version 2: upgrade 13d-ledger',
    );
    await store.close();
    const look = new Database(file, { readonly: true });
    expect(look.pragma('user_version', { simple: true })).toBe(3);
    look.close();
  });
});
