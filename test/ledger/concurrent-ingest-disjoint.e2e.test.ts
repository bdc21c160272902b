/**
 * Several `ingest` processes at once, each with filings of its own: six write different amendments of one issuer
 * (every append contends for the same stream, and each process must retry until its own filings land) while two
 * more write to issuers of their own. Every filing lands exactly once, the counts reported add up to what is
 * stored, and no process fails for a conflict it could retry.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { amendment, ingest, ISSUERS } from './concurrent-ingest-processes.js';

const dir = mkdtempSync(join(tmpdir(), 'ledger-disjoint-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Amendments per process. */
const EACH = 3;

describe('ingest from several processes at once, each with its own filings', () => {
  it('lands every filing once on one contended issuer and on separate ones, and fails no process', async () => {
    // Given six processes with 3 amendments each of the same issuer (Nos. 9-26), and two with 3 of an issuer of their
    // own
    const filings = join(dir, 'filings');
    mkdirSync(filings);
    const write = (issuer: keyof typeof ISSUERS, n: number) => {
      const file = join(filings, `${issuer}-a${n}.txt`);
      writeFileSync(file, amendment(n, issuer));
      return file;
    };
    const shared = Array.from({ length: 6 }, (_, p) =>
      Array.from({ length: EACH }, (_, i) => write('ault', 9 + p * EACH + i)),
    );
    const own = (['northwind', 'apple'] as const).map((issuer) =>
      Array.from({ length: EACH }, (_, i) => write(issuer, 9 + i)),
    );
    const store = `sqlite:${join(dir, 'ledger.db')}`;
    // When all eight run at once
    const runs = await Promise.all([...shared, ...own].map((files) => ingest(store, files)));
    // Then every process exits 0, silent on stderr, having appended each of its own filings
    for (const [i, run] of runs.entries()) {
      expect(run.err, `process ${i}`).toBe('');
      expect(run.code, `process ${i}`).toBe(0);
      expect(
        run.outcomes.map((o) => o.status),
        `process ${i}`,
      ).toEqual(Array(EACH).fill('appended'));
    }
    // And what they say they appended is exactly what the issuer streams hold, each filing's statement once
    const opened = await openStore(store);
    try {
      const stored = await opened.readAll({ filter: { streamPrefixes: ['issuer-'] } });
      expect(runs.flatMap((run) => run.outcomes).reduce((sum, o) => sum + o.appended, 0)).toBe(stored.length);
      const statements = stored.filter(
        (e) => e.type === 'StatementFiled' && (e.data as { contentsKnown: boolean }).contentsKnown,
      );
      const expected = [
        ...Array.from({ length: 6 * EACH }, (_, i) => `issuer-${ISSUERS.ault.key}#${9 + i}`),
        ...(['northwind', 'apple'] as const).flatMap((issuer) =>
          Array.from({ length: EACH }, (_, i) => `issuer-${ISSUERS[issuer].key}#${9 + i}`),
        ),
      ];
      expect(
        statements.map((e) => `${e.stream}#${(e.data as { amendmentNumber: number }).amendmentNumber}`).sort(),
      ).toEqual(expected.sort());
    } finally {
      await opened.close();
    }
  }, 180_000);
});
