/**
 * The audit trail of corrections and retractions, from the envelopes and the
 * filedBy/recordedBy clocks: what each corrected fact said as first recorded,
 * every correction's fields, old values, reason and recorded time, and every
 * retraction's reason and recorded time, with the retracted fact as it stood
 * (so history can show it as recorded, then retracted, contributing 0).
 * Pure; selectFacts (facts.ts) stays the source of what is believed.
 */
import { applySet, isFact, type Envelope, type FactEvent } from '../../src/domain/index.js';
import type { Clocks, Fact } from './facts.js';

export interface CorrectionRecord {
  /** The fields the correction set, with their new values. */
  set: Record<string, unknown>;
  /** The same fields' values just before this correction. */
  before: Record<string, unknown>;
  reason: string;
  recordedAt: string;
}

export interface AuditRecord {
  factId: string;
  /** The fact as first recorded. */
  original: FactEvent;
  /** When the fact itself was recorded. */
  recordedAt: string;
  position: number;
  /** Oldest first, only those recorded by the recordedBy clock. */
  corrections: CorrectionRecord[];
  /** Null unless a retraction was recorded by the recordedBy clock. */
  retraction: { reason: string; recordedAt: string } | null;
  /** The fact with its corrections applied (what it said when retracted, or says now). */
  current: FactEvent;
}

export interface AuditIndex {
  readonly kind: 'audit-index';
  /** Only facts with a correction or a retraction (under the clocks). */
  readonly records: ReadonlyMap<string, AuditRecord>;
}

export function auditIndex(envelopes: readonly Envelope[], clocks: Omit<Clocks, 'asOf'> = {}): AuditIndex {
  const recordedBy = clocks.recordedBy ?? null;
  const filedBy = clocks.filedBy ?? null;
  const byId = new Map<string, Envelope>();
  const corrections = new Map<string, { set: Record<string, unknown>; reason: string; recordedAt: string }[]>();
  const retractions = new Map<string, { reason: string; recordedAt: string }>();
  for (const envelope of envelopes) {
    if (recordedBy !== null && envelope.recordedAt > recordedBy) continue;
    const event = envelope.event;
    if (event.type === 'EventCorrected') {
      const list = corrections.get(event.data.eventId) ?? [];
      list.push({
        set: event.data.set as Record<string, unknown>,
        reason: event.data.reason,
        recordedAt: envelope.recordedAt,
      });
      corrections.set(event.data.eventId, list);
    } else if (event.type === 'EventRetracted') {
      if (!retractions.has(event.data.eventId))
        retractions.set(event.data.eventId, { reason: event.data.reason, recordedAt: envelope.recordedAt });
    } else if (isFact(event)) byId.set(envelope.id, envelope);
  }
  const records = new Map<string, AuditRecord>();
  for (const id of new Set([...corrections.keys(), ...retractions.keys()])) {
    const envelope = byId.get(id);
    if (envelope === undefined || !isFact(envelope.event)) continue;
    const original = envelope.event;
    const applied: CorrectionRecord[] = [];
    let data: unknown = original.data;
    for (const c of corrections.get(id) ?? []) {
      const before: Record<string, unknown> = {};
      for (const path of Object.keys(c.set)) before[path] = getPath(data, path);
      data = applySet(data, c.set);
      applied.push({ set: c.set, before, reason: c.reason, recordedAt: c.recordedAt });
    }
    const current = { type: original.type, data } as FactEvent;
    // The same filedBy rule as selectFacts: on the corrected disclosure date.
    if (filedBy !== null && current.data.disclosedOn > filedBy) continue;
    records.set(id, {
      factId: id,
      original,
      recordedAt: envelope.recordedAt,
      position: envelope.position,
      corrections: applied,
      retraction: retractions.get(id) ?? null,
      current,
    });
  }
  return { kind: 'audit-index', records };
}

/** The retracted facts as Facts (their corrections applied), to fold what they would have contributed. */
export function retractedFacts(audit: AuditIndex): Fact[] {
  const result: Fact[] = [];
  for (const r of audit.records.values()) {
    if (r.retraction === null) continue;
    result.push({
      id: r.factId,
      event: r.current,
      recordedAt: r.recordedAt,
      position: r.position,
      corrections: r.corrections.map((c) => c.reason),
    });
  }
  return result;
}

/** The corrected facts as first recorded. */
export function originalFacts(audit: AuditIndex): Map<string, Fact> {
  const result = new Map<string, Fact>();
  for (const r of audit.records.values()) {
    if (r.retraction !== null || r.corrections.length === 0) continue;
    result.set(r.factId, {
      id: r.factId,
      event: r.original,
      recordedAt: r.recordedAt,
      position: r.position,
      corrections: [],
    });
  }
  return result;
}

function getPath(data: unknown, path: string): unknown {
  let node = data;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? node[Number(key)] : (node as Record<string, unknown>)[key];
  }
  return node;
}
