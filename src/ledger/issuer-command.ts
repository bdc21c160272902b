/**
 * The one write path to an issuer's stream: read it, decode it once, decide
 * (a pure function of what it holds), append what was decided at the revision
 * read, and on a conflict (another writer got in between) read and decide
 * again, with a bound and a jittered backoff. ingest, sample load, correct and
 * retract are each a decision; this is their only read-append-retry loop.
 *
 * What a call reports is what it wrote: an append the store found already
 * written (another process's identical batch) is reported as such.
 */
import { decodeTolerantly, type Envelope, type UnreadableEvent } from '../domain/index.js';
import { EventIdConflictError, WrongExpectedRevisionError } from '../store/errors.js';
import type { EventStore, RecordedEvent } from '../store/event-store.js';
import { appendDomainEvents, type EventToAppend } from './issuer-events.js';

/** What an issuer's stream holds, decoded once: what a decision reads. */
export interface IssuerRecord {
  stream: string;
  /** As stored (ids, metadata such as the source of each event). */
  recorded: readonly RecordedEvent[];
  /** Decoded, in recorded order; events that fail their schema are in `unreadable` instead. */
  envelopes: readonly Envelope[];
  unreadable: readonly UnreadableEvent[];
  lastRevision: bigint | null;
}

/** The events to append (none: nothing to write) and the report, given whether this call wrote them. */
export interface Decision<R> {
  events: readonly EventToAppend[];
  report: (wrote: boolean) => R;
}

export interface HandleOptions {
  /** Recorded as each event's metadata source: "ingest:FILE", "sample:ault-alliance", "correction". */
  source: string;
  /** More metadata recorded on each event, e.g. `{ parserVersion }` for what a parser read. @defaultValue none */
  metadata?: Readonly<Record<string, unknown>>;
  /** Decide, but write nothing. @defaultValue false */
  dryRun?: boolean;
  /** Reads and decisions before giving up on conflicts. @defaultValue 12 */
  attempts?: number;
  /** First backoff in milliseconds, doubled on each conflict (with jitter), at most 1 s. @defaultValue 5 */
  backoffMs?: number;
  /**
   * The revision the caller decided on (an analyst who read the stream at this revision): the command runs only if
   * the stream is still there, else WrongExpectedRevisionError and nothing is written, with no retry.
   * 'no_stream': the stream must not exist yet. @defaultValue none: read, decide and retry as above
   */
  expectedRevision?: bigint | 'no_stream';
}

/** Conflicts kept coming after every attempt: nothing of this command was written. */
export class ConflictRetriesExhaustedError extends Error {
  override readonly name = 'ConflictRetriesExhaustedError';
}

export async function readIssuerRecord(store: EventStore, stream: string): Promise<IssuerRecord> {
  const recorded = await store.readStream(stream);
  // As every query does: an event another program wrote badly is left out, not a reason to refuse.
  const { envelopes, unreadable } = decodeTolerantly(recorded);
  return { stream, recorded, envelopes, unreadable, lastRevision: recorded.at(-1)?.revision ?? null };
}

export async function handleIssuerCommand<R>(
  store: EventStore,
  stream: string,
  decide: (record: IssuerRecord) => Decision<R>,
  options: HandleOptions,
): Promise<R> {
  const attempts = options.attempts ?? 12;
  let backoff = options.backoffMs ?? 5;
  for (let attempt = 1; ; attempt++) {
    const record = await readIssuerRecord(store, stream);
    const read = record.lastRevision ?? 'no_stream';
    const expected = options.expectedRevision;
    if (expected !== undefined && expected !== read)
      throw new WrongExpectedRevisionError(stream, expected, read === 'no_stream' ? 'no_stream' : read);
    const decision = decide(record);
    if (decision.events.length === 0 || options.dryRun) return decision.report(false);
    try {
      const result = await appendDomainEvents(store, stream, decision.events, {
        expectedRevision: read,
        source: options.source,
        ...(options.metadata ? { metadata: options.metadata } : {}),
      });
      return decision.report(result.written);
    } catch (error) {
      // Another writer appended between the read and the write (an id conflict is the same: it wrote an event
      // this batch shares). Read what it wrote and decide again, unless the caller fixed the revision.
      if (
        !(error instanceof WrongExpectedRevisionError || error instanceof EventIdConflictError) ||
        expected !== undefined
      )
        throw error;
      if (attempt >= attempts) {
        throw new ConflictRetriesExhaustedError(
          `${stream}: other writers kept appending; gave up after ${attempts} attempts, nothing of this command written (${error.message})`,
        );
      }
      await sleep(backoff * (0.5 + Math.random()));
      backoff = Math.min(backoff * 2, 1000);
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
