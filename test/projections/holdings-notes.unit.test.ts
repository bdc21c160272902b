import { describe, expect, it } from 'vitest';
import { holdingsFromEnvelopes } from '../../projections/views/holdings-at.js';
import { selectFacts } from '../../projections/timeline/facts.js';
import { historyOf } from '../../projections/views/history.js';
import { envelopes, on, sampleEnvelopes } from './build.js';

describe('control known only from a date (Mr. Ault, "on or before" 2024-07-23)', () => {
  it("history of Mr. Ault lists Ault & Company's changes only from the control date", () => {
    const view = historyOf(selectFacts(sampleEnvelopes()), 'milton-c-ault-iii');
    expect(view.throughControlledEntities.length).toBeGreaterThan(0);
    expect(view.throughControlledEntities.every((e) => e.date >= '2024-07-23')).toBe(true);
  });

  it('holdings before it say on the entity and the view that control is known only from that date', () => {
    const view = holdingsFromEnvelopes(sampleEnvelopes(), { asOf: '2024-07-01' });
    const company = view.holders.find((h) => h.personId === 'ault-and-company')!;
    const line =
      /Milton C\. Ault, III's control of Ault & Company, Inc\. is known only from 2024-07-23 \(stated "on or before" that date\)/;
    expect(company.notes.join('\n')).toMatch(line);
    expect(view.notes.join('\n')).toMatch(line);
    expect(holdingsFromEnvelopes(sampleEnvelopes(), { asOf: '2024-07-23' }).notes.join('\n')).not.toMatch(line);
  });
});

describe('security titles are timeless', () => {
  it('names the common stock by its title before the SecurityDescribed date', () => {
    // Given a purchase in 2019, and the title described as of 2024
    const events = envelopes([
      {
        type: 'SharesPurchased',
        data: {
          ...on('2019-01-02'),
          personId: 'fund',
          shares: 10,
          method: 'open-market',
          pricePerShare: null,
          totalPrice: null,
        },
      },
      {
        type: 'SecurityDescribed',
        data: {
          ...on('2024-01-01'),
          securityId: 'common',
          title: 'Class A Common Stock',
          kind: 'common',
          statedValue: null,
          conversionPrice: null,
          conversionPriceFloor: null,
          sharesPerUnit: null,
          exercisableFrom: null,
          expiresOn: null,
        },
      },
    ]);
    expect(holdingsFromEnvelopes(events, { asOf: '2019-06-01' }).holders[0]!.securities[0]!.title).toBe(
      'Class A Common Stock',
    );
    expect(historyOf(selectFacts(events), 'fund', '2019-06-01').changes[0]!.title).toBe('Class A Common Stock');
  });
});

describe('notes', () => {
  it('name the date of a stale shares-outstanding figure on the view', () => {
    const view = holdingsFromEnvelopes(sampleEnvelopes(), { asOf: '2024-08-01' });
    expect(view.notes).toContain(
      'shares outstanding as of 2024-07-23, the latest known on or before 2024-08-01; later issuances are not known to the ledger',
    );
  });

  it('format the exchange cap counts with thousands separators', () => {
    // Given warrants for 1,000,000 shares under a 19.99% cap of 1,000,000 shares: 199,900 issuable
    const events = envelopes([
      {
        type: 'WarrantsIssued',
        data: {
          ...on('2024-01-02'),
          personId: 'fund',
          securityId: 'w',
          shares: 1_000_000,
          exercisePrice: null,
          exercisableFrom: null,
          expiresOn: null,
        },
      },
      {
        type: 'ExchangeCapSet',
        data: {
          ...on('2024-01-02'),
          capId: 'cap',
          capPercent: 19.99,
          baseSharesOutstanding: 1_000_000,
          securityIds: ['w'],
          exchange: 'NYSE American',
        },
      },
    ]);
    const fund = holdingsFromEnvelopes(events, { asOf: '2024-01-03' }).holders[0]!;
    expect(fund.notes).toContain(
      'cap: the 19.99% exchange cap is in force: at most 199,900 shares issuable (19.99% of 1,000,000)',
    );
    expect(fund.aggregate).toBe(199_900);
  });

  it('say the aggregate is a lower bound when the cap base is unknown', () => {
    const events = envelopes([
      {
        type: 'WarrantsIssued',
        data: {
          ...on('2024-01-02'),
          personId: 'fund',
          securityId: 'w',
          shares: 1_000,
          exercisePrice: null,
          exercisableFrom: null,
          expiresOn: null,
        },
      },
      {
        type: 'ExchangeCapSet',
        data: {
          ...on('2024-01-02'),
          capId: 'cap',
          capPercent: 19.99,
          baseSharesOutstanding: null,
          securityIds: ['w'],
          exchange: 'NYSE American',
        },
      },
    ]);
    expect(holdingsFromEnvelopes(events, { asOf: '2024-01-03' }).holders[0]!.notes.join('\n')).toMatch(
      /the aggregate is a lower bound/,
    );
  });
});
