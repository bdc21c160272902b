/**
 * Reading a `sqlite:` store URL: the file, and the parameters after `?`.
 *
 *   sqlite:./var/ledger.db                      the file (created by the first append)
 *   sqlite:/data/ledger.db?mode=ro              read-only: queries work, appends are refused
 *   sqlite:file:/data/ledger.db?mode=ro         the same, written as an SQLite URI
 *   sqlite:ledger.db?synchronous=full           every commit synced to disk before it returns
 *   sqlite:ledger.db?busy_timeout=2000          wait at most 2 s for another process's write lock
 *   sqlite::memory:                             a store that lives as long as the process
 *
 * better-sqlite3 does not read SQLite URIs: the `file:` form is read here, so that it
 * names the file it says (it used to create a directory called `file:`). `?` always starts
 * the parameters: a file name with a `?` in it is written as a `file:` URI with `%3F`.
 */
import { UnsupportedStoreUrlError } from '../errors.js';

/** SQLite's open modes: read-write-create (the default), read-write (the file must exist), read-only. */
export type SqliteMode = 'rwc' | 'rw' | 'ro';
/** PRAGMA synchronous in WAL mode: see the README's Guarantees for what each risks. */
export type SqliteSynchronous = 'normal' | 'full' | 'extra';

export interface SqliteLocation {
  /** A file path, or `:memory:`. */
  path: string;
  mode: SqliteMode;
  synchronous: SqliteSynchronous;
  busyTimeoutMs: number;
}

/** @defaultValue for a URL that does not say: the embedded store's settings. */
export const SQLITE_DEFAULTS = { mode: 'rwc', synchronous: 'normal', busyTimeoutMs: 10_000 } as const satisfies Omit<
  SqliteLocation,
  'path'
>;

const ACCEPTED = 'mode=ro|rw|rwc, synchronous=normal|full|extra, busy_timeout=MILLISECONDS';

export function parseSqliteUrl(url: string): SqliteLocation {
  let rest = url.slice('sqlite:'.length);
  if (rest === ':memory:') return { path: ':memory:', ...SQLITE_DEFAULTS };
  const question = rest.indexOf('?');
  const query = question === -1 ? '' : rest.slice(question + 1);
  rest = question === -1 ? rest : rest.slice(0, question);
  const uri = /^file:/i.test(rest);
  let path = rest;
  if (uri) {
    path = rest.slice('file:'.length);
    // file:///abs/path and file://localhost/abs/path name /abs/path; file:relative/path is relative.
    if (path.startsWith('//')) {
      const authority = path.slice(2, path.indexOf('/', 2) === -1 ? undefined : path.indexOf('/', 2));
      if (authority !== '' && authority.toLowerCase() !== 'localhost') {
        throw new UnsupportedStoreUrlError(
          `Store URL "${url}" names a host ("${authority}"): an SQLite store is a local file, ` +
            'use sqlite:file:///path/to/ledger.db',
        );
      }
      path = path.slice(2 + authority.length);
    }
    path = decode(path, url);
  }
  if (path === '')
    throw new UnsupportedStoreUrlError(`Store URL "${url}" names no file: use sqlite:PATH or sqlite::memory:`);
  return { path, ...SQLITE_DEFAULTS, ...parameters(query, url) };
}

function parameters(query: string, url: string): Partial<Omit<SqliteLocation, 'path'>> {
  const found: Partial<Omit<SqliteLocation, 'path'>> = {};
  if (query === '') return found;
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const [rawKey = '', ...rawValue] = pair.split('=');
    const key = decode(rawKey, url).toLowerCase();
    const value = decode(rawValue.join('='), url);
    const lower = value.toLowerCase();
    if (key === 'mode' && (lower === 'ro' || lower === 'rw' || lower === 'rwc')) found.mode = lower;
    else if (key === 'synchronous' && (lower === 'normal' || lower === 'full' || lower === 'extra'))
      found.synchronous = lower;
    else if (key === 'busy_timeout' && /^\d{1,9}$/.test(value)) found.busyTimeoutMs = Number(value);
    else if (key === 'mode' || key === 'synchronous' || key === 'busy_timeout') {
      throw new UnsupportedStoreUrlError(
        `Store URL "${url}": ${key}=${value} is not accepted; the SQLite store takes ${ACCEPTED}`,
      );
    } else {
      throw new UnsupportedStoreUrlError(
        `Store URL "${url}": unknown parameter "${key}"; the SQLite store takes ${ACCEPTED}`,
      );
    }
  }
  return found;
}

function decode(text: string, url: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new UnsupportedStoreUrlError(`Store URL "${url}" has a malformed %-escape`);
  }
}
