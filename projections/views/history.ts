/**
 * History of one holder: each change to each position, dated, with its source, in the
 * share basis asked for. A view of the positions fold with its change log.
 */
import type { Envelope, IsoDate } from '../../src/domain/index.js';
import { auditIndex, type AuditIndex } from '../timeline/audit-index.js';
import type { Fact } from '../timeline/facts.js';
import { foldAt } from '../timeline/fold-at.js';
import type { SplitFact } from '../timeline/prepared-facts.js';
import { asTimeline, type Timeline } from '../timeline/timeline.js';
import { positionsLogFold } from '../folds/positions.js';
import type { ChangeEntry, LedgerState } from '../folds/positions-types.js';
import { auditTrail, restateLog, type AuditedEntry } from './history-log.js';
import { adjustmentAfter, describeBasis, type ShareBasis } from './share-basis.js';

export interface HistoryEntry extends ChangeEntry {
  title: string;
  /** Factor applied to this entry's counts (1 when none; prices divided by it). */
  splitFactorApplied: number;
  /** Set when the fact behind this entry was corrected: `change`/`quantityAfter` are the corrected values. */
  corrected: CorrectedInfo | null;
  /** Set when the fact was recorded, then retracted: the entry contributes 0 (`change` 0). */
  retracted: RetractedInfo | null;
}

export interface CorrectedInfo {
  /**
   * What was first recorded: the change and position after it as the uncorrected fact gave them
   * (same share basis as the entry), and the corrected fields' first values. Null when the
   * history was built without the envelopes (only the reasons are known then).
   */
  originally: { change: number | null; quantityAfter: number | null; fields: Record<string, unknown> } | null;
  /** Reasons of the corrections applied, oldest first. */
  reasons: string[];
  /** When the latest correction was recorded; null when unknown (built without the envelopes). */
  recordedAt: string | null;
  /** Every correction: fields set (new values), their values before, reason, recorded time. */
  corrections: { set: Record<string, unknown>; before: Record<string, unknown>; reason: string; recordedAt: string }[];
}

export interface RetractedInfo {
  reason: string;
  /** When the retraction was recorded. */
  recordedAt: string;
  /** When the retracted fact itself was recorded. */
  originallyRecordedAt: string;
  /** The change the fact gave before it was retracted (same share basis as the entry). */
  wouldHaveChanged: number;
}

export interface HistoryOptions {
  shareBasis?: ShareBasis;
  /**
   * The correction/retraction trail (auditIndex of the same envelopes under the same clocks),
   * or the envelopes themselves with those clocks; by default the timeline's own (built with
   * `audit: true`). Without one, corrected entries carry only their reasons and retracted
   * facts do not appear.
   */
  audit?: AuditIndex | { envelopes: readonly Envelope[]; filedBy?: IsoDate | null; recordedBy?: string | null };
}

export interface HistoryView {
  personId: string;
  name: string;
  /** Changes to the person's own positions, oldest first. */
  changes: HistoryEntry[];
  /** Changes to positions of entities the person controls (deemed the person's), from the control date on. */
  throughControlledEntities: HistoryEntry[];
  /**
   * 'as-reported': each entry in the share basis of its date; 'adjusted': all in the basis after the
   * latest split known.
   */
  shareBasis: ShareBasis;
  /** Splits known under the clocks (for adjusted: those the entries are restated by). */
  splits: SplitFact[];
  shareBasisNote: string;
}

export function historyOf(
  input: readonly Fact[] | Timeline,
  personId: string,
  asOf: IsoDate | null = null,
  options: HistoryOptions = {},
): HistoryView {
  const timeline = asTimeline(input);
  // The timeline's context covers every fact: splits effective after asOf still say in which basis
  // earlier facts were disclosed.
  const state = foldAt(timeline, asOf, positionsLogFold);
  const basis = options.shareBasis ?? 'as-reported';
  const trail = auditTrail(state, auditOf(timeline, options), {
    facts: timeline.facts,
    asOf,
    basis,
    splits: timeline.splits,
  });
  const log =
    basis === 'adjusted'
      ? restateLog(state, timeline.splits, trail)
      : trail.map((e) => ({ ...e, splitFactorApplied: 1 }));
  // Titles are timeless, like names.
  const titled = (entry: AuditedEntry & { splitFactorApplied: number }): HistoryEntry => ({
    ...entry,
    title: timeline.titles.get(entry.securityId) ?? state.securities.get(entry.securityId)?.title ?? entry.securityId,
    corrected: entry.corrected ?? null,
    retracted: entry.retracted ?? null,
  });
  const controlled = controlledSince(state, personId);
  const all = adjustmentAfter(timeline.splits, 0);
  return {
    personId,
    name: timeline.names.get(personId) ?? personId,
    changes: log.filter((e) => e.personId === personId).map(titled),
    throughControlledEntities: log.filter((e) => e.date >= (controlled.get(e.personId) ?? '9999-99-99')).map(titled),
    shareBasis: basis,
    splits: all.splits,
    shareBasisNote:
      basis === 'adjusted' ? describeBasis('adjusted', all) : describeBasis('as-reported', null, all.splits),
  };
}

function auditOf(timeline: Timeline, options: HistoryOptions): AuditIndex | null {
  const audit = options.audit;
  if (audit === undefined) return timeline.audit;
  return 'kind' in audit ? audit : auditIndex(audit.envelopes, audit);
}

/** Control: an entity's changes are deemed the person's only from the control date (holdings agree). */
function controlledSince(state: LedgerState, personId: string): Map<string, IsoDate> {
  const controlled = new Map<string, IsoDate>();
  for (const [entityId, controllers] of state.controls) {
    const since = controllers.get(personId);
    if (since !== undefined) controlled.set(entityId, since);
  }
  return controlled;
}
