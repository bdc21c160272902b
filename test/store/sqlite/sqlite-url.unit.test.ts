/**
 * The `sqlite:` store URL, read without opening anything: every form of the file part, every parameter
 * and value the store takes, and a named refusal of the rest.
 */
import { describe, expect, it } from 'vitest';
import { UnsupportedStoreUrlError } from '../../../src/store/errors.js';
import { parseSqliteUrl, SQLITE_DEFAULTS } from '../../../src/store/sqlite/sqlite-url.js';

const refusal = (url: string): string => {
  try {
    parseSqliteUrl(url);
  } catch (error) {
    expect(error).toBeInstanceOf(UnsupportedStoreUrlError);
    return (error as Error).message;
  }
  throw new Error(`${url} was accepted`);
};

describe('the file a sqlite: URL names', () => {
  it('is the text after "sqlite:", with the defaults of the embedded store', () => {
    expect(SQLITE_DEFAULTS).toEqual({ mode: 'rwc', synchronous: 'normal', busyTimeoutMs: 10_000 });
    expect(parseSqliteUrl('sqlite:ledger.db')).toEqual({ path: 'ledger.db', ...SQLITE_DEFAULTS });
    expect(parseSqliteUrl('sqlite:/data/x%20y.db')).toMatchObject({ path: '/data/x%20y.db' });
  });

  it('is :memory: for a store that lives as long as the process, parameters and all', () => {
    expect(parseSqliteUrl('sqlite::memory:')).toEqual({ path: ':memory:', ...SQLITE_DEFAULTS });
  });

  it('in the file: form, is the path with its %-escapes decoded, whatever the case of "file:"', () => {
    expect(parseSqliteUrl('sqlite:file:data/a%20b.db')).toMatchObject({ path: 'data/a b.db' });
    expect(parseSqliteUrl('sqlite:FILE:/data/l.db')).toMatchObject({ path: '/data/l.db' });
    expect(parseSqliteUrl('sqlite:file:///data/l.db')).toMatchObject({ path: '/data/l.db' });
    expect(parseSqliteUrl('sqlite:file://localhost/data/l.db')).toMatchObject({ path: '/data/l.db' });
    expect(parseSqliteUrl('sqlite:file://LOCALHOST/data/l.db')).toMatchObject({ path: '/data/l.db' });
  });

  it('is refused when a file: URL names another host, naming the host', () => {
    expect(refusal('sqlite:file://server/l.db')).toBe(
      'Store URL "sqlite:file://server/l.db" names a host ("server"): an SQLite store is a local file, ' +
        'use sqlite:file:///path/to/ledger.db',
    );
    // A host with no path after it is still a host.
    expect(refusal('sqlite:file://server')).toMatch(/names a host \("server"\)/);
  });

  it('is refused when there is none, or when an escape is malformed', () => {
    expect(refusal('sqlite:')).toBe('Store URL "sqlite:" names no file: use sqlite:PATH or sqlite::memory:');
    expect(refusal('sqlite:?mode=ro')).toMatch(/names no file/);
    expect(refusal('sqlite:file:')).toMatch(/names no file/);
    expect(refusal('sqlite:file:a%zz.db')).toBe('Store URL "sqlite:file:a%zz.db" has a malformed %-escape');
  });
});

describe('the parameters after "?"', () => {
  it('set the mode, synchronous and busy timeout, in any case, and leave the rest at the defaults', () => {
    expect(parseSqliteUrl('sqlite:l.db?mode=RW')).toEqual({
      path: 'l.db',
      mode: 'rw',
      synchronous: 'normal',
      busyTimeoutMs: 10_000,
    });
    expect(parseSqliteUrl('sqlite:l.db?MODE=ro&synchronous=extra&busy_timeout=0')).toEqual({
      path: 'l.db',
      mode: 'ro',
      synchronous: 'extra',
      busyTimeoutMs: 0,
    });
    expect(parseSqliteUrl('sqlite:l.db?mode=rwc&synchronous=normal')).toMatchObject({
      mode: 'rwc',
      synchronous: 'normal',
    });
    expect(parseSqliteUrl('sqlite:l.db?busy_timeout=999999999')).toMatchObject({ busyTimeoutMs: 999_999_999 });
  });

  it('skip empty pairs and an empty query', () => {
    expect(parseSqliteUrl('sqlite:l.db?')).toEqual({ path: 'l.db', ...SQLITE_DEFAULTS });
    expect(parseSqliteUrl('sqlite:l.db?&mode=ro&')).toMatchObject({ path: 'l.db', mode: 'ro' });
  });

  it('refuse a value the store does not take, naming the parameter, the value and what is taken', () => {
    expect(refusal('sqlite:l.db?mode=memory')).toBe(
      'Store URL "sqlite:l.db?mode=memory": mode=memory is not accepted; the SQLite store takes ' +
        'mode=ro|rw|rwc, synchronous=normal|full|extra, busy_timeout=MILLISECONDS',
    );
    expect(refusal('sqlite:l.db?busy_timeout=-1')).toMatch(/busy_timeout=-1 is not accepted/);
    expect(refusal('sqlite:l.db?busy_timeout=1.5')).toMatch(/busy_timeout=1.5 is not accepted/);
    // Ten digits is past what a 32-bit timeout holds.
    expect(refusal('sqlite:l.db?busy_timeout=1000000000')).toMatch(/busy_timeout=1000000000 is not accepted/);
    expect(refusal('sqlite:l.db?busy_timeout=')).toMatch(/busy_timeout= is not accepted/);
    expect(refusal('sqlite:l.db?synchronous=off')).toMatch(/synchronous=off is not accepted/);
    // A value with "=" in it is one value.
    expect(refusal('sqlite:l.db?mode=ro=rw')).toMatch(/mode=ro=rw is not accepted/);
  });

  it('refuse a parameter the store does not know, naming it', () => {
    expect(refusal('sqlite:l.db?cache=shared')).toBe(
      'Store URL "sqlite:l.db?cache=shared": unknown parameter "cache"; the SQLite store takes ' +
        'mode=ro|rw|rwc, synchronous=normal|full|extra, busy_timeout=MILLISECONDS',
    );
    expect(refusal('sqlite:l.db?ro')).toMatch(/unknown parameter "ro"/);
    expect(refusal('sqlite:l.db?mode%zz=ro')).toMatch(/malformed %-escape/);
  });

  it('start at the first "?": a file name with "?" in it is written as %3F', () => {
    expect(parseSqliteUrl('sqlite:file:a%3Fb.db?mode=ro')).toMatchObject({ path: 'a?b.db', mode: 'ro' });
    expect(refusal('sqlite:a?b.db')).toMatch(/unknown parameter "b.db"/);
  });
});
