import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFiling } from '../../src/ledger/ingest-filing.js';
import { readFilingFile } from '../../src/ingest/read-filing.js';
import { queryHoldings } from '../../src/ledger/holdings-query.js';
import { loadSample } from '../../src/ledger/sample.js';
import { appendAttested, ATTESTED_APPEND } from '../../src/store/attestation.js';
import type { EventStore } from '../../src/store/event-store.js';
import { openStore } from '../../src/store/open-store.js';
import { AULT_TEXT, fixture } from './fixtures.js';

const AULT = '09175M507';
const A8_KEY = `${AULT}|ault-and-company,henry-c-w-nisser,kenneth-s-cragun,milton-c-ault-iii,william-b-horne|8`;

describe('one filing, one identity, whatever the format', () => {
  it('keys Amendment No. 8 by CUSIP, sorted reporting persons and amendment number in every format', async () => {
    // Given the seed filing as text, as HTML, as a full submission and inside a combined SC TO-T/A submission
    const files = [
      AULT_TEXT,
      fixture('ault-a8.htm'),
      fixture('ault-a8-submission.txt'),
      fixture('ault-a8-combined-sc-to-t-a.txt'),
    ];
    // When each is planned
    const keys = await Promise.all(
      files.map(async (file) => (await ingestFiling(undefined, await readFilingFile(file))).identityKey),
    );
    // Then they share one key, although only the submissions carry an accession number
    expect(keys).toEqual([A8_KEY, A8_KEY, A8_KEY, A8_KEY]);
  });

  it('writes nothing for the full submission after the same filing was ingested as text, and holdings stay as they were', async () => {
    // Given the seed text ingested into an empty store
    const store = await openStore('sqlite::memory:');
    try {
      const first = await ingestFiling(store, await readFilingFile(AULT_TEXT));
      const before = await queryHoldings(store, { issuer: AULT, asOf: '2024-07-23' });
      // When the same filing arrives as a full submission (accession number, other bytes)
      const second = await ingestFiling(store, await readFilingFile(fixture('ault-a8-submission.txt')));
      // Then the second writes no event and says where the filing was recorded from
      expect(first.status).toBe('appended');
      expect(second).toMatchObject({
        status: 'already-recorded',
        appended: 0,
        alreadyRecordedFrom: `ingest:${AULT_TEXT}`,
      });
      expect(second.message).toMatch(
        /^already recorded from ingest:.*; nothing written — use `13d-ledger correct` to change it$/,
      );
      expect(await issuerEvents(store)).toHaveLength(first.appended);
      // And no one's holdings are counted twice
      expect((await queryHoldings(store, { issuer: AULT, asOf: '2024-07-23' })).holders).toEqual(before.holders);
    } finally {
      await store.close();
    }
  });

  it('writes nothing for Amendment No. 8 as text after `sample load` recorded it', async () => {
    // Given the bundled sample, which records Amendment No. 8 from its own data
    const store = await openStore('sqlite::memory:');
    try {
      const loaded = await loadSample(store);
      // When the seed text is ingested
      const outcome = await ingestFiling(store, await readFilingFile(AULT_TEXT));
      // Then nothing is written and the report names the sample
      expect(outcome).toMatchObject({
        status: 'already-recorded',
        appended: 0,
        alreadyRecordedFrom: 'sample:ault-alliance',
      });
      expect(await issuerEvents(store)).toHaveLength(loaded.total);
    } finally {
      await store.close();
    }
  });

  it('lets only one of two concurrent ingests of the same filing write', async () => {
    // Given two connections to one store file and the filing in two formats
    // (in a directory of its own, removed with the store file and its -wal and -shm whatever happens)
    const dir = mkdtempSync(join(tmpdir(), '13d-concurrent-'));
    const path = join(dir, 'ledger.db');
    const opened: EventStore[] = [];
    try {
      const a = await openStore(`sqlite:${path}`);
      opened.push(a);
      const b = await openStore(`sqlite:${path}`);
      opened.push(b);
      const [text, submission] = [
        await readFilingFile(AULT_TEXT),
        await readFilingFile(fixture('ault-a8-submission.txt')),
      ];
      // When both ingest at once: neither may append before both have read the issuer's stream
      const refused: string[] = [];
      let reads = 0;
      let bothRead: () => void = () => {};
      const barrier = new Promise<void>((resolve) => (bothRead = resolve));
      const counting = (store: typeof a, name: string): typeof a =>
        ({
          ...store,
          readStream: async (stream, options) => {
            const events = await store.readStream(stream, options);
            // The whole-stream read ingest decides on (not the directory's one-event probe for the stream).
            const decisive = stream === `issuer-${AULT}` && options?.limit === undefined;
            if (decisive && ++reads === 2) bothRead();
            if (decisive && reads <= 2) await barrier;
            return events;
          },
          append: (stream, events, options) =>
            store.append(stream, events, options).catch((error: Error) => {
              refused.push(`${name}: ${error.name}`);
              throw error;
            }),
          // The ledger appends through the store's sealed append (src/store/attestation.ts): watched the same way.
          [ATTESTED_APPEND]: (
            stream: string,
            events: Parameters<typeof store.append>[1],
            options: Parameters<typeof store.append>[2],
          ) =>
            appendAttested(store, stream, events, options).catch((error: Error) => {
              refused.push(`${name}: ${error.name}`);
              throw error;
            }),
        }) as typeof a;
      const outcomes = await Promise.all([
        ingestFiling(counting(a, 'a'), text),
        ingestFiling(counting(b, 'b'), submission),
      ]);
      // Then one appended, the other re-read after the revision conflict and wrote nothing
      expect(outcomes.map((o) => o.status).sort()).toEqual(['already-recorded', 'appended']);
      // (the shared event may be an earlier filing known by date, whose id both batches carry: an id conflict)
      expect(refused).toEqual([expect.stringMatching(/(?:WrongExpectedRevision|EventIdConflict)Error$/)]);
      const written = outcomes.find((o) => o.status === 'appended')!;
      expect(await issuerEvents(a)).toHaveLength(written.appended);
    } finally {
      await Promise.allSettled(opened.map((store) => store.close()));
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('still writes a genuinely different filing on the same issuer: another amendment number', async () => {
    // Given Amendment No. 8 recorded from text
    const store = await openStore('sqlite::memory:');
    try {
      await ingestFiling(store, await readFilingFile(AULT_TEXT));
      const text = (await import('node:fs/promises')).readFile(AULT_TEXT, 'utf8');
      const { parseFilingContent } = await import('../../src/ingest/read-filing.js');
      // When an Amendment No. 9 by the same persons arrives (the seed text renumbered)
      const ninth = parseFilingContent((await text).replace('(Amendment No. 8)', '(Amendment No. 9)'), 'a9.txt');
      const outcome = await ingestFiling(store, ninth);
      // Then it is appended
      expect(outcome).toMatchObject({ status: 'appended', amendmentNo: 9 });
      expect(outcome.identityKey).toBe(A8_KEY.replace(/\|8$/, '|9'));
    } finally {
      await store.close();
    }
  });
});

/** The issuer streams' events: what ingest reports appending (the issuer directory's aliases are bookkeeping). */
function issuerEvents(store: EventStore) {
  return store.readAll({ filter: { streamPrefixes: ['issuer-'] } });
}
