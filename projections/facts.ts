/**
 * The three clocks as filters, and corrections/retractions applied: chooses
 * which facts a projection folds, and orders them by effective date.
 * Pure: the input array and its events are never mutated.
 */
import { applySet, isFact, type Envelope, type FactEvent, type IsoDate } from '../src/domain/index.js';

export interface Clocks {
  /** Fold facts effective on or before this date. */
  asOf: IsoDate;
  /** Keep only facts disclosed in filings filed on or before this date. */
  filedBy?: IsoDate | null;
  /** Keep only events recorded by the ledger on or before this instant (store format, UTC ISO). */
  recordedBy?: string | null;
}

/** A fact as the projections fold it: the current belief after corrections. */
export interface Fact<E extends FactEvent = FactEvent> {
  id: string;
  event: E;
  recordedAt: string;
  position: number;
  /** Reasons of the corrections applied to it, oldest first; empty when none. */
  corrections: string[];
}

/** Within one effective date: definitions first, then transactions, then figures reported as of that day. */
function rank(type: FactEvent['type']): number {
  switch (type) {
    case 'StatementFiled':
    case 'PersonIdentified':
    case 'SecurityDescribed':
    case 'ControlEstablished':
    case 'ControlEnded':
    case 'GroupFormed':
    case 'GroupMemberJoined':
    case 'GroupMemberLeft':
    case 'JointFilingAgreementSigned':
      return 0;
    case 'SharesPurchased':
    case 'SharesSold':
    case 'ConvertibleNoteIssued':
    case 'ConvertibleNoteConverted':
    case 'ConvertibleNoteRepaid':
    case 'PreferredIssued':
    case 'WarrantsIssued':
    case 'OptionsGranted':
    case 'OptionsVested':
    case 'RsusVested':
    case 'ExchangeCapSet':
    case 'ExchangeCapLifted':
    case 'StockSplit':
      return 1;
    case 'PositionReported':
    case 'BeneficialOwnershipReported':
    case 'SharesOutstandingReported':
      return 2;
    default: {
      const unknown: never = type;
      return unknown;
    }
  }
}

/**
 * Facts as believed at `recordedBy` and disclosed by `filedBy`, with every
 * correction and retraction recorded by then applied, sorted by effective date
 * (ties: rank, then recorded order). `asOf` is left to each projection.
 */
export function selectFacts(envelopes: readonly Envelope[], clocks: Omit<Clocks, 'asOf'> = {}): Fact[] {
  const recordedBy = clocks.recordedBy ?? null;
  const filedBy = clocks.filedBy ?? null;
  const corrections = new Map<string, { set: Record<string, unknown>; reason: string }[]>();
  const retracted = new Set<string>();
  for (const envelope of envelopes) {
    if (recordedBy !== null && envelope.recordedAt > recordedBy) continue;
    const event = envelope.event;
    if (event.type === 'EventCorrected') {
      const list = corrections.get(event.data.eventId) ?? [];
      list.push({ set: event.data.set, reason: event.data.reason });
      corrections.set(event.data.eventId, list);
    } else if (event.type === 'EventRetracted') {
      retracted.add(event.data.eventId);
    }
  }
  const facts: Fact[] = [];
  for (const envelope of envelopes) {
    if (recordedBy !== null && envelope.recordedAt > recordedBy) continue;
    const event = envelope.event;
    if (!isFact(event) || retracted.has(envelope.id)) continue;
    const applied = corrections.get(envelope.id);
    let current: FactEvent = event;
    if (applied !== undefined) {
      let data: unknown = event.data;
      for (const correction of applied) data = applySet(data, correction.set);
      // decide() validated the corrected data against the schema before it was appended.
      current = { type: event.type, data } as FactEvent;
    }
    if (filedBy !== null && current.data.disclosedOn > filedBy) continue;
    facts.push({ id: envelope.id, event: current, recordedAt: envelope.recordedAt, position: envelope.position, corrections: applied?.map((c) => c.reason) ?? [] });
  }
  facts.sort(compareFacts);
  return facts;
}

function compareFacts(a: Fact, b: Fact): number {
  const da = a.event.data.effectiveDate;
  const db = b.event.data.effectiveDate;
  if (da !== db) return da < db ? -1 : 1;
  const ra = rank(a.event.type);
  const rb = rank(b.event.type);
  if (ra !== rb) return ra - rb;
  return a.position - b.position;
}

/** The facts effective on or before `asOf` (facts are sorted, so this is a prefix: binary search). */
export function effectiveBy(facts: readonly Fact[], asOf: IsoDate): readonly Fact[] {
  let low = 0;
  let high = facts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (facts[mid]!.event.data.effectiveDate <= asOf) low = mid + 1;
    else high = mid;
  }
  return low === facts.length ? facts : facts.slice(0, low);
}
