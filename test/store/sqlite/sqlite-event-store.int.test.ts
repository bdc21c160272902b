import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store/open-store.js';
import { getSqliteEventStore } from '../../../src/store/sqlite/sqlite-event-store.js';
import { EventIdConflictError, UnsupportedStoreUrlError } from '../../../src/store/errors.js';
import { ATTESTED_APPEND } from '../../../src/store/attestation.js';
import { TAMPER_EVIDENCE } from '../../../src/store/integrity.js';
import { runEventStoreContract } from '../contract.js';

const dir = mkdtempSync(join(tmpdir(), 'ledger-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sharedFile = join(dir, 'contract.db');

runEventStoreContract('SQLite', async ({ now }) => openStore(`sqlite:${sharedFile}`, now ? { now } : {}));

describe('the SQLite event store', () => {
  describe('when two processes append to one file at the same revision', () => {
    it('lets exactly one win and refuses the other with a wrong-expected-revision error', async () => {
      // Given a stream at revision 0 and two writer processes, both ready
      const file = join(dir, 'two-processes.db');
      const stream = `race-${randomUUID()}`;
      const store = getSqliteEventStore({ path: file });
      await store.append(stream, [{ id: randomUUID(), type: 'Base', data: {} }]);
      const writers = ['one', 'two'].map((label) => startWriter(file, stream, '0', label));
      await Promise.all(writers.map((w) => w.ready));

      // When both are told to go at once
      for (const writer of writers) writer.go();
      const outcomes = await Promise.all(writers.map((w) => w.outcome));

      // Then exactly one appended at revision 1, the other was refused, and the file holds both events of the winner
      // only
      expect(outcomes.map((o) => o.outcome).sort()).toEqual(['appended', 'refused']);
      expect(outcomes.find((o) => o.outcome === 'refused')!.error).toBe('WrongExpectedRevisionError');
      expect(outcomes.find((o) => o.outcome === 'appended')!.revision).toBe('1');
      const events = await store.readStream(stream);
      expect(events.map((e) => e.revision)).toEqual([0n, 1n]);
      await store.close();
    }, 60_000);
  });

  describe('when the file is reopened', () => {
    it('keeps every event and continues positions without going backward', async () => {
      const file = join(dir, 'reopen.db');
      const first = getSqliteEventStore({ path: file });
      const a = await first.append('s', [{ id: randomUUID(), type: 'A', data: { n: 1 } }]);
      await first.close();
      const second = getSqliteEventStore({ path: file });
      const b = await second.append('s', [{ id: randomUUID(), type: 'B', data: { n: 2 } }]);
      expect(b.events[0]!.position).toBeGreaterThan(a.events[0]!.position);
      expect((await second.readStream('s')).map((e) => e.type)).toEqual(['A', 'B']);
      await second.close();
    });
  });

  describe('when something tries to change the log behind the store', () => {
    it('refuses updates and deletes at the database level', async () => {
      const file = join(dir, 'append-only.db');
      const store = getSqliteEventStore({ path: file });
      await store.append('s', [{ id: randomUUID(), type: 'A', data: { shares: 88 } }]);
      await store.close();
      const db = new Database(file);
      expect(() => db.prepare("UPDATE events SET data = '{}'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM events').run()).toThrow(/append-only/);
      db.close();
    });
  });

  describe('when another connection inserts rows behind the store', () => {
    it('refuses a second row at a revision the stream already has, whoever writes it', async () => {
      // Given a stream at revisions 0 and 1, written by the store
      const file = join(dir, 'unique-revision.db');
      const store = getSqliteEventStore({ path: file });
      const stream = `guarded-${randomUUID()}`;
      await store.append(stream, [
        { id: randomUUID(), type: 'A', data: { n: 0 } },
        { id: randomUUID(), type: 'B', data: { n: 1 } },
      ]);
      const before = await store.readStream(stream);
      const db = new Database(file);
      try {
        const insert = db.prepare(
          'INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        );
        const row = (target: string, revision: number) => [
          randomUUID(),
          target,
          revision,
          'Intruder',
          '{}',
          '{}',
          new Date().toISOString(),
        ];
        // The raw row is well formed: at a revision free in its stream it is taken
        expect(insert.run(...row(`other-${randomUUID()}`, 1)).changes).toBe(1);

        // When another connection inserts a row at a revision the stream already has, outside the adapter's append
        // Then the database itself refuses it
        for (const revision of [0, 1]) {
          let refusal: unknown;
          try {
            insert.run(...row(stream, revision));
          } catch (error) {
            refusal = error;
          }
          expect(refusal, `a second row at revision ${revision}`).toBeInstanceOf(Database.SqliteError);
          expect((refusal as InstanceType<typeof Database.SqliteError>).code).toMatch(/^SQLITE_CONSTRAINT/);
        }
      } finally {
        db.close();
      }
      // And the stream still holds its two events, each once
      expect(await store.readStream(stream)).toEqual(before);
      await store.close();
    });
  });

  describe('when the file does not exist yet', () => {
    it('reads an empty log without creating it, and the first append creates it in its existing directory', async () => {
      // Given a path to a file that does not exist, in a directory that does
      const file = join(dir, 'not-yet.db');
      const store = getSqliteEventStore({ path: file });
      // When it is only read
      expect(await store.readStream('s')).toEqual([]);
      expect(await store.readAll()).toEqual([]);
      // Then the file was not created
      expect(existsSync(file)).toBe(false);
      // When something is appended, Then the file exists and holds it
      await store.append('s', [{ id: randomUUID(), type: 'A', data: {} }]);
      expect(existsSync(file)).toBe(true);
      expect(await store.readStream('s')).toHaveLength(1);
      await store.close();
    });

    it('refuses to append into a directory that does not exist, naming it, and creates nothing', async () => {
      const store = getSqliteEventStore({ path: join(dir, 'not-yet', 'ledger.db') });
      expect(await store.readAll()).toEqual([]);
      await expect(store.append('s', [{ id: randomUUID(), type: 'A', data: {} }])).rejects.toThrow(
        `its directory ${join(dir, 'not-yet')} does not exist`,
      );
      expect(existsSync(join(dir, 'not-yet'))).toBe(false);
      await store.close();
    });

    it('makes the missing directory on the first append when told to (the default location), not before', async () => {
      const file = join(dir, 'var-default', 'ledger.db');
      const store = getSqliteEventStore({ path: file, createDirectory: true });
      expect(await store.readAll()).toEqual([]);
      expect(existsSync(join(dir, 'var-default'))).toBe(false);
      await store.append('s', [{ id: randomUUID(), type: 'A', data: {} }]);
      expect((await store.readAll()).map((e) => e.type)).toEqual(['A']);
      expect(existsSync(file)).toBe(true);
      await store.close();
    });

    it('gives verify the evidence of an empty, chained log that was never verified, and creates nothing', async () => {
      // Given a store whose file does not exist
      const file = join(dir, 'never-written.db');
      const store = getSqliteEventStore({ path: file });
      const evidence = store[TAMPER_EVIDENCE];

      // When verify reads its evidence, Then it is that of an empty log with a chain from the start
      expect(evidence.description).toBe(`SQLite store at ${file}`);
      expect(await evidence.origin()).toEqual({ chained: true, migratedThrough: 0n, establishedAt: null });
      expect(await evidence.readRows(0n, 100)).toEqual([]);
      expect(await evidence.physicalCheck()).toEqual([]);
      expect(await evidence.headPosition()).toBeNull();
      expect(await evidence.lastVerification()).toBeNull();
      // and a verification cannot be recorded in a file that is not there
      const head = { verifiedAt: '2024-07-24T14:30:00.000Z', position: null, chainHash: null, events: 0 };
      expect(await evidence.recordVerification(head)).toBe(false);
      expect([...evidence.appendedHere()]).toEqual([]);
      expect(existsSync(file)).toBe(false);
      await store.close();
    });
  });

  describe('the file it makes', () => {
    it('is in WAL mode, so that readers run beside the writer', async () => {
      const file = join(dir, 'wal-mode.db');
      const store = getSqliteEventStore({ path: file });
      await store.append('s', [{ id: randomUUID(), type: 'A', data: {} }]);
      const look = new Database(file, { readonly: true });
      expect(look.pragma('journal_mode', { simple: true })).toBe('wal');
      look.close();
      await store.close();
    });

    it("seals only the ledger's attested appends: verify tells them from a plain append", async () => {
      const file = join(dir, 'sealed.db');
      const store = getSqliteEventStore({ path: file });
      await store.append('s', [{ id: randomUUID(), type: 'Plain', data: {} }]);
      await store[ATTESTED_APPEND]('s', [{ id: randomUUID(), type: 'Attested', data: {} }]);
      const rows = await store[TAMPER_EVIDENCE].readRows(0n, 10);
      expect(rows.map((r) => [r.type, r.seal === null, r.attested])).toEqual([
        ['Plain', true, false],
        ['Attested', false, true],
      ]);
      await store.close();
    });
  });

  describe('when a file opened read-only holds no ledger', () => {
    it('refuses to read it, naming the file, and changes nothing in it', async () => {
      const file = join(dir, 'other-program.db');
      const other = new Database(file);
      other.exec('CREATE TABLE notes (text)');
      other.close();
      const store = getSqliteEventStore({ path: file, mode: 'ro' });
      await expect(store.readAll()).rejects.toThrow(
        `${file} holds no ledger (no events table), and it is open read-only`,
      );
      const look = new Database(file, { readonly: true });
      expect(look.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()).toEqual(['notes']);
      look.close();
      await store.close();
    });
  });

  describe('what this store object wrote, for the query warning', () => {
    it('counts its own appends, not a retry of a batch another store object wrote', async () => {
      const file = join(dir, 'appended-here.db');
      const first = getSqliteEventStore({ path: file });
      const second = getSqliteEventStore({ path: file });
      const batch = [{ id: randomUUID(), type: 'A', data: {} }];
      const written = await first.append('s', batch);
      const retried = await second.append('s', batch);
      expect(retried.written).toBe(false);
      expect([...first[TAMPER_EVIDENCE].appendedHere()]).toEqual([written.events[0]!.position]);
      expect([...second[TAMPER_EVIDENCE].appendedHere()]).toEqual([]);
      await Promise.all([first.close(), second.close()]);
    });
  });

  describe('when a subscription waits for new events', () => {
    it('hears an append of its own store object at once, and one of another only when it polls', async () => {
      // Given a subscription that polls once a minute
      const file = join(dir, 'subscription-wakeup.db');
      const store = getSqliteEventStore({ path: file, pollIntervalMs: 60_000 });
      const other = getSqliteEventStore({ path: file });
      await store.append('s', [{ id: randomUUID(), type: 'Old', data: {} }]);
      const seen: string[] = [];
      let caughtUp = false;
      const subscription = store.subscribeToAll({
        onEvent: (e) => void seen.push(e.type),
        onCaughtUp: () => void (caughtUp = true),
      });
      await until(() => caughtUp);

      // When another store object appends, Then nothing is heard before the next poll
      await other.append('s', [{ id: randomUUID(), type: 'Elsewhere', data: {} }]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(seen).toEqual(['Old']);

      // When this store object appends, Then the subscription is woken and reads both
      await store.append('s', [{ id: randomUUID(), type: 'Here', data: {} }]);
      await until(() => seen.length === 3);
      expect(seen).toEqual(['Old', 'Elsewhere', 'Here']);
      await subscription.close();
      await Promise.all([store.close(), other.close()]);
    });
  });

  describe('when an id is reused in another stream', () => {
    it('refuses it: ids are unique in the whole file', async () => {
      const store = await openStore('sqlite::memory:');
      const id = randomUUID();
      await store.append('a', [{ id, type: 'A', data: {} }]);
      const error = await store.append('b', [{ id, type: 'A', data: {} }]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EventIdConflictError);
      expect((error as Error).message).toMatch(/appended to stream "a"/);
      expect(await store.readStream('b')).toEqual([]);
      await store.close();
    });
  });

  describe('when a store URL is given', () => {
    it('opens an in-memory store for sqlite::memory:', async () => {
      const store = await openStore('sqlite::memory:');
      await store.append('s', [{ id: randomUUID(), type: 'A', data: {} }]);
      expect(await store.readAll()).toHaveLength(1);
      await store.close();
    });

    it('refuses an unknown scheme, naming the URL and the accepted forms', async () => {
      await expect(openStore('mysql://localhost/ledger')).rejects.toThrow(UnsupportedStoreUrlError);
      await expect(openStore('mysql://localhost/ledger')).rejects.toThrow(
        /Unsupported store URL "mysql:\/\/localhost\/ledger": expected sqlite:PATH, .* or postgres:\/\/user@host:5432\/database/,
      );
      await expect(openStore('sqlite:')).rejects.toThrow(/names no file/);
    });
  });
});

interface WriterOutcome {
  outcome: 'appended' | 'refused';
  revision?: string;
  error?: string;
}

function startWriter(file: string, stream: string, expected: string, label: string) {
  const script = join(import.meta.dirname, 'concurrent-writer.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, file, stream, expected, label], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const iterator = lines[Symbol.asyncIterator]();
  const ready = iterator.next().then((line) => {
    if (line.value !== 'ready') throw new Error(`writer ${label} did not start: ${String(line.value)}`);
  });
  const outcome = ready.then(async () => {
    const line = await iterator.next();
    lines.close();
    return JSON.parse(String(line.value)) as WriterOutcome;
  });
  return { ready, outcome, go: () => child.stdin.end('go\n') };
}

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for the subscription');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
