import { describe, expect, it } from 'vitest';
import { selectFacts } from '../../projections/timeline/facts.js';
import { holdingsAt } from '../../projections/views/holdings-at.js';
import { sampleEnvelopes } from './build.js';

describe('expired rights', () => {
  it('note warrants expired on 2028-10-13 are not counted at 2029-01-01, and say so', () => {
    const facts = selectFacts(sampleEnvelopes());
    const ault = (d: string) => holdingsAt(facts, d).holders.find((h) => h.personId === 'ault-and-company')!;
    const before = ault('2028-10-01').securities.find((s) => s.kind === 'warrant' && s.sharesIssuable === 1_907_440);
    expect(before?.countedShares).toBe(1_907_440);
    const after = ault('2029-01-01');
    const warrants = after.securities.find((s) => s.kind === 'warrant' && s.sharesIssuable === 1_907_440)!;
    expect(warrants.countedShares).toBe(0);
    expect(warrants.exercisableWithin60Days).toBe(false);
    expect(after.notes.some((n) => n.includes('expired on 2028-10-13'))).toBe(true);
  });
});

describe('holdings', () => {
  describe('when a right expires on the as-of day', () => {
    // Item 6: the Warrants (Senior Note) "have a five-year term, expiring on the fifth anniversary of the closing
    // date"; the closing was 2023-10-13, so they expire on 2028-10-13. Item 3: they are exercisable into 1,907,440
    // Shares.
    const facts = selectFacts(sampleEnvelopes());
    const company = (asOf: string) => holdingsAt(facts, asOf).holders.find((h) => h.personId === 'ault-and-company')!;
    const noteWarrants = (asOf: string) => company(asOf).securities.find((s) => s.securityId === 'note-warrants')!;

    it('still counts the 1,907,440 warrant shares on the day before', () => {
      // When holdings are asked on 2028-10-12
      const warrants = noteWarrants('2028-10-12');
      // Then they count in full, and no expiry is noted
      expect(warrants).toMatchObject({
        sharesIssuable: 1_907_440,
        exercisableWithin60Days: true,
        countedShares: 1_907_440,
      });
      expect(company('2028-10-12').notes.join('\n')).not.toMatch(/expired/);
    });

    it('counts none of them on the expiry day itself, and says so', () => {
      // When holdings are asked on 2028-10-13
      const warrants = noteWarrants('2028-10-13');
      // Then the warrants are listed with their 1,907,440 shares but count 0
      expect(warrants).toMatchObject({ sharesIssuable: 1_907_440, exercisableWithin60Days: false, countedShares: 0 });
      expect(company('2028-10-13').notes).toContain('Warrants (Senior Note): expired on 2028-10-13; not counted');
      // And the aggregate is Amendment No. 8's 214,940,800 less the 1,907,440: 25,229 + 200,000,000 + 13,008,131 =
      // 213,033,360
      expect(company('2028-10-12').aggregate).toBe(214_940_800);
      expect(company('2028-10-13').aggregate).toBe(213_033_360);
    });
  });
});
