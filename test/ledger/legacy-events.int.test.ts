/**
 * A store written under ledger-events/1 (fields that /2 states were left out when
 * they held their default) answers every query as the same history written under
 * /2: the upcaster fills each missing field with what its absence meant.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LEGACY_SCHEMA_VERSION } from '../../src/domain/index.js';
import { readFilingFile } from '../../src/ingest/read-filing.js';
import {
  ingestFiling,
  loadSample,
  queryDiff,
  queryHistory,
  queryHoldings,
  queryStatement,
} from '../../src/ledger/index.js';
import type { EventStore, RecordedEvent } from '../../src/store/event-store.js';
import { openStore } from '../../src/store/open-store.js';
import { SYNTHETIC_AMENDMENT_XML, SYNTHETIC_XML } from '../ingest/fixtures.js';

type Data = Record<string, unknown>;
const stores: EventStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.close()));
});

async function memoryStore(): Promise<EventStore> {
  const store = await openStore('sqlite::memory:');
  stores.push(store);
  return store;
}

/** The event's data as /1 wrote it: each field /2 added left out where it holds the value its absence means. */
function asVersion1(type: string, data: Data): { data: Data; removed: number } {
  let removed = 0;
  const drop = (object: Data, field: string, absentMeans: unknown): Data => {
    if (JSON.stringify(object[field]) !== JSON.stringify(absentMeans)) return object;
    removed++;
    const { [field]: _, ...rest } = object;
    return rest;
  };
  let out = drop(data, 'effectiveDatePrecision', 'exact');
  if (type === 'SharesSold') out = drop(out, 'totalPrice', null);
  if (type === 'StatementFiled') {
    for (const [field, absentMeans] of [
      ['previousAccessionNumber', null],
      ['filedOnFrom', null],
      ['partialCoverPages', []],
      ['readingDoubts', []],
    ] as const) {
      out = drop(out, field, absentMeans);
    }
    out = {
      ...out,
      coverPages: (out.coverPages as Data[]).map((page) => ({
        ...page,
        footnotes: (page.footnotes as Data[]).map((f) => drop(f, 'rows', null)),
      })),
    };
  }
  return { data: out, removed };
}

/** The bundled sample and an XML original with its partial-cover amendment, appended through the ledger. */
async function currentStore(): Promise<EventStore> {
  const store = await memoryStore();
  await loadSample(store);
  for (const file of [SYNTHETIC_XML, SYNTHETIC_AMENDMENT_XML]) await ingestFiling(store, await readFilingFile(file));
  return store;
}

/** The same events, stream by stream, in the /1 shape and marked /1. */
async function legacyCopy(source: EventStore): Promise<{ store: EventStore; removed: number }> {
  const store = await memoryStore();
  const byStream = new Map<string, RecordedEvent[]>();
  for (const event of await source.readAll())
    byStream.set(event.stream, [...(byStream.get(event.stream) ?? []), event]);
  let removed = 0;
  for (const [stream, events] of byStream) {
    await store.append(
      stream,
      events.map((event) => {
        const old = asVersion1(event.type, event.data as Data);
        removed += old.removed;
        const { recordedAt: _, ...metadata } = event.metadata;
        return {
          id: event.id,
          type: event.type,
          data: old.data,
          metadata: { ...metadata, schema: LEGACY_SCHEMA_VERSION },
        };
      }),
    );
  }
  return { store, removed };
}

describe('a store written under ledger-events/1', () => {
  it('gives the same holdings, statements, histories and diffs as the same history under /2', async () => {
    // Given the history appended today, and a copy in the /1 shape with those fields left out
    const current = await currentStore();
    const { store: legacy, removed } = await legacyCopy(current);
    // (the copy does leave fields out: the precision of facts, and the new fields of each statement)
    expect(removed).toBeGreaterThan(0);
    const statements = (await legacy.readAll()).filter((e) => e.type === 'StatementFiled');
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.filter((e) => !('readingDoubts' in (e.data as Data))).length).toBeGreaterThan(0);
    // When each query is asked of both, Then the answers are equal
    const ask = (store: EventStore) =>
      Promise.all([
        queryHoldings(store, { issuer: '09175M507', asOf: '2024-07-23' }),
        queryStatement(store, { issuer: '09175M507', asOf: '2024-07-24' }),
        queryHistory(store, { issuer: '09175M507', person: 'ault-and-company' }),
        queryDiff(store, { issuer: '09175M507', from: '7', to: '8' }),
        queryStatement(store, { issuer: '75934R103', asOf: '2025-12-31' }),
        queryHoldings(store, { issuer: '75934R103', asOf: '2025-12-31' }),
      ]);
    expect(await ask(legacy)).toEqual(await ask(current));
  });
});
