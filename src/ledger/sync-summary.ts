/**
 * What a sync did, counted as it goes: the summary line printed after every
 * run, and its JSON (`--json`), whose field names are a contract (added to,
 * never renamed).
 */
import type { FilingResult } from './sync-filing.js';
import type { Watermark } from './sync-watermark.js';

export interface SyncRefusal {
  accessionNumber: string;
  fileName: string;
  formType: string;
  dateFiled: string;
  reason: string;
  /** EDGAR did not deliver it (a later run asks again), as against a document the parser refuses. */
  transient: boolean;
}

export interface SyncSummary {
  /** `edgar-index`, or `cik:##########` for one company. */
  scope: string;
  since: string;
  until: string;
  /** Schedule 13D filings the indexes (or the company's submissions) list in the range, each counted once. */
  filingsSeen: number;
  ingested: number;
  alreadyPresent: number;
  refused: SyncRefusal[];
  /** Filings downloaded from EDGAR, and read from the cache instead. */
  downloaded: number;
  fromCache: number;
  /** HTTP requests sent (indexes included), and how many of them were retries. */
  requests: number;
  retries: number;
  /** The range of index dates complete after this run, or null before any is. */
  watermark: Watermark | null;
  /** Why the watermark stops where it does, when it stops before `until`. */
  heldBack: string[];
  /** The run was stopped (a signal) before it finished. */
  stopped: boolean;
}

export function emptySummary(scope: string, since: string, until: string): SyncSummary {
  return {
    scope,
    since,
    until,
    filingsSeen: 0,
    ingested: 0,
    alreadyPresent: 0,
    refused: [],
    downloaded: 0,
    fromCache: 0,
    requests: 0,
    retries: 0,
    watermark: null,
    heldBack: [],
    stopped: false,
  };
}

export function countResult(summary: SyncSummary, result: FilingResult): void {
  summary.filingsSeen += 1;
  if (result.downloaded) summary.downloaded += 1;
  if (result.fromCache) summary.fromCache += 1;
  if (result.status === 'ingested') summary.ingested += 1;
  if (result.status === 'already-present') summary.alreadyPresent += 1;
  if (result.status !== 'refused') return;
  const { accessionNumber, fileName, formType, dateFiled } = result.filing;
  summary.refused.push({
    accessionNumber,
    fileName,
    formType,
    dateFiled,
    reason: result.reason!,
    transient: result.transient,
  });
}

/** The one summary line, then one line per refused filing with its reason. */
export function formatSummary(s: SyncSummary): string {
  const through = s.watermark === null ? 'none yet' : `${s.watermark.from}..${s.watermark.through}`;
  const head =
    `sync ${s.scope} ${s.since}..${s.until}${s.stopped ? ' (stopped)' : ''}: ${s.filingsSeen} filings seen, ` +
    `${s.ingested} ingested, ${s.alreadyPresent} already present, ${s.refused.length} refused; ` +
    `${s.downloaded} downloaded, ${s.fromCache} from the cache, ${s.requests} requests (${s.retries} retries); ` +
    `complete through: ${through}`;
  const refused = s.refused.map((r) => `  refused ${r.accessionNumber} (${r.formType}, ${r.dateFiled}): ${r.reason}`);
  const held = s.heldBack.map((reason) => `  held back: ${reason}`);
  return [head, ...refused, ...held].join('\n');
}
