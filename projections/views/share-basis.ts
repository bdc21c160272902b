/**
 * Share basis after splits (DOMAIN.md, Time): "A reverse split changes every
 * historical share count and per-share price; a point-in-time view must say
 * whether it is as reported then or adjusted to today's share basis."
 *
 * - `as-reported`: counts in the issuer's share basis in force at the view's date
 *   (splits effective by then applied, later ones not). A fact disclosed after a
 *   later split states its counts in that later basis; the fold converts them back
 *   to the basis of the fact's date first (fold-context.ts), so this label holds.
 * - `adjusted`: counts and prices restated into the basis of the latest split known
 *   to the clocks (every split selected under filedBy/recordedBy, even one effective
 *   after the view's date).
 */
import type { SplitFact } from '../timeline/prepared-facts.js';

export type ShareBasis = 'as-reported' | 'adjusted';
export const SHARE_BASES: readonly ShareBasis[] = ['as-reported', 'adjusted'];

export interface ShareBasisAdjustment {
  /** Multiplier applied to share counts (1-for-10 reverse: 0.1); prices are divided by it. */
  factor: number;
  /** The factor as an exact fraction: product of every `to` over product of every `from`. */
  numerator: number;
  denominator: number;
  /** The splits the factor includes, oldest first. */
  splits: SplitFact[];
}

/** The restatement from the basis after `applied` splits to the basis after all of them. */
export function adjustmentAfter(splits: readonly SplitFact[], applied: number): ShareBasisAdjustment {
  const later = splits.slice(applied);
  let numerator = 1;
  let denominator = 1;
  for (const split of later) {
    numerator *= split.to;
    denominator *= split.from;
  }
  return { factor: numerator / denominator, numerator, denominator, splits: later };
}

export function isIdentity(adjustment: ShareBasisAdjustment): boolean {
  return adjustment.numerator === adjustment.denominator;
}

/** A share count in the later basis: count x to / from, fractions dropped as the fold drops them at a split. */
export function restateCount(count: number, adjustment: ShareBasisAdjustment): number {
  return Math.floor((count * adjustment.numerator) / adjustment.denominator);
}

/** A per-share price in the later basis: price x from / to (1-for-10: $0.50 becomes $5.00). */
export function restatePrice(price: number, adjustment: ShareBasisAdjustment): number {
  return (price * adjustment.denominator) / adjustment.numerator;
}

/** "1-for-10 reverse split effective 2024-02-01" */
export function describeSplit(split: SplitFact): string {
  const kind = split.to < split.from ? ' reverse' : '';
  return `${split.to}-for-${split.from}${kind} split effective ${split.effectiveDate}`;
}

/** One line for table headers and notes. */
export function describeBasis(
  basis: ShareBasis,
  adjustment: ShareBasisAdjustment | null,
  laterSplits: readonly SplitFact[] = [],
): string {
  if (basis === 'adjusted') {
    if (adjustment === null || adjustment.splits.length === 0)
      return 'share basis: adjusted (no later split known; same as reported)';
    const splits = adjustment.splits.map(describeSplit).join('; ');
    return `share basis: adjusted to today's shares (x${adjustment.factor}: ${splits})`;
  }
  if (laterSplits.length === 0) return 'share basis: as reported';
  const known = `${laterSplits.length} later split${laterSplits.length > 1 ? 's' : ''} known`;
  return `share basis: as reported then (${known}: ${laterSplits.map(describeSplit).join('; ')}; use --share-basis adjusted)`;
}
