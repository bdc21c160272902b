import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PARSER_VERSION } from '../../src/ingest/parser-version.js';
import { openStore } from '../../src/store/open-store.js';
import { filingPath } from '../support/local-edgar-records.js';
import { runCliCapturing } from '../support/run-cli.js';
import { issuerEvents, syncWorld, USER_AGENT, WEEK, type SyncWorld } from './sync-fixture.js';

let world: SyncWorld;
afterEach(async () => {
  vi.unstubAllEnvs();
  await world?.close();
});

/** `13d-ledger sync` for the recorded week, into a store of its own (the world's is left alone). */
function syncCli(storeUrl: string, ...extra: string[]) {
  const args = ['sync', '--since', WEEK.since, '--until', WEEK.until, '--edgar-base', world.edgar.url];
  return runCliCapturing(storeUrl, ...args, '--cache', world.cache.dir, ...extra);
}

describe('13d-ledger sync', () => {
  it('refuses to start without a User-Agent naming the user and an e-mail, asking EDGAR nothing', async () => {
    world = await syncWorld();
    vi.stubEnv('LEDGER_USER_AGENT', '');
    const storeFile = join(world.dir, 'never.db');
    const none = await syncCli(`sqlite:${storeFile}`);
    expect(none.code).toBe(1);
    expect(none.err).toContain('EDGAR requires a User-Agent naming you and your e-mail address');
    expect(none.err).toContain('--user-agent "Your Name you@example.com" or set LEDGER_USER_AGENT');
    const noEmail = await syncCli(`sqlite:${storeFile}`, '--user-agent', 'Ledger Tests');
    expect(noEmail.code).toBe(1);
    expect(noEmail.err).toContain('User-Agent "Ledger Tests" lacks an e-mail address');
    expect(world.edgar.requests).toEqual([]);
    expect(existsSync(storeFile)).toBe(false);
  });

  it('takes the User-Agent from LEDGER_USER_AGENT and prints the summary as JSON with --json', async () => {
    world = await syncWorld();
    vi.stubEnv('LEDGER_USER_AGENT', USER_AGENT);
    const run = await syncCli(`sqlite:${join(world.dir, 'cli.db')}`, '--json');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.out) as Record<string, unknown>;
    expect(Object.keys(summary).sort()).toEqual(
      [
        'alreadyPresent',
        'downloaded',
        'filingsSeen',
        'fromCache',
        'heldBack',
        'ingested',
        'refused',
        'requests',
        'retries',
        'scope',
        'since',
        'stopped',
        'until',
        'watermark',
      ].sort(),
    );
    // 2024 Q3 settled long ago: one quarterly index, then the nine filings
    expect(summary).toEqual({
      scope: 'edgar-index',
      since: WEEK.since,
      until: WEEK.until,
      filingsSeen: 9,
      ingested: 9,
      alreadyPresent: 0,
      refused: [],
      downloaded: 9,
      fromCache: 0,
      requests: 10,
      retries: 0,
      watermark: { from: WEEK.since, through: WEEK.until },
      heldBack: [],
      stopped: false,
    });
    expect(world.edgar.requests.every((r) => r.userAgent === USER_AGENT)).toBe(true);
  });

  it('prints one summary line; a second store synced from the same cache downloads nothing', async () => {
    world = await syncWorld();
    const first = await syncCli(`sqlite:${join(world.dir, 'first.db')}`, '--user-agent', USER_AGENT);
    expect(first.out.trim()).toBe(
      `sync edgar-index ${WEEK.since}..${WEEK.until}: 9 filings seen, 9 ingested, 0 already present, 0 refused; ` +
        `9 downloaded, 0 from the cache, 10 requests (0 retries); complete through: ${WEEK.since}..${WEEK.until}`,
    );
    const downloads = world.edgar.filingRequests().length;
    const second = await syncCli(`sqlite:${join(world.dir, 'second.db')}`, '--user-agent', USER_AGENT, '--json');
    expect(JSON.parse(second.out)).toMatchObject({ ingested: 9, downloaded: 0, fromCache: 9, requests: 1 });
    expect(world.edgar.filingRequests()).toHaveLength(downloads);
    // The two stores hold the same events
    const [a, b] = await Promise.all(['first.db', 'second.db'].map((f) => openStore(`sqlite:${join(world.dir, f)}`)));
    expect(await issuerEvents(b!)).toEqual(await issuerEvents(a!));
    await Promise.all([a!.close(), b!.close()]);
  });

  it('draws a progress bar on stderr only when it is a terminal', async () => {
    world = await syncWorld();
    const piped = await syncCli(`sqlite:${join(world.dir, 'piped.db')}`, '--user-agent', USER_AGENT);
    expect(piped.err).toBe('');
    const isTTY = process.stderr.isTTY;
    process.stderr.isTTY = true;
    try {
      const terminal = await syncCli(`sqlite:${join(world.dir, 'tty.db')}`, '--user-agent', USER_AGENT);
      expect(terminal.code).toBe(0);
      const frames = terminal.err.split('\r').filter((f) => f !== '');
      expect(frames).toHaveLength(9);
      expect(frames[0]).toMatch(/^\x1b\[K2024 Q3 \[#{2}\.{18}\] 1\/9 1 ingested, 0 present, 0 refused$/);
      expect(frames[8]).toMatch(/\[#{20}\] 9\/9 9 ingested, 0 present, 0 refused\n$/);
    } finally {
      process.stderr.isTTY = isTTY;
    }
  });

  it('keeps the cache beside an SQLite store by default, where reparse finds it', async () => {
    world = await syncWorld();
    mkdirSync(join(world.dir, 'elsewhere'));
    const store = `sqlite:${join(world.dir, 'elsewhere', 'ledger.db')}`;
    const args = ['sync', '--since', WEEK.since, '--until', WEEK.until, '--edgar-base', world.edgar.url];
    const run = await runCliCapturing(store, ...args, '--user-agent', USER_AGENT, '--json');
    expect(JSON.parse(run.out)).toMatchObject({ ingested: 9, downloaded: 9 });
    const cache = join(world.dir, 'elsewhere', 'edgar-cache');
    expect(
      readdirSync(cache)
        .flatMap((d) => readdirSync(join(cache, d)))
        .sort(),
    ).toEqual(world.filings.map((f) => `${f.accessionNumber}.txt`).sort());
    const reparse = await runCliCapturing(store, 'reparse');
    expect(reparse.out.trim()).toBe(
      `reparse with ${PARSER_VERSION}: 9 cached filings, ` +
        '9 already read by this version, ' +
        '0 re-read (0 changed, 0 unchanged, 0 refused), 0 events appended',
    );
  });

  it('names a refused filing with its reason on the summary and exits 1, the others ingested', async () => {
    world = await syncWorld();
    // Tuesday's first filing is gone from EDGAR (404) though the index lists it
    const gone = world.filings[2]!;
    world.edgar.files.delete(filingPath(gone.filerCik, gone.accessionNumber));
    world.edgar.files.delete(filingPath(gone.subjectCik, gone.accessionNumber));
    const run = await syncCli(`sqlite:${join(world.dir, 'cli.db')}`, '--user-agent', USER_AGENT);
    expect(run.code).toBe(1);
    const lines = run.out.trim().split('\n');
    expect(lines[0]).toContain('9 filings seen, 8 ingested, 0 already present, 1 refused');
    const url = `${world.edgar.url}Archives/edgar/data/`;
    const head = `  refused ${gone.accessionNumber} (${gone.formType}, 2024-07-09): ${url}`;
    expect(lines[1]).toMatch(
      new RegExp(`^${escape(head)}\\d+/${gone.accessionNumber}\\.txt: EDGAR has no such file \\(404\\)$`),
    );
    expect(lines).toHaveLength(2);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
