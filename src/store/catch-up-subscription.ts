/**
 * A catch-up subscription built from paged reads: deliver history after the
 * checkpoint, report caught-up once, then wait for appends (announced in this
 * process, or found by polling when another process wrote) and go on.
 */
import type { RecordedEvent, SubscribeOptions, Subscription } from './event-store.js';

export interface CatchUpSource {
  options: SubscribeOptions;
  /** Events with position > after, in global order, at most `limit`. */
  readPage: (after: bigint, limit: number) => Promise<RecordedEvent[]>;
  /** Registers a wake-up for appends made through this process's store; returns the unregister call. */
  onAppend: (listener: () => void) => () => void;
  pollIntervalMs: number;
  /** @defaultValue 500 */
  pageSize?: number;
}

export function startCatchUpSubscription(source: CatchUpSource): Subscription {
  const { options, readPage, pollIntervalMs } = source;
  const pageSize = source.pageSize ?? 500;
  let checkpoint = options.afterPosition ?? -1n;
  let stopped = false;
  let wake: (() => void) | null = null;
  // An append announced while a page is being read may have committed after the read's
  // snapshot: remember it, so that the next sleep reads again at once instead of polling later.
  let appendedMeanwhile = false;
  const unregister = source.onAppend(() => {
    if (wake) wake();
    else appendedMeanwhile = true;
  });

  const sleepUntilAppendOrPoll = () =>
    new Promise<void>((resolve) => {
      if (appendedMeanwhile) return resolve();
      const timer = setTimeout(done, pollIntervalMs);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  const run = async () => {
    let caughtUp = false;
    while (!stopped) {
      appendedMeanwhile = false;
      const page = await readPage(checkpoint, pageSize);
      for (const event of page) {
        if (stopped) return;
        await options.onEvent(event);
        checkpoint = event.position;
      }
      if (page.length < pageSize) {
        if (!caughtUp) {
          caughtUp = true;
          options.onCaughtUp?.();
        }
        if (!stopped) await sleepUntilAppendOrPoll();
      }
    }
  };

  const running = run()
    .catch((error: unknown) => {
      stopped = true;
      options.onError?.(error instanceof Error ? error : new Error(String(error)));
    })
    .finally(unregister);

  return {
    async close() {
      stopped = true;
      wake?.();
      await running;
    },
  };
}
