/**
 * The port's catch-up subscription on top of EventStoreDB's subscription to $all.
 */
import { excludeSystemEvents, eventTypeFilter, START, streamNameFilter } from '@eventstore/db-client';
import type { AllStreamResolvedEvent, EventStoreDBClient, Filter, ReadPosition } from '@eventstore/db-client';
import type { EventFilter, SubscribeOptions, Subscription } from '../event-store.js';
import { isInvalidPosition, matchesFilter, toPortError, toRecordedEvent } from './mapping.js';

/**
 * Pushed into the client's subscription stream when the server reports caught-up.
 * The client emits 'caughtUp' while transforming the server's message, after it
 * has pushed every earlier event but possibly before we have consumed them; a
 * marker in the same stream keeps onCaughtUp behind the events it follows.
 */
const CAUGHT_UP: unique symbol = Symbol('caught up');

export function subscribeToAll(client: EventStoreDBClient, options: SubscribeOptions): Subscription {
  const { afterPosition, filter, onEvent, onCaughtUp, onError } = options;
  let closed = false;
  let caughtUp = false;
  let current: { unsubscribe(): Promise<void>; destroy(): void } | undefined;

  /** Runs one server subscription; false when the server refused the start position. */
  async function run(fromPosition: ReadPosition): Promise<boolean> {
    if (closed) return true;
    let delivered = false;
    const subscription = client.subscribeToAll({ fromPosition, filter: serverFilter(filter) });
    current = subscription;
    subscription.on('caughtUp', () => {
      if (!caughtUp) subscription.push(CAUGHT_UP);
    });
    try {
      for await (const item of subscription as AsyncIterable<AllStreamResolvedEvent | typeof CAUGHT_UP>) {
        if (closed) break;
        if (item === CAUGHT_UP) {
          if (!caughtUp) {
            caughtUp = true;
            onCaughtUp?.();
          }
          continue;
        }
        const event = toRecordedEvent(item);
        // The server starts after afterPosition already; checking again covers the restart from START.
        if (event === undefined || (afterPosition !== undefined && event.position <= afterPosition)) continue;
        if (!matchesFilter(event, filter)) continue;
        delivered = true;
        await onEvent(event);
      }
      return true;
    } catch (error) {
      if (!delivered && fromPosition !== START && !closed && isInvalidPosition(error)) return false;
      throw error;
    }
  }

  const from: ReadPosition =
    afterPosition === undefined || afterPosition === 0n ? START : { commit: afterPosition, prepare: afterPosition };
  const done = (async () => {
    try {
      // A checkpoint that is not an event's own position (say a position + 1) is refused by the
      // server; then read from the beginning and skip what is not after it (slow, but right).
      if (!(await run(from)) && !closed) await run(START);
    } catch (error) {
      if (closed) return;
      closed = true;
      await current?.unsubscribe().catch(() => undefined);
      onError?.(toPortError(error, 'subscription to $all'));
    }
  })();

  return {
    async close() {
      if (!closed) {
        closed = true;
        await current?.unsubscribe().catch(() => undefined);
        // Ends the iteration even if the cancelled gRPC stream never ends the client's stream.
        current?.destroy();
      }
      await done;
    },
  };
}

/**
 * The server filters what it can (one filter: stream prefixes, else type prefixes,
 * else no system events); the exact port filter runs again on our side.
 */
function serverFilter(filter: EventFilter | undefined): Filter {
  if (filter?.streamPrefixes !== undefined && filter.streamPrefixes.length > 0) {
    return streamNameFilter({ prefixes: filter.streamPrefixes });
  }
  if (filter?.types !== undefined && filter.types.length > 0) return eventTypeFilter({ prefixes: filter.types });
  return excludeSystemEvents();
}
