/**
 * The change log of the positions fold as history shows it: restated into a later
 * share basis (restateLog), and with the audit trail of corrections and retractions
 * (auditTrail).
 */
import type { IsoDate } from '../../src/domain/index.js';
import { originalFacts, retractedFacts, type AuditIndex, type AuditRecord } from '../timeline/audit-index.js';
import { compareFacts, type Fact } from '../timeline/facts.js';
import { foldFacts } from '../timeline/fold.js';
import { foldContext } from '../timeline/fold-context.js';
import type { SplitFact } from '../timeline/prepared-facts.js';
import { positionsLogFold } from '../folds/positions.js';
import type { ChangeEntry, LedgerState } from '../folds/positions-types.js';
import { adjustmentAfter, restateCount, restatePrice, type ShareBasis } from './share-basis.js';
import type { CorrectedInfo, RetractedInfo } from './history.js';

/**
 * Each entry restated into the basis after every known split: its quantity after by the
 * splits that came after it, its change as the difference from the position's previous
 * restated quantity (so a split's own entry changes nothing in the adjusted basis).
 */
export function restateLog<T extends ChangeEntry>(
  state: LedgerState,
  splits: readonly SplitFact[],
  log: readonly T[] = (state.log ?? []) as T[],
): (T & { splitFactorApplied: number })[] {
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

export type AuditedEntry = ChangeEntry & { corrected?: CorrectedInfo | null; retracted?: RetractedInfo | null };

/** What the log needs to know beyond the state: the facts folded, the date, the basis and the splits. */
export interface TrailInput {
  facts: readonly Fact[];
  asOf: IsoDate | null;
  basis: ShareBasis;
  splits: readonly SplitFact[];
}

/**
 * The fold's log with the audit trail: entries of corrected facts marked with what was first
 * recorded (from a second fold of the facts as first recorded, retracted ones included), and
 * each retracted fact's entries put back at their date with change 0.
 */
export function auditTrail(state: LedgerState, audit: AuditIndex | null, input: TrailInput): AuditedEntry[] {
  const log = state.log ?? [];
  const correctedFacts = new Map<string, Fact>();
  for (const f of input.facts) if (f.corrections.length > 0) correctedFacts.set(f.id, f);
  // Without the trail only the reasons of the corrections are known.
  const reasonsOnly = (e: ChangeEntry): AuditedEntry => {
    const f = correctedFacts.get(e.factId);
    return f === undefined
      ? e
      : { ...e, corrected: { originally: null, reasons: f.corrections, recordedAt: null, corrections: [] } };
  };
  if (audit === null) return log.map(reasonsOnly);
  const firstOf = twinLookup(input.facts);
  const altLog = asRecordedLog(audit, firstOf, input);
  const key = (e: ChangeEntry): string => `${e.factId}|${e.personId}|${e.securityId}`;
  const altByKey = new Map<string, ChangeEntry>();
  for (const e of altLog) altByKey.set(key(e), e);
  const result = log.map((e): AuditedEntry => {
    const record = firstOf(e.factId, (id) => audit.records.get(id));
    if (record === undefined || record.corrections.length === 0) return reasonsOnly(e);
    return { ...e, corrected: correctedInfo(record, altByKey.get(key(e))) };
  });
  insertRetracted(result, altLog, audit);
  return result;
}

type FirstOf = <T>(id: string, lookup: (twin: string) => T | undefined) => T | undefined;

/** A fact restated by later filings is one fact (facts.ts): a correction of any of its twins is its correction. */
function twinLookup(facts: readonly Fact[]): FirstOf {
  const twinsOf = new Map(facts.map((f) => [f.id, [f.id, ...(f.restatedByIds ?? [])]]));
  return <T>(id: string, lookup: (twin: string) => T | undefined): T | undefined => {
    for (const twin of twinsOf.get(id) ?? [id]) {
      const found = lookup(twin);
      if (found !== undefined) return found;
    }
    return undefined;
  };
}

/** The log of a second fold: every fact as first recorded, the retracted ones included, in the basis asked for. */
function asRecordedLog(audit: AuditIndex, firstOf: FirstOf, input: TrailInput): ChangeEntry[] {
  const originals = originalFacts(audit);
  const asRecorded: Fact[] = input.facts
    .map((f) => {
      const original = firstOf(f.id, (id) => originals.get(id));
      // Keyed by the kept fact's id, so its log entry pairs with the entry it had as first recorded.
      return original === undefined ? f : { ...original, id: f.id };
    })
    .concat(retractedFacts(audit))
    .sort(compareFacts);
  const asOf = input.asOf;
  // The context of every fact, as the main fold has: a split after asOf still says in which basis an earlier
  // fact disclosed after it was stated.
  const state = foldFacts(
    asOf === null ? asRecorded : asRecorded.filter((f) => f.event.data.effectiveDate <= asOf),
    positionsLogFold,
    foldContext(asRecorded),
  );
  return input.basis === 'adjusted' ? restateLog(state, input.splits) : (state.log ?? []);
}

function correctedInfo(record: AuditRecord, alt: ChangeEntry | undefined): CorrectedInfo {
  const fields: Record<string, unknown> = {};
  for (const c of record.corrections) {
    for (const [path, value] of Object.entries(c.before)) if (!(path in fields)) fields[path] = value;
  }
  return {
    originally: { change: alt?.change ?? null, quantityAfter: alt?.quantityAfter ?? null, fields },
    reasons: record.corrections.map((c) => c.reason),
    recordedAt: record.corrections.at(-1)!.recordedAt,
    corrections: record.corrections,
  };
}

/** Retracted facts: at their date, after the entries of that date, contributing 0. */
function insertRetracted(result: AuditedEntry[], altLog: readonly ChangeEntry[], audit: AuditIndex): void {
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
    const recorded = `recorded ${record.recordedAt}, retracted ${retraction.recordedAt}`;
    result.splice(at, 0, {
      ...alt,
      change: 0,
      quantityAfter: quantity,
      splitsApplied,
      note: `${recorded}: ${retraction.reason}; contributes 0 (it gave ${alt.change})`,
      retracted: {
        reason: retraction.reason,
        recordedAt: retraction.recordedAt,
        originallyRecordedAt: record.recordedAt,
        wouldHaveChanged: alt.change,
      },
    });
  }
}
