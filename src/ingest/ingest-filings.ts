/**
 * Ingests parsed filings into the store: one filing, one atomic append to its
 * issuer's stream. Every event is validated before anything is written.
 *
 * One filing is recorded once whatever format it came in: before appending,
 * the issuer stream is read and a StatementFiled with the same filing key
 * (sorted reporting persons + amendment number within the issuer's stream, see
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
import { datedFilingKeyOf, filingLabel, issuerStream, validateEvent, type EventData } from '../domain/index.js';
import { appendToIssuer } from '../ledger/issuer-events.js';
import { EventIdConflictError, WrongExpectedRevisionError } from '../store/errors.js';
import type { EventStore } from '../store/event-store.js';
import { FilingParseError } from './filing-parse-error.js';
import type { FilingDoubt, ParsedFiling } from './parsed-filing.js';
import { issuerDirectory, type IssuerDirectory } from '../ledger/issuer-directory.js';
import { knownPersonsIn, recordedAlready } from './recorded-filings.js';
import { filingToEvents, type FilingEvents, type FilingToEventsOptions } from './to-events.js';

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
  if (!store) return outcomeOf(filing, planIngest(filing), []);
  const { issuerKey, notes } = await resolveIssuer(store, filing, planIngest(filing), options);
  for (let attempt = 0; ; attempt++) {
    const recorded = await store.readStream(issuerStream(issuerKey));
    // Planned against what the stream knows: a person's CIK names the same person whatever the name printed.
    const planned = planIngest(filing, { issuerKey, knownPersons: knownPersonsIn(recorded) });
    const outcome = outcomeOf(filing, planned, notes);
    const existing = recordedAlready(recorded, planned);
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

/** The issuer may be known under another CUSIP (a new class, a reverse split) or by its CIK: its chain continues. */
async function resolveIssuer(store: EventStore, filing: ParsedFiling, planned: FilingEvents, options: IngestOptions): Promise<{ issuerKey: string; notes: string[] }> {
  const directory = options.directory ?? issuerDirectory(store);
  const ids = { cusip: planned.cusip, cik: planned.cik };
  let resolved = await directory.resolve(ids);
  if (!options.dryRun && resolved.newAliases.length > 0) {
    await directory.record(resolved.newAliases, resolved.key, filing.issuer.name ?? null, `ingest:${filing.file}`);
    // Another process may have recorded one of them first, for another key: the directory's answer stands.
    resolved = { ...(await directory.resolve(ids)), conflict: resolved.conflict };
  }
  const notes = resolved.conflict === null ? [] : [resolved.conflict];
  if (resolved.key !== planned.issuerKey) {
    const by = [ids.cik ? `CIK ${ids.cik}` : null, ids.cusip ? `CUSIP ${ids.cusip}` : null].filter((s) => s !== null).join(' / ');
    notes.push(`continues the chain of issuer ${resolved.key}, which the ledger already knows (this filing's ${by})`);
  }
  return { issuerKey: resolved.key, notes };
}

function outcomeOf(filing: ParsedFiling, planned: FilingEvents, notes: readonly string[]): IngestOutcome {
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
    earlierFilings: planned.events.flatMap((e) => (e.type === 'StatementFiled' && !(e.data as Filed).contentsKnown ? [{ amendmentNumber: (e.data as Filed).amendmentNumber, filedOn: (e.data as Filed).filedOn }] : [])),
  };
}

type Filed = EventData<'StatementFiled'>;
