/**
 * What a careless operator can hand the SQLite store: a URL with parameters, a file that is not
 * a database, a file or directory this user cannot write, a missing directory, another program
 * holding the write lock, several processes creating one new file at the same instant. Each
 * gets a clear error of the port's own, or works (read-only for queries).
 */
import { execFile, fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../../src/store/open-store.js';
import { parseSqliteUrl } from '../../../src/store/sqlite/sqlite-url.js';
import { StoreReadOnlyError, StoreUnavailableError, UnsupportedStoreUrlError } from '../../../src/store/errors.js';
import type { StoreUserOutcome } from './store-user-process.js';
import type { CreatorGo, CreatorReport } from './creating-process.js';

const dir = mkdtempSync(join(tmpdir(), 'ledger-url-'));
chmodSync(dir, 0o755);
afterAll(() => {
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});
const event = (type = 'A') => ({ id: randomUUID(), type, data: { n: 1 } });

async function storeWithOneEvent(file: string): Promise<void> {
  const store = await openStore(`sqlite:${file}`);
  await store.append('s', [event()]);
  await store.close();
}

describe('a sqlite: store URL', () => {
  it('reads the file, mode, synchronous and busy timeout, and refuses what it does not know', () => {
    expect(parseSqliteUrl('sqlite:./var/ledger.db')).toEqual({
      path: './var/ledger.db',
      mode: 'rwc',
      synchronous: 'normal',
      busyTimeoutMs: 10_000,
    });
    expect(parseSqliteUrl('sqlite:file:/data/l.db?mode=ro')).toMatchObject({ path: '/data/l.db', mode: 'ro' });
    expect(parseSqliteUrl('sqlite:file:///data/l.db?synchronous=FULL&busy_timeout=250')).toMatchObject({
      path: '/data/l.db',
      synchronous: 'full',
      busyTimeoutMs: 250,
    });
    expect(parseSqliteUrl('sqlite:file:a%3Fb.db')).toMatchObject({ path: 'a?b.db' });
    expect(() => parseSqliteUrl('sqlite:l.db?synchronous=off')).toThrow(
      /synchronous=off is not accepted; the SQLite store takes mode=ro\|rw\|rwc/,
    );
    expect(() => parseSqliteUrl('sqlite:l.db?cache=shared')).toThrow(/unknown parameter "cache"/);
    expect(() => parseSqliteUrl('sqlite:file://server/l.db')).toThrow(UnsupportedStoreUrlError);
  });

  it('opens sqlite:file:PATH?mode=ro read-only on that file, without making a "file:" directory', async () => {
    // Given a store holding one event
    const file = join(dir, 'ro.db');
    await storeWithOneEvent(file);
    // When it is opened through an SQLite URI asking for read-only
    const store = await openStore(`sqlite:file:${file}?mode=ro`);
    // Then queries read it, an append is refused with StoreReadOnlyError, and nothing named "file:" appears
    expect(await store.readAll()).toHaveLength(1);
    const refused = await store.append('s', [event()]).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StoreReadOnlyError);
    expect((refused as Error).message).toMatch(/read-only \(mode=ro\); queries work/);
    await store.close();
    expect(existsSync(join(process.cwd(), 'file:'))).toBe(false);
    expect(existsSync(join(dir, 'file:'))).toBe(false);
    expect((await (await openStore(`sqlite:${file}`)).readAll()).length).toBe(1);
  });

  it('sets PRAGMA synchronous as the URL says: FULL for ?synchronous=full, NORMAL by default', async () => {
    const pragmas = vi.spyOn(Database.prototype, 'pragma');
    try {
      for (const [url, expected] of [
        [`sqlite:${join(dir, 'full.db')}?synchronous=full`, 'synchronous = FULL'],
        [`sqlite:${join(dir, 'normal.db')}`, 'synchronous = NORMAL'],
      ] as const) {
        pragmas.mockClear();
        const store = await openStore(url);
        await store.append('s', [event(), event()]);
        expect(await store.readStream('s')).toHaveLength(2);
        await store.close();
        expect(
          pragmas.mock.calls.map(([source]) => source).filter((source) => source.startsWith('synchronous')),
        ).toEqual([expected]);
      }
    } finally {
      pragmas.mockRestore();
    }
  });

  it('refuses a file that is not a database, naming it, and leaves it as it was', async () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'not a database, just notes\n'.repeat(200));
    const store = await openStore(`sqlite:${file}`);
    const error = await store.readAll().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toContain(`${file} is not a ledger store`);
    expect((error as Error).message).toMatch(/check --store or LEDGER_STORE/);
    const append = await store.append('s', [event()]).catch((e: unknown) => e);
    expect(append).toBeInstanceOf(StoreUnavailableError);
    await store.close();
  });

  it('refuses to create a store in a directory that does not exist, naming it, and creates nothing', async () => {
    const missing = join(dir, 'no-such-dir', 'deeper');
    const store = await openStore(`sqlite:${join(missing, 'ledger.db')}`);
    expect(await store.readAll()).toEqual([]);
    const error = await store.append('s', [event()]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toContain(`its directory ${missing} does not exist`);
    expect(existsSync(join(dir, 'no-such-dir'))).toBe(false);
    await store.close();
  });

  it('creates a new file in an existing directory on the first append', async () => {
    const file = join(dir, 'new.db');
    const store = await openStore(`sqlite:${file}`);
    expect(existsSync(file)).toBe(false);
    await store.append('s', [event()]);
    expect(existsSync(file)).toBe(true);
    await store.close();
  });

  it('makes the default location ./var when the command runs without --store, and only that one', async () => {
    // Given a working directory with no var/ in it, and no LEDGER_STORE
    const cwd = join(dir, 'fresh-checkout');
    mkdirSync(cwd);
    const bin = join(import.meta.dirname, '..', '..', '..', 'bin', '13d-ledger.js');
    const env = { ...process.env };
    delete env.LEDGER_STORE;
    // When the sample is loaded with the default store
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'sample', 'load'], { cwd, env });
    // Then ./var/ledger.db was made and holds the sample
    expect(stdout).toMatch(/62 events appended/);
    expect(existsSync(join(cwd, 'var', 'ledger.db'))).toBe(true);
  }, 60_000);

  it('fails with StoreUnavailableError and a hint when another program holds the write lock past the timeout', async () => {
    // Given a store, and another connection holding its write lock
    const file = join(dir, 'locked.db');
    await storeWithOneEvent(file);
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    try {
      // When the ledger appends with a short busy timeout
      const store = await openStore(`sqlite:${file}?busy_timeout=300`);
      const started = Date.now();
      const error = await store.append('s', [event()]).catch((e: unknown) => e);
      // Then it waited, and failed with the port's error naming the store and what to do
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).toMatch(
        /holds the write lock of the SQLite store at .*locked\.db and kept it past 300 ms/,
      );
      expect((error as Error).message).toMatch(/busy_timeout=MILLISECONDS/);
      // And queries still read while the lock is held
      expect(await store.readAll()).toHaveLength(1);
      await store.close();
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });
});

/**
 * Root ignores file permissions, so as root the store is used by "nobody", which must be able to read the
 * checkout (its code and node_modules): where it cannot, the tests are skipped with the reason printed.
 */
async function whyNoOtherUser(): Promise<string | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const root = join(import.meta.dirname, '..', '..', '..');
  const probe = `require('fs').accessSync(${JSON.stringify(join(root, 'node_modules', 'tsx', 'package.json'))})`;
  try {
    await promisify(execFile)(process.execPath, ['-e', probe], { cwd: tmpdir(), uid: 65534, gid: 65534 });
    return undefined;
  } catch (error) {
    return `the user nobody (65534) cannot read this checkout at ${root}: ${(error as Error).message.split('\n')[0]}`;
  }
}
const noOtherUser = await whyNoOtherUser();
if (noOtherUser !== undefined) console.warn(`read-only store tests skipped: ${noOtherUser}`);

describe.skipIf(noOtherUser !== undefined)('a store this user may read but not write', () => {
  const asRoot = process.getuid?.() === 0;
  /** Runs store-user-process.ts as "nobody" when the test is root (root ignores permissions), else as this user. */
  async function useAsAnotherUser(url: string): Promise<StoreUserOutcome> {
    const script = join(import.meta.dirname, 'store-user-process.ts');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, url], {
      cwd: join(import.meta.dirname, '..', '..', '..'),
      env: { ...process.env, HOME: dir },
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as StoreUserOutcome;
  }

  it('opens a read-only file for queries and refuses appends with StoreReadOnlyError', async () => {
    const sub = join(dir, 'ro-file');
    mkdirSync(sub);
    const file = join(sub, 'ledger.db');
    await storeWithOneEvent(file);
    chmodSync(sub, 0o777);
    chmodSync(file, 0o444);
    const outcome = await useAsAnotherUser(`sqlite:${file}`);
    expect(outcome.read).toEqual({ events: 1 });
    expect(outcome.append).toMatchObject({ error: 'StoreReadOnlyError' });
    expect((outcome.append as { message: string }).message).toContain(`this user cannot write ${file}; queries work`);
  }, 30_000);

  it('opens a file in a read-only directory for queries and refuses appends with StoreReadOnlyError', async () => {
    const sub = join(dir, 'ro-dir');
    mkdirSync(sub);
    const file = join(sub, 'ledger.db');
    await storeWithOneEvent(file);
    chmodSync(file, 0o666);
    chmodSync(sub, 0o555);
    const outcome = await useAsAnotherUser(`sqlite:${file}`);
    expect(outcome.read).toEqual({ events: 1 });
    expect(outcome.append).toMatchObject({ error: 'StoreReadOnlyError' });
    expect((outcome.append as { message: string }).message).toContain(`this user cannot write the directory ${sub}`);
  }, 30_000);
});

describe('several processes creating one new store file at the same instant', () => {
  it('all succeed: the busy timeout is set before WAL mode is switched on', async () => {
    // Given eight processes and forty files that do not exist yet (before the fix, a few of these 320 opens failed)
    const PROCESSES = 8;
    const files = Array.from({ length: 40 }, (_, i) => join(dir, `created-${i}.db`));
    const children = Array.from({ length: PROCESSES }, () =>
      fork(join(import.meta.dirname, 'creating-process.ts'), [], { execArgv: ['--import', 'tsx'] }),
    );
    const ready = children.map((child) => new Promise<void>((resolve) => child.once('message', () => resolve())));
    const done = children.map(
      (child) =>
        new Promise<CreatorReport>((resolve) =>
          child.on('message', (m: CreatorReport) => m.type === 'done' && resolve(m)),
        ),
    );
    await Promise.all(ready);
    // When each round all of them open and append to the same new file at one instant
    const go: CreatorGo = { files, atNs: String(process.hrtime.bigint() + 300_000_000n), everyMs: 120 };
    for (const child of children) child.send(go);
    const reports = await Promise.all(done);
    // Then every append of every process succeeded, and each file holds one event per process
    const failures = reports.flatMap((r) => (r.type === 'done' ? r.outcomes.filter((o) => !o.ok) : []));
    expect(failures).toEqual([]);
    for (const file of files) {
      const store = await openStore(`sqlite:${file}`);
      expect(await store.readAll()).toHaveLength(PROCESSES);
      await store.close();
    }
  }, 60_000);
});
