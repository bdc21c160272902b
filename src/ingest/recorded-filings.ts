/**
 * What an issuer's stream already holds, as ingest needs it to decide: the
 * event ids, the statement of the same filing (from any source), the earlier
 * filings known by date, an original by the same filers on another event,
 * and the persons it knows (with their CIKs). Pure: the caller reads the stream.
 */
import { datedFilingKeyOf, decodeTolerantly, filingKeyOf, type EventData } from '../domain/index.js';
import type { RecordedEvent } from '../store/event-store.js';
import type { KnownPerson } from './person-ids.js';
import type { FilingEvents } from './to-events.js';

type Filed = EventData<'StatementFiled'>;

export interface Recorded {
  ids: Set<string>;
  lastRevision: bigint | null;
  statement: { id: string; source: string } | null;
  /** Dated keys (#N | filing date) of every statement recorded, known or not. */
  dated: Set<string>;
  /** An original with known contents by the same filers, filed on another date. */
  otherOriginal: { filedOn: string; source: string } | null;
}

/** The persons a stream names with their CIKs (the latest record of each id). */
export function knownPersonsIn(recorded: readonly RecordedEvent[]): KnownPerson[] {
  const persons = new Map<string, KnownPerson>();
  // As every query does: an event another program wrote badly is left out, not a reason to refuse.
  for (const { event } of decodeTolerantly(recorded).envelopes) {
    if (event.type !== 'PersonIdentified') continue;
    const earlier = persons.get(event.data.personId);
    persons.set(event.data.personId, { personId: event.data.personId, name: event.data.name, cik: event.data.cik ?? earlier?.cik ?? null });
  }
  return [...persons.values()];
}

/**
 * Same filing: the same event date when both state one, else the same filing date. (A text copy dates itself
 * by its signatures, a submission by FILED AS OF DATE: the filing dates of one filing may differ by a day.)
 */
function sameFiling(a: Filed, b: Filed): boolean {
  return a.eventDate !== null && b.eventDate !== null ? a.eventDate === b.eventDate : a.filedOn === b.filedOn;
}

export function recordedAlready(recorded: readonly RecordedEvent[], planned: FilingEvents): Recorded {
  const { envelopes } = decodeTolerantly(recorded);
  const own = planned.events[0]!.data as Filed;
  const sources = new Map(recorded.map((e) => [e.id, String(e.metadata.source ?? 'an unnamed source')]));
  const sourceOf = (id: string) => sources.get(id)!;
  const found: Recorded = { ids: new Set(recorded.map((e) => e.id)), lastRevision: recorded.at(-1)?.revision ?? null, statement: null, dated: new Set(), otherOriginal: null };
  for (const { id, event } of envelopes) {
    if (event.type !== 'StatementFiled') continue;
    found.dated.add(datedFilingKeyOf(event.data));
    if (found.statement !== null || planned.identityKey === null || `${planned.issuerKey}|${filingKeyOf(event.data)}` !== planned.identityKey) continue;
    // Two originals by the same filers on different events: the second is most likely an amendment that lost its number.
    if (own.amendmentNumber === 0 && !sameFiling(event.data, own)) found.otherOriginal = { filedOn: event.data.filedOn, source: sourceOf(id) };
    else found.statement = { id, source: sourceOf(id) };
  }
  return found;
}
