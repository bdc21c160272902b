import { describe, expect, it } from 'vitest';
import { selectFacts } from '../../projections/timeline/facts.js';
import { holdingsAt } from '../../projections/views/holdings-at.js';
import { envelopes, on } from './build.js';

describe('a sale of more shares than the transactions show held', () => {
  it('keeps the arithmetic and names the missing acquisition, never a silent negative', () => {
    // Given 88 + 55 + 36 = 179 shares bought, then 5,000 sold
    const buy = (date: string, shares: number) => ({
      type: 'SharesPurchased' as const,
      data: {
        ...on(date),
        personId: 'ault-and-company',
        shares,
        method: 'open-market' as const,
        pricePerShare: null,
        totalPrice: null,
      },
    });
    const facts = selectFacts(
      envelopes([
        buy('2020-01-15', 88),
        buy('2020-08-20', 55),
        buy('2021-05-12', 36),
        {
          type: 'SharesSold',
          data: {
            ...on('2024-08-20'),
            personId: 'ault-and-company',
            shares: 5_000,
            method: 'open-market',
            pricePerShare: 0.15,
            totalPrice: null,
          },
        },
      ]),
    );
    // When holdings are asked for after the sale
    const holder = holdingsAt(facts, '2024-08-21').holders.find((h) => h.personId === 'ault-and-company')!;
    // Then the position is 179 - 5,000 = -4,821, and the gap of 5,000 - 179 = 4,821 is named
    expect(holder.securities.find((s) => s.securityId === 'common')?.quantity).toBe(179 - 5_000);
    expect(holder.unexplainedDifferences).toEqual([
      expect.objectContaining({
        kind: 'sale-exceeds-holding',
        securityId: 'common',
        asOf: '2024-08-20',
        reported: 5_000,
        computed: 179,
        difference: 5_000 - 179,
      }),
    ]);
  });
});
