/**
 * The marker that lets reads skip validation (`metadata.schema`) is trusted only on events the
 * ledger's own write path sealed: a caller of the public append, or a plain SQL INSERT, can write
 * the marker but not the seal, so their events are validated, and a bad one is set aside as
 * unreadable instead of breaking holdings and history with a TypeError.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { EVENT_SCHEMA_VERSION } from '../../../src/domain/index.js';
import { loadSample, queryHistory, queryHoldings, readIssuer, runLedgerCommand } from '../../../src/ledger/index.js';
import { isAttested } from '../../../src/store/attestation.js';
import { openStore } from '../../../src/store/open-store.js';
import type { EventStore } from '../../../src/store/event-store.js';

const dir = mkdtempSync(join(tmpdir(), 'ledger-marker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const STREAM = 'issuer-09175M507';
const ISSUER = '09175M507';
const PERSON = 'ault-and-company';

/** A purchase by a reporting person whose shares are not a number: the fold would add it as text. */
const badPurchase = {
  type: 'SharesPurchased',
  data: { effectiveDate: '2024-06-18', personId: PERSON, shares: { not: 'a number' } },
  metadata: { schema: EVENT_SCHEMA_VERSION, source: 'forged' },
};

async function sampleStore(name: string): Promise<{ store: EventStore; file: string }> {
  const file = join(dir, `${name}.db`);
  const store = await openStore(`sqlite:${file}`);
  await loadSample(store);
  return { store, file };
}

/** Holdings and history answer, the marked bad event is listed as unreadable, and a retraction clears it. */
async function expectSetAsideThenRetracted(store: EventStore, id: string): Promise<void> {
  const holdings = await queryHoldings(store, { issuer: ISSUER, asOf: '2024-07-23' });
  expect(holdings.unreadableEvents.map((e) => e.id)).toEqual([id]);
  expect(holdings.holders.find((h) => h.personId === PERSON)?.aggregate).toBe(
    25_229 + (44_000 * 1_000) / 0.22 + 13_008_131 + 1_907_440,
  );
  const history = await queryHistory(store, { issuer: ISSUER, person: PERSON });
  expect(history.unreadableEvents.map((e) => e.id)).toEqual([id]);
  await runLedgerCommand(store, { kind: 'RetractEvent', eventId: id, reason: 'forged marker' });
  expect((await readIssuer(store, ISSUER as never)).unreadable).toEqual([]);
  const after = await queryHistory(store, { issuer: ISSUER, person: PERSON });
  expect(after.unreadableEvents).toEqual([]);
  expect(after.changes.length).toBeGreaterThan(0);
}

describe('the trust marker on the SQLite store', () => {
  it('flags what the ledger appended as attested, and a copy of its content appended by a caller as not', async () => {
    const { store } = await sampleStore('attested');
    const recorded = await store.readStream(STREAM);
    expect(recorded.length).toBeGreaterThan(0);
    expect(recorded.every((e) => isAttested(e) && e.metadata.schema === EVENT_SCHEMA_VERSION)).toBe(true);
    const copy = recorded[0]!;
    await store.append('copies', [
      { id: randomUUID(), type: copy.type, data: copy.data, metadata: { schema: EVENT_SCHEMA_VERSION } },
    ]);
    expect((await store.readStream('copies')).map(isAttested)).toEqual([false]);
    await store.close();
  });

  it('validates a marked event from the public append: a bad one is set aside, never thrown, and can be retracted', async () => {
    const { store } = await sampleStore('public-append');
    const id = randomUUID();
    await store.append(STREAM, [{ id, ...badPurchase }]);
    await expectSetAsideThenRetracted(store, id);
    await store.close();
  });

  it('validates a marked event a plain SQL INSERT wrote: a bad one is set aside, never thrown', async () => {
    const { store, file } = await sampleStore('sql-insert');
    const id = randomUUID();
    const db = new Database(file);
    const revision =
      (db.prepare('SELECT max(revision) AS r FROM events WHERE stream = ?').get(STREAM) as { r: number }).r + 1;
    db.prepare(
      'INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(
      id,
      STREAM,
      revision,
      badPurchase.type,
      JSON.stringify(badPurchase.data),
      JSON.stringify(badPurchase.metadata),
      new Date().toISOString(),
    );
    db.close();
    await expectSetAsideThenRetracted(store, id);
    await store.close();
  });

  it('stops trusting a sealed event whose data was changed behind the store, and sets it aside', async () => {
    // Given the sample, and one of its purchases rewritten by SQL with the triggers dropped (its seal kept)
    const { store, file } = await sampleStore('rewritten');
    const target = (await store.readStream(STREAM)).find((e) => e.type === 'SharesPurchased')!;
    await store.close();
    const db = new Database(file);
    db.exec('DROP TRIGGER events_are_never_updated');
    db.prepare('UPDATE events SET data = ? WHERE id = ?').run(
      JSON.stringify({ ...(target.data as object), shares: 'many' }),
      target.id,
    );
    db.close();
    // When the issuer is read, Then the event is no longer attested, and fails its schema instead of being folded
    const reopened = await openStore(`sqlite:${file}`);
    const read = await readIssuer(reopened, ISSUER as never);
    expect(read.unreadable.map((e) => e.id)).toEqual([target.id]);
    expect(read.unreadable[0]!.problems).toEqual([expect.stringMatching(/^shares: /)]);
    await reopened.close();
  });
});
