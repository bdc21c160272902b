import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readWatermark } from '../../src/ledger/sync-watermark.js';
import { issuerEvents, statementsByAccession, syncWorld, USER_AGENT, WEEK, type SyncWorld } from './sync-fixture.js';

let world: SyncWorld;
afterEach(async () => world?.close());

const BIN = join(import.meta.dirname, '..', '..', 'bin', '13d-ledger.js');

describe('a sync stopped midway', () => {
  it('stopped after 5 filings, resumes from the watermark and ingests each filing once', async () => {
    world = await syncWorld();
    const controller = new AbortController();
    const first = await world.sync({
      signal: controller.signal,
      onProgress: ({ summary }) => summary.filingsSeen === 5 && controller.abort(),
    });
    // Monday and Tuesday (4 filings) complete, Wednesday's first ingested, then the stop
    expect(first).toMatchObject({ stopped: true, filingsSeen: 5, ingested: 5 });
    expect(first.watermark).toEqual({ from: WEEK.since, through: '2024-07-09' });
    const downloads = world.edgar.filingRequests().length;
    const cached = (await world.cache.list()).length;
    const second = await world.sync({ since: undefined });
    // From Wednesday: its first filing is already present, the other four are new
    expect(second).toMatchObject({
      since: '2024-07-10',
      stopped: false,
      filingsSeen: 5,
      ingested: 4,
      alreadyPresent: 1,
    });
    // What the first run cached (Monday's and Tuesday's four are behind the watermark) is not downloaded again
    expect(second.fromCache).toBe(cached - 4);
    expect(second.fromCache).toBeGreaterThanOrEqual(1);
    expect(second.downloaded).toBe(5 - second.fromCache);
    expect(world.edgar.filingRequests().length - downloads).toBe(second.downloaded);
    expect(await readWatermark(world.store, 'edgar-index')).toEqual({ from: WEEK.since, through: WEEK.until });
    const statements = await statementsByAccession(world.store);
    expect(world.filings.map((f) => statements.get(f.accessionNumber))).toEqual(world.filings.map(() => 1));
  });

  it('a sync process killed mid-download leaves a store the next run completes, nothing ingested twice', async () => {
    world = await syncWorld();
    // A reference: the same EDGAR synced in one go into another store
    const reference = await syncWorld();
    await reference.sync();
    const expected = await issuerEvents(reference.store);
    await reference.close();
    // Slow answers, so that the process is killed while it is downloading
    world.edgar.delayMs = 150;
    await world.store.close();
    const child = spawn(
      process.execPath,
      [
        BIN,
        '--store',
        world.storeUrl,
        'sync',
        '--since',
        WEEK.since,
        '--until',
        WEEK.until,
        '--edgar-base',
        world.edgar.url,
        '--cache',
        world.cache.dir,
        '--user-agent',
        USER_AGENT,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
    let done = false;
    const exited = new Promise((resolve) => child.on('exit', resolve)).then(() => (done = true));
    // The child reads 2024 Q3 (settled long ago) from its quarterly index: killed after 4 filings were asked
    while (world.edgar.filingRequests().length < 4 && !done) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await exited;
    expect(stderr).toBe('');
    const askedBeforeKill = world.edgar.filingRequests().length;
    expect(askedBeforeKill).toBeLessThan(9);
    world.edgar.delayMs = 0;
    const { openStore } = await import('../../src/store/open-store.js');
    world.store = await openStore(world.storeUrl);
    const resumed = await world.sync({ today: '2026-01-01' });
    expect(resumed).toMatchObject({ stopped: false, filingsSeen: 9, refused: [] });
    expect(resumed.ingested + resumed.alreadyPresent).toBe(9);
    // Whatever the killed process had cached is not downloaded again
    expect(world.edgar.filingRequests().length - askedBeforeKill).toBe(9 - resumed.fromCache);
    // The same events as the run that was never interrupted, each once
    const events = await issuerEvents(world.store);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events.map((e) => e.id).sort()).toEqual(expected.map((e) => e.id).sort());
  }, 30_000);
});
