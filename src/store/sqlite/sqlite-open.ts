/**
 * Opening the store's file: read-write when this user may write the file and its directory,
 * read-only (queries work, appends are refused with StoreReadOnlyError) when the URL asks for
 * it or the file system says no. The busy timeout is set by the open call itself, before any
 * statement, so that two processes creating one file at once wait for each other instead of
 * failing with "database is locked".
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StoreReadOnlyError, StoreUnavailableError } from '../errors.js';
import { translateSqliteError } from './sqlite-errors.js';
import type { SqliteLocation } from './sqlite-url.js';

export interface OpenedDatabase {
  db: Database.Database;
  /** Why the store is read-only; null when it may be written. */
  readOnly: string | null;
}

export interface OpenOptions {
  /** Create a missing directory (only for the program's own default location, ./var). */
  createDirectory: boolean;
  /**
   * Whether this user may write a path. @defaultValue the file system's answer (access W_OK). Tests that run as
   * root, who may write anything, pass their own to stand in for a user without the right.
   */
  canWrite?: (path: string) => boolean;
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The directory must exist: a mistyped path is an error naming it, never a tree of new directories. */
export function assertDirectory(location: SqliteLocation, options: OpenOptions): void {
  const directory = dirname(location.path);
  if (existsSync(directory)) return;
  if (options.createDirectory && location.mode !== 'ro') {
    mkdirSync(directory, { recursive: true });
    return;
  }
  throw new StoreUnavailableError(
    `Cannot create the SQLite store ${location.path}: its directory ${directory} does not exist ` +
      '(create it first, or correct the path)',
  );
}

/** Opens (creating when allowed) the file a location names; `:memory:` is always read-write. */
export function openDatabase(location: SqliteLocation, options: OpenOptions): OpenedDatabase {
  const { path, busyTimeoutMs } = location;
  if (path === ':memory:') return { db: new Database(path, { timeout: busyTimeoutMs }), readOnly: null };
  const where = { path, busyTimeoutMs };
  const exists = existsSync(path);
  if (location.mode === 'ro') {
    if (!exists)
      throw new StoreReadOnlyError(`The SQLite store ${path} does not exist, and the URL opens it read-only (mode=ro)`);
    return { db: openReadOnly(path, busyTimeoutMs), readOnly: `the store URL opens ${path} read-only (mode=ro)` };
  }
  if (location.mode === 'rw' && !exists) {
    throw new StoreUnavailableError(
      `The SQLite store ${path} does not exist, and the URL asks to open it only if it does (mode=rw)`,
    );
  }
  assertDirectory(location, options);
  const directory = dirname(path);
  const canWrite = options.canWrite ?? writable;
  if (exists && !canWrite(path)) {
    return { db: openReadOnly(path, busyTimeoutMs), readOnly: `this user cannot write ${path}` };
  }
  if (!canWrite(directory)) {
    if (!exists) {
      throw new StoreReadOnlyError(
        `Cannot create the SQLite store ${path}: this user cannot write its directory ${directory}`,
      );
    }
    const why = `this user cannot write the directory ${directory} (SQLite keeps its write-ahead log beside the file)`;
    return { db: openReadOnly(path, busyTimeoutMs), readOnly: why };
  }
  try {
    return { db: new Database(path, { timeout: busyTimeoutMs }), readOnly: null };
  } catch (error) {
    throw translateSqliteError(error, where);
  }
}

/**
 * A read-only connection. In a directory this user cannot write, SQLite cannot make the shared-memory
 * file that WAL readers need: the file is then read as a snapshot of its bytes, which is all of the log
 * when no write-ahead file holds commits not yet copied into it.
 */
function openReadOnly(path: string, busyTimeoutMs: number): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, timeout: busyTimeoutMs });
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db?.close();
    const code = error instanceof Database.SqliteError ? error.code : '';
    if (!code.startsWith('SQLITE_READONLY') && !code.startsWith('SQLITE_CANTOPEN')) {
      throw translateSqliteError(error, { path, busyTimeoutMs });
    }
  }
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw new StoreUnavailableError(
      `Cannot read the SQLite store ${path}: its directory is read-only and its write-ahead log (${wal}) ` +
        'holds commits ' +
        'not yet in the file; open it once as a user who may write the directory, or copy the three files elsewhere',
    );
  }
  const bytes = readFileSync(path);
  // Bytes 18-19 say "WAL mode": a snapshot in memory has no write-ahead log, so it is read as a rollback-journal file.
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) bytes[18] = bytes[19] = 1;
  try {
    return new Database(bytes, { readonly: true });
  } catch (error) {
    throw translateSqliteError(error, { path, busyTimeoutMs });
  }
}
