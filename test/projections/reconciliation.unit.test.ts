import { describe, expect, it } from 'vitest';
import { selectFacts } from '../../projections/facts.js';
import { reconcile } from '../../projections/reconciliation.js';
import { statementAt } from '../../projections/statement.js';
import { historyOf } from '../../projections/history.js';
import { sampleEnvelopes } from './build.js';

describe('reconciliation of Amendment No. 8', () => {
  const view = reconcile(selectFacts(sampleEnvelopes()));
  const find = (kind: string, pattern: RegExp) => view.findings.filter((f) => f.kind === kind && pattern.test(f.message));

  it('finds the undisclosed 500-share Series C closing and its 147,820 warrant shares', () => {
    const [preferred] = find('unexplained-position-difference', /Series C Convertible Preferred/);
    expect([preferred?.reported, preferred?.computed]).toEqual([44_000, 41_500 + 4 * 500]);
    expect(preferred?.message).toMatch(/500 unexplained.*one more closing/);
    const [warrants] = find('unexplained-position-difference', /Series C Warrants/);
    expect([warrants?.reported, warrants?.computed]).toEqual([13_008_131, 12_269_031 + 4 * 147_820]);
  });

  it("finds that disclosed acquisitions explain 10,179 of Ault & Company's 25,229 shares", () => {
    const [common] = find('unexplained-position-difference', /Common Stock/);
    expect([common?.reported, common?.computed]).toEqual([25_229, 88 + 55 + 36 + 10_000]);
    expect(common?.message).toContain('88 + 55 + 36 + 10,000');
  });

  it("finds Mr. Horne's sole voting power: 162 on the cover, 81 in Item 5(b)", () => {
    const [voting] = find('cover-vs-item-5', /Horne: sole voting power/);
    expect([voting?.reported, voting?.computed]).toEqual([162, 81]);
  });

  it('finds the notice address Suite 330 against Item 2(b) Suite 240', () => {
    const [address] = view.findings.filter((f) => f.kind === 'address-mismatch');
    expect([address?.reported, address?.computed]).toEqual(['Suite 330', 'Suite 240']);
  });

  it('checks each cover percent against aggregate / (outstanding + own rights), and they hold', () => {
    const percents = view.consistent.filter((f) => f.kind === 'percent-arithmetic');
    expect(percents).toHaveLength(5);
    expect(view.findings.filter((f) => f.kind === 'percent-arithmetic')).toEqual([]);
  });

  it('reports the seven earlier filings and the original as not checked, their contents unknown', () => {
    expect(view.notChecked).toHaveLength(8);
  });
});

describe('statement as of a date', () => {
  const facts = selectFacts(sampleEnvelopes());

  it('folds only the filings filed by then, and names which items Amendment No. 8 restated', () => {
    expect(statementAt(facts, '2023-12-31').filings.map((f) => f.amendmentNumber)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const current = statementAt(facts, '2024-07-24');
    expect(current.filings.at(-1)?.itemsChanged).toEqual(['2', '3', '5', '6', '7']);
    expect(current.items.find((i) => i.item === '4')?.lastChangedBy).toBeNull();
    expect(current.coverPages).toHaveLength(5);
  });
});

describe('history of a holder', () => {
  it("lists each change to Ault & Company's positions, dated, with its source", () => {
    const history = historyOf(selectFacts(sampleEnvelopes()), 'ault-and-company');
    const common = history.changes.filter((c) => c.securityId === 'common');
    expect(common.map((c) => [c.date, c.change])).toEqual([
      ['2020-01-15', 88],
      ['2020-08-20', 55],
      ['2021-05-12', 36],
      ['2024-06-17', 10_000],
      ['2024-07-23', 25_229 - 10_179],
    ]);
    expect(common.at(-1)?.kind).toBe('reported');
    expect(common[0]?.source.quote).toMatch(/88 Shares for a total purchase price of \$739,948/);
  });
});
