/**
 * EDGAR's fair-access rule: at most 10 requests per second from one user,
 * whatever the number of downloads running at once. A token bucket shared by
 * every request of a run: each request takes a token, tokens come back at the
 * rate, and the bucket holds `burst` of them. With the default burst of 1 the
 * requests start at least 100 ms apart, so no window of one second ever holds
 * more than 10 (a bucket of 10 would let 19 through in the first second).
 * Requests are served in the order they asked. After a 429, `holdFor` keeps
 * every request back for as long as EDGAR asked.
 */

export interface RateLimiterOptions {
  /** Tokens per second. @defaultValue 10 */
  perSecond?: number;
  /** Tokens the bucket holds. @defaultValue 1 */
  burst?: number;
  /** Milliseconds on a monotonic clock (injectable for tests). @defaultValue performance.now */
  now?: () => number;
  /** Waits `ms` (injectable for tests); rejects when the signal aborts. @defaultValue setTimeout */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface RateLimiter {
  /** Resolves when this request may start; rejects if the signal aborts first. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** No request starts in the next `ms` milliseconds: EDGAR said to wait (Retry-After). */
  holdFor(ms: number): void;
  readonly perSecond: number;
}

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const perSecond = options.perSecond ?? 10;
  const burst = options.burst ?? 1;
  if (!(perSecond > 0) || !(burst >= 1))
    throw new RangeError(`a rate limiter needs perSecond > 0 and burst >= 1 (got ${perSecond}, ${burst})`);
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? abortableSleep;
  const interval = 1000 / perSecond;
  let tokens = burst;
  let refilledAt = now();
  let heldUntil = -Infinity;
  // One request at a time takes its turn: first come, first served.
  let queue: Promise<void> = Promise.resolve();

  const refill = () => {
    const t = now();
    tokens = Math.min(burst, tokens + (t - refilledAt) / interval);
    refilledAt = t;
  };

  async function take(signal: AbortSignal | undefined): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      refill();
      const hold = heldUntil - now();
      // A token short by a fraction waits the rest of it: the debt is carried, so the spacing holds over any run.
      const wait = Math.max(hold, tokens >= 1 ? 0 : (1 - tokens) * interval);
      if (wait <= 0) break;
      await sleep(wait, signal);
    }
    tokens -= 1;
  }

  return {
    perSecond,
    acquire(signal) {
      const turn = queue.then(() => take(signal));
      queue = turn.catch(() => undefined);
      return turn;
    },
    holdFor(ms) {
      heldUntil = Math.max(heldUntil, now() + ms);
    },
  };
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
