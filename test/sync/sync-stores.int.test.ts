/** The sync on every store the ledger runs on: SQLite, and PostgreSQL when a server answers. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readWatermark } from '../../src/ledger/sync-watermark.js';
import { freshStoreUrl, onTarget, storeTargets } from '../support/store-targets.js';
import { statementsByAccession, syncWorld, WEEK, weekOfFilings, type SyncWorld } from './sync-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'ledger-sync-stores-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const targets = await storeTargets('the sync', () => `sqlite:${join(dir, `ledger-${++n}.db`)}`);

let world: SyncWorld;
afterEach(async () => world?.close());

describe.each(targets)('sync on $name', (target) => {
  onTarget(target);

  it('ingests the week, stopped midway resumes from the watermark, each filing once', async () => {
    world = await syncWorld(weekOfFilings(), WEEK, await freshStoreUrl());
    const controller = new AbortController();
    const first = await world.sync({
      signal: controller.signal,
      onProgress: ({ summary }) => summary.filingsSeen === 3 && controller.abort(),
    });
    expect(first).toMatchObject({ stopped: true, ingested: 3, watermark: { from: WEEK.since, through: '2024-07-08' } });
    const second = await world.sync({ since: undefined });
    expect(second).toMatchObject({ since: '2024-07-09', filingsSeen: 7, ingested: 6, alreadyPresent: 1, refused: [] });
    expect(await readWatermark(world.store, 'edgar-index')).toEqual({ from: WEEK.since, through: WEEK.until });
    const statements = await statementsByAccession(world.store);
    expect(world.filings.map((f) => statements.get(f.accessionNumber))).toEqual(world.filings.map(() => 1));
    expect(await world.sync()).toMatchObject({ filingsSeen: 0, requests: 0 });
  });
});
