import { describe, expect, it } from 'vitest';
import { readFilingFile } from '../../src/ingest/read-filing.js';
import { AULT_TEXT, fixture } from './fixtures.js';

// Expected figures are those printed on the cover pages of Amendment No. 8 (2024-07-24).
const EXPECTED = [
  {
    name: 'AULT & COMPANY, INC.',
    sole: 214_940_800,
    shared: 0,
    aggregate: 214_940_800,
    percent: { kind: 'value', value: 85.72 },
    type: ['CO'],
    citizenship: 'Delaware',
  },
  {
    name: 'MILTON C. AULT, III',
    sole: 2_326,
    shared: 214_940_800,
    aggregate: 214_943_126,
    percent: { kind: 'value', value: 85.72 },
    type: ['IN'],
    citizenship: 'U.S.A.',
  },
  {
    name: 'WILLIAM B. HORNE',
    sole: 162,
    shared: 0,
    aggregate: 162,
    percent: { kind: 'less-than', bound: 1 },
    type: ['IN'],
    citizenship: 'U.S.A.',
  },
  {
    name: 'HENRY C.W. NISSER',
    sole: 163,
    shared: 0,
    aggregate: 163,
    percent: { kind: 'less-than', bound: 1 },
    type: ['IN'],
    citizenship: 'SWEDEN',
  },
  {
    name: 'KENNETH S. CRAGUN',
    sole: 77,
    shared: 0,
    aggregate: 77,
    percent: { kind: 'less-than', bound: 1 },
    type: ['IN'],
    citizenship: 'U.S.A.',
  },
];

describe('cover pages', () => {
  describe.each([
    ['the text converted from EDGAR HTML (one-line and multi-line rows)', AULT_TEXT],
    ['a reflowed text with Wingdings boxes and "(1)" markers', fixture('ault-a8-reflowed.txt')],
    ['the raw HTML table version', fixture('ault-a8.htm')],
    ['the full submission text file', fixture('ault-a8-submission.txt')],
  ])('read from %s', (_layout, file) => {
    it('finds the five reporting persons with every figure of rows 7 to 14', async () => {
      // Given the filing in this layout
      // When it is parsed
      const filing = await readFilingFile(file);
      // Then each cover page carries the figures the filing prints
      expect(filing.coverPages).toHaveLength(5);
      filing.coverPages.forEach((cover, i) => {
        const want = EXPECTED[i]!;
        expect(cover).toMatchObject({
          name: want.name,
          soleVotingPower: want.sole,
          sharedVotingPower: want.shared,
          soleDispositivePower: want.sole,
          sharedDispositivePower: want.shared,
          aggregate: want.aggregate,
          percentOfClass: want.percent,
          typeOfReportingPerson: want.type,
          citizenship: want.citizenship,
          memberOfGroup: { a: true, b: false },
          sourceOfFunds: ['AF'],
          legalProceedings: false,
          excludesCertainShares: false,
        });
      });
    });

    it('keeps the footnotes and which rows point to them', async () => {
      const filing = await readFilingFile(file);
      const ault = filing.coverPages[1]!;
      expect(ault.rowFootnotes).toEqual({ 7: ['1'], 8: ['2'], 9: ['1'], 10: ['2'] });
      expect(ault.footnotes.map((f) => f.marker)).toEqual(['1', '2']);
      expect(ault.footnotes[0]!.text).toContain('2,245 shares of Common Stock');
      // The escaped "\$" of the converted text reads as a plain dollar sign.
      expect(filing.coverPages[0]!.footnotes[0]!.text).toContain('stated value of $1,000.00');
    });
  });

  it("reads Horne's multi-line rows exactly like Ault & Company's one-line rows", async () => {
    // Given the seed text, where Horne's values sit on the line after each label
    const filing = await readFilingFile(AULT_TEXT);
    // Then his cover page parses to the figures printed under the labels
    expect(filing.coverPages[2]).toMatchObject({
      name: 'WILLIAM B. HORNE',
      soleVotingPower: 162,
      aggregate: 162,
      place: 'line 81',
    });
  });
});
