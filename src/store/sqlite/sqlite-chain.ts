/**
 * The SQLite store's hash chain: how an append links each new row to the log's head and to
 * its stream's last event (chainWriter, inside the append transaction), and how `verify`
 * reads the rows with their hashes back (sqliteEvidence). The hashes are defined once, in
 * ../hash-chain.ts.
 */
import type Database from 'better-sqlite3';
import { chainNext, contentDigest, GENESIS, sealMatches, type StoredContent } from '../hash-chain.js';
import type { ChainOrigin, StoredRow, VerifiedHead } from '../integrity.js';

export interface ChainWriter {
  /** The stream's last event: its revision and its link in the stream's chain. */
  streamHead(stream: string): { revision: bigint; streamChainHash: Buffer | null } | undefined;
  /** Inserts one row at the next position, hashed and chained; returns that position. */
  insert(row: Omit<StoredContent, 'position'>): bigint;
}

/** Used inside the append transaction, which holds the write lock: the head cannot move meanwhile. */
export function chainWriter(db: Database.Database): ChainWriter {
  const streamHead = db.prepare<[string], { revision: bigint; stream_chain_hash: Buffer | null }>(
    'SELECT revision, stream_chain_hash FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
  );
  const logHead = db.prepare<[], { position: bigint; chain_hash: Buffer | null }>(
    'SELECT position, chain_hash FROM events ORDER BY position DESC LIMIT 1',
  );
  // AUTOINCREMENT's own rule: past the highest position ever used, even one removed since.
  const nextPosition = db.prepare<[], { next: bigint }>(
    `SELECT max(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0),
                COALESCE((SELECT max(position) FROM events), 0)) + 1 AS next`,
  );
  const insert = db.prepare(
    `INSERT INTO events (position, id, stream, revision, type, data, metadata, recorded_at, seal,
                         content_hash, chain_hash, stream_chain_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const headOf = (stream: string) => {
    const row = streamHead.get(stream);
    return row === undefined ? undefined : { revision: row.revision, streamChainHash: row.stream_chain_hash };
  };
  return {
    streamHead: headOf,
    insert(row) {
      const position = nextPosition.get()!.next;
      const digest = contentDigest({ ...row, position });
      const chain = chainNext(logHead.get()?.chain_hash ?? GENESIS, digest);
      const streamChain = chainNext(headOf(row.stream)?.streamChainHash ?? GENESIS, digest);
      insert.run(
        position,
        row.id,
        row.stream,
        row.revision,
        row.type,
        row.data,
        row.metadata,
        row.recordedAt,
        row.seal,
        digest,
        chain,
        streamChain,
      );
      return position;
    },
  };
}

/** What `verify` reads from an SQLite file (synchronously: the store wraps it). */
export interface SqliteEvidence {
  origin(): ChainOrigin;
  readRows(afterPosition: bigint, limit: number): StoredRow[];
  physicalCheck(): string[];
  headPosition(): bigint | null;
  lastVerification(): VerifiedHead | null;
  recordVerification(head: VerifiedHead): boolean;
}

interface HashedRow {
  position: bigint;
  id: string;
  stream: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
  seal: Buffer | null;
  content_hash: Buffer | null;
  chain_hash: Buffer | null;
  stream_chain_hash: Buffer | null;
}

export function sqliteEvidence(
  db: Database.Database,
  store: { path: string; readOnly: string | null; chained: boolean; key: Buffer | null },
): SqliteEvidence {
  const fact = (name: string): string | undefined =>
    store.chained
      ? (db.prepare('SELECT value FROM store_facts WHERE name = ?').get(name) as { value: string } | undefined)?.value
      : undefined;
  return {
    origin: () => ({
      chained: store.chained,
      migratedThrough: BigInt(fact('chain-migrated-through') ?? '0'),
      establishedAt: fact('chain-established-at') ?? null,
    }),
    readRows(afterPosition, limit) {
      const hashes = store.chained
        ? 'seal, content_hash, chain_hash, stream_chain_hash'
        : 'NULL AS seal, NULL AS content_hash, NULL AS chain_hash, NULL AS stream_chain_hash';
      const rows = db
        .prepare(
          `SELECT position, id, stream, revision, type, data, metadata, recorded_at, ${hashes}
           FROM events WHERE position > ? ORDER BY position LIMIT ?`,
        )
        .all(afterPosition, limit) as HashedRow[];
      return rows.map((row) => ({
        position: row.position,
        id: row.id,
        stream: row.stream,
        revision: row.revision,
        type: row.type,
        data: row.data,
        metadata: row.metadata,
        recordedAt: row.recorded_at,
        seal: row.seal,
        contentHash: row.content_hash,
        chainHash: row.chain_hash,
        streamChainHash: row.stream_chain_hash,
        attested: store.key !== null && sealMatches(store.key, row.seal, row.type, row.data, row.metadata),
      }));
    },
    physicalCheck() {
      // SQLite lists every damaged cell: the first few say where, the count says how much.
      const rows = db.pragma('quick_check(100)') as Array<{ quick_check: string }>;
      const lines = rows
        .flatMap((row) => row.quick_check.split('\n'))
        .filter((line) => line !== 'ok' && !/^\*\*\*/.test(line));
      if (lines.length <= 3) return lines;
      return [`${lines.slice(0, 3).join('; ')}; and ${lines.length - 3} more findings of SQLite's quick_check`];
    },
    headPosition: () => (db.prepare('SELECT max(position) AS head FROM events').get() as { head: bigint | null }).head,
    lastVerification() {
      const text = fact('last-verification');
      if (text === undefined) return null;
      const head = JSON.parse(text) as Omit<VerifiedHead, 'position'> & { position: string | null };
      return { ...head, position: head.position === null ? null : BigInt(head.position) };
    },
    recordVerification(head) {
      if (store.readOnly !== null || !store.chained) return false;
      const text = JSON.stringify({ ...head, position: head.position === null ? null : head.position.toString() });
      db.prepare(
        `INSERT INTO store_facts (name, value) VALUES ('last-verification', ?)
         ON CONFLICT (name) DO UPDATE SET value = excluded.value`,
      ).run(text);
      return true;
    },
  };
}
