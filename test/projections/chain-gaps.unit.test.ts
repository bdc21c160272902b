import { describe, expect, it } from 'vitest';
import { chainGaps } from '../../projections/views/statement.js';

type Filed = Parameters<typeof chainGaps>[0][number];
const filing = (
  amendmentNumber: number | null,
  filedOn: string,
  accessionNumber: string | null = null,
  previousAccessionNumber?: string,
): Filed =>
  ({
    amendmentNumber,
    filedOn,
    accessionNumber,
    ...(previousAccessionNumber ? { previousAccessionNumber } : {}),
  }) as Filed;

describe('the filings a chain lacks', () => {
  it('names the amendment numbers below the latest that the ledger has no filing for, in runs', () => {
    expect(chainGaps([filing(4, '2020-05-01'), filing(7, '2021-01-01')])).toEqual([
      'The original Schedule 13D, Amendments No. 1-3 and Amendments No. 5-6 are not in the ledger: what they said is unknown, not nothing',
    ]);
    expect(chainGaps([filing(0, '2020-01-01'), filing(2, '2020-05-01')])).toEqual([
      'Amendment No. 1 is not in the ledger: what it said is unknown, not nothing',
    ]);
    expect(chainGaps([filing(0, '2020-01-01'), filing(1, '2020-05-01')])).toEqual([]);
  });

  it('says which amendments state no number', () => {
    expect(chainGaps([filing(0, '2020-01-01'), filing(null, '2020-03-02')])).toEqual([
      'an amendment filed 2020-03-02 states no number: placed by filing date',
    ]);
  });

  it('names a previous accession number that no recorded filing has, unless the amendment before it was recorded without one', () => {
    const a86 = filing(86, '2026-09-25', '0001539497-26-002605', '0001539497-26-001890');
    expect(chainGaps([filing(84, '2026-01-02', '0001539497-26-000001'), a86]).at(-1)).toBe(
      'Amendment No. 86 amends the filing with accession number 0001539497-26-001890, which is not in the ledger',
    );
    expect(chainGaps([filing(85, '2026-06-29'), a86]).some((note) => note.includes('accession'))).toBe(false);
    expect(
      chainGaps([filing(85, '2026-06-29', '0001539497-26-001890'), a86]).some((note) => note.includes('accession')),
    ).toBe(false);
  });
});
