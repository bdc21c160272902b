/**
 * Ingests parsed filings into the store: one filing, one atomic append to its
 * issuer's stream. Every event is validated before anything is written.
 *
 * One filing is recorded once whatever format it came in: before appending,
 * the issuer stream is read and a StatementFiled with the same filing key
 * (issuer CUSIP + sorted reporting persons + amendment number, see
 * filing-key.ts) from any source (an earlier ingest in another format, the
 * bundled sample) means nothing is written. The append expects the revision
 * that was read, so two concurrent ingests of one filing cannot both write: the
 * loser re-reads once and finds the winner's statement.
 */
import { decodeEvents, issuerStream, parseCusip, validateEvent, type Cusip } from '../domain/index.js';
import { appendToIssuer } from '../ledger/issuer-events.js';
import { WrongExpectedRevisionError } from '../store/errors.js';
import type { EventStore } from '../store/event-store.js';
import { filingKeyOf } from './filing-key.js';
import type { ParsedFiling } from './parsed-filing.js';
import { filingToEvents, type FilingEvents } from './to-events.js';

export type IngestStatus = 'appended' | 'already-recorded' | 'dry-run';

export interface IngestOutcome {
  file: string;
  cusip: string;
  formType: string;
  amendmentNo: number;
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
}

/** Maps and validates without writing: what `--dry-run` shows, and the first half of every ingest. */
export function planIngest(filing: ParsedFiling): FilingEvents {
  const planned = filingToEvents(filing);
  for (const event of planned.events) validateEvent(event, event.id);
  return planned;
}

export interface IngestOptions {
  /** Read the store and say what would happen, but write nothing. @defaultValue false */
  dryRun?: boolean;
}

/** `store` undefined: plan only (no store to compare with). */
export async function ingestFiling(store: EventStore | undefined, filing: ParsedFiling, options: IngestOptions = {}): Promise<IngestOutcome> {
  const planned = planIngest(filing);
  const outcome: IngestOutcome = {
    file: filing.file,
    cusip: planned.cusip,
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
  };
  if (!store) return outcome;
  const cusip = parseCusip(planned.cusip);
  for (let attempt = 0; ; attempt++) {
    const existing = await recordedAlready(store, cusip, planned);
    if (existing.statement) {
      const from = existing.statement.source;
      return { ...outcome, status: 'already-recorded', alreadyRecordedFrom: from, alreadyPresent: planned.events.length, message: `already recorded from ${from} (event ${existing.statement.id}); nothing written — use \`13d-ledger correct\` to change it` };
    }
    // A filing naming no person has no identity key: its own event ids are the only guard.
    const missing = planned.events.filter((e) => !existing.ids.has(e.id));
    if (options.dryRun) return { ...outcome, alreadyPresent: planned.events.length - missing.length, message: `would append ${missing.length} events (dry run, nothing written)` };
    if (missing.length === 0) return { ...outcome, status: 'already-recorded', alreadyRecordedFrom: 'this filing', alreadyPresent: planned.events.length, message: 'every event already recorded; nothing written' };
    try {
      await appendToIssuer(store, cusip, missing, { expectedRevision: existing.lastRevision ?? 'no_stream', source: `ingest:${filing.file}` });
    } catch (error) {
      // Someone appended to the issuer between our read and write: re-read and re-check, once.
      if (error instanceof WrongExpectedRevisionError && attempt === 0) continue;
      throw error;
    }
    return { ...outcome, status: 'appended', appended: missing.length, alreadyPresent: planned.events.length - missing.length, message: `${missing.length} events appended` };
  }
}

interface Recorded {
  ids: Set<string>;
  lastRevision: bigint | null;
  statement: { id: string; source: string } | null;
}

async function recordedAlready(store: EventStore, cusip: Cusip, planned: FilingEvents): Promise<Recorded> {
  const recorded = await store.readStream(issuerStream(cusip));
  const envelopes = decodeEvents(recorded);
  let statement: Recorded['statement'] = null;
  if (planned.identityKey !== null) {
    const index = envelopes.findIndex(({ event }) => event.type === 'StatementFiled' && filingKeyOf(event.data) === planned.identityKey);
    if (index >= 0) statement = { id: envelopes[index]!.id, source: String(recorded[index]!.metadata.source ?? 'an unnamed source') };
  }
  return { ids: new Set(recorded.map((e) => e.id)), lastRevision: recorded.at(-1)?.revision ?? null, statement };
}
