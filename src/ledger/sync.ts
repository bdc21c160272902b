/**
 * `13d-ledger sync`: keeps the ledger current from EDGAR. For each range of
 * dates the watermark does not cover, the plan's index units in date order
 * (or one company's submissions); for each unit its 13D filings, downloaded
 * a few at a time (the shared rate limiter keeps the whole run within
 * EDGAR's 10 requests per second) and ingested one by one in index order.
 * After each unit whose filings are all in (or refused for good) the
 * watermark advances, so a killed run resumes after the last such unit;
 * whatever it redoes is idempotent (readings, accession numbers, event ids).
 */
import { addDays, cikOf, parseIsoDate, todayInNewYork } from '../domain/index.js';
import type { EdgarClient } from '../edgar/edgar-client.js';
import type { EdgarBase } from '../edgar/edgar-paths.js';
import type { FilingCache } from '../edgar/filing-cache.js';
import type { IndexedFiling } from '../edgar/form-index.js';
import { PARSER_VERSION } from '../ingest/parser-version.js';
import type { EventStore } from '../store/event-store.js';
import { issuerDirectory } from './issuer-directory.js';
import { fetchFiling, ingestFetched, type Fetched, type FilingResult, type SyncContext } from './sync-filing.js';
import { planIndexUnits, uncoveredRanges, unitLabel, type SyncUnit } from './sync-plan.js';
import { readReadings } from './sync-readings.js';
import { listCompany, listIndexUnit, type Listed } from './sync-sources.js';
import { countResult, emptySummary, type SyncSummary } from './sync-summary.js';
import { readWatermark, recordWatermark } from './sync-watermark.js';

export interface SyncOptions {
  client: EdgarClient;
  base: EdgarBase;
  cache: FilingCache;
  /** First index date. @defaultValue the day after the watermark; for --cik with none, 1993-01-01 */
  since?: string | undefined;
  /** Last index date. @defaultValue today in New York */
  until?: string | undefined;
  /** One company's filings (as filer or subject) from its submissions JSON, instead of the form indexes. */
  cik?: string | undefined;
  /** @defaultValue today in New York */
  today?: string;
  /** Downloads in flight at once (the rate limiter still spaces their requests). @defaultValue 4 */
  concurrency?: number;
  /** Stops the run between filings; nothing half-written, the watermark where the last complete unit left it. */
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  /** @defaultValue PARSER_VERSION */
  parserVersion?: string;
}

export interface SyncProgress {
  unit: string;
  done: number;
  total: number;
  summary: SyncSummary;
}

/** The first sync of the form indexes has nothing to continue from: it needs --since. */
export class SyncRangeError extends Error {
  override readonly name = 'SyncRangeError';
}

const EDGAR_START = '1993-01-01';

export async function syncFromEdgar(store: EventStore, options: SyncOptions): Promise<SyncSummary> {
  const today = options.today ?? todayInNewYork(new Date());
  const cik = options.cik === undefined ? undefined : cikOf(options.cik);
  const scope = cik === undefined ? 'edgar-index' : `cik:${cik}`;
  const stored = await readWatermark(store, scope);
  const { since, until } = syncRange(options, stored?.through ?? null, cik !== undefined, today);
  const summary = emptySummary(scope, since, until);
  summary.watermark = stored;
  const ctx: SyncContext = {
    store,
    client: options.client,
    base: options.base,
    cache: options.cache,
    directory: issuerDirectory(store),
    parserVersion: options.parserVersion ?? PARSER_VERSION,
    readings: await readReadings(store),
    signal: options.signal,
  };
  const requestsBefore = { ...options.client.stats };
  try {
    for (const [from, to] of uncoveredRanges(since, until, stored)) {
      const range = { from, to, scope, today };
      if (cik === undefined) await syncIndexRange(ctx, range, summary, options);
      else await syncCompanyRange(ctx, { ...range, cik }, summary, options);
      if (summary.stopped) break;
    }
  } finally {
    summary.requests = options.client.stats.requests - requestsBefore.requests;
    summary.retries = options.client.stats.retries - requestsBefore.retries;
  }
  return summary;
}

function syncRange(options: SyncOptions, through: string | null, company: boolean, today: string) {
  const until = options.until === undefined ? today : parseIsoDate(options.until, '--until');
  let since: string;
  if (options.since !== undefined) since = parseIsoDate(options.since, '--since');
  else if (through !== null) since = addDays(through, 1);
  else if (company) since = EDGAR_START;
  else
    throw new SyncRangeError(
      'the first sync of the EDGAR form indexes needs --since YYYY-MM-DD ' +
        '(later ones continue from where the last stopped)',
    );
  // Continuing past the end asked (up to date already) is nothing to do; asking for it is a mistake.
  if (since > until && options.since !== undefined) {
    throw new SyncRangeError(`--since ${since} is after --until ${until}`);
  }
  return { since, until };
}

interface Range {
  from: string;
  to: string;
  scope: string;
  today: string;
}

/** Unit by unit; the watermark follows each complete unit until one is not, then holds for the rest of the range. */
async function syncIndexRange(ctx: SyncContext, range: Range, summary: SyncSummary, options: SyncOptions) {
  let advancing = true;
  for (const unit of planIndexUnits(range.from, range.to, null, range.today)) {
    if (options.signal?.aborted) return stop(summary);
    const listed = await listIndexUnit(ctx, unit, range.today);
    const held = await syncFilings(ctx, unitLabel(unit), listed, summary, options);
    if (summary.stopped) return;
    if (held !== null) summary.heldBack.push(held);
    if (advancing && held === null) summary.watermark = await advance(ctx, range, unitEnd(unit));
    else advancing = false;
  }
  // Weekends and holidays at the end of the range have no index: covered once every unit before them is.
  if (advancing) summary.watermark = await advance(ctx, range, range.to);
}

/** A company's filings of the range; the watermark stops at yesterday, as filings of today may still come. */
async function syncCompanyRange(
  ctx: SyncContext,
  range: Range & { cik: string },
  summary: SyncSummary,
  options: SyncOptions,
) {
  const listed = await listCompany(ctx, range.cik, range.from, range.to);
  const held = await syncFilings(ctx, range.scope, listed, summary, options);
  if (summary.stopped) return;
  if (held !== null) return void summary.heldBack.push(held);
  const through = range.to < range.today ? range.to : addDays(range.today, -1);
  if (through >= range.from) summary.watermark = await advance(ctx, range, through);
}

function advance(ctx: SyncContext, range: Range, through: string) {
  return recordWatermark(ctx.store, range.scope, { from: range.from, through }, ctx.parserVersion);
}

function unitEnd(unit: SyncUnit): string {
  return unit.kind === 'day' ? unit.date : unit.to;
}

function stop(summary: SyncSummary): void {
  summary.stopped = true;
}

/**
 * Downloads run ahead of the ingest by at most `concurrency` filings; each is ingested in list order as soon as it
 * is there. Returns null when every filing is in or refused for good, else why the watermark must hold.
 */
async function syncFilings(
  ctx: SyncContext,
  label: string,
  listed: Listed,
  summary: SyncSummary,
  options: SyncOptions,
) {
  const { filings } = listed;
  const window = Math.max(1, options.concurrency ?? 4);
  const pending: Promise<Fetched | Error>[] = [];
  let next = 0;
  const launch = () => {
    while (next < filings.length && pending.length < window && !options.signal?.aborted) {
      pending.push(fetchFiling(ctx, filings[next++]!).catch((error: unknown) => toError(error)));
    }
  };
  let transient = 0;
  try {
    for (let done = 0; done < filings.length; done++) {
      launch();
      const fetched = options.signal?.aborted ? null : await pending.shift()!;
      // Stopped: what is ingested stays, the rest waits for the next run.
      if (fetched === null || options.signal?.aborted) {
        stop(summary);
        return null;
      }
      if (fetched instanceof Error) throw fetched;
      const result = await ingestFetched(ctx, filings[done]!, fetched);
      if (result.transient) transient += 1;
      countResult(summary, result);
      options.onProgress?.({ unit: label, done: done + 1, total: filings.length, summary });
    }
  } finally {
    // Downloads still in flight (a stop, an error) settle before the run returns; their files stay cached.
    await Promise.all(pending.splice(0));
  }
  if (listed.incomplete !== null) return listed.incomplete;
  return transient === 0 ? null : `${label}: ${transient} filings EDGAR did not deliver; the next run asks again`;
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

export type { FilingResult, IndexedFiling, SyncSummary };
