/**
 * The ledger index kept current by a catch-up subscription, with its checkpoint
 * stored: what another process appends (a CLI ingest, a second server) shows up
 * without a restart, and a restart folds only what came after the checkpoint.
 * The snapshot names the event at its checkpoint, so a snapshot of another store
 * (or of a store since recreated) is recognised and rebuilt from zero.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { EventStore, Subscription } from '../store/event-store.js';
import {
  emptyLedgerIndex,
  evolveLedgerIndex,
  INDEX_FILTER,
  type IndexedIssuer,
  type LedgerIndex,
} from './ledger-index.js';

const SNAPSHOT_FORMAT = 'ledger-index/1';

interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  checkpoint: string | null;
  checkpointEventId: string | null;
  issuers: Record<string, IndexedIssuer>;
}

export interface LiveIndexOptions {
  /** Where the snapshot and its checkpoint are kept; null: in memory only (rebuilt on every start). */
  snapshotFile: string | null;
  /** Delay before writing the snapshot after new events (writes are batched). @defaultValue 500 */
  saveDelayMs?: number;
  /** The subscription stopped on an error (the index stays as it was). */
  onError?: (error: Error) => void;
}

export interface LiveIndex {
  current(): LedgerIndex;
  /** Resolves once every event stored at start is folded in. */
  readonly caughtUp: Promise<void>;
  /** How the index started: from a snapshot (and its checkpoint), or from zero, and why. */
  readonly start: { from: 'snapshot' | 'zero'; checkpoint: bigint | null; reason: string };
  close(): Promise<void>;
}

export async function startLiveIndex(store: EventStore, options: LiveIndexOptions): Promise<LiveIndex> {
  const { index, checkpointEventId, reason } = await restore(store, options.snapshotFile);
  const start = {
    from: index.checkpoint === null ? ('zero' as const) : ('snapshot' as const),
    checkpoint: index.checkpoint,
    reason,
  };
  let lastEventId = checkpointEventId;
  let saveTimer: NodeJS.Timeout | null = null;
  let saving: Promise<void> = Promise.resolve();
  const save = () => {
    if (options.snapshotFile === null) return;
    const file = options.snapshotFile;
    const snapshot: Snapshot = {
      format: SNAPSHOT_FORMAT,
      checkpoint: index.checkpoint?.toString() ?? null,
      checkpointEventId: lastEventId,
      issuers: index.issuers,
    };
    const text = JSON.stringify(snapshot);
    saving = saving.then(() => writeAtomically(file, text)).catch((error: Error) => options.onError?.(error));
  };
  const scheduleSave = () => {
    if (saveTimer !== null || options.snapshotFile === null) return;
    saveTimer = setTimeout(() => {
      saveTimer = null;
      save();
    }, options.saveDelayMs ?? 500);
  };
  let markCaughtUp: () => void = () => {};
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));
  const subscription: Subscription = store.subscribeToAll({
    ...(index.checkpoint === null ? {} : { afterPosition: index.checkpoint }),
    filter: INDEX_FILTER,
    onEvent: (event) => {
      evolveLedgerIndex(index, event);
      lastEventId = event.id;
      scheduleSave();
    },
    onCaughtUp: () => {
      save();
      markCaughtUp();
    },
    onError: (error) => options.onError?.(error),
  });
  return {
    current: () => index,
    caughtUp,
    start,
    async close() {
      await subscription.close();
      if (saveTimer !== null) clearTimeout(saveTimer);
      save();
      await saving;
    },
  };
}

async function restore(
  store: EventStore,
  file: string | null,
): Promise<{ index: LedgerIndex; checkpointEventId: string | null; reason: string }> {
  const zero = (reason: string) => ({ index: emptyLedgerIndex(), checkpointEventId: null, reason });
  if (file === null) return zero('no snapshot file: built from the log');
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(await readFile(file, 'utf8')) as Snapshot;
  } catch (error) {
    return zero(
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no snapshot yet'
        : `snapshot unreadable (${(error as Error).message}): rebuilt`,
    );
  }
  if (snapshot.format !== SNAPSHOT_FORMAT || snapshot.checkpoint === null || snapshot.checkpointEventId === null)
    return zero('snapshot of another format: rebuilt');
  const checkpoint = BigInt(snapshot.checkpoint);
  const [atCheckpoint] = await store.readAll({ fromPosition: checkpoint, limit: 1 });
  if (
    atCheckpoint === undefined ||
    atCheckpoint.position !== checkpoint ||
    atCheckpoint.id !== snapshot.checkpointEventId
  ) {
    return zero('the snapshot is of another store (its checkpoint event is not there): rebuilt');
  }
  return {
    index: { checkpoint, issuers: snapshot.issuers },
    checkpointEventId: snapshot.checkpointEventId,
    reason: `from the snapshot at position ${checkpoint}`,
  };
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}
