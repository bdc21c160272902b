/**
 * Several `ingest` processes at once on one store file: each the same amendments of two issuers, in its own order.
 * Every filing must land exactly once, each process must report only what it wrote (so the counts reported add up
 * to what is stored), and no process may fail for a conflict it could retry.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { amendment, ingest } from './concurrent-ingest-processes.js';

const PROCESSES = 4;
const AMENDMENTS = [9, 10, 11, 12, 13, 14, 15, 16];
const dir = mkdtempSync(join(tmpdir(), 'ledger-concurrent-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ingest from several processes at once', () => {
  it('writes every filing once, reports only what each process wrote, and fails none for a conflict', async () => {
    // Given 16 amendments, 8 of each of two issuers, and an empty store file
    const filings = join(dir, 'filings');
    mkdirSync(filings);
    const files: string[] = [];
    for (const n of AMENDMENTS) {
      for (const second of [false, true]) {
        const file = join(filings, `${second ? 'northwind' : 'ault'}-a${n}.txt`);
        writeFileSync(file, amendment(n, second ? 'northwind' : 'ault'));
        files.push(file);
      }
    }
    const store = `sqlite:${join(dir, 'ledger.db')}`;
    // When four processes ingest all of them at once, each in another order
    const orders = Array.from({ length: PROCESSES }, (_, p) =>
      files.map((_, i) => files[(i * (2 * p + 1) + p) % files.length]!),
    );
    const runs = await Promise.all(orders.map((order) => ingest(store, order)));
    // Then every process exits 0 with an outcome for each file
    for (const run of runs) {
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      expect(run.outcomes).toHaveLength(files.length);
    }
    // And each filing was appended by exactly one process
    const outcomes = runs.flatMap((run) => run.outcomes);
    for (const file of files)
      expect(outcomes.filter((o) => o.file === file && o.status === 'appended')).toHaveLength(1);
    // And the events the processes say they appended are exactly the events stored in the two issuers' streams
    const opened = await openStore(store);
    try {
      const stored = await opened.readAll({ filter: { streamPrefixes: ['issuer-'] } });
      expect(outcomes.reduce((sum, o) => sum + o.appended, 0)).toBe(stored.length);
      const statements = stored.filter(
        (e) => e.type === 'StatementFiled' && (e.data as { contentsKnown: boolean }).contentsKnown,
      );
      expect(
        statements.map((e) => `${e.stream}#${(e.data as { amendmentNumber: number }).amendmentNumber}`).sort(),
      ).toEqual(AMENDMENTS.flatMap((n) => [`issuer-09175M507#${n}`, `issuer-66510N103#${n}`]).sort());
    } finally {
      await opened.close();
    }
  }, 120_000);
});
