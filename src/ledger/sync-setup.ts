/**
 * What a shell (the CLI) needs to start a sync: the EDGAR client with the
 * User-Agent it must send (refused, before anything is requested, when there
 * is none) and the run's one rate limiter, where EDGAR is, and the cache.
 */
import { dirname, join } from 'node:path';
import { createEdgarClient, type EdgarClient } from '../edgar/edgar-client.js';
import { edgarBaseOf, type EdgarBase } from '../edgar/edgar-paths.js';
import { DEFAULT_CACHE_DIR, filingCache, type FilingCache } from '../edgar/filing-cache.js';
import { createRateLimiter } from '../edgar/rate-limiter.js';
import { resolveUserAgent } from '../edgar/user-agent.js';
import { resolveStoreUrl } from '../store/open-store.js';

export const CACHE_HELP =
  "where sync keeps downloaded filings by accession number (default: edgar-cache beside an SQLite store's file, " +
  `else ${DEFAULT_CACHE_DIR})`;

/**
 * EDGAR allows 10 requests per second; the sync sends at most 9, so that the network or a busy moment between a
 * request's turn and its sending (up to about 100 ms) never shows EDGAR 11 within one second.
 */
export const EDGAR_PACE = { perSecond: 9 } as const;

export interface EdgarConnection {
  client: EdgarClient;
  base: EdgarBase;
}

/** `--user-agent` (else LEDGER_USER_AGENT) and `--edgar-base`; throws MissingUserAgentError without a proper one. */
export function connectToEdgar(flags: {
  userAgent?: string | undefined;
  edgarBase?: string | undefined;
}): EdgarConnection {
  const userAgent = resolveUserAgent(flags.userAgent);
  return {
    client: createEdgarClient({ userAgent, limiter: createRateLimiter(EDGAR_PACE) }),
    base: edgarBaseOf(flags.edgarBase),
  };
}

/**
 * `--cache DIR`; by default beside the store: `edgar-cache` in the folder of an SQLite store's file
 * (var/edgar-cache for the default ./var/ledger.db), else var/edgar-cache.
 */
export function openFilingCache(dir: string | undefined, storeFlag: string | undefined): FilingCache {
  if (dir !== undefined) return filingCache(dir);
  const file = /^sqlite:(?!:memory:)(.+)$/.exec(resolveStoreUrl(storeFlag))?.[1];
  return filingCache(file === undefined ? DEFAULT_CACHE_DIR : join(dirname(file), 'edgar-cache'));
}
