import { afterEach, describe, expect, it } from 'vitest';
import { readWatermark } from '../../src/ledger/sync-watermark.js';
import { filingPath } from '../support/local-edgar-records.js';
import { issuerEvents, statementsByAccession, syncWorld, USER_AGENT, WEEK, type SyncWorld } from './sync-fixture.js';

let world: SyncWorld;
afterEach(async () => world?.close());

describe('sync from a recorded EDGAR on loopback', () => {
  it("ingests the week's Schedule 13D filings from the daily indexes and never asks for another form", async () => {
    world = await syncWorld();
    const summary = await world.sync();
    // Nine 13D filings, each listed twice (subject and filer), beside six other forms a day
    expect(summary).toMatchObject({ filingsSeen: 9, ingested: 9, alreadyPresent: 0, refused: [], downloaded: 9 });
    // One daily index per business day, one download per filing, nothing else
    const daily = world.edgar.requests.filter((r) => r.path.includes('daily-index'));
    expect(daily.map((r) => r.path.slice(-12, -4))).toEqual([
      '20240708',
      '20240709',
      '20240710',
      '20240711',
      '20240712',
    ]);
    expect(world.edgar.filingRequests()).toHaveLength(9);
    expect(
      world.edgar.filingRequests().every((p) => world.filings.some((f) => p.endsWith(`${f.accessionNumber}.txt`))),
    ).toBe(true);
    expect(world.edgar.requests.every((r) => r.userAgent === USER_AGENT)).toBe(true);
    // Each filing is in the ledger once, and the week is complete
    const statements = await statementsByAccession(world.store);
    for (const f of world.filings) expect(statements.get(f.accessionNumber), f.accessionNumber).toBe(1);
    expect(await readWatermark(world.store, 'edgar-index')).toEqual({ from: WEEK.since, through: WEEK.until });
  });

  it('a second run finds the week complete and asks EDGAR for nothing', async () => {
    world = await syncWorld();
    await world.sync();
    const before = await issuerEvents(world.store);
    const requests = world.edgar.requests.length;
    const again = await world.sync();
    expect(again).toMatchObject({
      filingsSeen: 0,
      ingested: 0,
      requests: 0,
      watermark: { from: WEEK.since, through: WEEK.until },
    });
    expect(world.edgar.requests).toHaveLength(requests);
    expect(await issuerEvents(world.store)).toEqual(before);
    // Without --since it continues after the watermark: up to date, nothing to do
    expect(await world.sync({ since: undefined })).toMatchObject({ since: '2024-07-13', filingsSeen: 0, requests: 0 });
    await expect(world.sync({ since: '2024-07-13' })).rejects.toThrow('--since 2024-07-13 is after --until 2024-07-12');
  });

  it('counts filings the ledger holds as already present, read from the cache, not downloaded', async () => {
    world = await syncWorld();
    await world.sync();
    const before = await issuerEvents(world.store);
    // The same days again, for one company, from its submissions JSON: its filings are already in
    const ault = world.filings.at(-1)!;
    const summary = await world.sync({ cik: ault.subjectCik, since: WEEK.since });
    expect(summary).toMatchObject({
      scope: `cik:${ault.subjectCik}`,
      filingsSeen: 1,
      ingested: 0,
      alreadyPresent: 1,
      downloaded: 0,
      fromCache: 1,
    });
    expect(world.edgar.filingRequests()).toHaveLength(9);
    expect(world.edgar.requests.at(-1)!.path).toBe(`submissions/CIK${ault.subjectCik}.json`);
    expect(await issuerEvents(world.store)).toEqual(before);
  });

  it('reads a quarter that has settled from its quarterly index, keeping only the dates asked', async () => {
    world = await syncWorld();
    const summary = await world.sync({ since: '2024-07-09', until: '2024-07-10', today: '2024-12-31' });
    expect(world.edgar.requests.filter((r) => !r.path.startsWith('Archives/edgar/data/')).map((r) => r.path)).toEqual([
      'Archives/edgar/full-index/2024/QTR3/form.idx',
    ]);
    // Tuesday's and Wednesday's two each
    expect(summary).toMatchObject({
      filingsSeen: 4,
      ingested: 4,
      watermark: { from: '2024-07-09', through: '2024-07-10' },
    });
  });

  it('a daily index not published yet holds the watermark before that day', async () => {
    world = await syncWorld();
    world.edgar.files.delete('Archives/edgar/daily-index/2024/QTR3/form.20240711.idx');
    const summary = await world.sync({ today: '2024-07-12' });
    expect(summary.ingested).toBe(7);
    expect(summary.watermark).toEqual({ from: WEEK.since, through: '2024-07-10' });
    expect(summary.heldBack).toEqual([expect.stringContaining('form.20240711.idx: not published yet (404)')]);
  });

  it('asks for --since on the first sync of the form indexes, before any request', async () => {
    world = await syncWorld();
    await expect(world.sync({ since: undefined })).rejects.toThrow(
      'the first sync of the EDGAR form indexes needs --since YYYY-MM-DD',
    );
    expect(world.edgar.requests).toEqual([]);
  });

  it('serves each filing under the index path EDGAR uses', () => {
    expect(filingPath('0000896493', '0001213900-24-062810')).toBe(
      'Archives/edgar/data/896493/0001213900-24-062810.txt',
    );
  });
});
