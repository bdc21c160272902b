/**
 * The HTTP client of the sync: Node's fetch, every request through the shared
 * rate limiter and with the User-Agent EDGAR requires. What EDGAR or the
 * network gets wrong for a while is retried with a jittered exponential
 * backoff, a bounded number of times: 429 and 5xx (Retry-After honoured, and
 * on a 429 every request of the run waits), an answer that does not come
 * (no headers, or no next bytes, within the timeout), a connection reset and
 * a body shorter than announced. A 404 is an answer (not there); any other
 * status stops the run with what EDGAR said.
 */
import { abortableSleep, type RateLimiter } from './rate-limiter.js';

export interface EdgarClientOptions {
  /** Sent with every request (src/edgar/user-agent.ts). */
  userAgent: string;
  limiter: RateLimiter;
  /** Longest wait for an answer's headers, and then for each next chunk of its body. @defaultValue 20 000 */
  timeoutMs?: number;
  /** Attempts per request, the first included. @defaultValue 5 */
  attempts?: number;
  /** Backoff before the first retry, doubled on each (jittered between half and all of it). @defaultValue 1 000 */
  backoffMs?: number;
  /** @defaultValue 30 000 */
  maxBackoffMs?: number;
  /** A Retry-After longer than this is not waited for: the request fails at once. @defaultValue 600 000 */
  maxRetryAfterMs?: number;
  /** @defaultValue globalThis.fetch */
  fetch?: typeof fetch;
  /** @defaultValue Math.random */
  random?: () => number;
  /** Told of each retry (the CLI counts them; a test can watch). */
  onRetry?: (retry: RetryNotice) => void;
  /** Waits between attempts (injectable, so that tests of the backoff need not wait). @defaultValue setTimeout */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface RetryNotice {
  url: string;
  attempt: number;
  reason: string;
  delayMs: number;
}

export interface GetOptions {
  signal?: AbortSignal;
  /** Says why a body that arrived whole is still not complete (null: it is), e.g. a submission without its end tag. */
  incomplete?: (body: Buffer) => string | null;
}

export interface EdgarClient {
  /** The body, or null when EDGAR has no such file (404). */
  get(url: string, options?: GetOptions): Promise<Buffer | null>;
  readonly stats: { requests: number; retries: number };
}

const FORBIDDEN_HINT =
  '; EDGAR refuses tools without a proper User-Agent, and blocks for a while any that exceed 10 requests per second';

/** EDGAR answered with a status that retrying will not change (403: blocked or no User-Agent; 400...). */
export class EdgarRequestError extends Error {
  override readonly name = 'EdgarRequestError';
  constructor(
    readonly url: string,
    readonly status: number,
    detail: string,
  ) {
    super(`${url}: EDGAR answered ${status}${detail ? ` (${detail})` : ''}${status === 403 ? FORBIDDEN_HINT : ''}`);
  }
}

/** Still failing after every attempt, or told to wait longer than allowed. */
export class EdgarUnavailableError extends Error {
  override readonly name = 'EdgarUnavailableError';
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`${url}: ${reason}`);
  }
}

type Attempt =
  | { kind: 'body'; body: Buffer }
  | { kind: 'not-found' }
  | { kind: 'retry'; reason: string; retryAfterMs: number | null; status: number | null };

interface Settings {
  userAgent: string;
  limiter: RateLimiter;
  timeoutMs: number;
  attempts: number;
  backoffMs: number;
  maxBackoffMs: number;
  maxRetryAfterMs: number;
  fetch: typeof fetch;
  random: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  onRetry: ((retry: RetryNotice) => void) | undefined;
}

type Stats = EdgarClient['stats'];

export function createEdgarClient(options: EdgarClientOptions): EdgarClient {
  const settings: Settings = {
    userAgent: options.userAgent,
    limiter: options.limiter,
    timeoutMs: options.timeoutMs ?? 20_000,
    attempts: options.attempts ?? 5,
    backoffMs: options.backoffMs ?? 1_000,
    maxBackoffMs: options.maxBackoffMs ?? 30_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 600_000,
    fetch: options.fetch ?? globalThis.fetch,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? abortableSleep,
    onRetry: options.onRetry,
  };
  const stats: Stats = { requests: 0, retries: 0 };
  return {
    stats,
    async get(url, getOptions = {}) {
      for (let attempt = 1; ; attempt++) {
        const result = await attemptOnce(settings, stats, url, getOptions);
        if (result.kind === 'body') return result.body;
        if (result.kind === 'not-found') return null;
        if (attempt >= settings.attempts) {
          throw new EdgarUnavailableError(url, `${result.reason}; gave up after ${attempt} attempts`);
        }
        const delayMs = retryDelay(settings, result, attempt, url);
        stats.retries += 1;
        settings.onRetry?.({ url, attempt, reason: result.reason, delayMs });
        await settings.sleep(delayMs, getOptions.signal);
      }
    },
  };
}

/** Jittered exponential backoff; after a Retry-After, what EDGAR asked (and the whole run waits). */
function retryDelay(settings: Settings, result: Attempt & { kind: 'retry' }, attempt: number, url: string): number {
  const { backoffMs, maxBackoffMs, maxRetryAfterMs, random } = settings;
  if (result.retryAfterMs === null)
    return Math.min(maxBackoffMs, backoffMs * 2 ** (attempt - 1)) * (0.5 + random() / 2);
  if (result.retryAfterMs > maxRetryAfterMs) {
    throw new EdgarUnavailableError(
      url,
      `${result.reason} asking to wait ${Math.ceil(result.retryAfterMs / 1000)} s, ` +
        `longer than the ${maxRetryAfterMs / 1000} s allowed`,
    );
  }
  // What EDGAR asked, and a little more, at random, so that clients told the same do not all come back at once.
  const delayMs = result.retryAfterMs + random() * Math.min(backoffMs, 1_000);
  // Every request of the run waits, not only this one: the limit is the user's, not the request's.
  settings.limiter.holdFor(delayMs);
  return delayMs;
}

const retry = (reason: string): Attempt => ({ kind: 'retry', reason, retryAfterMs: null, status: null });

/** One request, within the rate limit and the timeout (restarted with every chunk: steady is not slow). */
async function attemptOnce(settings: Settings, stats: Stats, url: string, options: GetOptions): Promise<Attempt> {
  const { signal } = options;
  await settings.limiter.acquire(signal);
  stats.requests += 1;
  const controller = new AbortController();
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, settings.timeoutMs);
  };
  const onAbort = () => controller.abort(signal!.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  arm();
  try {
    const response = await settings.fetch(url, {
      headers: { 'User-Agent': settings.userAgent },
      signal: controller.signal,
    });
    arm();
    return await answerOf(url, response, arm, options);
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    if (error instanceof EdgarRequestError) throw error;
    if (timedOut) return retry(`no answer within ${settings.timeoutMs} ms`);
    return retry(`connection failed: ${describeNetworkError(error)}`);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** What an answer means: a body, not found, worth retrying, or (any other status) an error. */
async function answerOf(url: string, response: Response, arm: () => void, options: GetOptions): Promise<Attempt> {
  const { status } = response;
  if (status === 404) return discard(response, { kind: 'not-found' });
  if (status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    return discard(response, { kind: 'retry', reason: `EDGAR answered ${status}`, retryAfterMs, status });
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    const detail = text
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 200);
    throw new EdgarRequestError(url, status, detail);
  }
  const chunks: Buffer[] = [];
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      arm();
      chunks.push(Buffer.from(chunk));
    }
  }
  const body = Buffer.concat(chunks);
  const declared = response.headers.get('content-length');
  // A compressed answer announces its compressed length; only a plain one can be counted.
  if (declared !== null && response.headers.get('content-encoding') === null && Number(declared) !== body.length) {
    return retry(`truncated answer: ${body.length} of ${declared} bytes`);
  }
  const why = options.incomplete?.(body) ?? null;
  return why === null ? { kind: 'body', body } : retry(`incomplete answer: ${why}`);
}

async function discard<T>(response: Response, result: T): Promise<T> {
  await response.body?.cancel().catch(() => undefined);
  return result;
}

/** Retry-After: seconds, or an HTTP date. Null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** fetch says "fetch failed" or "terminated"; the cause says what happened (ECONNRESET, other side closed). */
function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  const detail = cause?.code ?? cause?.message;
  return detail ? `${error.message} (${detail})` : error.message;
}
