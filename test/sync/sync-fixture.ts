/** What the sync tests share: a recorded EDGAR of one week on loopback, a store, a cache, and a client for them. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEdgarClient, type EdgarClientOptions } from '../../src/edgar/edgar-client.js';
import { edgarBaseOf } from '../../src/edgar/edgar-paths.js';
import { filingCache, type FilingCache } from '../../src/edgar/filing-cache.js';
import { createRateLimiter, type RateLimiterOptions } from '../../src/edgar/rate-limiter.js';
import { syncFromEdgar, type SyncOptions } from '../../src/ledger/sync.js';
import type { EventStore } from '../../src/store/event-store.js';
import { openStore } from '../../src/store/open-store.js';
import { startLocalEdgar, type Fault, type LocalEdgar } from '../support/local-edgar.js';
import {
  filingPath,
  GOOD_LAYOUTS,
  layoutFiling,
  otherForms,
  recordedEdgar,
  submissionFiling,
  type RecordedFiling,
} from '../support/local-edgar-records.js';

export const USER_AGENT = 'Ledger Tests tests@example.com';
/** Monday 8 to Friday 12 July 2024; "today" is 31 July, so the quarter is open and the daily indexes are read. */
export const WEEK = { since: '2024-07-08', until: '2024-07-12', today: '2024-07-31' };
const DAYS = ['2024-07-08', '2024-07-09', '2024-07-10', '2024-07-11'];

export const AULT_SUBMISSION = join(import.meta.dirname, '..', 'fixtures', 'ingest', 'ault-a8-submission.txt');

/** Two layout filings a day from Monday to Thursday, Ault Alliance's Amendment No. 8 on Friday. */
export function weekOfFilings(): RecordedFiling[] {
  const layouts = GOOD_LAYOUTS.map((file, i) => layoutFiling(file, i + 1, DAYS[Math.floor(i / 2)]!));
  return [...layouts, submissionFiling(readFileSync(AULT_SUBMISSION), '2024-07-12')];
}

export interface SyncWorld {
  edgar: LocalEdgar;
  filings: RecordedFiling[];
  store: EventStore;
  storeUrl: string;
  cache: FilingCache;
  dir: string;
  /** A sync of the store with a client on the local EDGAR; options override the defaults. */
  sync(
    options?: Partial<SyncOptions>,
    client?: Partial<EdgarClientOptions>,
    limiter?: RateLimiterOptions,
  ): ReturnType<typeof syncFromEdgar>;
  close(): Promise<void>;
}

/** `storeUrl`: another store than a new SQLite file (PostgreSQL, test/support/store-targets.ts). */
export async function syncWorld(
  filings: RecordedFiling[] = weekOfFilings(),
  range = WEEK,
  storeUrl?: string,
): Promise<SyncWorld> {
  const edgar = await startLocalEdgar(
    recordedEdgar(filings, otherForms([...DAYS, '2024-07-12']), range.since, range.until),
  );
  const dir = mkdtempSync(join(tmpdir(), 'ledger-sync-'));
  const url = storeUrl ?? `sqlite:${join(dir, 'ledger.db')}`;
  const store = await openStore(url);
  const cache = filingCache(join(dir, 'edgar-cache'));
  const world: SyncWorld = {
    edgar,
    filings,
    store,
    storeUrl: url,
    cache,
    dir,
    sync(options = {}, client = {}, limiter = { perSecond: 1000 }) {
      const edgarClient = createEdgarClient({
        userAgent: USER_AGENT,
        limiter: createRateLimiter(limiter),
        backoffMs: 1,
        ...client,
      });
      return syncFromEdgar(world.store, {
        client: edgarClient,
        base: edgarBaseOf(edgar.url),
        cache,
        ...range,
        ...options,
      });
    },
    async close() {
      await world.store.close();
      await edgar.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}

/** The issuer streams' events, by stream, in order: what two runs must agree on. */
/** Queues a fault on both paths the index names a filing by (the subject's CIK and the filer's). */
export function failFiling(edgar: LocalEdgar, filing: RecordedFiling, fault: Fault, times = 1): void {
  edgar.fail(filingPath(filing.subjectCik, filing.accessionNumber), fault, times);
  edgar.fail(filingPath(filing.filerCik, filing.accessionNumber), fault, times);
}

export async function issuerEvents(store: EventStore): Promise<{ stream: string; id: string; type: string }[]> {
  const events = await store.readAll({ filter: { streamPrefixes: ['issuer-'] } });
  return events.map((e) => ({ stream: e.stream, id: e.id, type: e.type }));
}

export async function statementsByAccession(store: EventStore): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const e of await store.readAll({ filter: { streamPrefixes: ['issuer-'] } })) {
    if (e.type !== 'StatementFiled') continue;
    const accession = (e.data as { accessionNumber: string | null }).accessionNumber;
    if (accession !== null) counts.set(accession, (counts.get(accession) ?? 0) + 1);
  }
  return counts;
}
