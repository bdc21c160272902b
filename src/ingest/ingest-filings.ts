/**
 * Ingests parsed filings into the store: one filing, one atomic append to its
 * issuer's stream. Every event is validated before anything is written, and
 * events already in the store (same deterministic id) are not sent again, so
 * a second ingest of the same filing writes nothing.
 */
import { validateEvent } from '../domain/index.js';
import { appendToIssuer, readIssuer } from '../ledger/issuer-events.js';
import type { EventStore } from '../store/event-store.js';
import type { ParsedFiling } from './parsed-filing.js';
import { filingToEvents, type FilingEvents } from './to-events.js';

export interface IngestOutcome {
  file: string;
  cusip: string;
  formType: string;
  amendmentNo: number;
  filingKey: string;
  persons: string[];
  positions: number;
  transactions: number;
  events: number;
  appended: number;
  alreadyPresent: number;
  review: FilingEvents['review'];
  skipped: string[];
}

/** Maps and validates without writing: what `--dry-run` shows, and the first half of every ingest. */
export function planIngest(filing: ParsedFiling): FilingEvents {
  const planned = filingToEvents(filing);
  for (const event of planned.events) validateEvent(event, event.id);
  return planned;
}

export async function ingestFiling(store: EventStore | undefined, filing: ParsedFiling): Promise<IngestOutcome> {
  const planned = planIngest(filing);
  let appended = 0;
  if (store) {
    const cusip = planned.cusip as Parameters<typeof readIssuer>[1];
    const { envelopes, lastRevision } = await readIssuer(store, cusip);
    const present = new Set(envelopes.map((e) => e.id));
    const missing = planned.events.filter((e) => !present.has(e.id));
    if (missing.length > 0) {
      await appendToIssuer(store, cusip, missing, { expectedRevision: lastRevision ?? 'no_stream', source: `ingest:${planned.filingKey}` });
    }
    appended = missing.length;
  }
  return {
    file: filing.file,
    cusip: planned.cusip,
    formType: filing.formType,
    amendmentNo: filing.amendmentNo,
    filingKey: planned.filingKey,
    persons: planned.persons,
    positions: planned.events.filter((e) => e.type === 'PositionReported').length,
    transactions: filing.transactions.length,
    events: planned.events.length,
    appended,
    alreadyPresent: store ? planned.events.length - appended : 0,
    review: planned.review,
    skipped: planned.skipped,
  };
}
