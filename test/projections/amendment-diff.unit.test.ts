import { describe, expect, it } from 'vitest';
import { amendmentDiff } from '../../projections/views/amendment-diff.js';
import { buildTimeline } from '../../projections/timeline/timeline.js';
import { sampleEnvelopes } from './build.js';

const timeline = buildTimeline(sampleEnvelopes());

describe('what changed between Amendment No. 7 and Amendment No. 8', () => {
  // Folded in each test, not while the file is collected (a mutation run switches mutants per test).
  const diff = () => amendmentDiff(timeline, 7, 8);

  it('names both filings, and that the contents of Amendment No. 7 are unknown', () => {
    // Given the bundled chain: Amendment No. 7 filed 2023-10-24 (contents unknown), No. 8 filed 2024-07-24
    // Then
    expect(diff().from).toMatchObject({
      amendment: 7,
      filedOn: '2023-10-24',
      contentsKnown: false,
      holdingsAsOf: '2023-10-24',
    });
    expect(diff().to).toMatchObject({
      amendment: 8,
      filedOn: '2024-07-24',
      eventDate: '2024-07-23',
      contentsKnown: true,
      holdingsAsOf: '2024-07-23',
    });
  });

  it('lists the items Amendment No. 8 restated: 2, 3, 5, 6 and 7', () => {
    expect(diff().itemsRestated).toHaveLength(1);
    expect(diff().itemsRestated[0]!.items.map((i) => `${i.item}:${i.change}`)).toEqual([
      '2:restated',
      '3:restated',
      '5:restated',
      '6:restated',
      '7:restated',
    ]);
  });

  it('shows cover rows as after-only, never as changes from zero, because no earlier cover page is known', () => {
    const company = diff().coverChanges.find((c) => c.personId === 'ault-and-company')!;
    expect(company.change).toBe('before-unknown');
    expect(company.fields.find((f) => f.row === '11')).toEqual({
      row: '11',
      field: 'aggregate',
      before: null,
      after: 214_940_800,
    });
    expect(diff().personsAdded).toBeNull();
    expect(diff().notes.join('\n')).toMatch(/No cover page is known through Amendment No. 7/);
  });

  it('compares holdings at 2023-10-24 (from transactions) and 2024-07-23 (reported), with the basis', () => {
    const company = diff().holdingChanges.find((h) => h.personId === 'ault-and-company')!;
    // 2023-10-24: 88 + 55 + 36 common shares; the note warrants are exercisable only from 2024-04-15,
    // more than 60 days ahead, and shares outstanding are not known then.
    expect(company.before).toMatchObject({ aggregate: 88 + 55 + 36, percentOfClass: null, basis: 'transactions' });
    expect(company.after).toMatchObject({ aggregate: 214_940_800, basis: 'reported' });
    expect(company.changes.map((c) => c.field)).toContain('aggregate');
    // Mr. Horne: nothing known on 2023-10-24 (not zero); 81 + 81 = 162 on 2024-07-23
    const horne = diff().holdingChanges.find((h) => h.personId === 'william-b-horne')!;
    expect(horne.before).toBeNull();
    expect(horne.after?.aggregate).toBe(162);
    expect(diff().notes.join('\n')).toMatch(/Amendment No. 7's figures are not at hand/);
  });
});

describe('a diff between two filings with unknown contents', () => {
  it('says the later filing changed what cannot be said, and reports no cover changes', () => {
    const diff = () => amendmentDiff(timeline, 3, 5);
    expect(diff().itemsRestated.map((f) => [f.amendment, f.contentsKnown])).toEqual([
      [4, false],
      [5, false],
    ]);
    expect(diff().coverChanges).toEqual([]);
    expect(diff().notes.join('\n')).toMatch(/Amendment No. 5's contents are unknown/);
  });

  it('refuses an amendment the ledger does not have', () => {
    expect(() => amendmentDiff(timeline, 8, 9)).toThrow(/No Amendment No. 9/);
  });
});
