/**
 * The log's tamper evidence, one definition for every adapter and for `verify`.
 *
 * Each event's content digest is SHA-256 over its stored fields, each as a 4-byte
 * big-endian length and its UTF-8 bytes (so that no two different rows encode alike):
 * a tag, position, id, stream, revision, type, data and metadata as stored (canonical
 * JSON text), recorded time (ISO-8601 UTC with milliseconds) and seal (empty when none).
 * Two chains link the digests: in global order, chain(n) = SHA-256(chain(n-1) || digest(n)),
 * and within each stream the same over the stream's previous event, both starting from
 * 32 zero bytes. Both SQLite and PostgreSQL compute them here, in the program, under their
 * append lock (sqlite/sqlite-chain.ts, postgres/chain.ts): a change here is a new tag and a
 * migration, never an edit, or every stored chain stops verifying.
 *
 * The seal is the writer's attestation (see attestation.ts): HMAC-SHA256 over type, data
 * and metadata with a key the store keeps outside the log, cut to 16 bytes.
 */
import { createHash, randomBytes } from 'node:crypto';

/** Names this encoding: it is hashed first, so that a future encoding can never collide with it. */
const DIGEST_TAG = '13d-ledger/event/1';
const SEAL_TAG = '13d-ledger/seal/1';
/** The previous hash of the first event of the log and of every stream. */
export const GENESIS: Buffer = Buffer.alloc(32);
export const SEAL_BYTES = 16;

/** One stored event, with every field as the database holds it. */
export interface StoredContent {
  position: bigint;
  id: string;
  stream: string;
  revision: bigint;
  type: string;
  /** Canonical JSON text, as stored. */
  data: string;
  /** Canonical JSON text of the caller's metadata, as stored (without the recorded time). */
  metadata: string;
  /** ISO-8601 UTC with milliseconds, as the port reports it. */
  recordedAt: string;
  seal: Buffer | null;
}

function field(value: string | Buffer): Buffer[] {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
  const length = Buffer.allocUnsafe(4);
  length.writeUInt32BE(bytes.length);
  return [length, bytes];
}

export function contentDigest(event: StoredContent): Buffer {
  const parts = [
    DIGEST_TAG,
    event.position.toString(),
    event.id,
    event.stream,
    event.revision.toString(),
    event.type,
    event.data,
    event.metadata,
    event.recordedAt,
    event.seal ?? Buffer.alloc(0),
  ].flatMap(field);
  return createHash('sha256').update(Buffer.concat(parts)).digest();
}

/** The next link of a chain: SHA-256 of the previous link and this event's digest. */
export function chainNext(previous: Buffer, digest: Buffer): Buffer {
  return createHash('sha256').update(previous).update(digest).digest();
}

/** A new store's seal key. */
export function newSealKey(): Buffer {
  return randomBytes(32);
}

/** HMAC-SHA256's inner and outer key pads (RFC 2104), computed once per key. */
const pads = new WeakMap<Buffer, { inner: Buffer; outer: Buffer }>();

function padsOf(key: Buffer): { inner: Buffer; outer: Buffer } {
  let found = pads.get(key);
  if (found === undefined) {
    const block = Buffer.alloc(64);
    (key.length > 64 ? createHash('sha256').update(key).digest() : key).copy(block);
    found = {
      inner: Buffer.from(block.map((byte) => byte ^ 0x36)),
      outer: Buffer.from(block.map((byte) => byte ^ 0x5c)),
    };
    pads.set(key, found);
  }
  return found;
}

/**
 * HMAC-SHA256 over type, data and metadata, cut to 16 bytes. Written out as RFC 2104's two hashes with
 * the pads computed once: every read checks the seal of every event, and this is about twice as fast
 * as createHmac, which sets the key up again for each event.
 */
export function sealOf(key: Buffer, type: string, data: string, metadata: string): Buffer {
  const { inner, outer } = padsOf(key);
  const innerHash = createHash('sha256')
    .update(inner)
    .update(encodeFields([SEAL_TAG, type, data, metadata]))
    .digest();
  return createHash('sha256').update(outer).update(innerHash).digest().subarray(0, SEAL_BYTES);
}

/** The fields as `field` encodes them, written into one buffer (the seal is checked on every read). */
function encodeFields(values: readonly string[]): Buffer {
  let total = 0;
  for (const value of values) total += 4 + Buffer.byteLength(value, 'utf8');
  const bytes = Buffer.allocUnsafe(total);
  let at = 0;
  for (const value of values) {
    const length = bytes.write(value, at + 4, 'utf8');
    bytes.writeUInt32BE(length, at);
    at += 4 + length;
  }
  return bytes;
}

export function sealMatches(key: Buffer, seal: Buffer | null, type: string, data: string, metadata: string): boolean {
  return seal !== null && seal.length === SEAL_BYTES && sealOf(key, type, data, metadata).equals(seal);
}

export function hex(hash: Buffer | null): string | null {
  return hash === null ? null : hash.toString('hex');
}
