import { describe, expect, it } from 'vitest';
import { selectFacts } from '../../projections/timeline/facts.js';
import { reconcile } from '../../projections/views/reconciliation.js';
import { statementAt } from '../../projections/views/statement.js';
import { historyOf } from '../../projections/views/history.js';
import { validateEvent } from '../../src/domain/index.js';
import { planIngest } from '../../src/ingest/plan-filing.js';
import { readFilingFile } from '../../src/ingest/read-filing.js';
import { AULT_TEXT, SYNTHETIC_AMENDMENT_XML, SYNTHETIC_XML } from '../ingest/fixtures.js';
import { RECORDED, sampleEnvelopes } from './build.js';

describe('reconciliation of Amendment No. 8', () => {
  const view = reconcile(selectFacts(sampleEnvelopes()));
  const find = (kind: string, pattern: RegExp) =>
    view.findings.filter((f) => f.kind === kind && pattern.test(f.message));

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

describe('reconciliation of ingested filings', () => {
  const ingested = async (...files: string[]) => {
    const events = [];
    for (const file of files) events.push(...planIngest(await readFilingFile(file)).events);
    const view = reconcile(
      selectFacts(events.map((e, i) => ({ id: e.id, event: validateEvent(e), recordedAt: RECORDED, position: i }))),
    );
    const all = [
      ...view.findings.map((f) => ({ ...f, ok: false })),
      ...view.consistent.map((f) => ({ ...f, ok: true })),
    ];
    return {
      view,
      pick: (kind: string, pattern: RegExp) => all.filter((f) => f.kind === kind && pattern.test(f.message)),
    };
  };

  it("finds in the seed text Mr. Horne's sole voting power, 162 on the cover and 81 in Item 5(b)", async () => {
    // Given the seed text ingested
    const { view } = await ingested(AULT_TEXT);
    // When reconciled, Then the cover-vs-Item 5 finding carries both numbers
    const horne = view.findings.filter((f) => f.kind === 'cover-vs-item-5' && f.personId === 'william-b-horne');
    expect(horne.map((f) => [f.message.replace(/:.*? is/, ':'), f.reported, f.computed])).toEqual([
      ['William B. Horne: 162 on the cover page but 81 in Item 5(b)', 162, 81],
      ['William B. Horne: 162 on the cover page but 81 in Item 5(b)', 162, 81],
    ]);
  });

  it('checks each cover percent at two decimals against aggregate / (outstanding + own rights)', async () => {
    // Given the seed text: 35,846,318 Shares outstanding (Item 5)
    const { pick } = await ingested(AULT_TEXT);
    // When reconciled
    const [company] = pick('percent-arithmetic', /^Ault & Company/);
    // Then 214,940,800 / (35,846,318 + 200,000,000 + 14,915,571) = 85.7151% rounds to the reported 85.72%
    expect(company).toMatchObject({ ok: true, reported: '85.72%', computed: 85.7151 });
    expect(pick('percent-arithmetic', /./).map((f) => f.ok)).toEqual([true, true, true, true, true]);
  });

  it('checks cover row 11 against what the footnotes on rows 7 and 8 enumerate', async () => {
    // Given the seed text, where Mr. Ault's footnote (1) on row 7 lists 2,245 + 81 and (2) on row 8 lists 25,229 +
    // 200,000,000 + 14,915,571
    const { pick } = await ingested(AULT_TEXT);
    // When reconciled
    const [row11] = pick('footnote-sum', /^Milton C\. Ault, III: row 11/);
    // Then 2,326 + 214,940,800 = 214,943,126, the row 11 figure
    expect(row11).toMatchObject({ ok: true, reported: 214_943_126, computed: 2_326 + 214_940_800 });
    const [horne7] = pick('footnote-sum', /^William B\. Horne: row 7/);
    expect(horne7).toMatchObject({ ok: true, reported: 162, computed: 81 + 81 });
  });

  it("adds up each Item 5(a) breakdown: Mr. Ault's five parts make 214,943,126", async () => {
    // Given the seed text
    const { pick } = await ingested(AULT_TEXT);
    // When reconciled, Then 2,245 + 81 + 25,229 + 200,000,000 + 14,915,571 = 214,943,126
    const [ault] = pick('item-5-breakdown', /^Milton C\. Ault, III/);
    expect(ault).toMatchObject({
      ok: true,
      reported: 214_943_126,
      computed: 2_245 + 81 + 25_229 + 200_000_000 + 14_915_571,
    });
    expect(pick('item-5-breakdown', /./)).toHaveLength(5);
  });

  it('says of the synthetic XML that no shares outstanding are stated, and what the percents imply', async () => {
    // Given the synthetic statement: Kestrel Hollow Partners 1,640,000 at 7.7%, Ms. Castellano 1,850,000 at 8.6%, no
    // share count anywhere in it
    const { view, pick } = await ingested(SYNTHETIC_XML);
    // When reconciled
    const notStated = view.findings.filter((f) => f.kind === 'percent-denominator-not-stated');
    // Then each percent is reported as uncheckable, with the denominator it implies (a one-decimal percent is within
    // 0.05):
    // 1,640,000 / 7.75% = 21,161,290.3 (up: 21,161,291) to 1,640,000 / 7.65% = 21,437,908.5 (down: 21,437,908);
    // 1,850,000 / 8.65% = 21,387,283.2 (up: 21,387,284) to 1,850,000 / 8.55% = 21,637,426.9 (down: 21,637,426)
    expect(notStated.map((f) => [f.personId, f.reported, f.computed])).toEqual([
      ['kestrel-hollow-partners-lp', '7.7', null],
      ['castellano-imogen-rose', '8.6', null],
    ]);
    expect(notStated[0]!.message).toContain('21,161,291 to 21,437,908');
    expect(notStated[1]!.message).toContain('21,387,284 to 21,637,426');
    // And the two percents fit one denominator: the larger low, 21,387,284, to the smaller high, 21,437,908
    expect(pick('percent-arithmetic', /fit one denominator/)).toMatchObject([
      { ok: true, computed: '21387284-21437908' },
    ]);
    // And nothing claims the filing's securities give zero: it reports no security-by-security positions
    expect(view.findings.filter((f) => f.kind === 'cover-vs-positions')).toEqual([]);
    expect(pick('powers-vs-aggregate', /Castellano Imogen Rose: cover page/)).toMatchObject([
      { ok: true, reported: 1_850_000, computed: 210_000 + 1_640_000 },
    ]);
  });

  it('checks an amendment that restates only aggregate and percent on the rows it states', async () => {
    // Given the synthetic original and a 13D/A restating Kestrel Hollow Partners' aggregate (1,760,000) and percent
    // (8.2) only
    const { view } = await ingested(SYNTHETIC_XML, SYNTHETIC_AMENDMENT_XML);
    // When reconciled, Then its percent is checked like the original's, and no absent row is read as zero
    const amendment = view.findings.filter((f) => f.filing === 'Amendment No. 1');
    expect(amendment.map((f) => [f.kind, f.reported])).toEqual([['percent-denominator-not-stated', '8.2']]);
    expect(amendment[0]!.message).toContain('1,760,000 shares stated as 8.2%');
  });
});
