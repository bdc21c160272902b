/**
 * One filing of a sync: its full submission text from the cache, else from
 * EDGAR (then cached), read by the same parser and written through the same
 * ingest path as `13d-ledger ingest` (idempotent: a filing already recorded
 * writes nothing), and the reading recorded (sync-readings.ts).
 *
 * What goes wrong with one filing is that filing's outcome, never the run's:
 * a document the parser refuses is refused for good (the cache keeps it for a
 * newer parser, `reparse`); one EDGAR would not deliver after every retry is
 * refused for now, and holds the watermark back so that the next run asks
 * again.
 */
import { archiveUrl, type EdgarBase } from '../edgar/edgar-paths.js';
import { EdgarUnavailableError, type EdgarClient } from '../edgar/edgar-client.js';
import type { FilingCache } from '../edgar/filing-cache.js';
import type { IndexedFiling } from '../edgar/form-index.js';
import { submissionIncomplete } from '../edgar/full-submission.js';
import { FilingParseError } from '../ingest/filing-parse-error.js';
import type { ParsedFiling } from '../ingest/parsed-filing.js';
import { planIngest } from '../ingest/plan-filing.js';
import { parseFilingBytes } from '../ingest/read-filing.js';
import type { EventStore } from '../store/event-store.js';
import { ingestFiling } from './ingest-filing.js';
import type { IssuerDirectory } from './issuer-directory.js';
import { alreadyRead, noteReading, recordReading, type FilingRead, type Readings } from './sync-readings.js';

export interface SyncContext {
  store: EventStore;
  client: EdgarClient;
  base: EdgarBase;
  cache: FilingCache;
  directory: IssuerDirectory;
  parserVersion: string;
  /** What each parser version read of each document (sync-readings.ts), kept current by the run. */
  readings: Readings;
  signal?: AbortSignal | undefined;
}

/** The document, or why there is none. */
export type Fetched =
  { kind: 'document'; bytes: Buffer; downloaded: boolean } | { kind: 'missing'; reason: string; lasting: boolean };

export type FilingStatus = 'ingested' | 'already-present' | 'refused';

export interface FilingResult {
  filing: IndexedFiling;
  status: FilingStatus;
  /** Why it was refused; null otherwise. */
  reason: string | null;
  /** A refusal that a later run may not repeat (EDGAR did not deliver): the watermark stays before it. */
  transient: boolean;
  downloaded: boolean;
  fromCache: boolean;
}

/** From the cache, else downloaded once and cached. Errors that retrying cannot change (403) stop the run. */
export async function fetchFiling(ctx: SyncContext, filing: IndexedFiling): Promise<Fetched> {
  const cached = await ctx.cache.read(filing.accessionNumber);
  if (cached !== null) return { kind: 'document', bytes: cached, downloaded: false };
  const url = archiveUrl(ctx.base, filing.fileName);
  let body: Buffer | null;
  try {
    body = await ctx.client.get(url, { signal: ctx.signal, incomplete: submissionIncomplete });
  } catch (error) {
    if (error instanceof EdgarUnavailableError) return { kind: 'missing', reason: error.message, lasting: false };
    throw error;
  }
  if (body === null) return { kind: 'missing', reason: `${url}: EDGAR has no such file (404)`, lasting: true };
  await ctx.cache.write(filing.accessionNumber, body);
  return { kind: 'document', bytes: body, downloaded: true };
}

/** Reads and ingests a fetched filing, and records the reading. */
export async function ingestFetched(ctx: SyncContext, filing: IndexedFiling, fetched: Fetched): Promise<FilingResult> {
  const base = { filing, downloaded: fetched.kind === 'document' && fetched.downloaded };
  const result = { ...base, fromCache: fetched.kind === 'document' && !fetched.downloaded, transient: false };
  if (fetched.kind === 'missing') {
    return { ...result, status: 'refused', reason: fetched.reason, transient: !fetched.lasting };
  }
  // Read by this parser version before (a run killed after it, or a second sync of the same days): nothing new.
  if (alreadyRead(ctx.readings, filing.accessionNumber, ctx.parserVersion)) {
    return { ...result, status: 'already-present', reason: null };
  }
  let status: FilingStatus;
  let reason: string | null = null;
  let appended = 0;
  try {
    const outcome = await ingestFiling(ctx.store, readDocument(fetched.bytes, filing.fileName), {
      directory: ctx.directory,
    });
    status = outcome.status === 'appended' ? 'ingested' : 'already-present';
    appended = outcome.appended;
  } catch (error) {
    if (!(error instanceof FilingParseError)) throw error;
    status = 'refused';
    reason = error.message;
  }
  const outcome = status === 'ingested' ? 'appended' : status;
  const reading: FilingRead = {
    accessionNumber: filing.accessionNumber,
    parserVersion: ctx.parserVersion,
    outcome,
    appended,
    reason,
  };
  await recordReading(ctx.store, reading, `sync:${filing.fileName}`);
  noteReading(ctx.readings, reading);
  return { ...result, status, reason };
}

/** Parsed and mapped as `ingest` does: anything the parser or the mapping throws is a refusal naming the file. */
export function readDocument(bytes: Uint8Array, file: string, parse = parseFilingBytes): ParsedFiling {
  try {
    const filing = parse(bytes, file);
    planIngest(filing);
    return filing;
  } catch (error) {
    if (error instanceof FilingParseError) throw error;
    throw new FilingParseError(file, 'whole file', error instanceof Error ? error.message : String(error));
  }
}
