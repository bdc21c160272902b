/**
 * The three clocks as filters, and corrections/retractions applied: chooses
 * which facts a projection folds, and orders them by effective date.
 * Pure: the input array and its events are never mutated.
 */
import {
  applySet,
  foldRank,
  isFact,
  isRestatable,
  type Envelope,
  type FactEvent,
  type IsoDate,
  type Source,
} from '../../src/domain/index.js';
import { canonicalJson } from '../../src/shared/canonical-json.js';

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
  /**
   * Later filings that restated this very fact (same content, another filing), earliest first,
   * under the filedBy clock; absent or empty when none. The fact itself is its earliest disclosure.
   */
  alsoDisclosedIn?: Source[];
  /**
   * Ids of the restating events merged into this fact (same order as alsoDisclosedIn, all of them
   * regardless of filedBy).
   */
  restatedByIds?: string[];
}

/**
 * Facts as believed at `recordedBy` and disclosed by `filedBy`, with every
 * correction and retraction recorded by then applied, sorted by effective date
 * (ties: rank, then recorded order). `asOf` is left to each projection.
 */
export function selectFacts(envelopes: readonly Envelope[], clocks: Omit<Clocks, 'asOf'> = {}): Fact[] {
  const recordedBy = clocks.recordedBy ?? null;
  const filedBy = clocks.filedBy ?? null;
  const corrections = new Map<string, Correction[]>();
  const retracted = new Set<string>();
  for (const envelope of envelopes) {
    if (recordedBy !== null && envelope.recordedAt > recordedBy) continue;
    const event = envelope.event;
    if (event.type === 'EventCorrected') {
      const list = corrections.get(event.data.eventId) ?? [];
      list.push({ set: event.data.set, reason: event.data.reason, position: envelope.position });
      corrections.set(event.data.eventId, list);
    } else if (event.type === 'EventRetracted') {
      retracted.add(event.data.eventId);
    }
  }
  const facts: Fact[] = [];
  // The groups come in fold order; only a correction or a merged group can change it.
  let reorder = false;
  for (const group of restatementGroups(envelopes, recordedBy)) {
    if (!Array.isArray(group)) {
      // The common case: a fact no other filing restates.
      if (retracted.has(group.id)) continue;
      const applied = corrections.get(group.id);
      if (applied !== undefined) reorder = true;
      const fact = current(group, applied, filedBy);
      if (fact !== null) facts.push(fact);
      continue;
    }
    reorder = true;
    const merged = mergeGroup(group, corrections, retracted, filedBy);
    if (merged !== null) facts.push(merged);
  }
  if (reorder) facts.sort(compareFacts);
  return facts;
}

interface Correction {
  set: Record<string, unknown>;
  reason: string;
  position: number;
}

type FactEnvelope = Envelope<FactEvent>;

function current(
  envelope: FactEnvelope,
  applied: readonly Correction[] | undefined,
  filedBy: IsoDate | null,
): Fact | null {
  const event = envelope.event;
  let now: FactEvent = event;
  if (applied !== undefined) {
    let data: unknown = event.data;
    for (const correction of applied) data = applySet(data, correction.set);
    // decide() validated the corrected data against the schema before it was appended.
    now = { type: event.type, data } as FactEvent;
  }
  if (filedBy !== null && now.data.disclosedOn > filedBy) return null;
  return {
    id: envelope.id,
    event: now,
    recordedAt: envelope.recordedAt,
    position: envelope.position,
    corrections: applied?.map((c) => c.reason) ?? [],
  };
}

/**
 * Restated facts. Amendments often restate an Item in full, so a later filing repeats
 * transactions (and agreements, control, groups, security terms, persons) an earlier one
 * disclosed. A fact with the same type and content as one from ANOTHER filing (everything
 * but source, disclosedOn and effectiveDatePrecision) is the same fact, disclosed again:
 * the group is folded once. Two equal facts from the SAME filing are two facts (a filing
 * may disclose two equal closings); a third filing's twin joins the first group that has
 * no member from that filing. Reported figures (PositionReported,
 * BeneficialOwnershipReported, SharesOutstandingReported, StatementFiled) are each
 * filing's own assertion as of its date and are never merged.
 *
 * Corrections and retractions of a group (events target ids, and any member's id may be
 * targeted): a retraction of ANY member retracts the merged fact (retracting the kept
 * disclosure never silently resurrects its restatement);
 * corrections of every member apply to the merged fact in recorded order, except a
 * member's corrections of its own disclosure (source, disclosedOn,
 * effectiveDatePrecision), which only the kept member's corrections change.
 * Grouping reads the facts as recorded (before corrections), so correcting one twin does
 * not split the group and count it twice.
 *
 * Returns each group in first-recorded order: a lone envelope, or an array of twins.
 */
export function restatementGroups(
  envelopes: readonly Envelope[],
  recordedBy: string | null = null,
): (FactEnvelope | FactEnvelope[])[] {
  const items: FactEnvelope[] = [];
  for (const envelope of envelopes) {
    if (recordedBy !== null && envelope.recordedAt > recordedBy) continue;
    if (isFact(envelope.event)) items.push(envelope as FactEnvelope);
  }
  // Twins have the same effective date: sort as the fold does (so the final sort is nearly free),
  // then compare within each date.
  items.sort(compareFacts);
  const result: (FactEnvelope | FactEnvelope[])[] = [];
  let start = 0;
  while (start < items.length) {
    const date = items[start]!.event.data.effectiveDate;
    let end = start + 1;
    while (end < items.length && items[end]!.event.data.effectiveDate === date) end++;
    if (end - start === 1) result.push(items[start]!);
    else groupRun(items, start, end, result);
    start = end;
  }
  return result;
}

/** Groups the twins among items[start, end) (one effective date). */
function groupRun(
  items: readonly FactEnvelope[],
  start: number,
  end: number,
  result: (FactEnvelope | FactEnvelope[])[],
): void {
  const first = result.length;
  for (let i = start; i < end; i++) {
    const fact = items[i]!;
    const event = fact.event;
    let joined = false;
    if (isRestatable(event.type)) {
      const person = (event.data as { personId?: unknown }).personId;
      for (let g = first; g < result.length && !joined; g++) {
        const group = result[g]!;
        const head = Array.isArray(group) ? group[0]! : group;
        if (
          head.event.type !== event.type ||
          (head.event.data as { personId?: unknown }).personId !== person ||
          !sameContent(head.event, event)
        )
          continue;
        const members = Array.isArray(group) ? group : [group];
        // Two equal facts of one filing are two facts: a restatement joins a group with no member from its filing.
        if (members.some((m) => sameFiling(m.event.data.source, event.data.source))) continue;
        members.push(fact);
        result[g] = members;
        joined = true;
      }
    }
    if (!joined) result.push(fact);
  }
}

function mergeGroup(
  group: readonly FactEnvelope[],
  corrections: ReadonlyMap<string, Correction[]>,
  retracted: ReadonlySet<string>,
  filedBy: IsoDate | null,
): Fact | null {
  if (group.some((m) => retracted.has(m.id))) return null;
  // The earliest disclosure is kept (ties: recorded order), so filedBy sees the fact from then.
  const members = [...group].sort((a, b) =>
    a.event.data.disclosedOn !== b.event.data.disclosedOn
      ? a.event.data.disclosedOn < b.event.data.disclosedOn
        ? -1
        : 1
      : a.position - b.position,
  );
  const kept = members[0]!;
  const applied: Correction[] = [];
  for (const member of members) {
    for (const c of corrections.get(member.id) ?? []) {
      if (member === kept) applied.push(c);
      else {
        const set = Object.fromEntries(
          Object.entries(c.set).filter(([path]) => !DISCLOSURE_FIELDS.has(path.split('.')[0]!)),
        );
        if (Object.keys(set).length > 0) applied.push({ ...c, set });
      }
    }
  }
  applied.sort((a, b) => a.position - b.position);
  const fact = current(kept, applied.length === 0 ? undefined : applied, filedBy);
  if (fact === null) return null;
  const later = members.slice(1);
  fact.restatedByIds = later.map((m) => m.id);
  fact.alsoDisclosedIn = later
    .filter((m) => filedBy === null || m.event.data.disclosedOn <= filedBy)
    .map((m) => m.event.data.source);
  return fact;
}

const DISCLOSURE_FIELDS = new Set(['source', 'disclosedOn', 'effectiveDatePrecision']);

function sameFiling(a: Source, b: Source): boolean {
  return (
    a.amendmentNumber === b.amendmentNumber &&
    a.filedOn === b.filedOn &&
    (a.accessionNumber === null || b.accessionNumber === null || a.accessionNumber === b.accessionNumber)
  );
}

/** Same type and every field equal but the disclosure's own (source, disclosedOn, effectiveDatePrecision). */
export function sameContent(a: FactEvent, b: FactEvent): boolean {
  if (a.type !== b.type) return false;
  const x = a.data as unknown as Record<string, unknown>;
  const y = b.data as unknown as Record<string, unknown>;
  let count = 0;
  for (const name in x) {
    if (DISCLOSURE_FIELDS.has(name) || x[name] === undefined) continue;
    count++;
    const u = x[name];
    const v = y[name];
    if (u === v) continue;
    if (
      typeof u !== 'object' ||
      typeof v !== 'object' ||
      u === null ||
      v === null ||
      canonicalJson(u) !== canonicalJson(v)
    )
      return false;
  }
  for (const name in y) if (!DISCLOSURE_FIELDS.has(name) && y[name] !== undefined) count--;
  return count === 0;
}

/** Fold order, for facts and for envelopes alike: effective date, then rank, then recorded position. */
export function compareFacts(
  a: { event: FactEvent; position: number },
  b: { event: FactEvent; position: number },
): number {
  const da = a.event.data.effectiveDate;
  const db = b.event.data.effectiveDate;
  if (da !== db) return da < db ? -1 : 1;
  const ra = foldRank(a.event.type);
  const rb = foldRank(b.event.type);
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
