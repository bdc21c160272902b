/**
 * What steps 1 and 2 ask of an event store, so that the ledger's store, the peer (Emmett's SQLite event store)
 * and the floor (bare better-sqlite3) run the very same loop: append a filing's batch at the expected revision,
 * then read the whole log in global order, a page at a time.
 */
import type { SyntheticBatch } from './synthetic-issuer.js';

export interface AppendReadTarget {
  readonly name: string;
  append(batch: SyntheticBatch): Promise<void>;
  /** Reads every event in global order in pages of `pageSize`; returns how many it read. */
  readAll(pageSize: number): Promise<number>;
  close(): Promise<void>;
}

/** The durability every target runs with, so that no one's figure is bought with less of it. */
export const DURABILITY = {
  journalMode: 'WAL',
  synchronous: 'NORMAL',
  why:
    "WAL with synchronous=NORMAL (the ledger store's default): a commit is durable against a crash of the process, " +
    'and the last commits before a power loss can be lost; no target syncs each commit to disk',
} as const;

/** Reads in pages of this many events (a catch-up subscription's page). */
export const PAGE_SIZE = 10_000;
