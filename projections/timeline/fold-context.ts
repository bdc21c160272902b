/**
 * What the positions fold needs to know beyond the facts before each one:
 * every split known under the clocks (even those effective after the fact being
 * folded), and the securities each filing reports for each person.
 *
 * Share basis of a fact (DOMAIN.md: "Figures are stated as of a date, in the
 * issuer's share count after any splits"): a fact's share counts and per-share
 * prices are stated in the share basis in force on its `disclosedOn` date, the day
 * the filing made it public. Amendment No. 8 (filed 2024-07-24) states the 2020
 * purchases in the July 2024 basis. Folding converts them into the basis at the
 * fact's `effectiveDate` by undoing the splits effective in (effectiveDate,
 * disclosedOn]; the fold then applies those splits in date order, so after them
 * the counts are back to what the filing says (88 disclosed after a 1-for-10
 * split is 880 shares at the purchase, 88 again after the split).
 */
import type { IsoDate } from '../../src/domain/index.js';
import type { Fact } from './facts.js';

export interface ContextSplit {
  effectiveDate: IsoDate;
  from: number;
  to: number;
}

export interface FoldContext {
  /** Every split known under the clocks, in fold order. */
  readonly splits: readonly ContextSplit[];
  /**
   * Keyed by reportSetKey: the securities one filing reports for one person as of one date.
   * Rule (Item 5(a)): a filing's security-by-security breakdown is the person's complete position.
   */
  readonly reportSets: ReadonlyMap<string, ReadonlySet<string>>;
}

export const EMPTY_CONTEXT: FoldContext = { splits: [], reportSets: new Map() };

/** One pass over the facts (only splits and reported positions are looked at). */
export function foldContext(facts: readonly Fact[]): FoldContext {
  const splits: ContextSplit[] = [];
  const reportSets = new Map<string, Set<string>>();
  for (const fact of facts) {
    const event = fact.event;
    if (event.type === 'StockSplit')
      splits.push({ effectiveDate: event.data.effectiveDate, from: event.data.from, to: event.data.to });
    else if (event.type === 'PositionReported') {
      const key = reportSetKey(event.data);
      const set = reportSets.get(key);
      if (set === undefined) reportSets.set(key, new Set([event.data.securityId]));
      else set.add(event.data.securityId);
    }
  }
  return splits.length === 0 && reportSets.size === 0 ? EMPTY_CONTEXT : { splits, reportSets };
}

/** The filing (amendment number and filing date), the person and the as-of date of a reported position. */
export function reportSetKey(data: {
  personId: string;
  effectiveDate: IsoDate;
  source: { amendmentNumber: number | null; filedOn: IsoDate };
}): string {
  return `${data.personId}|${data.source.amendmentNumber}|${data.source.filedOn}|${data.effectiveDate}`;
}

/** to/from of the splits effective after the fact and on or before its disclosure, as a fraction; null when none. */
export interface BasisRatio {
  numerator: number;
  denominator: number;
}

export function disclosureRatio(
  context: FoldContext,
  data: { effectiveDate: IsoDate; disclosedOn: IsoDate },
): BasisRatio | null {
  if (context.splits.length === 0 || data.disclosedOn <= data.effectiveDate) return null;
  const ratio = splitRatioBetween(context.splits, data.effectiveDate, data.disclosedOn);
  return ratio.numerator === ratio.denominator ? null : ratio;
}

/** to/from of the splits effective after `after` and on or before `through` (1/1 when none). */
export function splitRatioBetween(splits: readonly ContextSplit[], after: IsoDate, through: IsoDate): BasisRatio {
  let numerator = 1;
  let denominator = 1;
  for (const split of splits) {
    if (split.effectiveDate > after && split.effectiveDate <= through) {
      numerator *= split.to;
      denominator *= split.from;
    }
  }
  return { numerator, denominator };
}

/**
 * A count stated in the disclosure basis, in the basis at the effective date (exact: the split
 * drops fractions later).
 */
export function countAtEffective(count: number, ratio: BasisRatio | null): number {
  return ratio === null ? count : (count * ratio.denominator) / ratio.numerator;
}

/** A per-share price stated in the disclosure basis, in the basis at the effective date. */
export function priceAtEffective<P extends number | null>(price: P, ratio: BasisRatio | null): P {
  return (ratio === null || price === null ? price : (price * ratio.numerator) / ratio.denominator) as P;
}
