import { afterEach, describe, expect, it } from 'vitest';
import { readWatermark } from '../../src/ledger/sync-watermark.js';
import { edgarBaseOf } from '../../src/edgar/edgar-paths.js';
import { EDGAR_PACE } from '../../src/ledger/sync-setup.js';
import { maxRequestsInWindow } from '../support/local-edgar.js';
import { startLocalEdgarProcess } from '../support/local-edgar-process.js';
import { failFiling, statementsByAccession, syncWorld, WEEK, type SyncWorld } from './sync-fixture.js';

let world: SyncWorld;
afterEach(async () => world?.close());

/** A clock the limiter and the backoff share, which moves only when they wait: no test waits real seconds. */
function virtualClock() {
  const clock = { now: 0, waits: [] as number[] };
  const sleep = async (ms: number) => {
    clock.waits.push(ms);
    clock.now += ms;
  };
  return { clock, limiter: { perSecond: 10, now: () => clock.now, sleep }, client: { sleep } };
}

const MONDAY_INDEX = 'Archives/edgar/daily-index/2024/QTR3/form.20240708.idx';

describe('EDGAR answering badly', () => {
  it('waits what a 429 Retry-After asks (the whole run holds), backs off a 503 with jitter, succeeds', async () => {
    world = await syncWorld();
    const { clock, limiter, client } = virtualClock();
    const first = world.filings[0]!;
    world.edgar.fail(MONDAY_INDEX, { kind: 'status', status: 429, retryAfter: '3' });
    failFiling(world.edgar, first, { kind: 'status', status: 503 }, 2);
    const retries: { reason: string; delayMs: number }[] = [];
    const summary = await world.sync(
      {},
      { ...client, backoffMs: 1000, random: () => 0.5, onRetry: (r) => retries.push(r) },
      limiter,
    );
    expect(summary).toMatchObject({ ingested: 9, refused: [], retries: 3 });
    expect(retries.map((r) => r.reason)).toEqual(['EDGAR answered 429', 'EDGAR answered 503', 'EDGAR answered 503']);
    // Retry-After 3 s plus jitter of up to 1 s (random 0.5: 0.5 s); the 503s 1 s then 2 s, each jittered to 75%
    expect(retries.map((r) => r.delayMs)).toEqual([3500, 750, 1500]);
    // The 429 held the limiter too: nothing was asked during those 3.5 s
    const monday = world.edgar.requests.filter((r) => r.path === MONDAY_INDEX);
    expect(monday).toHaveLength(2);
    expect(clock.now).toBeGreaterThanOrEqual(3500 + 750 + 1500);
  });

  it('retries a truncated body and a connection reset, and ingests both filings whole', async () => {
    world = await syncWorld();
    const [a, b] = world.filings;
    failFiling(world.edgar, a!, { kind: 'truncate' });
    failFiling(world.edgar, b!, { kind: 'reset' });
    const retries: string[] = [];
    const summary = await world.sync({}, { onRetry: (r) => retries.push(`${r.url.split('/').pop()}: ${r.reason}`) });
    expect(summary).toMatchObject({ ingested: 9, refused: [], retries: 2 });
    expect(retries).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^${a!.accessionNumber}\\.txt: (truncated answer|connection failed)`)),
        expect.stringMatching(new RegExp(`^${b!.accessionNumber}\\.txt: connection failed`)),
      ]),
    );
    // What was cached is the whole file, byte for byte
    expect(Buffer.compare((await world.cache.read(a!.accessionNumber))!, a!.bytes)).toBe(0);
    expect(Buffer.compare((await world.cache.read(b!.accessionNumber))!, b!.bytes)).toBe(0);
  });

  it('gives up on an answer that does not come within the timeout and asks again', async () => {
    world = await syncWorld();
    const slow = world.filings[1]!;
    failFiling(world.edgar, slow, { kind: 'slow', ms: 2000 });
    const retries: string[] = [];
    const summary = await world.sync({}, { timeoutMs: 200, onRetry: (r) => retries.push(r.reason) });
    expect(summary).toMatchObject({ ingested: 9, refused: [], retries: 1 });
    expect(retries).toEqual(['no answer within 200 ms']);
    expect(Buffer.compare((await world.cache.read(slow.accessionNumber))!, slow.bytes)).toBe(0);
  });

  it('refuses a filing that keeps failing with its reason, ingests the rest, holds the watermark', async () => {
    world = await syncWorld();
    const stuck = world.filings[4]!; // Wednesday's first
    failFiling(world.edgar, stuck, { kind: 'status', status: 503 }, Infinity);
    const summary = await world.sync({}, { attempts: 3 });
    expect(summary.ingested).toBe(8);
    expect(summary.refused).toEqual([
      expect.objectContaining({
        accessionNumber: stuck.accessionNumber,
        transient: true,
        reason: expect.stringContaining('EDGAR answered 503; gave up after 3 attempts'),
      }),
    ]);
    // Complete through Tuesday only: the next run asks again for Wednesday on
    expect(summary.watermark).toEqual({ from: WEEK.since, through: '2024-07-09' });
    world.edgar.clearFaults();
    // Without --since: from the day after the watermark
    const next = await world.sync({ since: undefined });
    expect(next).toMatchObject({ since: '2024-07-10', ingested: 1, alreadyPresent: 4, downloaded: 1, refused: [] });
    expect(await readWatermark(world.store, 'edgar-index')).toEqual({ from: WEEK.since, through: WEEK.until });
    expect((await statementsByAccession(world.store)).get(stuck.accessionNumber)).toBe(1);
  });

  it('keeps within 10 requests per second, measured at a server in another process, across downloads', async () => {
    world = await syncWorld();
    // The server runs apart, so that its clock is not held up by the client's work; slow answers, so that
    // downloads overlap: the limiter, not the server, must keep the pace
    const server = await startLocalEdgarProcess(world.edgar.files, 250);
    try {
      const summary = await world.sync({ concurrency: 4, base: edgarBaseOf(server.url) }, {}, EDGAR_PACE);
      expect(summary.ingested).toBe(9);
      const { requests, maxInFlight } = await server.log();
      expect(requests).toHaveLength(14); // 5 daily indexes, 9 filings
      expect(maxInFlight).toBeGreaterThanOrEqual(2);
      expect(maxRequestsInWindow(requests, 1000)).toBeLessThanOrEqual(10);
      // 14 requests at the sync's pace of 9 a second span at least 13 / 9 s
      const at = requests.map((r) => r.at).sort((x, y) => x - y);
      expect(at.at(-1)! - at[0]!).toBeGreaterThanOrEqual((13 * 1000) / 9 - 20);
    } finally {
      await server.close();
    }
  });
});
