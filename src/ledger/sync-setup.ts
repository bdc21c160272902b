/**
 * What a shell (the CLI) needs to start a sync: the EDGAR client with the
 * User-Agent it must send (refused, before anything is requested, when there
 * is none) and the run's one rate limiter, where EDGAR is, and the cache.
 */
import { createEdgarClient, type EdgarClient } from '../edgar/edgar-client.js';
import { edgarBaseOf, type EdgarBase } from '../edgar/edgar-paths.js';
import { DEFAULT_CACHE_DIR, filingCache, type FilingCache } from '../edgar/filing-cache.js';
import { createRateLimiter } from '../edgar/rate-limiter.js';
import { resolveUserAgent } from '../edgar/user-agent.js';

export { DEFAULT_CACHE_DIR } from '../edgar/filing-cache.js';

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
  return { client: createEdgarClient({ userAgent, limiter: createRateLimiter() }), base: edgarBaseOf(flags.edgarBase) };
}

/** `--cache DIR`, @defaultValue var/edgar-cache. */
export function openFilingCache(dir: string | undefined): FilingCache {
  return filingCache(dir ?? DEFAULT_CACHE_DIR);
}
