/** History of one holder: each change to each position, dated, with its source, in the share basis asked for. */
import type { IsoDate } from '../src/domain/index.js';
import { effectiveBy, type Fact } from './facts.js';
import { foldLedger } from './ledger-state.js';
import type { ChangeEntry, LedgerState } from './ledger-types.js';
import { prepare, type PreparedFacts, type SplitFact } from './prepared-facts.js';
import { adjustmentAfter, describeBasis, restateCount, restatePrice, type ShareBasis } from './share-basis.js';

export interface HistoryEntry extends ChangeEntry {
  title: string;
  /** Factor applied to this entry's counts (1 when none; prices divided by it). */
  splitFactorApplied: number;
}

export interface HistoryView {
  personId: string;
  name: string;
  /** Changes to the person's own positions, oldest first. */
  changes: HistoryEntry[];
  /** Changes to positions of entities the person controls (deemed the person's), from the control date on. */
  throughControlledEntities: HistoryEntry[];
  /** 'as-reported': each entry in the share basis of its date; 'adjusted': all in the basis after the latest split known. */
  shareBasis: ShareBasis;
  /** Splits known under the clocks (for adjusted: those the entries are restated by). */
  splits: SplitFact[];
  shareBasisNote: string;
}

export function historyOf(input: readonly Fact[] | PreparedFacts, personId: string, asOf: IsoDate | null = null, options: { shareBasis?: ShareBasis } = {}): HistoryView {
  const prepared = prepare(input);
  const facts = prepared.facts;
  // The context of every fact: splits effective after asOf still say in which basis earlier facts were disclosed.
  const state = foldLedger(asOf === null ? facts : effectiveBy(facts, asOf), { withLog: true, context: prepared.context });
  // Control: an entity's changes are deemed the person's only from the control date (holdings agree).
  const controlled = new Map<string, IsoDate>();
  for (const [entityId, controllers] of state.controls) {
    const since = controllers.get(personId);
    if (since !== undefined) controlled.set(entityId, since);
  }
  const basis = options.shareBasis ?? 'as-reported';
  const log = basis === 'adjusted' ? restateLog(state, prepared.splits) : (state.log ?? []).map((e) => ({ ...e, splitFactorApplied: 1 }));
  // Titles are timeless, like names.
  const titled = (entry: ChangeEntry & { splitFactorApplied: number }): HistoryEntry => ({ ...entry, title: prepared.titles.get(entry.securityId) ?? state.securities.get(entry.securityId)?.title ?? entry.securityId });
  const all = adjustmentAfter(prepared.splits, 0);
  return {
    personId,
    name: prepared.names.get(personId) ?? personId,
    changes: log.filter((e) => e.personId === personId).map(titled),
    throughControlledEntities: log.filter((e) => e.date >= (controlled.get(e.personId) ?? '9999-99-99')).map(titled),
    shareBasis: basis,
    splits: all.splits,
    shareBasisNote: basis === 'adjusted' ? describeBasis('adjusted', all) : describeBasis('as-reported', null, all.splits),
  };
}

/**
 * Each entry restated into the basis after every known split: its quantity after by the
 * splits that came after it, its change as the difference from the position's previous
 * restated quantity (so a split's own entry changes nothing in the adjusted basis).
 */
function restateLog(state: LedgerState, splits: readonly SplitFact[]): (ChangeEntry & { splitFactorApplied: number })[] {
  const previous = new Map<string, number>();
  return (state.log ?? []).map((entry) => {
    const adjustment = adjustmentAfter(splits, entry.splitsApplied);
    const kind = state.securities.get(entry.securityId)?.kind ?? 'common';
    // Preferred shares and note principal do not split.
    const splitsWithShares = kind !== 'convertible-preferred' && kind !== 'convertible-note';
    const key = `${entry.personId}|${entry.securityId}`;
    const after = splitsWithShares ? restateCount(entry.quantityAfter, adjustment) : entry.quantityAfter;
    const change = after - (previous.get(key) ?? 0);
    previous.set(key, after);
    const note = entry.kind === 'split' ? `${entry.note ?? 'split'} (already in the adjusted basis)` : entry.note;
    return {
      ...entry,
      change,
      quantityAfter: after,
      note,
      pricePerShare: entry.pricePerShare === null ? null : restatePrice(entry.pricePerShare, adjustment),
      splitFactorApplied: splitsWithShares ? adjustment.factor : 1,
    };
  });
}
