/**
 * Wakes live subscriptions when any process appends: one connection per store LISTENs
 * on the channel the append trigger NOTIFYs at commit. It is opened with the first
 * subscription; when it is lost it is opened again after a pause, and every
 * subscription is woken (it may have missed a notification). Subscriptions also poll,
 * so a lost notification only delays an event, never loses it.
 */
import { Client, type ClientConfig } from 'pg';
import { APPEND_CHANNEL } from './schema.js';

export interface AppendListener {
  /** Calls `wake` on every append committed anywhere; returns the unregister call. */
  add(wake: () => void): () => void;
  /** Wakes every registered subscription (an append made through this process). */
  wakeAll(): void;
  close(): Promise<void>;
}

/** @param reconnectDelayMs how long to wait before listening again after the connection was lost */
export function listenForAppends(config: ClientConfig, reconnectDelayMs = 1_000): AppendListener {
  const wakers = new Set<() => void>();
  let client: Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;

  const wakeAll = () => {
    for (const wake of wakers) wake();
  };

  function start(): void {
    if (closed || client !== null || timer !== null || wakers.size === 0) return;
    const connection = new Client(config);
    client = connection;
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      if (client === connection) client = null;
      connection.end().catch(() => undefined);
      if (closed) return;
      timer = setTimeout(() => {
        timer = null;
        start();
        wakeAll();
      }, reconnectDelayMs);
      timer.unref();
    };
    connection.on('notification', wakeAll);
    connection.on('error', onLost);
    connection.on('end', onLost);
    connection
      .connect()
      .then(() => connection.query(`LISTEN ${APPEND_CHANNEL}`))
      // Appends committed while the connection was being opened were not heard.
      .then(wakeAll, onLost);
  }

  return {
    add(wake) {
      wakers.add(wake);
      start();
      return () => wakers.delete(wake);
    },
    wakeAll,
    async close() {
      closed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      const connection = client;
      client = null;
      await connection?.end().catch(() => undefined);
    },
  };
}
