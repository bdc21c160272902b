import { describe, expect, it } from 'vitest';
import { selectFacts } from '../../projections/timeline/facts.js';
import { holdingsAt, holdingsSeries } from '../../projections/views/holdings-at.js';
import { asTimeline, buildTimeline } from '../../projections/timeline/timeline.js';
import { envelopes, on, sampleEnvelopes } from './build.js';

const DATES = [
  '2019-12-31',
  '2020-01-15',
  '2020-08-20',
  '2021-05-12',
  '2023-12-14',
  '2024-02-15',
  '2024-03-19',
  '2024-06-17',
  '2024-07-23',
  '2024-07-24',
  '2025-01-01',
];

describe('a timeline built once for many as-of queries', () => {
  it('give the same holdings as selecting and folding per query, at every date', () => {
    // Given the bundled history
    const log = sampleEnvelopes();
    // When the timeline is built once (with a checkpoint every 8 facts) and queried at many dates
    const timeline = buildTimeline(log, {}, { checkpointEvery: 8 });
    // Then each answer equals the one-off query on freshly selected facts
    for (const asOf of DATES) expect(holdingsAt(timeline, asOf)).toEqual(holdingsAt(selectFacts(log), asOf));
    // And the queries started from checkpoints
    expect([...timeline.checkpoints.values()][0]!.length).toBeGreaterThan(2);
  });

  it('give the same holdings in one pass over many dates, in the order asked', () => {
    const facts = selectFacts(sampleEnvelopes());
    const dates = [...DATES].reverse();
    expect(holdingsSeries(facts, dates)).toEqual(dates.map((asOf) => holdingsAt(facts, asOf)));
  });

  it('are not changed by the queries: a checkpoint cloned and folded on leaves the original', () => {
    // Given 40 purchases of 10 shares, one a day, with checkpoints every 8
    const buys = Array.from({ length: 40 }, (_, i) => ({
      type: 'SharesPurchased' as const,
      data: {
        ...on(`2024-01-${String(1 + (i % 28)).padStart(2, '0')}`),
        personId: 'fund',
        shares: 10,
        method: 'open-market' as const,
        pricePerShare: null,
        totalPrice: null,
      },
    }));
    const timeline = asTimeline(selectFacts(envelopes(buys)), { checkpointEvery: 8 });
    // When the same date is asked twice, after a later date
    const first = holdingsAt(timeline, '2024-01-10').holders[0]!.aggregate;
    holdingsAt(timeline, '2024-01-28');
    // Then: days 1-10 appear twice among the first 40 purchases (i and i + 28 for i < 12) -> (10 + 10) x 10 shares
    expect(first).toBe((10 + 10) * 10);
    expect(holdingsAt(timeline, '2024-01-10').holders[0]!.aggregate).toBe(first);
  });
});
