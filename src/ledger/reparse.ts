/**
 * `13d-ledger reparse`: re-reads every raw document the sync cached with the
 * current parser and appends what this version reads differently, tagged with
 * its version (metadata `parserVersion`); earlier events stay. A document
 * this version has read already (sync-readings.ts) is skipped, so a second
 * reparse writes nothing. A document whose filing the ledger does not hold
 * from this document (never read, refused by an older parser, or recorded
 * from another copy) goes through the ordinary ingest path instead.
 */
import type { FilingCache } from '../edgar/filing-cache.js';
import { FilingParseError } from '../ingest/filing-parse-error.js';
import type { ParsedFiling } from '../ingest/parsed-filing.js';
import { PARSER_VERSION } from '../ingest/parser-version.js';
import { planIngest } from '../ingest/plan-filing.js';
import { parseFilingBytes } from '../ingest/read-filing.js';
import { issuerStream } from '../domain/index.js';
import type { EventStore } from '../store/event-store.js';
import { ingestFiling } from './ingest-filing.js';
import { handleIssuerCommand, readIssuerRecord } from './issuer-command.js';
import { issuerDirectory, type IssuerDirectory } from './issuer-directory.js';
import { decideReparse } from './reparse-decision.js';
import { readDocument } from './sync-filing.js';
import { noteReading, readReadings, recordReading, type FilingRead, type Readings } from './sync-readings.js';

export interface ReparseOptions {
  cache: FilingCache;
  /** @defaultValue PARSER_VERSION */
  parserVersion?: string;
  /** The parser (injectable: a test stands in a newer one). @defaultValue parseFilingBytes */
  parse?: (bytes: Uint8Array, file: string) => ParsedFiling;
  onProgress?: (done: number, total: number) => void;
}

export interface ReparseSummary {
  parserVersion: string;
  /** Documents in the cache. */
  documents: number;
  /** Already read by this parser version. */
  skipped: number;
  /** Read again, and what that gave. */
  reread: number;
  changed: number;
  unchanged: number;
  /** Events appended: new facts, corrections and retractions. */
  eventsAppended: number;
  refused: { accessionNumber: string; reason: string }[];
}

export async function reparseCache(store: EventStore, options: ReparseOptions): Promise<ReparseSummary> {
  const parserVersion = options.parserVersion ?? PARSER_VERSION;
  const readings = await readReadings(store);
  const directory = issuerDirectory(store);
  const accessions = await options.cache.list();
  const summary: ReparseSummary = {
    parserVersion,
    documents: accessions.length,
    skipped: 0,
    reread: 0,
    changed: 0,
    unchanged: 0,
    eventsAppended: 0,
    refused: [],
  };
  for (const [i, accessionNumber] of accessions.entries()) {
    if (readings.get(accessionNumber)?.has(parserVersion)) summary.skipped += 1;
    else {
      const reading = await reparseOne(store, { ...options, parserVersion, directory, readings }, accessionNumber);
      await recordReading(store, reading, `reparse:${accessionNumber}`);
      noteReading(readings, reading);
      count(summary, reading);
    }
    options.onProgress?.(i + 1, accessions.length);
  }
  return summary;
}

function count(summary: ReparseSummary, reading: FilingRead): void {
  summary.reread += 1;
  summary.eventsAppended += reading.appended;
  if (reading.outcome === 'refused')
    summary.refused.push({ accessionNumber: reading.accessionNumber, reason: reading.reason! });
  else if (reading.appended > 0) summary.changed += 1;
  else summary.unchanged += 1;
}

interface Context extends ReparseOptions {
  parserVersion: string;
  directory: IssuerDirectory;
  readings: Readings;
}

async function reparseOne(store: EventStore, ctx: Context, accessionNumber: string): Promise<FilingRead> {
  const bytes = (await ctx.cache.read(accessionNumber))!;
  const base = { accessionNumber, parserVersion: ctx.parserVersion, appended: 0, reason: null };
  let filing: ParsedFiling;
  try {
    filing = readDocument(bytes, ctx.cache.pathOf(accessionNumber), ctx.parse ?? parseFilingBytes);
  } catch (error) {
    if (!(error instanceof FilingParseError)) throw error;
    return { ...base, outcome: 'refused', reason: error.message };
  }
  const previous = [...(ctx.readings.get(accessionNumber)?.values() ?? [])].filter((r) => r.outcome !== 'refused');
  const issuerKey = await heldFromThisDocument(store, ctx.directory, filing);
  if (issuerKey === null || previous.length === 0) {
    const outcome = await ingestFiling(store, filing, { directory: ctx.directory, parserVersion: ctx.parserVersion });
    return { ...base, outcome: outcome.appended > 0 ? 'appended' : 'unchanged', appended: outcome.appended };
  }
  const versions = { previous: previous.at(-1)!.parserVersion, current: ctx.parserVersion };
  const changes = await handleIssuerCommand(
    store,
    issuerStream(issuerKey),
    (record) => decideReparse(filing, issuerKey, record, versions),
    {
      source: `reparse:${accessionNumber}`,
      metadata: { parserVersion: ctx.parserVersion },
    },
  );
  const appended = changes.added + changes.corrected + changes.retracted;
  return { ...base, outcome: appended > 0 ? 'appended' : 'unchanged', appended };
}

/** The issuer key whose stream holds this document's statement (same event id), else null. */
async function heldFromThisDocument(
  store: EventStore,
  directory: IssuerDirectory,
  filing: ParsedFiling,
): Promise<string | null> {
  const planned = planIngest(filing);
  const resolved = await directory.resolve({ cusip: planned.cusip, cik: planned.cik });
  if (resolved.newAliases.length > 0 && resolved.key === planned.issuerKey) return null;
  const record = await readIssuerRecord(store, issuerStream(resolved.key));
  const statementId = planIngest(filing, { issuerKey: resolved.key }).events[0]!.id;
  return record.recorded.some((e) => e.id === statementId) ? resolved.key : null;
}
