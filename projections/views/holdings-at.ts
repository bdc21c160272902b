/**
 * Holdings at a date, or at many dates in one pass: the positions fold at the
 * date (folds/positions.ts, through foldAt), then the holdings view of its state
 * (holdings.ts), figures reported without a breakdown, control notes and the
 * share basis. Facts can be given as selected, or as a timeline built once
 * (timeline/timeline.ts) and reused across queries.
 */
import type { Envelope, IsoDate } from '../../src/domain/index.js';
import type { Clocks, Fact } from '../timeline/facts.js';
import { foldAt, foldSeries } from '../timeline/fold-at.js';
import { asTimeline, buildTimeline, type Timeline } from '../timeline/timeline.js';
import { positionsFold } from '../folds/positions.js';
import type { LedgerState } from '../folds/positions-types.js';
import { holdingsFromState, type Holder, type HoldingsView, type SecurityHolding } from './holdings.js';
import { withControlNotes } from './control-notes.js';
import { withReportedFigures } from './reported-figures.js';
import {
  adjustmentAfter,
  describeBasis,
  isIdentity,
  restateCount,
  restatePrice,
  type ShareBasis,
  type ShareBasisAdjustment,
} from './share-basis.js';

export interface HoldingsOptions {
  /** @defaultValue 'as-reported' */
  shareBasis?: ShareBasis;
}

/** One query: the facts selected under the clocks, folded once to `clocks.asOf` (no checkpoints kept). */
export function holdingsFromEnvelopes(
  envelopes: readonly Envelope[],
  clocks: Clocks,
  options: HoldingsOptions = {},
): HoldingsView {
  return holdingsAt(buildTimeline(envelopes, clocks, { checkpointEvery: 0 }), clocks.asOf, options);
}

/** Holdings at one date. Pass a timeline to reuse it (and its checkpoints) across queries. */
export function holdingsAt(
  input: readonly Fact[] | Timeline,
  asOf: IsoDate,
  options: HoldingsOptions = {},
): HoldingsView {
  const timeline = asTimeline(input);
  return finish(foldAt(timeline, asOf, positionsFold), asOf, timeline, options);
}

/** Holdings at every date given, folding the facts once (results in the order of `dates`). */
export function holdingsSeries(
  input: readonly Fact[] | Timeline,
  dates: readonly IsoDate[],
  options: HoldingsOptions = {},
): HoldingsView[] {
  const timeline = asTimeline(input);
  // holdingsFromState copies what it reports, so folding on afterwards cannot change a view.
  return foldSeries(timeline, dates, positionsFold, (state, asOf) => finish(state, asOf, timeline, options));
}

function finish(state: LedgerState, asOf: IsoDate, prepared: Timeline, options: HoldingsOptions): HoldingsView {
  const computed = holdingsFromState(state, asOf, prepared.names, prepared.titles);
  const view = withControlNotes(withReportedFigures(computed, prepared, state), prepared);
  // The splits folded so far are the first `splitsApplied` of the issuer's; the rest are later.
  const later = adjustmentAfter(prepared.splits, state.splitsApplied);
  if (options.shareBasis !== 'adjusted')
    return { ...view, shareBasisNote: describeBasis('as-reported', null, later.splits) };
  return restateHoldings(view, later);
}

/**
 * Restates counts and prices into a later share basis: each security's counts x factor
 * with fractions dropped (as the fold drops them at a split), and each holder's totals
 * x factor, rounded down once from the unrounded total. Percent of class is a ratio: a
 * split does not change it.
 */
export function restateHoldings(view: HoldingsView, adjustment: ShareBasisAdjustment): HoldingsView {
  const base = {
    ...view,
    shareBasis: 'adjusted' as const,
    shareBasisAdjustment: adjustment,
    shareBasisNote: describeBasis('adjusted', adjustment),
  };
  if (isIdentity(adjustment)) return base;
  const count = (n: number) => restateCount(n, adjustment);
  const so = view.sharesOutstanding;
  return {
    ...base,
    sharesOutstanding: so === null ? null : { ...so, value: count(so.value) },
    holders: view.holders.map((h) => restateHolder(h, adjustment)),
  };
}

function restateSecurity(s: SecurityHolding, adjustment: ShareBasisAdjustment): SecurityHolding {
  const count = (n: number) => restateCount(n, adjustment);
  // Preferred shares and note principal do not split; the shares issuable on them do.
  const units = s.kind === 'convertible-preferred' || s.kind === 'convertible-note' ? s.quantity : count(s.quantity);
  return {
    ...s,
    quantity: units,
    sharesIssuable: s.sharesIssuable === null ? null : count(s.sharesIssuable),
    blockedByCap: count(s.blockedByCap),
    countedShares: count(s.countedShares),
    conversionPrice: s.conversionPrice === null ? null : restatePrice(s.conversionPrice, adjustment),
    // Restated, so no filing stated it in this basis.
    basis: s.basis === 'reported' ? 'derived' : s.basis,
  };
}

function restateHolder(h: Holder, adjustment: ShareBasisAdjustment): Holder {
  const count = (n: number | null) => (n === null ? null : restateCount(n, adjustment));
  // Totals are restated from the unrounded totals, rounded down once (not the sum of rounded parts),
  // and a restated figure is derived: no filing stated it in this share basis.
  const totals = {
    aggregate: count(h.aggregate),
    soleVotingPower: count(h.soleVotingPower),
    sharedVotingPower: count(h.sharedVotingPower),
    soleDispositivePower: count(h.soleDispositivePower),
    sharedDispositivePower: count(h.sharedDispositivePower),
    basis: h.basis === 'reported' ? ('derived' as const) : h.basis,
    notes: [
      ...h.notes,
      'figures restated into the later share basis: each total rounded down once from its unrounded value',
    ],
  };
  // A holder shown with a filing's totals may still show the last known breakdown: restated with them.
  const securities = h.securities.map((s) => restateSecurity(s, adjustment));
  const whole = (n: number) => restateCount(n, adjustment);
  const sharesOwned = { direct: whole(h.sharesOwned.direct), indirect: whole(h.sharesOwned.indirect) };
  return { ...h, ...totals, securities, sharesOwned, rightsCounted: whole(h.rightsCounted) };
}
