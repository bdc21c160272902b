/**
 * The hash chain on PostgreSQL: a store of schema version 1 is chained by `store migrate`
 * (version 2), the ledger's appends are sealed and chained from there, and `verify` names
 * what the table's owner did behind the ledger (triggers disabled, a row changed or deleted).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSample } from '../../../src/ledger/index.js';
import { verifyLog } from '../../../src/ledger/verify-log.js';
import { isAttested } from '../../../src/store/attestation.js';
import { migrateStore, openStore } from '../../../src/store/open-store.js';
import { MIGRATIONS, migrateSchema } from '../../../src/store/postgres/schema.js';
import { createTestDatabase, postgresSkipReason } from './test-database.js';

const skip = await postgresSkipReason('PostgreSQL tamper-evidence tests');
const database = skip === undefined ? await createTestDatabase() : undefined;
afterAll(() => database?.drop());

describe.skipIf(skip !== undefined)('the PostgreSQL hash chain', () => {
  it('chains the events of a version-1 store when `store migrate` upgrades it, and verify says from where', async () => {
    // Given a store at schema version 1 holding two events written by another program
    const url = await database!.freshStoreUrl({ migrate: false });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await migrateSchema(client, 'test', MIGRATIONS.slice(0, 1)).finally(() => client.end());
    const insert = `INSERT INTO ledger_events (id, stream, revision, type, data, metadata, recorded_at) VALUES ($1, 'old', $2, 'A', '{}', '{}', $3)`;
    await database!.sql(insert, [randomUUID(), 0, '2024-01-01T00:00:00Z'], url);
    await database!.sql(insert, [randomUUID(), 1, '2024-01-02T00:00:00Z'], url);
    // When it is migrated and the ledger appends
    expect(await migrateStore(url)).toMatchObject({ from: 1, to: 2, applied: [{ version: 2 }] });
    const store = await openStore(url);
    await loadSample(store);
    // Then the ledger's events are attested, and verify passes, naming the two events chained at the upgrade
    expect((await store.readStream('issuer-09175M507')).every(isAttested)).toBe(true);
    const report = await verifyLog(store);
    expect(report).toMatchObject({ ok: true, chained: true, events: 2 + 66, chainedFrom: { migratedThrough: 2n } });
    await store.close();
  });

  it('names a row the owner changed with the triggers disabled, and a row it deleted', async () => {
    const url = await database!.freshStoreUrl();
    const store = await openStore(url);
    await loadSample(store);
    expect((await verifyLog(store)).ok).toBe(true);
    // When the owner disables the guard and changes position 60 (the 10,000-share purchase)
    await database!.sql('ALTER TABLE ledger_events DISABLE TRIGGER ledger_events_are_never_updated', [], url);
    await database!.sql(`UPDATE ledger_events SET data = replace(data, '10000', '1000') WHERE position = 60`, [], url);
    const changed = await verifyLog(store);
    expect(changed.ok).toBe(false);
    expect(changed.firstProblem).toMatchObject({ kind: 'content', position: 60n, type: 'SharesPurchased' });
    // When it also deletes position 30
    await database!.sql('ALTER TABLE ledger_events DISABLE TRIGGER ledger_events_are_never_deleted', [], url);
    await database!.sql('DELETE FROM ledger_events WHERE position = 30', [], url);
    const deleted = await verifyLog(store);
    expect(deleted.firstProblem).toMatchObject({
      kind: 'position',
      position: 31n,
      message: 'position 30 is missing from the log: removed',
    });
    await store.close();
  });
});
