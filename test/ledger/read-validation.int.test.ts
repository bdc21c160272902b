/**
 * Reads trust what the ledger validated when it appended, and validate the rest:
 * an event another program wrote into an issuer stream is checked on every read.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  EVENT_SCHEMA_VERSION,
  EventValidationError,
  decodeEvent,
  parseCusip,
  validateEvent,
} from '../../src/domain/index.js';
import { loadSample, queryHoldings, readIssuer, runLedgerCommand } from '../../src/ledger/index.js';
import type { EventStore } from '../../src/store/event-store.js';
import { openStore } from '../../src/store/open-store.js';
import { freshStoreUrl, onTarget, storeTargets } from '../support/store-targets.js';

const CUSIP = parseCusip('09175M507');
const targets = await storeTargets('reading an issuer stream', () => 'sqlite::memory:');
let store: EventStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

const purchase = (shares: unknown) => ({
  type: 'SharesPurchased',
  data: {
    effectiveDate: '2024-06-18',
    disclosedOn: '2024-07-24',
    source: {
      amendmentNumber: 8,
      accessionNumber: null,
      filedOn: '2024-07-24',
      item: '5(c)',
      quote: 'written by another program',
    },
    personId: 'ault-and-company',
    shares,
    method: 'open-market',
    pricePerShare: null,
    totalPrice: null,
  },
});

describe.each(targets)('reading an issuer stream on $name', (target) => {
  onTarget(target);
  it('marks what the ledger appended with its schema version, and decodes it as full validation would', async () => {
    // Given the bundled history appended through the ledger
    store = await openStore(await freshStoreUrl());
    await loadSample(store);
    const recorded = await store.readStream('issuer-09175M507');
    // When each stored event is decoded on the trusted path and, separately, fully validated
    // Then both give the same events, and every stored event carries the marker
    expect(recorded.every((e) => e.metadata.schema === EVENT_SCHEMA_VERSION)).toBe(true);
    for (const stored of recorded) expect(decodeEvent(stored).event).toEqual(validateEvent(stored));
  });

  it('sets aside an event another program wrote that fails its schema, names it, and still answers', async () => {
    // Given the sample, and a purchase appended straight to the store with shares as text
    store = await openStore(await freshStoreUrl());
    await loadSample(store);
    const id = '33333333-3333-4333-8333-333333333333';
    await store.append('issuer-09175M507', [{ id, ...purchase('ten thousand') }]);
    // When the issuer is read
    const read = await readIssuer(store, CUSIP);
    // Then the bad event is listed with the field that fails, and holdings still reproduce Amendment No. 8
    expect(read.unreadable).toEqual([
      { id, type: 'SharesPurchased', recordedAt: expect.any(String), problems: [expect.stringMatching(/^shares: /)] },
    ]);
    const report = await queryHoldings(store, { issuer: '09175M507', asOf: '2024-07-23' });
    expect(report.holders.find((h) => h.personId === 'ault-and-company')?.aggregate).toBe(
      25_229 + (44_000 * 1_000) / 0.22 + 13_008_131 + 1_907_440,
    );
  });

  it('lets the bad event be retracted (then it is no longer listed) but not corrected', async () => {
    // Given a bad event another program wrote into the issuer stream
    store = await openStore(await freshStoreUrl());
    await loadSample(store);
    const id = '66666666-6666-4666-8666-666666666666';
    await store.append('issuer-09175M507', [{ id, ...purchase(-5) }]);
    // When it is corrected, Then that is refused and nothing is written
    const before = (await store.readStream('issuer-09175M507')).length;
    await expect(
      runLedgerCommand(store, { kind: 'CorrectEvent', eventId: id, set: { shares: 5 }, reason: 'sign' }),
    ).rejects.toThrow(/fails its schema \(shares: .*\): retract it/);
    expect((await store.readStream('issuer-09175M507')).length).toBe(before);
    // When it is retracted, Then the retraction is recorded and the event is no longer listed as unreadable
    await runLedgerCommand(store, { kind: 'RetractEvent', eventId: id, reason: 'written by a test program' });
    expect((await readIssuer(store, CUSIP)).unreadable).toEqual([]);
  });

  it('counts a valid event another program wrote, after validating it', async () => {
    // Given the sample and 500 more shares bought on 2024-06-18, written without the ledger's marker
    store = await openStore(await freshStoreUrl());
    await loadSample(store);
    await store.append('issuer-09175M507', [{ id: '44444444-4444-4444-8444-444444444444', ...purchase(500) }]);
    // When holdings are asked for 2024-06-30 (before Amendment No. 8 reports 25,229)
    const report = await queryHoldings(store, { issuer: '09175M507', asOf: '2024-06-30' });
    // Then Ault & Company's common shares from transactions are 88 + 55 + 36 + 10,000 + 500
    const company = report.holders.find((h) => h.personId === 'ault-and-company')!;
    expect(company.securities.find((s) => s.securityId === 'common')?.quantity).toBe(88 + 55 + 36 + 10_000 + 500);
  });

  it('validates an event that carries the marker but a type the ledger does not know', async () => {
    const stored = {
      id: '55555555-5555-4555-8555-555555555555',
      type: 'SharesTeleported',
      data: {},
      metadata: { recordedAt: '2024-08-01T00:00:00.000Z', schema: EVENT_SCHEMA_VERSION },
      position: 1,
    };
    expect(() => decodeEvent(stored)).toThrow(EventValidationError);
  });
});
