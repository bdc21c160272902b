/**
 * The ingest decision: given what an issuer's stream holds (the event ids, the
 * statement of the same filing from any source, the earlier filings known by
 * date, an original by the same filers on another event, the persons it knows
 * with their CIKs), which of a filing's planned events to append and what to
 * report. Pure: handleIssuerCommand reads the stream and appends.
 *
 * One filing is recorded once whatever format it came in: a StatementFiled
 * with the same filing key (sorted reporting persons + amendment number within
 * the issuer's stream, src/domain/filing-key.ts) from any source means nothing
 * is written. Earlier filings the preamble names (contents unknown) are skipped
 * when the stream knows them by amendment number and filing date; a filing
 * whose text arrives after it was recorded by date is appended (it fills in
 * the contents). A second original by the same filers, on another event than
 * the one recorded, is refused: most likely an amendment that lost its number.
 */
import { datedFilingKeyOf, filingKeyOf, filingLabel, issuerStream, type EventData } from '../domain/index.js';
import { FilingParseError } from '../ingest/filing-parse-error.js';
import type { FilingDoubt, ParsedFiling } from '../ingest/parsed-filing.js';
import type { KnownPerson } from '../ingest/person-ids.js';
import { planIngest, type FilingEvents } from '../ingest/plan-filing.js';
import type { Decision, IssuerRecord } from './issuer-command.js';

export type IngestStatus = 'appended' | 'already-recorded' | 'dry-run';

export interface IngestOutcome {
  file: string;
  /** The CUSIP the filing prints, or null when it prints none (the CIK identifies the issuer). */
  cusip: string | null;
  /** The issuer's key and stream: the CUSIP it was first recorded under, or cik-<CIK>. */
  issuerKey: string;
  stream: string;
  formType: string;
  /** Null for an amendment that states no number. */
  amendmentNo: number | null;
  /** What the event ids derive from: the accession number or the content hash. */
  filingKey: string;
  /** The format-independent identity: issuer key | sorted person ids | amendment number. */
  identityKey: string | null;
  status: IngestStatus;
  /** Where the filing was already recorded from (store metadata source), when status is already-recorded. */
  alreadyRecordedFrom: string | null;
  /** One line saying what happened to the filing. */
  message: string;
  persons: string[];
  positions: number;
  transactions: number;
  events: number;
  /** Events this call wrote (0 when another process had written the same ones). */
  appended: number;
  alreadyPresent: number;
  review: FilingEvents['review'];
  /** Cover pages recorded as partial (rows not restated are unchanged). */
  partial: string[];
  /** What the ledger assumed (e.g. the filing date taken from the signature date) or filled in. */
  notes: string[];
  /** Values read with doubt, each with what was read and why: recorded with the filing, for review. */
  doubts: FilingDoubt[];
  /** Earlier filings the preamble names, recorded (or already known) by date. */
  earlierFilings: { amendmentNumber: number | null; filedOn: string }[];
}

/** The filing's events against the issuer's record: what to append, and the outcome either way. */
export function decideIngest(
  filing: ParsedFiling,
  issuerKey: string,
  notes: readonly string[],
  record: IssuerRecord,
  dryRun: boolean,
): Decision<IngestOutcome> {
  // Planned against what the stream knows: a person's CIK names the same person whatever the name printed.
  const planned = planIngest(filing, { issuerKey, knownPersons: knownPersonsIn(record.envelopes) });
  const outcome = outcomeOf(filing, planned, notes);
  const existing = recordedAlready(record, planned);
  const nothing = (report: IngestOutcome): Decision<IngestOutcome> => ({ events: [], report: () => report });
  if (existing.statement) {
    const from = existing.statement.source;
    return nothing({
      ...outcome,
      status: 'already-recorded',
      alreadyRecordedFrom: from,
      alreadyPresent: planned.events.length,
      message: `already recorded from ${from} (event ${existing.statement.id}); nothing written — use \`13d-ledger correct\` to change it`,
    });
  }
  if (existing.conflict) throw conflictError(filing, existing.conflict);
  if (existing.otherOriginal) {
    const other = existing.otherOriginal;
    throw new FilingParseError(
      filing.file,
      'whole file',
      `a second original Schedule 13D for ${planned.issuerKey} by the same reporting persons: the original filed ${other.filedOn} is already recorded from ${other.source}; an amendment must state its number`,
    );
  }
  const missing = notYetRecorded(planned, existing);
  const own = planned.events[0]!.data as Filed;
  if (existing.datedUnknown.has(datedFilingKeyOf(own)))
    outcome.notes = [
      ...outcome.notes,
      `fills in ${filingLabel(own.amendmentNumber)} filed ${own.filedOn}, recorded until now with contents unknown`,
    ];
  const present = planned.events.length - missing.length;
  if (dryRun)
    return nothing({
      ...outcome,
      alreadyPresent: present,
      message: `would append ${missing.length} events (dry run, nothing written)`,
    });
  if (missing.length === 0)
    return nothing({
      ...outcome,
      status: 'already-recorded',
      alreadyRecordedFrom: 'this filing',
      alreadyPresent: planned.events.length,
      message: 'every event already recorded; nothing written',
    });
  return { events: missing, report: (wrote) => appendReport(outcome, wrote, missing.length, present) };
}

/**
 * The planned events the stream does not hold yet. A filing naming no person has no identity key: its own event ids
 * are the only guard. An earlier filing known by date is recorded once, whichever filing (or the sample) named it
 * first.
 */
function notYetRecorded(planned: FilingEvents, existing: Recorded) {
  return planned.events.filter(
    (e) =>
      !existing.ids.has(e.id) &&
      !(
        e.type === 'StatementFiled' &&
        !(e.data as Filed).contentsKnown &&
        existing.dated.has(datedFilingKeyOf(e.data as Filed))
      ),
  );
}

/** What an append of `missing` events reports: written by this call, or found written by another at that moment. */
function appendReport(outcome: IngestOutcome, wrote: boolean, missing: number, present: number): IngestOutcome {
  if (wrote)
    return {
      ...outcome,
      status: 'appended',
      appended: missing,
      alreadyPresent: present,
      message: `${missing} events appended`,
    };
  return {
    ...outcome,
    status: 'already-recorded',
    alreadyRecordedFrom: 'another writer, at the same moment',
    alreadyPresent: missing + present,
    message: 'every event already written by another writer at the same moment; nothing written by this one',
  };
}

export function outcomeOf(filing: ParsedFiling, planned: FilingEvents, notes: readonly string[]): IngestOutcome {
  return {
    file: filing.file,
    cusip: planned.cusip,
    issuerKey: planned.issuerKey,
    stream: issuerStream(planned.issuerKey),
    formType: filing.formType,
    amendmentNo: filing.amendmentNo,
    filingKey: planned.filingKey,
    identityKey: planned.identityKey,
    status: 'dry-run',
    alreadyRecordedFrom: null,
    message: `would append ${planned.events.length} events (dry run, nothing written)`,
    persons: planned.persons,
    positions: planned.events.filter((e) => e.type === 'PositionReported').length,
    transactions: filing.transactions.length,
    events: planned.events.length,
    appended: 0,
    alreadyPresent: 0,
    review: planned.review,
    partial: planned.partial,
    notes: [...planned.notes, ...notes],
    doubts: filing.doubts,
    earlierFilings: planned.events.flatMap((e) =>
      e.type === 'StatementFiled' && !(e.data as Filed).contentsKnown
        ? [{ amendmentNumber: (e.data as Filed).amendmentNumber, filedOn: (e.data as Filed).filedOn }]
        : [],
    ),
  };
}

type Filed = EventData<'StatementFiled'>;

interface Recorded {
  ids: Set<string>;
  statement: { id: string; source: string } | null;
  /** Dated keys (#N | filing date) of every statement recorded, known or not. */
  dated: Set<string>;
  /** Dated keys of the statements recorded with contents unknown (named by a later filing's preamble). */
  datedUnknown: Set<string>;
  /** An original with known contents by the same filers, filed on another date. */
  otherOriginal: { filedOn: string; source: string } | null;
  /** The same filing recorded with other reporting persons from another copy: one of the two is damaged. */
  conflict: RecordedCopy | null;
}

interface RecordedCopy {
  statement: Filed;
  source: string;
  contentHash: string | null;
}

/** The persons a stream names with their CIKs (the latest record of each id). */
export function knownPersonsIn(envelopes: IssuerRecord['envelopes']): KnownPerson[] {
  const persons = new Map<string, KnownPerson>();
  for (const { event } of envelopes) {
    if (event.type !== 'PersonIdentified') continue;
    const earlier = persons.get(event.data.personId);
    persons.set(event.data.personId, {
      personId: event.data.personId,
      name: event.data.name,
      cik: event.data.cik ?? earlier?.cik ?? null,
    });
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

function recordedAlready(record: IssuerRecord, planned: FilingEvents): Recorded {
  const own = planned.events[0]!.data as Filed;
  const sources = new Map(record.recorded.map((e) => [e.id, String(e.metadata.source ?? 'an unnamed source')]));
  const sourceOf = (id: string) => sources.get(id)!;
  const hashes = new Map(
    record.recorded.map((e) => [e.id, typeof e.metadata.contentHash === 'string' ? e.metadata.contentHash : null]),
  );
  const found: Recorded = {
    ids: new Set(record.recorded.map((e) => e.id)),
    statement: null,
    dated: new Set(),
    datedUnknown: new Set(),
    otherOriginal: null,
    conflict: null,
  };
  const retracted = new Set(
    record.envelopes.flatMap(({ event }) =>
      event.type === 'EventRetracted' ? [event.data.eventId.toLowerCase()] : [],
    ),
  );
  for (const { id, event } of record.envelopes) {
    if (event.type !== 'StatementFiled') continue;
    found.dated.add(datedFilingKeyOf(event.data));
    if (!event.data.contentsKnown) found.datedUnknown.add(datedFilingKeyOf(event.data));
    if (found.conflict === null && !retracted.has(id) && otherCopyOf(event.data, own))
      found.conflict = { statement: event.data, source: sourceOf(id), contentHash: hashes.get(id) ?? null };
    if (
      found.statement !== null ||
      planned.identityKey === null ||
      `${planned.issuerKey}|${filingKeyOf(event.data)}` !== planned.identityKey
    )
      continue;
    // Two originals by the same filers on different events: the second is most likely an amendment that lost its
    // number.
    if (own.amendmentNumber === 0 && !sameFiling(event.data, own))
      found.otherOriginal = { filedOn: event.data.filedOn, source: sourceOf(id) };
    else found.statement = { id, source: sourceOf(id) };
  }
  return found;
}

/**
 * Another copy of the same filing (same amendment number, same event or filing date, reporting persons in
 * common, no two different accession numbers) that names other reporting persons: a damaged copy read
 * without some of its cover pages, or this one is. Never "fills in" the other.
 */
function otherCopyOf(recorded: Filed, own: Filed): boolean {
  if (!recorded.contentsKnown || recorded.amendmentNumber === null || recorded.amendmentNumber !== own.amendmentNumber)
    return false;
  if (
    recorded.accessionNumber !== null &&
    own.accessionNumber !== null &&
    recorded.accessionNumber !== own.accessionNumber
  )
    return false;
  if (!sameFiling(recorded, own)) return false;
  const persons = (filed: Filed) =>
    new Set([...filed.coverPages, ...filed.partialCoverPages].map((page) => page.personId));
  const [theirs, ours] = [persons(recorded), persons(own)];
  const shared = [...ours].filter((id) => theirs.has(id)).length;
  return shared > 0 && (shared !== ours.size || shared !== theirs.size);
}

/** Refused, nothing written: which copy is right is for a person to say, with both contents named. */
function conflictError(filing: ParsedFiling, other: RecordedCopy): FilingParseError {
  const own = new Set(filing.coverPages.map((cover) => cover.name));
  const theirs = [...other.statement.coverPages, ...other.statement.partialCoverPages].map((page) => page.name);
  const missingThere = [...own].filter((name) => !theirs.includes(name));
  const missingHere = theirs.filter((name) => !own.has(name));
  const differences = [
    missingThere.length > 0 ? `only this copy names ${missingThere.join('; ')}` : null,
    missingHere.length > 0 ? `only the recorded copy names ${missingHere.join('; ')}` : null,
  ].filter((d) => d !== null);
  const label = `${filingLabel(other.statement.amendmentNumber)} filed ${other.statement.filedOn}`;
  const problem =
    `conflict: ${label} is already recorded from ${other.source} (content sha256:${other.contentHash ?? 'not recorded'}) ` +
    `with other reporting persons than this copy (content sha256:${filing.contentHash}): ${differences.join('; ')}. ` +
    'One copy is damaged: nothing written; retract the recorded statement if it is the damaged one, then ingest this copy again';
  return new FilingConflictError(filing.file, problem, other.contentHash, filing.contentHash);
}

/** The same filing recorded from a copy with other content: refused for this file, the run goes on. */
export class FilingConflictError extends FilingParseError {
  override readonly name = 'FilingConflictError';
  constructor(
    file: string,
    problem: string,
    readonly recordedContentHash: string | null,
    readonly contentHash: string,
  ) {
    super(file, 'whole file', problem);
  }
}
