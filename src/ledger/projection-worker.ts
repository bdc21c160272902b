/**
 * A projection worker for one partition of the issuers: it follows the log with a
 * catch-up subscription, keeps the decoded events of the issuers whose key hashes to
 * its partition, and answers holdings for them. Several workers on several partitions
 * of one store, each with its own checkpoint, answer together what one worker answers
 * alone: this is how the projections scale past one process (README: scaling out).
 */
import { createHash } from 'node:crypto';
import { holdingsFromEnvelopes, type HoldingsView } from '../../projections/index.js';
import { decodeTolerantly, ISSUER_STREAM_PREFIX, type Envelope } from '../domain/index.js';
import type { EventStore, RecordedEvent, Subscription } from '../store/event-store.js';

/** Which of `partitions` an issuer belongs to: a stable hash of its key (CUSIP or cik-N), the same in every process. */
export function partitionOf(issuerKey: string, partitions: number): number {
  if (!Number.isInteger(partitions) || partitions < 1)
    throw new RangeError(`partitions must be a whole number >= 1, not ${partitions}`);
  return createHash('sha256').update(issuerKey).digest().readUInt32BE(0) % partitions;
}

export interface WorkerOptions {
  /** This worker's partition, 0 to partitions - 1. */
  partition: number;
  partitions: number;
  /** Resume after this position (the worker's own checkpoint). @defaultValue from the start */
  afterPosition?: bigint;
  onError?: (error: Error) => void;
}

export interface ProjectionWorker {
  /** The issuer keys this worker holds, sorted. */
  issuers(): string[];
  /** Holdings of one of its issuers at a date, as known now; undefined for an issuer of another partition. */
  holdings(issuerKey: string, asOf: string): HoldingsView | undefined;
  /** The position of the last event it folded: the checkpoint to store. */
  checkpoint(): bigint | null;
  readonly caughtUp: Promise<void>;
  close(): Promise<void>;
}

export function startProjectionWorker(store: EventStore, options: WorkerOptions): ProjectionWorker {
  if (options.partition < 0 || options.partition >= options.partitions)
    throw new RangeError(`partition ${options.partition} is not in 0..${options.partitions - 1}`);
  const byIssuer = new Map<string, Envelope[]>();
  let checkpoint: bigint | null = options.afterPosition ?? null;
  let markCaughtUp: () => void = () => {};
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));
  const fold = (event: RecordedEvent) => {
    checkpoint = event.position;
    const issuerKey = event.stream.slice(ISSUER_STREAM_PREFIX.length);
    if (partitionOf(issuerKey, options.partitions) !== options.partition) return;
    // An event that fails its schema is left out here as every query leaves it out.
    const [envelope] = decodeTolerantly([event]).envelopes;
    if (envelope === undefined) return;
    const envelopes = byIssuer.get(issuerKey);
    if (envelopes === undefined) byIssuer.set(issuerKey, [envelope]);
    else envelopes.push(envelope);
  };
  const subscription: Subscription = store.subscribeToAll({
    ...(options.afterPosition === undefined ? {} : { afterPosition: options.afterPosition }),
    filter: { streamPrefixes: [ISSUER_STREAM_PREFIX] },
    onEvent: fold,
    onCaughtUp: () => markCaughtUp(),
    onError: (error) => options.onError?.(error),
  });
  return {
    issuers: () => [...byIssuer.keys()].sort(),
    holdings(issuerKey, asOf) {
      const envelopes = byIssuer.get(issuerKey);
      return envelopes === undefined ? undefined : holdingsFromEnvelopes(envelopes, { asOf });
    },
    checkpoint: () => checkpoint,
    caughtUp,
    close: () => subscription.close(),
  };
}
