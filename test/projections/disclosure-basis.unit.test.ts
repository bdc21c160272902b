import { describe, expect, it } from 'vitest';
import { holdingsFromEnvelopes } from '../../projections/views/holdings-at.js';
import { selectFacts } from '../../projections/timeline/facts.js';
import { historyOf } from '../../projections/views/history.js';
import { envelopes, on, sampleEnvelopes } from './build.js';

// A synthetic 1-for-10 reverse split effective (and disclosed) 2022-01-01, added to the bundled history.
// Amendment No. 8 (filed 2024-07-24) states the 2020 purchases (88, 55, 36 shares; $10,989 conversion price)
// in the share basis of July 2024, i.e. after the split.
const withSplit = () => {
  const sample = sampleEnvelopes();
  return [
    ...sample,
    ...envelopes([{ type: 'StockSplit', data: { ...on('2022-01-01'), from: 10, to: 1 } }], undefined, sample.length),
  ];
};
const company = (asOf: string, events = withSplit()) =>
  holdingsFromEnvelopes(events, { asOf }).holders.find((h) => h.personId === 'ault-and-company')!;

describe('counts stated in the share basis of their disclosure', () => {
  it('keeps the 2020-2021 shares at 88 + 55 + 36 after the split, plus the 10,000 bought in 2024', () => {
    // Given the split between the purchases (2020-2021) and their disclosure (2024-07-24)
    // When holdings are asked the day before Amendment No. 8's event date
    // Then the shares are as Amendment No. 8 states them: 88 + 55 + 36 + 10,000 = 10,179
    expect(company('2024-07-22').sharesOwned.direct).toBe(88 + 55 + 36 + 10_000);
  });

  it('gives the pre-split basis before the split: 880 + 550 shares, and the note converting at $10,989 / 10', () => {
    // Given 2021-01-01, between the first conversion and the split
    const c = company('2021-01-01');
    // Then 88 x 10 + 55 x 10 = 1,430 pre-split shares
    expect(c.sharesOwned.direct).toBe(880 + 550);
    // And the $400,000 left converts at $1,098.90 (pre-split) = 364 shares (36.4 after the split)
    const note = c.securities.find((s) => s.securityId === 'convertible-note-2020')!;
    expect(note.conversionPrice).toBeCloseTo(10_989 / 10, 9);
    expect(note.sharesIssuable).toBe(Math.floor(400_000 / 1_098.9));
  });

  it('adjusted to the latest basis, 2021-01-01 shows 88 + 55 again', () => {
    const view = holdingsFromEnvelopes(withSplit(), { asOf: '2021-01-01' }, { shareBasis: 'adjusted' });
    expect(view.holders.find((h) => h.personId === 'ault-and-company')!.sharesOwned.direct).toBe(88 + 55);
  });

  it('leaves every figure of 2024-07-23 as Amendment No. 8 reports it', () => {
    const c = company('2024-07-23');
    expect(c.aggregate).toBe(214_940_800);
    expect(c.basis).toBe('reported');
  });

  it('history lists the purchase as 880 shares, the split taking them to 88', () => {
    const view = historyOf(selectFacts(withSplit()), 'ault-and-company');
    const common = view.changes.filter((e) => e.securityId === 'common');
    expect(common.slice(0, 4).map((e) => [e.date, e.change, e.quantityAfter])).toEqual([
      ['2020-01-15', 880, 880],
      ['2020-08-20', 550, 1_430],
      ['2021-05-12', 360, 1_790],
      ['2022-01-01', -1_611, 179],
    ]);
  });

  it('the sample without a split is unchanged', () => {
    expect(company('2024-07-22', sampleEnvelopes()).sharesOwned.direct).toBe(88 + 55 + 36 + 10_000);
    expect(company('2021-01-01', sampleEnvelopes()).sharesOwned.direct).toBe(88 + 55);
  });
});
