/** History of one holder: each change to each position, dated, with its source, in the share basis asked for. */
import { foldRank, type Envelope, type FactEvent, type IsoDate } from '../../src/domain/index.js';
import { auditIndex, originalFacts, retractedFacts, type AuditIndex } from '../timeline/audit-index.js';
import { effectiveBy, type Fact } from '../timeline/facts.js';
import { foldLedger } from '../folds/positions.js';
import type { ChangeEntry, LedgerState } from '../folds/positions-types.js';
import { prepare, type PreparedFacts, type SplitFact } from '../timeline/prepared-facts.js';
import { adjustmentAfter, describeBasis, restateCount, restatePrice, type ShareBasis } from './share-basis.js';

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
   * or the envelopes themselves with those clocks. Without it, corrected entries carry only
   * their reasons and retracted facts do not appear.
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
  /** 'as-reported': each entry in the share basis of its date; 'adjusted': all in the basis after the latest split known. */
  shareBasis: ShareBasis;
  /** Splits known under the clocks (for adjusted: those the entries are restated by). */
  splits: SplitFact[];
  shareBasisNote: string;
}

export function historyOf(input: readonly Fact[] | PreparedFacts, personId: string, asOf: IsoDate | null = null, options: HistoryOptions = {}): HistoryView {
  const prepared = prepare(input);
  const facts = prepared.facts;
  // The context of every fact: splits effective after asOf still say in which basis earlier facts were disclosed.
  const state = foldLedger(asOf === null ? facts : effectiveBy(facts, asOf), { withLog: true, context: prepared.context });
  const audit = options.audit === undefined ? null : 'kind' in options.audit ? options.audit : auditIndex(options.audit.envelopes, options.audit);
  // Control: an entity's changes are deemed the person's only from the control date (holdings agree).
  const controlled = new Map<string, IsoDate>();
  for (const [entityId, controllers] of state.controls) {
    const since = controllers.get(personId);
    if (since !== undefined) controlled.set(entityId, since);
  }
  const basis = options.shareBasis ?? 'as-reported';
  const trail = auditTrail(facts, state, audit, asOf, basis, prepared.splits);
  const log = basis === 'adjusted' ? restateLog(state, prepared.splits, trail.log) : trail.log.map((e) => ({ ...e, splitFactorApplied: 1 }));
  // Titles are timeless, like names.
  const titled = (entry: AuditedEntry & { splitFactorApplied: number }): HistoryEntry => ({
    ...entry,
    title: prepared.titles.get(entry.securityId) ?? state.securities.get(entry.securityId)?.title ?? entry.securityId,
    corrected: entry.corrected ?? null,
    retracted: entry.retracted ?? null,
  });
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
function restateLog<T extends ChangeEntry>(state: LedgerState, splits: readonly SplitFact[], log: readonly T[] = (state.log ?? []) as T[]): (T & { splitFactorApplied: number })[] {
  const previous = new Map<string, number>();
  return log.map((entry) => {
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

type AuditedEntry = ChangeEntry & { corrected?: CorrectedInfo | null; retracted?: RetractedInfo | null };

/**
 * The fold's log with the audit trail: entries of corrected facts marked with what was first
 * recorded (from a second fold of the facts as first recorded, retracted ones included), and
 * each retracted fact's entries put back at their date with change 0.
 */
function auditTrail(facts: readonly Fact[], state: LedgerState, audit: AuditIndex | null, asOf: IsoDate | null, basis: ShareBasis, splits: readonly SplitFact[]): { log: AuditedEntry[] } {
  const log = state.log ?? [];
  const correctedFacts = new Map<string, Fact>();
  for (const f of facts) if (f.corrections.length > 0) correctedFacts.set(f.id, f);
  if (audit === null) {
    return {
      log: log.map((e) => {
        const f = correctedFacts.get(e.factId);
        return f === undefined ? e : { ...e, corrected: { originally: null, reasons: f.corrections, recordedAt: null, corrections: [] } };
      }),
    };
  }
  const originals = originalFacts(audit);
  const retracted = retractedFacts(audit);
  // A fact restated by later filings is one fact (facts.ts): a correction of any of its twins is its correction.
  const twinsOf = new Map(facts.map((f) => [f.id, [f.id, ...(f.restatedByIds ?? [])]]));
  const firstOf = <T>(id: string, lookup: (twin: string) => T | undefined): T | undefined => {
    for (const twin of twinsOf.get(id) ?? [id]) {
      const found = lookup(twin);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  let asRecorded: Fact[] = facts
    .map((f) => {
      const original = firstOf(f.id, (id) => originals.get(id));
      // Keyed by the kept fact's id, so its log entry pairs with the entry it had as first recorded.
      return original === undefined ? f : { ...original, id: f.id };
    })
    .concat(retracted);
  asRecorded = asRecorded
    .map((f, i) => ({ f, i }))
    .sort((a, b) => {
      const da = a.f.event.data.effectiveDate;
      const db = b.f.event.data.effectiveDate;
      if (da !== db) return da < db ? -1 : 1;
      const r = foldRank(a.f.event.type) - foldRank(b.f.event.type);
      return r !== 0 ? r : a.f.position - b.f.position;
    })
    .map((x) => x.f);
  if (asOf !== null) asRecorded = asRecorded.filter((f) => f.event.data.effectiveDate <= asOf);
  const altState = foldLedger(asRecorded, { withLog: true });
  const altLog = basis === 'adjusted' ? restateLog(altState, splits) : (altState.log ?? []);
  const key = (e: ChangeEntry): string => `${e.factId}|${e.personId}|${e.securityId}`;
  const altByKey = new Map<string, ChangeEntry>();
  for (const e of altLog) altByKey.set(key(e), e);
  const result: AuditedEntry[] = log.map((e) => {
    const record = firstOf(e.factId, (id) => audit.records.get(id));
    const f = correctedFacts.get(e.factId);
    if (record === undefined || record.corrections.length === 0) {
      return f === undefined ? e : { ...e, corrected: { originally: null, reasons: f.corrections, recordedAt: null, corrections: [] } };
    }
    const alt = altByKey.get(key(e));
    const fields: Record<string, unknown> = {};
    for (const c of record.corrections) for (const [path, value] of Object.entries(c.before)) if (!(path in fields)) fields[path] = value;
    return {
      ...e,
      corrected: {
        originally: { change: alt?.change ?? null, quantityAfter: alt?.quantityAfter ?? null, fields },
        reasons: record.corrections.map((c) => c.reason),
        recordedAt: record.corrections.at(-1)!.recordedAt,
        corrections: record.corrections,
      },
    };
  });
  // Retracted facts: at their date, after the entries of that date, contributing 0.
  for (const alt of altLog) {
    const record = audit.records.get(alt.factId);
    if (record?.retraction == null) continue;
    let at = result.length;
    while (at > 0 && result[at - 1]!.date > alt.date) at--;
    let quantity = 0;
    let splitsApplied = alt.splitsApplied;
    for (let i = at - 1; i >= 0; i--) {
      const r = result[i]!;
      if (r.personId === alt.personId && r.securityId === alt.securityId) {
        quantity = r.quantityAfter;
        splitsApplied = r.splitsApplied;
        break;
      }
    }
    const retraction = record.retraction;
    result.splice(at, 0, {
      ...alt,
      change: 0,
      quantityAfter: quantity,
      splitsApplied,
      note: `recorded ${record.recordedAt}, retracted ${retraction.recordedAt}: ${retraction.reason}; contributes 0 (it gave ${alt.change})`,
      retracted: { reason: retraction.reason, recordedAt: retraction.recordedAt, originallyRecordedAt: record.recordedAt, wouldHaveChanged: alt.change },
    });
  }
  return { log: result };
}
