/**
 * Checks every adapter applies before it writes or reads, so that bad input is
 * refused with the same message on every store and nothing is written.
 */
import type { AppendOptions, ExpectedRevision, NewEvent } from './event-store.js';
import { InvalidStoreInputError } from './errors.js';
import { canonicalJson } from '../shared/canonical-json.js';

export { canonicalJson };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function assertStreamName(stream: unknown): asserts stream is string {
  if (typeof stream !== 'string' || stream.trim() === '') {
    throw new InvalidStoreInputError(`Stream name must be a non-empty string, got ${JSON.stringify(stream)}`);
  }
  // '$' streams are EventStoreDB system streams; refusing them everywhere keeps adapters alike.
  if (stream.startsWith('$')) {
    throw new InvalidStoreInputError(
      `Stream name "${stream}" is reserved: names starting with "$" belong to the store`,
    );
  }
}

export function assertRevision(value: unknown, what: string): asserts value is bigint {
  if (typeof value !== 'bigint' || value < 0n) {
    throw new InvalidStoreInputError(`${what} must be a non-negative integer (bigint), got ${describe(value)}`);
  }
}

export function assertLimit(limit: unknown): void {
  if (limit === undefined) return;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0) {
    throw new InvalidStoreInputError(`limit must be a non-negative integer, got ${describe(limit)}`);
  }
}

export function normaliseExpectedRevision(options: AppendOptions | undefined): ExpectedRevision {
  const expected = options?.expectedRevision ?? 'any';
  if (expected === 'any' || expected === 'no_stream' || expected === 'stream_exists') return expected;
  assertRevision(expected, 'expectedRevision');
  return expected;
}

/** The stored form of one validated event: JSON text ready to write and to compare on retry. */
export interface SerialisedEvent {
  id: string;
  type: string;
  data: string;
  metadata: string;
}

export function serialiseBatch(stream: string, events: readonly NewEvent[]): SerialisedEvent[] {
  assertStreamName(stream);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidStoreInputError(`Append to "${stream}" needs at least one event`);
  }
  const seen = new Set<string>();
  return events.map((event, index) => {
    const where = `event ${index} of the batch for "${stream}"`;
    if (typeof event?.id !== 'string' || !UUID.test(event.id)) {
      throw new InvalidStoreInputError(`${where}: id must be a UUID, got ${describe(event?.id)}`);
    }
    const id = event.id.toLowerCase();
    if (seen.has(id)) throw new InvalidStoreInputError(`${where}: id ${id} appears twice in one batch`);
    seen.add(id);
    if (typeof event.type !== 'string' || event.type.trim() === '') {
      throw new InvalidStoreInputError(`${where}: type must be a non-empty string`);
    }
    assertPlainJson(event.data, `${where}: data`);
    const metadata = event.metadata ?? {};
    assertPlainJson(metadata, `${where}: metadata`);
    if ('recordedAt' in metadata) {
      throw new InvalidStoreInputError(`${where}: metadata.recordedAt is set by the store, not the caller`);
    }
    return { id, type: event.type, data: canonicalJson(event.data), metadata: canonicalJson(metadata) };
  });
}

/**
 * Refuses anything JSON.stringify would drop or change silently (undefined,
 * functions, NaN, Dates, Maps, bigint, cycles), naming the path of the value.
 */
export function assertPlainJson(value: unknown, path: string, ancestors: object[] = []): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) throw notJson(path, `${value} is not a finite number`);
      return;
    case 'object': {
      if (value === null) return;
      if (ancestors.includes(value)) throw notJson(path, 'it refers to itself (a cycle)');
      const inner = [...ancestors, value];
      if (Array.isArray(value)) {
        value.forEach((item, i) => assertPlainJson(item, `${path}[${i}]`, inner));
        return;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) {
        throw notJson(path, `a ${value.constructor?.name ?? 'non-plain'} object is not plain JSON`);
      }
      for (const [key, item] of Object.entries(value)) assertPlainJson(item, `${path}.${key}`, inner);
      return;
    }
    default:
      throw notJson(path, `a ${typeof value} is not JSON`);
  }
}

function notJson(path: string, why: string): InvalidStoreInputError {
  return new InvalidStoreInputError(`${path} is not JSON-serialisable: ${why}`);
}

function describe(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}
