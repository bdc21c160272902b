/**
 * `sample load` and `ingest` of the same filing (the seed text is the sample's Amendment No. 8) from several
 * processes at once: an idempotent append another process made first is reported as found, not as written, so
 * the counts the processes report add up to what is stored, and the filing's statement is recorded once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { AULT_TEXT } from '../ingest/fixtures.js';
import { ingest, sampleLoad } from './concurrent-ingest-processes.js';

const dir = mkdtempSync(join(tmpdir(), 'ledger-concurrent-sample-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sample load and ingest of the same filing from several processes at once', () => {
  it('stores every event once and reports, across processes, exactly what was stored', async () => {
    // Given an empty store file
    const store = `sqlite:${join(dir, 'ledger.db')}`;
    // When three processes load the sample and two ingest the seed text, all at once
    const [loads, ingests] = await Promise.all([
      Promise.all([sampleLoad(store), sampleLoad(store), sampleLoad(store)]),
      Promise.all([ingest(store, [AULT_TEXT]), ingest(store, [AULT_TEXT])]),
    ]);
    // Then all exit 0 with nothing on stderr
    for (const run of [...loads, ...ingests]) expect([run.code, run.err]).toEqual([0, '']);
    // And the events they say they appended are the events the issuer streams hold, no more
    const opened = await openStore(store);
    try {
      const stored = await opened.readAll({ filter: { streamPrefixes: ['issuer-'] } });
      const reported =
        loads.reduce((sum, l) => sum + l.appended, 0) +
        ingests.flatMap((i) => i.outcomes).reduce((sum, o) => sum + o.appended, 0);
      expect(reported).toBe(stored.length);
      // And Amendment No. 8 is recorded once with its contents, whichever process got there first
      const eighth = stored.filter(
        (e) =>
          e.type === 'StatementFiled' &&
          (e.data as { contentsKnown: boolean; amendmentNumber: number }).contentsKnown &&
          (e.data as { amendmentNumber: number }).amendmentNumber === 8,
      );
      expect(eighth).toHaveLength(1);
      // And at most one ingest process says it appended the text
      expect(ingests.flatMap((i) => i.outcomes).filter((o) => o.status === 'appended').length).toBeLessThanOrEqual(1);
    } finally {
      await opened.close();
    }
  }, 180_000);
});
