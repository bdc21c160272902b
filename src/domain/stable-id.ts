/**
 * Deterministic event ids: a UUID v5 (SHA-1, RFC 9562) of a stable key, so
 * that loading the same history twice yields the same ids and writes nothing new.
 */
import { createHash } from 'node:crypto';

/** A fixed namespace chosen for the ledger's stable ids; changing it would change every sample id. */
export const LEDGER_NAMESPACE = '6f1c3f0e-5a7b-5c3e-9d2a-13d1ed9e0001';

export function stableUuid(key: string, namespace: string = LEDGER_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(key, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
