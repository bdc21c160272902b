/**
 * Ingest of one parsed filing: find its issuer (by CIK or any CUSIP it has
 * used, src/ledger/issuer-directory.ts), then decide against the issuer's
 * stream what to append (ingest-decision.ts) through the one write path
 * (issuer-command.ts): one filing, one atomic append, retried on conflicts.
 */
import type { ParsedFiling } from '../ingest/parsed-filing.js';
import { PARSER_VERSION } from '../ingest/parser-version.js';
import { planIngest, type FilingEvents } from '../ingest/plan-filing.js';
import type { EventStore } from '../store/event-store.js';
import { decideIngest, outcomeOf, type IngestOutcome } from './ingest-decision.js';
import { handleIssuerCommand } from './issuer-command.js';
import { issuerDirectory, type IssuerDirectory } from './issuer-directory.js';
import { issuerStream } from '../domain/index.js';

export type { IngestOutcome, IngestStatus } from './ingest-decision.js';

export interface IngestOptions {
  /** Read the store and say what would happen, but write nothing. @defaultValue false */
  dryRun?: boolean;
  /** The store's issuer directory, shared by the filings of one run. @defaultValue a new one on `store` */
  directory?: IssuerDirectory;
  /** The revision of the filing's issuer stream the caller read: refused, nothing written, if it has moved on. */
  expectedRevision?: bigint | 'no_stream';
  /**
   * Recorded in each event's metadata (`13d-ledger reparse` passes the version it reads with). @defaultValue
   * PARSER_VERSION
   */
  parserVersion?: string;
}

/** `store` undefined: plan only (no store to compare with). */
export async function ingestFiling(
  store: EventStore | undefined,
  filing: ParsedFiling,
  options: IngestOptions = {},
): Promise<IngestOutcome> {
  const planned = planIngest(filing);
  if (!store) return outcomeOf(filing, planned, []);
  const { issuerKey, notes } = await resolveIssuer(store, filing, planned, options);
  return handleIssuerCommand(
    store,
    issuerStream(issuerKey),
    (record) => decideIngest(filing, issuerKey, notes, record, options.dryRun ?? false),
    {
      source: `ingest:${filing.file}`,
      // Which reading of the filing these events are: `13d-ledger reparse` compares a newer one with it.
      // And which copy: a later copy of the same filing with other content is told apart by it (ingest-decision.ts).
      metadata: { parserVersion: options.parserVersion ?? PARSER_VERSION, contentHash: filing.contentHash },
      dryRun: options.dryRun ?? false,
      ...(options.expectedRevision === undefined ? {} : { expectedRevision: options.expectedRevision }),
    },
  );
}

/** The issuer may be known under another CUSIP (a new class, a reverse split) or by its CIK: its chain continues. */
async function resolveIssuer(
  store: EventStore,
  filing: ParsedFiling,
  planned: FilingEvents,
  options: IngestOptions,
): Promise<{ issuerKey: string; notes: string[] }> {
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
    const by = [ids.cik ? `CIK ${ids.cik}` : null, ids.cusip ? `CUSIP ${ids.cusip}` : null]
      .filter((s) => s !== null)
      .join(' / ');
    notes.push(`continues the chain of issuer ${resolved.key}, which the ledger already knows (this filing's ${by})`);
  }
  return { issuerKey: resolved.key, notes };
}
