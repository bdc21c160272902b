import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  appendToIssuer,
  loadSample,
  queryHistory,
  queryHoldings,
  readIssuer,
  runLedgerCommand,
} from '../../src/ledger/index.js';
import { EventValidationError, parseCusip, CommandRejectedError } from '../../src/domain/index.js';
import type { EventStore } from '../../src/store/event-store.js';
import { openStore } from '../../src/store/open-store.js';
import { freshStoreUrl, onTarget, storeTargets } from '../support/store-targets.js';

const CUSIP = parseCusip('09175M507');
const targets = await storeTargets('the ledger services', () => 'sqlite::memory:');
let store: EventStore | undefined;
/** The store's clock: every test starts on 2024-08-01 (the sample's recorded time); a test may move it on. */
let clock: Date;
const open = async () => (store = await openStore(await freshStoreUrl(), { now: () => clock }));
beforeEach(() => {
  clock = new Date('2024-08-01T00:00:00.000Z');
});
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe.each(targets)('the ledger services on $name', (target) => {
  onTarget(target);
  it('load the bundled history once: a second load writes nothing', async () => {
    // Given an empty store
    const s = await open();
    // When the sample is loaded twice
    const first = await loadSample(s);
    const second = await loadSample(s);
    // Then
    expect(first.appended).toBe(first.total);
    expect(second).toMatchObject({ appended: 0, alreadyPresent: first.total });
    expect((await readIssuer(s, CUSIP)).envelopes).toHaveLength(first.total);
  });

  it('refuse a batch with one event failing its schema, and write nothing', async () => {
    const s = await open();
    const good = {
      id: '11111111-1111-4111-8111-111111111111',
      type: 'RsusVested',
      data: {
        effectiveDate: '2024-01-02',
        effectiveDatePrecision: 'exact',
        disclosedOn: '2024-01-03',
        source: { amendmentNumber: 1, accessionNumber: null, filedOn: '2024-01-03', item: '3', quote: 'q' },
        personId: 'p',
        sharesIssued: 5,
      },
    };
    const bad = {
      ...good,
      id: '22222222-2222-4222-8222-222222222222',
      data: { ...good.data, effectiveDate: '2024-02-30' },
    };
    await expect(appendToIssuer(s, CUSIP, [good, bad])).rejects.toThrow(EventValidationError);
    await expect(appendToIssuer(s, CUSIP, [good, bad])).rejects.toThrow(/effectiveDate: not a calendar date/);
    expect((await readIssuer(s, CUSIP)).envelopes).toHaveLength(0);
  });

  it('correct a figure: holdings recorded-by before it show the old belief, after it the new', async () => {
    // Given the sample recorded on 2024-08-01
    const s = await open();
    await loadSample(s);
    const { envelopes } = await readIssuer(s, CUSIP);
    const purchase = envelopes.find((e) => e.event.type === 'SharesPurchased' && e.event.data.shares === 10_000)!;
    // When the 10,000-share purchase is corrected to 10,500 on 2024-09-01 (11:00 in New York)
    clock = new Date('2024-09-01T15:00:00.000Z');
    await runLedgerCommand(s, {
      kind: 'CorrectEvent',
      eventId: purchase.id,
      set: { shares: 10_500 },
      reason: 'test correction',
    });
    // Then
    const owned = async (recordedBy?: string) =>
      (await queryHoldings(s, { issuer: '09175M507', asOf: '2024-07-01', recordedBy })).holders.find(
        (h) => h.personId === 'ault-and-company',
      )!.sharesOwned.direct;
    expect(await owned('2024-08-31')).toBe(88 + 55 + 36 + 10_000);
    expect(await owned()).toBe(88 + 55 + 36 + 10_500);
  });

  it('refuse a correction that breaks the schema and write nothing', async () => {
    const s = await open();
    await loadSample(s);
    const before = (await readIssuer(s, CUSIP)).envelopes;
    const purchase = before.find((e) => e.event.type === 'SharesPurchased')!;
    await expect(
      runLedgerCommand(s, { kind: 'CorrectEvent', eventId: purchase.id, set: { shares: -1 }, reason: 'oops' }),
    ).rejects.toThrow(EventValidationError);
    await expect(
      runLedgerCommand(s, { kind: 'CorrectEvent', eventId: purchase.id, set: { nosuch: 1 }, reason: 'oops' }),
    ).rejects.toThrow(CommandRejectedError);
    expect((await readIssuer(s, CUSIP)).envelopes).toHaveLength(before.length);
  });

  it('refuse to retract an event twice', async () => {
    const s = await open();
    await loadSample(s);
    const target = (await readIssuer(s, CUSIP)).envelopes.find((e) => e.event.type === 'SharesPurchased')!;
    await runLedgerCommand(s, { kind: 'RetractEvent', eventId: target.id, reason: 'test' });
    await expect(runLedgerCommand(s, { kind: 'RetractEvent', eventId: target.id, reason: 'again' })).rejects.toThrow(
      /already retracted/,
    );
  });

  it('refuse a history of a person the issuer does not know, naming the known persons', async () => {
    const s = await open();
    await loadSample(s);
    await expect(queryHistory(s, { issuer: '09175M507', person: 'nobody' })).rejects.toThrow(
      /--person "nobody" is not a person of issuer 09175M507; known persons: .*ault-and-company.*william-b-horne/,
    );
    await expect(queryHistory(s, { issuer: '09175M507', person: 'ault-and-company' })).resolves.toMatchObject({
      personId: 'ault-and-company',
    });
  });
});
