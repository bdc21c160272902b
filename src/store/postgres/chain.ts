/**
 * The PostgreSQL store's hash chain and seal, computed in the program with the same bytes as on
 * SQLite (../hash-chain.ts): the append links its rows to the head it reads under the append lock,
 * migration 2 chains the rows an older schema holds, and `verify` reads the rows with their hashes.
 */
import type { ClientBase } from 'pg';
import { chainNext, contentDigest, GENESIS, hex, newSealKey, sealMatches, type StoredContent } from '../hash-chain.js';
import type { ChainOrigin, StoredRow, VerifiedHead } from '../integrity.js';

/** The append-only trigger that migration 2 lifts, in its own transaction, to fill in the hashes of older rows. */
const UPDATE_GUARD = 'ledger_events_are_never_updated';

export interface HashedEventRow {
  position: bigint;
  id: string;
  stream: string;
  revision: bigint;
  type: string;
  data: string;
  metadata: string;
  recorded_at: Date;
  seal: Buffer | null;
  content_hash: Buffer | null;
  chain_hash: Buffer | null;
  stream_chain_hash: Buffer | null;
}

const HASHED_COLUMNS =
  'position, id, stream, revision, type, data, metadata, recorded_at, seal, ' +
  'content_hash, chain_hash, stream_chain_hash';

const contentOf = (row: HashedEventRow): StoredContent => ({ ...row, recordedAt: row.recorded_at.toISOString() });

/** Migration 2's second half: a seal key, and the hashes of every event already in the log. */
export async function chainExistingEvents(client: ClientBase): Promise<void> {
  const now = (await client.query<{ now: Date }>('SELECT now() AS now')).rows[0]!.now;
  const { rows } = await client.query<HashedEventRow>(`SELECT ${HASHED_COLUMNS} FROM ledger_events ORDER BY position`);
  await client.query(`ALTER TABLE ledger_events DISABLE TRIGGER ${UPDATE_GUARD}`);
  const streams = new Map<string, Buffer>();
  let chain = GENESIS;
  for (const row of rows) {
    const digest = contentDigest(contentOf(row));
    chain = chainNext(chain, digest);
    const streamChain = chainNext(streams.get(row.stream) ?? GENESIS, digest);
    streams.set(row.stream, streamChain);
    await client.query(
      'UPDATE ledger_events SET content_hash = $1, chain_hash = $2, stream_chain_hash = $3 WHERE position = $4',
      [digest, chain, streamChain, String(row.position)],
    );
  }
  await client.query(`ALTER TABLE ledger_events ENABLE TRIGGER ${UPDATE_GUARD}`);
  const facts: Array<[string, string]> = [
    ['seal-key', newSealKey().toString('hex')],
    ['chain-migrated-through', String(rows.at(-1)?.position ?? 0n)],
    ['chain-established-at', now.toISOString()],
  ];
  for (const [name, value] of facts)
    await client.query('INSERT INTO ledger_store_facts (name, value) VALUES ($1, $2)', [name, value]);
}

export async function readSealKey(client: ClientBase): Promise<Buffer | null> {
  const { rows } = await client.query<{ value: string }>(
    "SELECT value FROM ledger_store_facts WHERE name = 'seal-key'",
  );
  return rows[0] === undefined ? null : Buffer.from(rows[0].value, 'hex');
}

/** The log's head and the stream's, read under the append lock: the rows about to be inserted link to them. */
export async function chainHeads(
  client: ClientBase,
  stream: string,
): Promise<{ position: bigint; chain: Buffer; streamChain: Buffer }> {
  const log = await client.query<{ position: bigint; chain_hash: Buffer | null }>(
    'SELECT position, chain_hash FROM ledger_events ORDER BY position DESC LIMIT 1',
  );
  const own = await client.query<{ stream_chain_hash: Buffer | null }>(
    'SELECT stream_chain_hash FROM ledger_events WHERE stream = $1 ORDER BY revision DESC LIMIT 1',
    [stream],
  );
  return {
    position: log.rows[0]?.position ?? 0n,
    chain: log.rows[0]?.chain_hash ?? GENESIS,
    streamChain: own.rows[0]?.stream_chain_hash ?? GENESIS,
  };
}

/** Hashes for a batch about to take positions head+1, head+2...: content, global chain and stream chain. */
export function chainBatch(
  heads: { position: bigint; chain: Buffer; streamChain: Buffer },
  rows: ReadonlyArray<Omit<StoredContent, 'position'>>,
): Array<{ content: Buffer; chain: Buffer; streamChain: Buffer }> {
  let { chain, streamChain } = heads;
  return rows.map((row, i) => {
    const content = contentDigest({ ...row, position: heads.position + 1n + BigInt(i) });
    chain = chainNext(chain, content);
    streamChain = chainNext(streamChain, content);
    return { content, chain, streamChain };
  });
}

/** What `verify` reads from PostgreSQL. */
export function postgresEvidence(
  query: <R>(text: string, values: unknown[]) => Promise<R[]>,
  key: () => Promise<Buffer | null>,
) {
  const fact = async (name: string) =>
    (await query<{ value: string }>('SELECT value FROM ledger_store_facts WHERE name = $1', [name]))[0]?.value;
  return {
    origin: async (): Promise<ChainOrigin> => ({
      chained: true,
      migratedThrough: BigInt((await fact('chain-migrated-through')) ?? '0'),
      establishedAt: (await fact('chain-established-at')) ?? null,
    }),
    async readRows(after: bigint, limit: number): Promise<StoredRow[]> {
      const sealKey = await key();
      const rows = await query<HashedEventRow>(
        `SELECT ${HASHED_COLUMNS} FROM ledger_events WHERE position > $1 ORDER BY position LIMIT $2`,
        [String(after), limit],
      );
      return rows.map((row) => ({
        ...contentOf(row),
        contentHash: row.content_hash,
        chainHash: row.chain_hash,
        streamChainHash: row.stream_chain_hash,
        attested: sealKey !== null && sealMatches(sealKey, row.seal, row.type, row.data, row.metadata),
      }));
    },
    physicalCheck: async () => [] as string[],
    headPosition: async () =>
      (await query<{ head: bigint | null }>('SELECT max(position) AS head FROM ledger_events', []))[0]?.head ?? null,
    async lastVerification(): Promise<VerifiedHead | null> {
      const text = await fact('last-verification');
      if (text === undefined) return null;
      const head = JSON.parse(text) as Omit<VerifiedHead, 'position'> & { position: string | null };
      return { ...head, position: head.position === null ? null : BigInt(head.position) };
    },
    async recordVerification(head: VerifiedHead): Promise<boolean> {
      const text = JSON.stringify({ ...head, position: head.position === null ? null : head.position.toString() });
      const upsert = `INSERT INTO ledger_store_facts (name, value) VALUES ('last-verification', $1)
                      ON CONFLICT (name) DO UPDATE SET value = excluded.value`;
      // The everyday role of the README may only read the facts: then the run is not recorded.
      return query(upsert, [text]).then(
        () => true,
        () => false,
      );
    },
  };
}

export { hex };
