import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { explainEmptyHoldings, loadSample } from '../../src/ledger/index.js';
import type { EventStore } from '../../src/store/event-store.js';
import { openStore } from '../../src/store/open-store.js';

const ISSUER = '09175M507';
let store: EventStore;
beforeEach(async () => {
  // Given the bundled history, recorded on 2024-08-01
  store = await openStore('sqlite::memory:', { now: () => new Date('2024-08-01T12:00:00.000Z') });
  await loadSample(store);
});
afterEach(async () => {
  await store.close();
});

describe('why holdings are empty', () => {
  it('names the recorded-by clock and when the first event was recorded', async () => {
    const why = await explainEmptyHoldings(store, { issuer: ISSUER, asOf: '2024-07-23', recordedBy: '2020-01-01' });
    // A bare date is the end of that day in New York
    expect(why).toEqual({
      reason: 'nothing-recorded',
      recordedBy: '2020-01-02T04:59:59.999Z',
      firstRecordedAt: '2024-08-01T12:00:00.000Z',
    });
  });

  it('names the filed-by clock, the first filing and the first that discloses holdings at the date', async () => {
    const why = await explainEmptyHoldings(store, { issuer: ISSUER, asOf: '2024-07-23', filedBy: '2020-01-01' });
    expect(why).toEqual({
      reason: 'nothing-filed',
      asOf: '2024-07-23',
      filedBy: '2020-01-01',
      firstFiling: { label: 'Original Schedule 13D', filedOn: '2021-10-12' },
      firstFilingWithHoldings: '2024-07-24',
    });
  });

  it('says a filing filed later discloses the holdings', async () => {
    const why = await explainEmptyHoldings(store, { issuer: ISSUER, asOf: '2021-01-01', filedBy: '2021-10-12' });
    expect(why).toEqual({
      reason: 'not-yet-disclosed',
      asOf: '2021-01-01',
      filedBy: '2021-10-12',
      firstFilingWithHoldings: '2024-07-24',
    });
  });

  it('gives the earliest date with holdings when they begin after the as-of date', async () => {
    const why = await explainEmptyHoldings(store, { issuer: ISSUER, asOf: '2019-12-01' });
    expect(why).toEqual({
      reason: 'holdings-begin-later',
      asOf: '2019-12-01',
      filedBy: null,
      earliestDate: '2020-01-15',
    });
  });

  it('says when no holdings are known at any date under the filed-by clock', async () => {
    const why = await explainEmptyHoldings(store, { issuer: ISSUER, asOf: '2019-12-01', filedBy: '2022-01-01' });
    expect(why).toEqual({ reason: 'no-holdings', asOf: '2019-12-01', filedBy: '2022-01-01' });
  });
});
