/**
 * Each SQLite result code a user can meet, turned into the port's error with what to do; SQLite's own
 * words are kept in the message, and an error that is not SQLite's is given back as it was.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StoreReadOnlyError, StoreUnavailableError } from '../../../src/store/errors.js';
import { translateSqliteError, translatingSqlite } from '../../../src/store/sqlite/sqlite-errors.js';

const where = { path: '/data/ledger.db', busyTimeoutMs: 2_500 };
const sqlite = (code: string, message = 'the vendor message') => new Database.SqliteError(message, code);

describe("SQLite's errors, as the store reports them", () => {
  it('a lock held past the busy timeout: unavailable, with the timeout and the parameter that lengthens it', () => {
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED', 'SQLITE_LOCKED_SHAREDCACHE']) {
      const error = translateSqliteError(sqlite(code, 'database is locked'), where);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(error).not.toBeInstanceOf(StoreReadOnlyError);
      expect((error as Error).message).toBe(
        'Another program holds the write lock of the SQLite store at /data/ledger.db and kept it past 2500 ms ' +
          '(SQLite says "database is locked"): try again when it has finished, or wait longer with ' +
          '?busy_timeout=MILLISECONDS in the store URL',
      );
    }
  });

  it('a file that is not a database: unavailable, naming the file and that nothing was written', () => {
    const error = translateSqliteError(sqlite('SQLITE_NOTADB', 'file is not a database'), where);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toBe(
      '/data/ledger.db is not a ledger store (SQLite says "file is not a database"): check --store or ' +
        'LEDGER_STORE; nothing was written to it',
    );
  });

  it('a file this user may not write: read-only, saying that queries still work', () => {
    for (const code of ['SQLITE_READONLY', 'SQLITE_READONLY_DIRECTORY']) {
      const error = translateSqliteError(sqlite(code, 'attempt to write a readonly database'), where);
      expect(error).toBeInstanceOf(StoreReadOnlyError);
      expect((error as Error).message).toBe(
        'Cannot write the SQLite store at /data/ledger.db (SQLite says "attempt to write a readonly database"): ' +
          'this user may read it but not write the file or its directory; queries work, appends need write ' +
          'access to both',
      );
    }
  });

  it('a file that cannot be opened, a damaged one, a failed or full disk: unavailable, each with its remedy', () => {
    const message = (code: string) => {
      const error = translateSqliteError(sqlite(code, 'm'), where);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(error).not.toBeInstanceOf(StoreReadOnlyError);
      return (error as Error).message;
    };
    expect(message('SQLITE_CANTOPEN_ISDIR')).toBe(
      'Cannot open the SQLite store at /data/ledger.db (SQLite says "m"): check that the path exists and this ' +
        'user may read it',
    );
    expect(message('SQLITE_CORRUPT')).toBe(
      'the SQLite store at /data/ledger.db is damaged (SQLite says "m"): run `13d-ledger verify` and restore it ' +
        'from a copy',
    );
    expect(message('SQLITE_CORRUPT_INDEX')).toMatch(/is damaged/);
    expect(message('SQLITE_FULL')).toBe(
      'Cannot use the SQLite store at /data/ledger.db: the disk failed or is full (SQLite says "m"); nothing of ' +
        'the call was written',
    );
    expect(message('SQLITE_IOERR_WRITE')).toMatch(/the disk failed or is full/);
  });

  it('any other SQLite error, and any error that is not SQLite’s: given back unchanged', () => {
    const constraint = sqlite('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed');
    expect(translateSqliteError(constraint, where)).toBe(constraint);
    const plain = new Error('SQLITE_BUSY');
    expect(translateSqliteError(plain, where)).toBe(plain);
    expect(translateSqliteError('SQLITE_BUSY', where)).toBe('SQLITE_BUSY');
  });

  it('a call that throws one is rethrown translated; a call that returns gives its value', () => {
    expect(translatingSqlite(where, () => 42)).toBe(42);
    expect(() =>
      translatingSqlite(where, () => {
        throw sqlite('SQLITE_BUSY');
      }),
    ).toThrow(StoreUnavailableError);
    const other = new RangeError('not SQLite');
    expect(() =>
      translatingSqlite(where, () => {
        throw other;
      }),
    ).toThrow(other);
  });
});
