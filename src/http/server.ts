/**
 * Starts the service: opens the store, loads the bundled sample into an empty one
 * (when asked), keeps the ledger index current from a catch-up subscription, and
 * serves the API and the timeline page.
 */
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { holdsAnyIssuer, keepReads, loadSample, openStore, startLiveIndex, type LiveIndex } from '../ledger/index.js';
import type { EventStore } from '../store/event-store.js';
import { createApp } from './app.js';
import type { Tokens } from './auth.js';

export interface ServerOptions {
  storeUrl: string;
  /** 0: any free port. */
  port: number;
  /** @defaultValue '127.0.0.1' (set 0.0.0.0 to serve other machines, as the container does) */
  host?: string;
  tokens: Tokens;
  /** Load the bundled Ault Alliance history when the store holds no issuer yet. @defaultValue false */
  loadSampleIfEmpty?: boolean;
  /**
   * Where the index snapshot and its checkpoint live. @defaultValue beside a SQLite file; under ./var for a server
   * store; none in memory
   */
  indexFile?: string | null;
  log?: (line: string) => void;
  /** Largest filing an ingest accepts. @defaultValue 50 MB */
  maxFilingBytes?: number;
  /** The store's clock (tests). */
  now?: () => Date;
}

export interface RunningServer {
  url: string;
  store: EventStore;
  index: LiveIndex;
  sampleLoaded: boolean;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const log = options.log ?? (() => {});
  const store = await openStore(options.storeUrl, options.now ? { now: options.now } : {});
  try {
    const sampleLoaded =
      options.loadSampleIfEmpty === true && !(await holdsAnyIssuer(store)) && (await loadSample(store)).appended > 0;
    const index = await startLiveIndex(store, {
      snapshotFile: options.indexFile === undefined ? defaultIndexFile(options.storeUrl) : options.indexFile,
      onError: (error) => log(`index subscription stopped: ${error.message}`),
    });
    await index.caughtUp;
    // A server answers the same issuers all day: each stream is decoded once, then only what is new.
    keepReads(store);
    const app = createApp({
      store,
      index: () => index.current(),
      tokens: options.tokens,
      ...(options.maxFilingBytes === undefined ? {} : { maxFilingBytes: options.maxFilingBytes }),
      onUnexpectedError: (error, req) =>
        log(`${req.method} ${req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    });
    const server = await listen(app, options.port, options.host ?? '127.0.0.1');
    const { port } = server.address() as AddressInfo;
    const host = options.host === undefined || options.host === '0.0.0.0' ? '127.0.0.1' : options.host;
    return {
      url: `http://${host}:${port}/`,
      store,
      index,
      sampleLoaded,
      async close() {
        await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
        await index.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host, (error?: Error) => (error ? reject(error) : resolve(server)));
    // Slow clients cannot hold connections open forever.
    server.requestTimeout = 60_000;
    server.headersTimeout = 20_000;
  });
}

/**
 * `sqlite:./var/ledger.db` keeps its index in `./var/ledger.db.index.json`; a server store under ./var by its URL's
 * hash.
 */
export function defaultIndexFile(storeUrl: string): string | null {
  if (storeUrl === 'sqlite::memory:') return null;
  if (storeUrl.startsWith('sqlite:')) return `${storeUrl.slice('sqlite:'.length)}.index.json`;
  const withoutPassword = storeUrl.replace(/\/\/([^:/@]+):[^@]*@/, '//$1@');
  return `./var/index-${createHash('sha256').update(withoutPassword).digest('hex').slice(0, 12)}.json`;
}
