import { describe, expect, it } from 'vitest';
import { holdingsFromEnvelopes } from '../../projections/views/holdings-at.js';
import { selectFacts } from '../../projections/timeline/facts.js';
import { historyOf } from '../../projections/views/history.js';
import type { DomainEventInput } from '../../src/domain/index.js';
import { envelopes } from './build.js';

const src = (amendmentNumber: number, filedOn: string) => ({
  amendmentNumber,
  accessionNumber: null,
  filedOn,
  item: '5(a)',
  quote: 'test',
});
const reported = (
  amendmentNumber: number,
  asOf: string,
  filedOn: string,
  securityId: string,
  quantity: number,
): DomainEventInput => ({
  type: 'PositionReported',
  data: {
    effectiveDate: asOf,
    disclosedOn: filedOn,
    source: src(amendmentNumber, filedOn),
    personId: 'fund',
    securityId,
    quantity,
    sharesIssuableReported: securityId === 'common' ? null : quantity,
    exercisableFrom: null,
  },
});
const warrant = (securityId: string): DomainEventInput => ({
  type: 'SecurityDescribed',
  data: {
    effectiveDate: '2024-01-01',
    disclosedOn: '2024-01-01',
    source: src(1, '2024-01-01'),
    securityId,
    title: `Warrants ${securityId}`,
    kind: 'warrant',
    statedValue: null,
    conversionPrice: null,
    conversionPriceFloor: null,
    sharesPerUnit: 1,
    exercisableFrom: null,
    expiresOn: null,
  },
});

// Amendment No. 1 lists common 100 and warrants "w-old" 50; Amendment No. 2 lists the same position
// with the warrants under another id, "w-new" (as a second ingest of the same holding would).
const facts = envelopes([
  warrant('w-old'),
  warrant('w-new'),
  reported(1, '2024-02-01', '2024-02-05', 'common', 100),
  reported(1, '2024-02-01', '2024-02-05', 'w-old', 50),
  reported(2, '2024-06-01', '2024-06-05', 'common', 100),
  reported(2, '2024-06-01', '2024-06-05', 'w-new', 50),
]);

describe("a later filing's Item 5 breakdown", () => {
  it("is the person's complete position: the earlier warrants it leaves out are closed, not added", () => {
    // When holdings are asked after Amendment No. 2
    const fund = holdingsFromEnvelopes(facts, { asOf: '2024-06-30' }).holders.find((h) => h.personId === 'fund')!;
    // Then 100 common + 50 warrant shares, not 100 + 50 + 50
    expect(fund.aggregate).toBe(100 + 50);
    expect(fund.securities.map((s) => [s.securityId, s.quantity])).toEqual([
      ['common', 100],
      ['w-new', 50],
    ]);
  });

  it('names the disappearance the transactions do not explain', () => {
    const fund = holdingsFromEnvelopes(facts, { asOf: '2024-06-30' }).holders.find((h) => h.personId === 'fund')!;
    const closed = fund.unexplainedDifferences.filter((d) => d.securityId === 'w-old');
    expect(closed.map((d) => [d.asOf, d.reported, d.computed, d.difference])).toEqual([['2024-06-01', 0, 50, -50]]);
  });

  it('records the closing in history', () => {
    const entry = historyOf(selectFacts(facts), 'fund')
      .changes.filter((e) => e.securityId === 'w-old')
      .at(-1)!;
    expect([entry.date, entry.change, entry.quantityAfter, entry.kind]).toEqual(['2024-06-01', -50, 0, 'reported']);
    expect(entry.note).toMatch(
      /not in the filing's breakdown as of 2024-06-01: closed; transactions give 50: -50 unexplained/,
    );
  });

  it('before Amendment No. 2, still holds the earlier warrants', () => {
    const fund = holdingsFromEnvelopes(facts, { asOf: '2024-05-31' }).holders.find((h) => h.personId === 'fund')!;
    expect(fund.aggregate).toBe(150);
    expect(fund.unexplainedDifferences).toEqual([]);
  });
});
