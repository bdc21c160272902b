/**
 * `13d-ledger verify`: walks the whole log in position order and reports the first event whose
 * content, chain, revision sequence or recorded time does not match (src/store/integrity.ts), and
 * the file's own damage (SQLite's quick_check). On a store without a hash chain (PostgreSQL,
 * EventStoreDB, a read-only SQLite file of schema 1) it checks what needs no hashes: revisions and
 * recorded times, and says that the content could not be checked.
 *
 * A clean run is recorded in the store (when it may be written) and, with an anchor file, written
 * there too: the next run checks that the event each names is still in the log, unchanged, which
 * catches an insider who rewrote every hash after changing a row.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { EventStore } from '../store/event-store.js';
import {
  createLogCheck,
  tamperEvidenceOf,
  type IntegrityProblem,
  type StoredRow,
  type VerifiedHead,
} from '../store/integrity.js';

const PAGE = 2_000;

export interface VerifyOptions {
  /** A file holding a head to check, rewritten with the new head when the log is clean. */
  anchorFile?: string;
  /** @defaultValue `() => new Date()` */
  now?: () => Date;
}

export interface VerifyReport {
  ok: boolean;
  /** "SQLite store at ./var/ledger.db". */
  store: string;
  /** False when the store has no hash chain: only revisions and recorded times were checked. */
  chained: boolean;
  events: number;
  head: { position: bigint; chainHash: string | null } | null;
  /** Events up to this position were chained when the store was upgraded (earlier changes cannot be seen). */
  chainedFrom: { migratedThrough: bigint; establishedAt: string | null } | null;
  /** The first problem in log order (null when clean), then how many were found in all. */
  firstProblem: IntegrityProblem | null;
  problems: IntegrityProblem[];
  /** What was vouched for before and checked again. */
  checkedAgainst: Array<{ what: string; verifiedAt: string; position: bigint | null }>;
  /** Whether this clean run was recorded in the store, and the anchor written. */
  recorded: boolean;
  anchorWritten: string | null;
  /** One line for people. */
  message: string;
}

export class AnchorFileError extends Error {
  override readonly name = 'AnchorFileError';
}

function readAnchor(file: string): VerifiedHead | null {
  if (!existsSync(file)) return null;
  try {
    const head = JSON.parse(readFileSync(file, 'utf8')) as {
      verifiedAt: string;
      position: string | number | null;
      chainHash: string | null;
      events: number;
    };
    if (typeof head.verifiedAt !== 'string') throw new Error('it has no verifiedAt');
    return { ...head, position: head.position === null ? null : BigInt(head.position) };
  } catch (error) {
    throw new AnchorFileError(`The anchor file ${file} is not one verify wrote: ${(error as Error).message}`);
  }
}

/** Rows for the check: the store's own with hashes, or any store's events without them. */
async function* rowsOf(store: EventStore): AsyncGenerator<StoredRow[]> {
  const evidence = tamperEvidenceOf(store);
  let after = 0n;
  for (;;) {
    const rows: StoredRow[] = evidence
      ? await evidence.readRows(after, PAGE)
      : (await store.readAll({ fromPosition: after + 1n, limit: PAGE })).map((event) => {
          const { recordedAt, ...metadata } = event.metadata;
          return {
            ...event,
            data: JSON.stringify(event.data),
            metadata: JSON.stringify(metadata),
            recordedAt,
            seal: null,
            contentHash: null,
            chainHash: null,
            streamChainHash: null,
            attested: false,
          };
        });
    if (rows.length === 0) return;
    yield rows;
    after = rows.at(-1)!.position;
  }
}

export async function verifyLog(store: EventStore, options: VerifyOptions = {}): Promise<VerifyReport> {
  const evidence = tamperEvidenceOf(store);
  const origin = evidence ? await evidence.origin() : { chained: false, migratedThrough: 0n, establishedAt: null };
  const vouched: Array<VerifiedHead & { what: string }> = [];
  const last = evidence ? await evidence.lastVerification() : null;
  if (last) vouched.push({ ...last, what: 'it was last verified' });
  const anchor = options.anchorFile === undefined ? null : readAnchor(options.anchorFile);
  if (anchor) vouched.push({ ...anchor, what: `the anchor ${options.anchorFile} was written` });

  const check = createLogCheck({ hashes: origin.chained, consecutivePositions: evidence !== undefined, vouched });
  const problems: IntegrityProblem[] = [];
  for (const line of evidence ? await evidence.physicalCheck().catch((e: Error) => [e.message]) : []) {
    problems.push({ kind: 'damaged', position: null, message: `the file is damaged: ${line}` });
  }
  try {
    for await (const rows of rowsOf(store)) {
      for (const row of rows) problems.push(...check.visit(row), ...markerProblems(row, origin));
    }
  } catch (error) {
    problems.push({
      kind: 'damaged',
      position: null,
      message: `the log cannot be read to its end: ${(error as Error).message}`,
    });
  }
  problems.push(...check.finish());

  const { events, head } = check.summary();
  const ok = problems.length === 0;
  const verifiedAt = (options.now ?? (() => new Date()))().toISOString();
  const newHead: VerifiedHead = {
    verifiedAt,
    position: head?.position ?? null,
    chainHash: head?.chainHash ?? null,
    events,
  };
  const recorded = ok && evidence !== undefined && origin.chained ? await evidence.recordVerification(newHead) : false;
  let anchorWritten: string | null = null;
  if (ok && options.anchorFile !== undefined && origin.chained) {
    writeFileSync(
      options.anchorFile,
      `${JSON.stringify({ ...newHead, position: newHead.position?.toString() ?? null }, null, 2)}\n`,
    );
    anchorWritten = options.anchorFile;
  }
  const description = evidence?.description ?? 'this store';
  const report = {
    ok,
    store: description,
    chained: origin.chained,
    events,
    head,
    problems,
    recorded,
    anchorWritten,
    chainedFrom:
      origin.chained && origin.migratedThrough > 0n
        ? { migratedThrough: origin.migratedThrough, establishedAt: origin.establishedAt }
        : null,
    firstProblem: problems[0] ?? null,
    checkedAgainst: vouched.map(({ what, verifiedAt: at, position }) => ({ what, verifiedAt: at, position })),
  };
  return { ...report, message: describeReport(report) };
}

function describeReport(report: Omit<VerifyReport, 'message'>): string {
  const where =
    report.head === null ? 'an empty log' : `${report.events} events, head at position ${report.head.position}`;
  const scope = report.chained
    ? `content, hash chains, revisions and recorded times checked${upgrade(report.chainedFrom)}`
    : 'the store has no hash chain: only revisions and recorded times were checked, not content';
  if (report.ok) return `${report.store}: verified, ${where} (${scope})`;
  const first = report.firstProblem!;
  const at =
    first.position === null
      ? 'the log as a whole'
      : `position ${first.position} (stream "${first.stream}", revision ${first.revision}, ${first.type})`;
  const more = report.problems.length > 1 ? `; ${report.problems.length} problems in all (--json lists them)` : '';
  return `${report.store}: NOT VERIFIED: the first problem is at ${at}: ${first.kind}: ${first.message}${more}`;
}

/**
 * For queries: a warning when events were appended by another process since the last clean `verify`
 * (null when there is nothing to say). Only a store that has been verified at least once is watched,
 * so that a ledger whose operators do not run verify is not told so on every query.
 */
export async function unverifiedAppendsWarning(store: EventStore): Promise<string | null> {
  const evidence = tamperEvidenceOf(store);
  if (evidence === undefined) return null;
  const last = await evidence.lastVerification();
  if (last === null) return null;
  const head = await evidence.headPosition();
  const verified = last.position ?? 0n;
  if (head === null || head <= verified) return null;
  const own = [...evidence.appendedHere()].filter((position) => position > verified).length;
  const others = Number(head - verified) - own;
  if (others <= 0) return null;
  return (
    `warning: ${others} event${others === 1 ? ' was' : 's were'} appended by another process since the log was last ` +
    `verified (${last.verifiedAt}, up to position ${verified}): run \`13d-ledger verify\``
  );
}

function upgrade(chainedFrom: VerifyReport['chainedFrom']): string {
  if (chainedFrom === null) return '';
  return (
    `; events up to position ${chainedFrom.migratedThrough} were chained when the store was upgraded ` +
    `(${chainedFrom.establishedAt}), changes to them before then cannot be seen`
  );
}

/**
 * The ledger's marker (metadata.schema) on an event the ledger did not seal: another program wrote it, through the
 * public append or by SQL. Reads do not trust it (they validate the event); verify names it. Events from before the
 * store had seals (up to the upgrade) carry the marker unsealed by right.
 */
function markerProblems(row: StoredRow, origin: { chained: boolean; migratedThrough: bigint }): IntegrityProblem[] {
  if (!origin.chained || row.attested || row.position <= origin.migratedThrough) return [];
  let marked = false;
  try {
    marked = Object.hasOwn(JSON.parse(row.metadata) as object, 'schema');
  } catch {
    return []; // unreadable metadata is a content problem, named by the hash check
  }
  if (!marked) return [];
  const message =
    "it carries the ledger's schema marker without a seal that matches its content: another program wrote it, " +
    'or its content was changed after the ledger sealed it';
  return [
    { kind: 'marker', position: row.position, stream: row.stream, revision: row.revision, type: row.type, message },
  ];
}
