/**
 * A synthetic issuer history for the benchmarks, shaped like what the store
 * returns (data already JSON-parsed): purchases, sales, warrant issues and
 * reported positions for many holders over 25 years, in effective-date order.
 */
import { stableUuid } from '../src/domain/index.js';
import type { StoredEventLike } from '../src/domain/index.js';

const HOLDERS = 200;

export function syntheticHistory(count: number): Array<StoredEventLike & { type: string }> {
  const start = Date.UTC(2000, 0, 3);
  const span = 25 * 365 * 86_400_000;
  const events: Array<StoredEventLike & { type: string }> = [];
  for (let i = 0; i < count; i++) {
    const day = new Date(start + Math.floor((span * i) / count)).toISOString().slice(0, 10);
    const personId = `holder-${i % HOLDERS}`;
    const base = {
      effectiveDate: day,
      disclosedOn: day,
      source: { amendmentNumber: 1 + Math.floor(i / 1000), accessionNumber: null, filedOn: day, item: '5(c)', quote: 'synthetic' },
      personId,
    };
    const kind = i % 20;
    const [type, data] =
      kind < 14
        ? ['SharesPurchased', { ...base, shares: 100 + (i % 900), method: 'open-market', pricePerShare: 1.25, totalPrice: null }]
        : kind < 17
          ? ['SharesSold', { ...base, shares: 10 + (i % 50), method: 'open-market', pricePerShare: 1.3 }]
          : kind < 19
            ? ['WarrantsIssued', { ...base, securityId: 'warrants', shares: 1_000, exercisePrice: 2, exercisableFrom: day, expiresOn: null }]
            : ['PositionReported', { ...base, securityId: 'common', quantity: 50_000 + i, sharesIssuableReported: null, exercisableFrom: null }];
    events.push({ id: stableUuid(`bench/${i}`), type, data, metadata: { recordedAt: `${day}T12:00:00.000Z` }, position: i + 1 });
  }
  return events;
}
