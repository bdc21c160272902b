/**
 * Ingests parsed filings into the store: one filing, one atomic append to its
 * issuer's stream. Every event is validated before anything is written.
 *
 * One filing is recorded once whatever format it came in: before appending,
 * the issuer stream is read and a StatementFiled with the same filing key
 * (issuer CUSIP + sorted reporting persons + amendment number, see
 * src/domain/filing-key.ts) from any source (an earlier ingest in another format, the
 * bundled sample) means nothing is written. The append expects the revision
 * that was read, so two concurrent ingests of one filing cannot both write: the
 * loser re-reads once and finds the winner's statement.
 *
 * Earlier filings the preamble names (contents unknown) are skipped when the
 * store knows them already by issuer, amendment number and filing date, from
 * any source; a filing whose text arrives after it was recorded by date is
 * appended (it fills in the contents). A second original (amendment 0) for the
 * same issuer and filers, filed on another date than the one recorded with
 * known contents, is refused: it is most likely an amendment whose number was lost.
 */
import { datedFilingKeyOf, decodeTolerantly, filingKeyOf, filingLabel, issuerStream, parseCusip, validateEvent, type Cusip, type EventData } from '../domain/index.js';
import { appendToIssuer } from '../ledger/issuer-events.js';
import { EventIdConflictError, WrongExpectedRevisionError } from '../store/errors.js';
import type { EventStore } from '../store/event-store.js';
import { FilingParseError } from './filing-parse-error.js';
import type { FilingDoubt, ParsedFiling } from './parsed-filing.js';
import { filingToEvents, type FilingEvents, type FilingToEventsOptions } from './to-events.js';
import { issuerDirectory, type IssuerDirectory } from '../ledger/issuer-directory.js';

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
  /** The format-independent identity: CUSIP | sorted person ids | amendment number. */
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

/** Maps and validates without writing: what `--dry-run` shows, and the first half of every ingest. */
export function planIngest(filing: ParsedFiling, options: FilingToEventsOptions = {}): FilingEvents {
  const planned = filingToEvents(filing, options);
  for (const event of planned.events) validateEvent(event, event.id);
  return planned;
}

export interface IngestOptions {
  /** Read the store and say what would happen, but write nothing. @defaultValue false */
  dryRun?: boolean;
  /** The store's issuer directory, shared by the filings of one run. @defaultValue a new one on `store` */
  directory?: IssuerDirectory;
}

/** `store` undefined: plan only (no store to compare with). */
export async function ingestFiling(store: EventStore | undefined, filing: ParsedFiling, options: IngestOptions = {}): Promise<IngestOutcome> {
  let planned = planIngest(filing);
  const directory = store === undefined ? undefined : (options.directory ?? issuerDirectory(store));
  const notes: string[] = [];
  if (directory !== undefined) {
    // The issuer may be known under another CUSIP (a new class, a reverse split) or by its CIK: its chain continues.
    const ids = { cusip: planned.cusip, cik: planned.cik };
    let resolved = await directory.resolve(ids);
    if (!options.dryRun && resolved.newAliases.length > 0) {
      await directory.record(resolved.newAliases, resolved.key, filing.issuer.name ?? null, `ingest:${filing.file}`);
      // Another process may have recorded one of them first, for another key: the directory's answer stands.
      resolved = { ...(await directory.resolve(ids)), conflict: resolved.conflict };
    }
    if (resolved.conflict !== null) notes.push(resolved.conflict);
    if (resolved.key !== planned.issuerKey) {
      planned = planIngest(filing, { issuerKey: resolved.key });
      const by = [ids.cik ? `CIK ${ids.cik}` : null, ids.cusip ? `CUSIP ${ids.cusip}` : null].filter((s) => s !== null).join(' / ');
      notes.push(`continues the chain of issuer ${resolved.key}, which the ledger already knows (this filing's ${by})`);
    }
  }
  const outcome: IngestOutcome = {
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
    earlierFilings: planned.events.flatMap((e) => (e.type === 'StatementFiled' && !(e.data as Filed).contentsKnown ? [{ amendmentNumber: (e.data as Filed).amendmentNumber, filedOn: (e.data as Filed).filedOn }] : [])),
  };
  if (!store) return outcome;
  for (let attempt = 0; ; attempt++) {
    const existing = await recordedAlready(store, planned);
    if (existing.statement) {
      const from = existing.statement.source;
      return { ...outcome, status: 'already-recorded', alreadyRecordedFrom: from, alreadyPresent: planned.events.length, message: `already recorded from ${from} (event ${existing.statement.id}); nothing written — use \`13d-ledger correct\` to change it` };
    }
    if (existing.otherOriginal) {
      const other = existing.otherOriginal;
      throw new FilingParseError(filing.file, 'whole file', `a second original Schedule 13D for ${planned.issuerKey} by the same reporting persons: the original filed ${other.filedOn} is already recorded from ${other.source}; an amendment must state its number`);
    }
    // A filing naming no person has no identity key: its own event ids are the only guard.
    // An earlier filing known by date is recorded once, whichever filing (or the sample) named it first.
    const missing = planned.events.filter((e) => !existing.ids.has(e.id) && !(e.type === 'StatementFiled' && !(e.data as Filed).contentsKnown && existing.dated.has(datedFilingKeyOf(e.data as Filed))));
    const own = planned.events[0]!.data as Filed;
    if (existing.dated.has(datedFilingKeyOf(own))) outcome.notes = [...outcome.notes, `fills in ${filingLabel(own.amendmentNumber)} filed ${own.filedOn}, recorded until now with contents unknown`];
    if (options.dryRun) return { ...outcome, alreadyPresent: planned.events.length - missing.length, message: `would append ${missing.length} events (dry run, nothing written)` };
    if (missing.length === 0) return { ...outcome, status: 'already-recorded', alreadyRecordedFrom: 'this filing', alreadyPresent: planned.events.length, message: 'every event already recorded; nothing written' };
    try {
      await appendToIssuer(store, planned.issuerKey, missing, { expectedRevision: existing.lastRevision ?? 'no_stream', source: `ingest:${filing.file}` });
    } catch (error) {
      // Someone appended to the issuer between our read and write: re-read and re-check, once.
      // (An id conflict means the same: the winner wrote an event both batches share, e.g. an earlier filing known by date.)
      if ((error instanceof WrongExpectedRevisionError || error instanceof EventIdConflictError) && attempt === 0) continue;
      throw error;
    }
    return { ...outcome, status: 'appended', appended: missing.length, alreadyPresent: planned.events.length - missing.length, message: `${missing.length} events appended` };
  }
}

type Filed = EventData<'StatementFiled'>;

interface Recorded {
  ids: Set<string>;
  lastRevision: bigint | null;
  statement: { id: string; source: string } | null;
  /** Dated keys (CUSIP | #N | filing date) of every statement recorded, known or not. */
  dated: Set<string>;
  /** An original with known contents by the same filers, filed on another date. */
  otherOriginal: { filedOn: string; source: string } | null;
}

/**
 * Same filing: the same event date when both state one, else the same filing date. (A text copy dates itself
 * by its signatures, a submission by FILED AS OF DATE: the filing dates of one filing may differ by a day.)
 */
function sameFiling(a: Filed, b: Filed): boolean {
  return a.eventDate !== null && b.eventDate !== null ? a.eventDate === b.eventDate : a.filedOn === b.filedOn;
}

async function recordedAlready(store: EventStore, planned: FilingEvents): Promise<Recorded> {
  const recorded = await store.readStream(issuerStream(planned.issuerKey));
  // As every query does: an event another program wrote badly is left out, not a reason to refuse.
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
