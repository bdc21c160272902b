/**
 * Real EDGAR full submissions from ../shared/corpus (read at run time, never copied), served by the local EDGAR
 * and synced: the ledger must hold exactly what `ingest` of the same files writes, and refuse the same ones.
 * Without that folder this file is reported skipped, with why.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, isBusinessDay } from '../../src/domain/index.js';
import { FilingParseError } from '../../src/ingest/filing-parse-error.js';
import { ingestFiling } from '../../src/ledger/ingest-filing.js';
import { readDocument } from '../../src/ledger/sync-filing.js';
import { submissionFiling, type RecordedFiling } from '../support/local-edgar-records.js';
import { withMemoryStore } from '../support/memory-store.js';
import { syncWorld, type SyncWorld } from './sync-fixture.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/filings/', import.meta.url));
const missing = existsSync(CORPUS) ? undefined : `no corpus at ${CORPUS}`;
if (missing !== undefined) console.warn(`corpus sync skipped: ${missing}`);

let world: SyncWorld;
afterEach(async () => world?.close());

/** The corpus's full submissions, one a business day from Monday 8 July 2024. */
function corpusFilings(): RecordedFiling[] {
  const files = readdirSync(CORPUS)
    .filter((f) => /_sgml_.*\.txt$/.test(f))
    .sort();
  let day = '2024-07-08';
  return files.map((file) => {
    while (!isBusinessDay(day)) day = addDays(day, 1);
    const filing = submissionFiling(readFileSync(join(CORPUS, file)), day);
    day = addDays(day, 1);
    return filing;
  });
}

describe.skipIf(missing !== undefined)('sync of real EDGAR submissions from the corpus', () => {
  it('writes the same events as ingest of the same files, and refuses the same ones', async () => {
    const filings = corpusFilings();
    expect(filings.length).toBeGreaterThanOrEqual(5);
    const until = filings.at(-1)!.dateFiled;
    world = await syncWorld(filings, { since: '2024-07-08', until, today: '2024-12-31' });
    const summary = await world.sync();
    expect(summary.filingsSeen).toBe(filings.length);
    // The same bytes through `ingest`, in the same order, into a store of its own
    const expected = await withMemoryStore(async (store) => {
      const refused: string[] = [];
      for (const f of filings) {
        try {
          await ingestFiling(store, readDocument(f.bytes, f.accessionNumber));
        } catch (error) {
          if (!(error instanceof FilingParseError)) throw error;
          refused.push(f.accessionNumber);
        }
      }
      const events = await store.readAll({ filter: { streamPrefixes: ['issuer-'] } });
      return { refused, events: events.map((e) => ({ stream: e.stream, id: e.id, type: e.type, data: e.data })) };
    });
    const synced = await world.store.readAll({ filter: { streamPrefixes: ['issuer-'] } });
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    const got = synced.map((e) => ({ stream: e.stream, id: e.id, type: e.type, data: e.data }));
    expect(got.sort(byId)).toEqual(expected.events.sort(byId));
    expect(summary.refused.map((r) => r.accessionNumber)).toEqual(expected.refused);
    expect(summary.ingested + summary.alreadyPresent + summary.refused.length).toBe(filings.length);
    expect(summary.ingested).toBeGreaterThan(0);
  });
});
