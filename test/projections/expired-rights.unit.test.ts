import { describe, expect, it } from 'vitest';
import { selectFacts } from '../../projections/facts.js';
import { holdingsAt } from '../../projections/holdings-at.js';
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
