/**
 * Walking the log for tamper evidence: what an adapter with a hash chain offers
 * (`tamperEvidenceOf`), and the one check every adapter's rows go through.
 *
 * The check recomputes each event's content digest and both chains (see hash-chain.ts),
 * and independently of the hashes checks that positions follow each other without a
 * gap, that each stream's revisions go 0, 1, 2... and that recorded time never
 * decreases with position. It also compares the log with the last clean verification
 * (and an anchor file, if given): an event verified then must still be there, unchanged.
 */
import type { EventStore } from './event-store.js';
import { chainNext, contentDigest, GENESIS, hex, type StoredContent } from './hash-chain.js';

/** One stored event with its stored hashes, as an adapter reads it for verification. */
export interface StoredRow extends StoredContent {
  contentHash: Buffer | null;
  chainHash: Buffer | null;
  streamChainHash: Buffer | null;
  /** The seal matches the store's key (see attestation.ts). */
  attested: boolean;
}

export interface ChainOrigin {
  /** False for a store whose schema predates the chain (opened read-only, so it could not be upgraded). */
  chained: boolean;
  /**
   * Events up to this position were chained when the store was upgraded, at `establishedAt`;
   * 0 when the store was created with the chain.
   */
  migratedThrough: bigint;
  /** When the chain was established: the store's creation or its upgrade. */
  establishedAt: string | null;
}

/** A head of the log someone vouched for: the last clean verification, or an anchor kept elsewhere. */
export interface VerifiedHead {
  verifiedAt: string;
  /** Null for an empty log. */
  position: bigint | null;
  chainHash: string | null;
  events: number;
}

export interface TamperEvidence {
  /** "SQLite store at ./var/ledger.db": for messages. */
  readonly description: string;
  origin(): Promise<ChainOrigin>;
  /** Rows after a position, in position order, at most `limit`. */
  readRows(afterPosition: bigint, limit: number): Promise<StoredRow[]>;
  /** Damage beneath the rows (SQLite's quick_check); empty when none is found. */
  physicalCheck(): Promise<string[]>;
  /** The last event's position, or null for an empty log: cheap, for the query warning. */
  headPosition(): Promise<bigint | null>;
  lastVerification(): Promise<VerifiedHead | null>;
  /** Records a clean verification; false when the store is open read-only and could not record it. */
  recordVerification(head: VerifiedHead): Promise<boolean>;
  /** Positions this store object wrote (not found already written): appends of this process, for the query warning. */
  appendedHere(): ReadonlySet<bigint>;
}

export const TAMPER_EVIDENCE: unique symbol = Symbol('13d-ledger.store.tamper-evidence') as never;

/** The store's tamper evidence, or undefined for an adapter without a hash chain (EventStoreDB). */
export function tamperEvidenceOf(store: EventStore): TamperEvidence | undefined {
  return (store as { [TAMPER_EVIDENCE]?: TamperEvidence })[TAMPER_EVIDENCE];
}

export type ProblemKind =
  | 'content'
  | 'unhashed'
  | 'chain'
  | 'stream-chain'
  | 'position'
  | 'revision'
  | 'recorded-time'
  | 'truncated'
  | 'replaced'
  | 'damaged'
  | 'marker';

export interface IntegrityProblem {
  kind: ProblemKind;
  /** The event it was found at; null for the file or the log as a whole. */
  position: bigint | null;
  stream?: string;
  revision?: bigint;
  type?: string;
  message: string;
}

export interface LogCheckOptions {
  /** Check content digests and chains (false for a store without them). */
  hashes: boolean;
  /** Positions go 1, 2, 3... (SQLite, PostgreSQL; not EventStoreDB's commit positions). */
  consecutivePositions: boolean;
  /** Heads vouched for before (last clean verification, anchor file): each must still be in the log. */
  vouched: ReadonlyArray<VerifiedHead & { what: string }>;
}

/** Checks rows one by one in position order; `finish` adds what only the end of the log shows. */
export function createLogCheck(options: LogCheckOptions) {
  const streams = new Map<string, { revision: bigint; chainHash: Buffer | null }>();
  let previous: { position: bigint; chainHash: Buffer | null; recordedAt: string; time: number } | null = null;
  let events = 0;
  const vouched = options.vouched.filter((head) => head.position !== null);

  function visit(row: StoredRow): IntegrityProblem[] {
    const problems: IntegrityProblem[] = [];
    const at = (kind: ProblemKind, message: string) =>
      problems.push({
        kind,
        position: row.position,
        stream: row.stream,
        revision: row.revision,
        type: row.type,
        message,
      });
    events++;

    if (options.consecutivePositions) {
      const expected = previous === null ? 1n : previous.position + 1n;
      if (row.position > expected) {
        const missing =
          row.position - expected === 1n
            ? `position ${expected} is`
            : `positions ${expected} to ${row.position - 1n} are`;
        at('position', `${missing} missing from the log: removed`);
      }
    }

    const stream = streams.get(row.stream);
    const expectedRevision = stream === undefined ? 0n : stream.revision + 1n;
    if (row.revision > expectedRevision) {
      const missing =
        row.revision - expectedRevision === 1n
          ? `revision ${expectedRevision} is`
          : `revisions ${expectedRevision} to ${row.revision - 1n} are`;
      at(
        'revision',
        `stream "${row.stream}" goes from ${stream === undefined ? 'nothing' : `revision ${stream.revision}`} ` +
          `to revision ${row.revision}: ${missing} missing (removed)`,
      );
    } else if (row.revision < expectedRevision) {
      at(
        'revision',
        `stream "${row.stream}" has revision ${row.revision} again after revision ${stream!.revision}: out of sequence`,
      );
    }

    const time = Date.parse(row.recordedAt);
    if (Number.isNaN(time)) at('recorded-time', `its recorded time "${row.recordedAt}" is not a time`);
    else if (previous !== null && time < previous.time) {
      at(
        'recorded-time',
        `recorded at ${row.recordedAt}, before the event at position ${previous.position} (${previous.recordedAt}): ` +
          'recorded time must not decrease with position (backdated)',
      );
    }

    if (options.hashes) {
      if (row.contentHash === null || row.chainHash === null || row.streamChainHash === null) {
        at('unhashed', "it carries no hash: it was put into the log without the store's append");
      } else {
        if (!contentDigest(row).equals(row.contentHash)) {
          at(
            'content',
            'its content does not match its hash: a field (data, metadata, type, stream, revision, recorded time ' +
              'or seal) was changed after it was appended',
          );
        }
        if (
          !chainNext(previous === null ? GENESIS : (previous.chainHash ?? GENESIS), row.contentHash).equals(
            row.chainHash,
          )
        ) {
          at(
            'chain',
            `it is not chained to the event before it (${previous === null ? 'none' : `at ${previous.position}`}): ` +
              'an event was removed or inserted there, or hashes were rewritten',
          );
        }
        if (!chainNext(stream?.chainHash ?? GENESIS, row.contentHash).equals(row.streamChainHash)) {
          at('stream-chain', `it is not chained to the previous event of stream "${row.stream}"`);
        }
      }
    }

    for (const head of vouched) {
      if (
        head.position === row.position &&
        head.chainHash !== null &&
        options.hashes &&
        hex(row.chainHash) !== head.chainHash
      ) {
        at(
          'replaced',
          `it is not the event that held position ${row.position} when ${head.what} on ${head.verifiedAt} ` +
            '(its chain hash differs)',
        );
      }
    }

    // After a revision out of sequence, the stream's next is expected after the highest seen.
    streams.set(row.stream, {
      revision: stream !== undefined && stream.revision > row.revision ? stream.revision : row.revision,
      chainHash: row.streamChainHash,
    });
    if (!Number.isNaN(time))
      previous = { position: row.position, chainHash: row.chainHash, recordedAt: row.recordedAt, time };
    else
      previous = {
        position: row.position,
        chainHash: row.chainHash,
        recordedAt: previous?.recordedAt ?? row.recordedAt,
        time: previous?.time ?? 0,
      };
    return problems;
  }

  function finish(): IntegrityProblem[] {
    const last = previous?.position ?? 0n;
    return vouched
      .filter((head) => head.position !== null && head.position > last)
      .map((head) => ({
        kind: 'truncated' as const,
        position: null,
        message:
          `the log ends at ${previous === null ? 'nothing (it is empty)' : `position ${last}`}, but it held position ` +
          `${head.position} when ${head.what} on ${head.verifiedAt}: events were removed from its end`,
      }));
  }

  return {
    visit,
    finish,
    /** What was walked: the number of events and the head. */
    summary: () => ({
      events,
      head: previous === null ? null : { position: previous.position, chainHash: hex(previous.chainHash) },
    }),
  };
}
