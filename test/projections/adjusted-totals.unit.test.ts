import { describe, expect, it } from 'vitest';
import { selectFacts } from '../../projections/timeline/facts.js';
import { holdingsAt } from '../../projections/views/holdings-at.js';
import { validateEvent } from '../../src/domain/index.js';
import { on, sampleEnvelopes } from './build.js';

describe('holdings restated into a later share basis', () => {
  // Given the bundled history and a 1-for-10 reverse split on 2025-01-02
  const split = {
    id: '20000000-0000-4000-8000-000000000001',
    event: validateEvent({ type: 'StockSplit', data: { ...on('2025-01-02'), from: 10, to: 1 } }),
    recordedAt: '2025-01-03T00:00:00.000Z',
    position: 10_000,
  };
  const facts = selectFacts([...sampleEnvelopes(), split]);
  const adjusted = holdingsAt(facts, '2024-07-23', { shareBasis: 'adjusted' });
  const holder = (id: string) => adjusted.holders.find((h) => h.personId === id)!;

  it('restates each total from its unrounded figure, rounding down once', () => {
    // 214,940,800 / 10 = 21,494,080 (not the sum of floored parts); 77 / 10 = 7.7 -> 7
    expect(holder('ault-and-company').aggregate).toBe(21_494_080);
    expect(holder('ault-and-company').soleVotingPower).toBe(21_494_080);
    expect(holder('kenneth-s-cragun').aggregate).toBe(7);
  });

  it('never presents a restated figure as reported', () => {
    expect(adjusted.holders.map((h) => h.basis)).not.toContain('reported');
    expect(adjusted.holders.flatMap((h) => h.securities.map((s) => s.basis))).not.toContain('reported');
  });
});
