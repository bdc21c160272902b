/**
 * The bundled sample is written by hand (data/ault-alliance/); ingest reads the same
 * Amendment No. 8 from its text (data/filings/). Where the two paths give different
 * answers is pinned here: the figures each gives for each holder, security, history entry,
 * group member and cover page, and the list of places they differ. A change to either path that moves
 * them apart, or together, fails until the golden file is rewritten (UPDATE_GOLDEN=1) and
 * the reason said in the commit.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFilingFile } from '../../src/ingest/read-filing.js';
import {
  ingestFiling,
  loadSample,
  queryGroup,
  queryHistory,
  queryHoldings,
  queryStatement,
} from '../../src/ledger/index.js';
import type { EventStore } from '../../src/store/event-store.js';
import { openStore } from '../../src/store/open-store.js';

const GOLDEN = fileURLToPath(new URL('../fixtures/golden/sample-vs-ingest.json', import.meta.url));
const SEED = fileURLToPath(new URL('../../data/filings/ault-alliance-sc13d-a8-2024-07-24.txt', import.meta.url));
const ISSUER = '09175M507';

let sample: EventStore;
let ingested: EventStore;
beforeAll(async () => {
  sample = await openStore('sqlite::memory:');
  await loadSample(sample);
  ingested = await openStore('sqlite::memory:');
  await ingestFiling(ingested, await readFilingFile(SEED));
});
afterAll(async () => {
  await sample?.close();
  await ingested?.close();
});

/** The figures an analyst reads, keyed by where they are, from each path. */
async function figures(store: EventStore): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const holdings = await queryHoldings(store, { issuer: ISSUER, asOf: '2024-07-23' });
  out['sharesOutstanding'] = holdings.sharesOutstanding?.value ?? null;
  for (const h of holdings.holders) {
    for (const field of [
      'aggregate',
      'percentOfClass',
      'soleVotingPower',
      'sharedVotingPower',
      'soleDispositivePower',
      'sharedDispositivePower',
      'basis',
    ] as const) {
      out[`holdings.${h.personId}.${field}`] = h[field];
    }
    for (const s of h.securities)
      out[`holdings.${h.personId}.${s.heldBy}.${s.securityId}`] = {
        quantity: s.quantity,
        countedShares: s.countedShares,
        basis: s.basis,
      };
  }
  for (const h of holdings.holders) {
    const history = await queryHistory(store, { issuer: ISSUER, person: h.personId });
    out[`history.${h.personId}`] = history.changes.map(
      (c) => `${c.date} ${c.securityId} ${c.change} -> ${c.quantityAfter}`,
    );
  }
  const group = await queryGroup(store, { issuer: ISSUER, asOf: '2024-07-23' });
  out['group.members'] = group.members.map((m) => m.personId).sort();
  const statement = await queryStatement(store, { issuer: ISSUER, asOf: '2024-07-24' });
  for (const page of statement.coverPages) {
    out[`cover.${page.personId}`] = [
      page.soleVotingPower,
      page.sharedVotingPower,
      page.soleDispositivePower,
      page.sharedDispositivePower,
      page.aggregate,
      page.percentOfClass?.text ?? null,
    ];
  }
  return out;
}

describe('the bundled sample against an ingest of Amendment No. 8', () => {
  it('differs only where the golden file says', async () => {
    const fromSample = await figures(sample);
    const fromIngest = await figures(ingested);
    const keys = [...new Set([...Object.keys(fromSample), ...Object.keys(fromIngest)])].sort();
    const same: string[] = [];
    const differ: { where: string; sample: unknown; ingest: unknown }[] = [];
    for (const key of keys) {
      const a = fromSample[key] ?? null;
      const b = fromIngest[key] ?? null;
      if (JSON.stringify(a) === JSON.stringify(b)) same.push(key);
      else differ.push({ where: key, sample: a, ingest: b });
    }
    const actual = `${JSON.stringify({ same, differ }, null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(GOLDEN)) {
      if (process.env.CI !== undefined && !existsSync(GOLDEN))
        throw new Error(`no golden file ${GOLDEN}: record it with UPDATE_GOLDEN=1`);
      writeFileSync(GOLDEN, actual);
    }
    expect(actual).toBe(readFileSync(GOLDEN, 'utf8'));
    // The headline figures agree: Ault & Company's 214,940,800 shares at 2024-07-23 by either path.
    expect(fromIngest['holdings.ault-and-company.aggregate']).toBe(214_940_800);
    expect(same).toContain('holdings.ault-and-company.aggregate');
  });
});
