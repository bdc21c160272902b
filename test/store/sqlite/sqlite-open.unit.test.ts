/**
 * Opening the store's file (src/store/sqlite/sqlite-open.ts), in this process: which URL modes create, refuse or
 * open read-only, and what a user without write rights gets. Root may write anything, so `canWrite` stands in for
 * such a user here; store-url.int.test.ts runs the same cases with real permissions as the user "nobody".
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreReadOnlyError, StoreUnavailableError } from '../../../src/store/errors.js';
import { assertDirectory, openDatabase, type OpenedDatabase } from '../../../src/store/sqlite/sqlite-open.js';
import type { SqliteLocation } from '../../../src/store/sqlite/sqlite-url.js';

let dir: string;
const opened: OpenedDatabase[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-sqlite-open-'));
});
afterEach(() => {
  for (const { db } of opened.splice(0)) db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A busy timeout no default has, so a test sees that the open call set it. */
const BUSY_TIMEOUT_MS = 1_234;

function at(path: string, mode: SqliteLocation['mode'] = 'rwc'): SqliteLocation {
  return { path, mode, synchronous: 'normal', busyTimeoutMs: BUSY_TIMEOUT_MS };
}

function open(location: SqliteLocation, options: Parameters<typeof openDatabase>[1] = { createDirectory: false }) {
  const result = openDatabase(location, options);
  opened.push(result);
  return result;
}

/** A store file with one row in it, as a writer left it. */
function existingFile(name = 'ledger.db'): string {
  const path = join(dir, name);
  const db = new Database(path);
  db.exec("CREATE TABLE kept (x); INSERT INTO kept VALUES ('row')");
  db.close();
  return path;
}

function thrown(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw');
}

const busyTimeout = (db: Database.Database) => db.pragma('busy_timeout', { simple: true });

describe('opening the SQLite file', () => {
  describe('when the path is :memory:', () => {
    it('opens a writable database with the busy timeout set, whatever the mode says', () => {
      const { db, readOnly } = open(at(':memory:', 'ro'));
      expect(readOnly).toBeNull();
      db.exec('CREATE TABLE t (x)');
      expect(busyTimeout(db)).toBe(BUSY_TIMEOUT_MS);
    });
  });

  describe('when the URL says mode=ro', () => {
    it('refuses a missing file with StoreReadOnlyError naming it, and creates nothing', () => {
      const path = join(dir, 'missing.db');
      const error = thrown(() => open(at(path, 'ro')));
      expect(error).toBeInstanceOf(StoreReadOnlyError);
      expect((error as Error).message).toBe(
        `The SQLite store ${path} does not exist, and the URL opens it read-only (mode=ro)`,
      );
      expect(existsSync(path)).toBe(false);
    });

    it('opens an existing file read-only and says why; reads work and writes are refused', () => {
      const path = existingFile();
      const { db, readOnly } = open(at(path, 'ro'));
      expect(readOnly).toBe(`the store URL opens ${path} read-only (mode=ro)`);
      expect(db.readonly).toBe(true);
      expect(db.prepare('SELECT x FROM kept').pluck().all()).toEqual(['row']);
      expect(() => db.exec("INSERT INTO kept VALUES ('more')")).toThrow(/readonly/);
      expect(busyTimeout(db)).toBe(BUSY_TIMEOUT_MS);
    });
  });

  describe('when the URL says mode=rw', () => {
    it('refuses a missing file with StoreUnavailableError naming it, and creates nothing', () => {
      const path = join(dir, 'missing.db');
      const error = thrown(() => open(at(path, 'rw')));
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toBe(
        `The SQLite store ${path} does not exist, and the URL asks to open it only if it does (mode=rw)`,
      );
      expect(existsSync(path)).toBe(false);
    });

    it('opens an existing file for writing', () => {
      const path = existingFile();
      const { db, readOnly } = open(at(path, 'rw'));
      expect(readOnly).toBeNull();
      db.exec("INSERT INTO kept VALUES ('more')");
      expect(db.prepare('SELECT count(*) FROM kept').pluck().get()).toBe(2);
      expect(busyTimeout(db)).toBe(BUSY_TIMEOUT_MS);
    });
  });

  describe('when the file does not exist yet (mode=rwc)', () => {
    it('creates it, writable, in an existing directory', () => {
      const path = join(dir, 'new.db');
      const { db, readOnly } = open(at(path));
      expect(readOnly).toBeNull();
      db.exec('CREATE TABLE t (x)');
      expect(existsSync(path)).toBe(true);
      expect(busyTimeout(db)).toBe(BUSY_TIMEOUT_MS);
    });

    it('refuses a missing directory, naming it, and makes no directory', () => {
      const path = join(dir, 'typo', 'nested', 'ledger.db');
      const error = thrown(() => open(at(path)));
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toBe(
        `Cannot create the SQLite store ${path}: its directory ${dirname(path)} does not exist ` +
          '(create it first, or correct the path)',
      );
      expect(existsSync(join(dir, 'typo'))).toBe(false);
    });

    it('makes the missing directories when told to (the default location), and creates the file', () => {
      const path = join(dir, 'var', 'nested', 'ledger.db');
      const { readOnly } = open(at(path), { createDirectory: true });
      expect(readOnly).toBeNull();
      expect(existsSync(path)).toBe(true);
    });

    it('refuses with StoreReadOnlyError when this user cannot write the directory, and creates nothing', () => {
      const path = join(dir, 'new.db');
      const error = thrown(() => open(at(path), { createDirectory: false, canWrite: (p) => p !== dir }));
      expect(error).toBeInstanceOf(StoreReadOnlyError);
      expect((error as Error).message).toBe(
        `Cannot create the SQLite store ${path}: this user cannot write its directory ${dir}`,
      );
      expect(existsSync(path)).toBe(false);
    });
  });

  describe('when this user may not write an existing store', () => {
    it('opens it read-only, saying the file cannot be written', () => {
      const path = existingFile();
      const { db, readOnly } = open(at(path), { createDirectory: false, canWrite: (p) => p !== path });
      expect(readOnly).toBe(`this user cannot write ${path}`);
      expect(db.readonly).toBe(true);
      expect(db.prepare('SELECT x FROM kept').pluck().all()).toEqual(['row']);
    });

    it('opens it read-only, saying the directory cannot be written (SQLite writes its log beside the file)', () => {
      const path = existingFile();
      const { db, readOnly } = open(at(path), { createDirectory: false, canWrite: (p) => p !== dir });
      expect(readOnly).toBe(
        `this user cannot write the directory ${dir} (SQLite keeps its write-ahead log beside the file)`,
      );
      expect(db.readonly).toBe(true);
      expect(busyTimeout(db)).toBe(BUSY_TIMEOUT_MS);
    });

    it('opens it for writing when both the file and its directory may be written', () => {
      const path = existingFile();
      const asked: string[] = [];
      const { readOnly } = open(at(path), {
        createDirectory: false,
        canWrite: (p) => {
          asked.push(p);
          return true;
        },
      });
      expect(readOnly).toBeNull();
      expect(asked).toEqual([path, dir]);
    });
  });

  describe('when the path names something SQLite cannot open', () => {
    it('gives the port error for a directory, naming the path', () => {
      const path = join(dir, 'a-directory.db');
      mkdirSync(path);
      const error = thrown(() => open(at(path)));
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toContain(`Cannot open the SQLite store at ${path}`);
    });

    it('gives the port error for a read-only open of a file that is not a database', () => {
      const path = join(dir, 'notes.db');
      writeFileSync(path, 'these are not the pages of a database file, just some text long enough to be read');
      const error = thrown(() => open(at(path, 'ro')));
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toContain(`${path} is not a ledger store`);
    });
  });
});

describe('reading a store whose shared-memory file SQLite cannot open', () => {
  // A reader in WAL mode needs the "-shm" file beside the store, which it cannot make in a directory it may not
  // write. Root may write anything, so here a dangling link at the "-shm" path stands for that directory: SQLite
  // then cannot open it (SQLITE_CANTOPEN), as it cannot for a user without the right.

  /** A store file in WAL mode, closed cleanly (every commit copied into the file), with `rows` in it. */
  function walFile(name: string, rows: string[]): string {
    const path = join(dir, name);
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE kept (x)');
    for (const row of rows) db.prepare('INSERT INTO kept VALUES (?)').run(row);
    db.close();
    return path;
  }

  it('reads the file as a snapshot of its bytes, read-only, when no write-ahead log holds commits', () => {
    const path = walFile('ledger.db', ['first', 'second']);
    symlinkSync(join(dir, 'no-such-directory', 'shm'), `${path}-shm`);
    const { db, readOnly } = open(at(path, 'ro'));
    expect(readOnly).toBe(`the store URL opens ${path} read-only (mode=ro)`);
    expect(db.readonly).toBe(true);
    expect(db.prepare('SELECT x FROM kept').pluck().all()).toEqual(['first', 'second']);
  });

  it('refuses, naming the log, when the write-ahead log holds commits not yet in the file', () => {
    // Given a copy of a store taken while its writer had commits only in the write-ahead log
    const live = join(dir, 'live.db');
    const writer = new Database(live);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec("CREATE TABLE kept (x); INSERT INTO kept VALUES ('only in the log')");
    const path = join(dir, 'copy.db');
    copyFileSync(live, path);
    copyFileSync(`${live}-wal`, `${path}-wal`);
    writer.close();
    symlinkSync(join(dir, 'no-such-directory', 'shm'), `${path}-shm`);

    // When it is opened read-only, Then it is refused: a snapshot of the file alone would miss those commits
    const error = thrown(() => open(at(path, 'ro')));
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toBe(
      `Cannot read the SQLite store ${path}: its directory is read-only and its write-ahead log (${path}-wal) ` +
        'holds commits not yet in the file; open it once as a user who may write the directory, or copy the three ' +
        'files elsewhere',
    );
  });
});

describe('the directory check', () => {
  it('passes an existing directory without touching it', () => {
    expect(() => assertDirectory(at(join(dir, 'ledger.db')), { createDirectory: false })).not.toThrow();
  });

  it('never makes a directory for a read-only URL, even where it may make one otherwise', () => {
    const path = join(dir, 'missing', 'ledger.db');
    expect(() => assertDirectory(at(path, 'ro'), { createDirectory: true })).toThrow(StoreUnavailableError);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });
});
