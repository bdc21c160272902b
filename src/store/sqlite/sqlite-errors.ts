/**
 * SQLite's errors into the port's own, with what to do: no vendor message ("database is locked",
 * "file is not a database", "attempt to write a readonly database") reaches a user raw.
 */
import Database from 'better-sqlite3';
import { StoreReadOnlyError, StoreUnavailableError } from '../errors.js';

/** Where the store is and how long a writer waits, for messages. */
export interface SqliteErrorContext {
  path: string;
  busyTimeoutMs: number;
}

/** The port's error for a better-sqlite3 error; anything else is given back unchanged. */
export function translateSqliteError(error: unknown, where: SqliteErrorContext): unknown {
  if (!(error instanceof Database.SqliteError)) return error;
  const code = error.code;
  const store = `the SQLite store at ${where.path}`;
  const said = `SQLite says "${error.message}"`;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StoreUnavailableError(
      `Another program holds the write lock of ${store} and kept it past ${where.busyTimeoutMs} ms (${said}): ` +
        'try again when it has finished, or wait longer with ?busy_timeout=MILLISECONDS in the store URL',
    );
  }
  if (code === 'SQLITE_NOTADB') {
    return new StoreUnavailableError(
      `${where.path} is not a ledger store (${said}): check --store or LEDGER_STORE; nothing was written to it`,
    );
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new StoreReadOnlyError(
      `Cannot write ${store} (${said}): this user may read it but not write the file or its directory; ` +
        'queries work, appends need write access to both',
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new StoreUnavailableError(
      `Cannot open ${store} (${said}): check that the path exists and this user may read it`,
    );
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new StoreUnavailableError(
      `${store} is damaged (${said}): run \`13d-ledger verify\` and restore it from a copy`,
    );
  }
  if (code.startsWith('SQLITE_FULL') || code.startsWith('SQLITE_IOERR')) {
    return new StoreUnavailableError(
      `Cannot use ${store}: the disk failed or is full (${said}); nothing of the call was written`,
    );
  }
  return error;
}

/** Runs a call on the database, translating what it throws. */
export function translatingSqlite<T>(where: SqliteErrorContext, call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw translateSqliteError(error, where);
  }
}
