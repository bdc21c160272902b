/**
 * The command as a user runs it against PostgreSQL: LEDGER_STORE names a new database,
 * `store migrate` creates the schema (and says so), and the commands work; before the
 * migration they refuse with one line saying what to run.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../src/store/open-store.js';
import { runCliCapturing } from '../../support/run-cli.js';
import { createTestDatabase, postgresSkipReason } from './test-database.js';

const bin = resolve(import.meta.dirname, '../../../bin/13d-ledger.js');
const skip = await postgresSkipReason('the 13d-ledger command on PostgreSQL');
const database = skip === undefined ? await createTestDatabase() : undefined;
afterAll(() => database?.drop());

describe.skipIf(skip !== undefined)('13d-ledger with LEDGER_STORE=postgres://...', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [bin, ...args], {
      encoding: 'utf8',
      env: { ...process.env, LEDGER_STORE: database!.url },
    });

  it('refuses to work before `store migrate`, which creates the schema once; then quickstart and queries answer', async () => {
    // Given a new, empty database
    // When quickstart runs before the migration
    const early = run('quickstart');
    // Then it fails with one line naming the database and what to run
    expect(early.status).toBe(1);
    expect(early.stderr.trim().split('\n')).toHaveLength(1);
    expect(early.stderr).toContain(
      `StoreSchemaError: The PostgreSQL store at 127.0.0.1:5432/${database!.name} has no ledger schema: run \`13d-ledger store migrate\``,
    );

    // When the schema is migrated
    const migrated = run('store', 'migrate');
    // Then it says it created version 2 (the log, then its hash chain)
    expect(migrated.status, migrated.stderr).toBe(0);
    expect(migrated.stdout).toMatch(
      new RegExp(
        `^PostgreSQL store at 127\\.0\\.0\\.1:5432/${database!.name}: schema created at version 2; applied 1 \\(.*; 2 \\(`,
      ),
    );

    // When quickstart runs, Then it loads the sample and prints Amendment No. 8's holdings
    const quickstart = run('quickstart');
    expect(quickstart.status, quickstart.stderr).toBe(0);
    expect(quickstart.stdout).toMatch(/Ault & Company, Inc\.\s+214,940,800\s+85\.72%/);

    // And (in process, to save starting the program again) a second migration finds nothing to do,
    // and the log holds the sample from position 1
    const again = await runCliCapturing(database!.url, 'store', 'migrate', '--json');
    expect(JSON.parse(again.out)).toMatchObject({ store: 'PostgreSQL', from: 2, to: 2, applied: [] });
    const store = await openStore(database!.url);
    const first = await store.readAll({ limit: 2 }).finally(() => store.close());
    expect(first.map((e) => [e.position, e.stream])).toEqual([
      [1n, 'issuer-09175M507'],
      [2n, 'issuer-09175M507'],
    ]);
  }, 60_000);

  it('says that an embedded store needs no migration', async () => {
    const { code, out } = await runCliCapturing('sqlite::memory:', 'store', 'migrate');
    expect(code).toBe(0);
    expect(out).toBe('SQLite store: its tables are created when it is first written, nothing to migrate\n');
  });
});
