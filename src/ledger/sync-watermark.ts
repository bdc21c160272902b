/**
 * How far `13d-ledger sync` has come: a watermark per scope (EDGAR's form
 * indexes, or one company's submissions), the range of index dates whose
 * Schedule 13D filings are all ingested (or refused for good, with a reason),
 * stored as events of the ledger's own stream `ledger-sync`. A killed run
 * resumes after it; the accession numbers make whatever it redoes idempotent.
 *
 * The range is contiguous: a run that starts past it (leaving days out) moves
 * it, a run that starts before it joins it once it reaches it. Not an issuer
 * stream, so no query or projection reads it.
 */
import { z } from 'zod';
import { addDays, IsoDateSchema, stableUuid } from '../domain/index.js';
import { WrongExpectedRevisionError } from '../store/errors.js';
import type { EventStore } from '../store/event-store.js';

export const SYNC_STREAM = 'ledger-sync';

/** `edgar-index` for the daily and quarterly form indexes; `cik:0000896493` for one company's submissions. */
export const SyncScopeSchema = z
  .string()
  .regex(/^(?:edgar-index|cik:\d{10})$/, 'a sync scope is edgar-index or cik:<10 digits>');

export const SyncWatermarkAdvancedSchema = z.object({
  type: z.literal('SyncWatermarkAdvanced'),
  data: z
    .object({
      scope: SyncScopeSchema,
      /** The first index date covered. */
      from: IsoDateSchema,
      /** The last index date whose 13D filings are all in the ledger (or refused for good). */
      through: IsoDateSchema,
      /** The parser that read them. */
      parserVersion: z.string().min(1),
    })
    .refine((d) => d.from <= d.through, 'from is after through'),
});
export type SyncWatermarkAdvanced = z.infer<typeof SyncWatermarkAdvancedSchema>;

export interface Watermark {
  from: string;
  through: string;
}

/** The scope's watermark (its latest event), or null before its first sync. Events that fail the schema are skipped. */
export async function readWatermark(store: EventStore, scope: string): Promise<Watermark | null> {
  return (await readScope(store, scope)).watermark;
}

async function readScope(
  store: EventStore,
  scope: string,
): Promise<{ watermark: Watermark | null; revision: bigint | 'no_stream' }> {
  const events = await store.readStream(SYNC_STREAM);
  let watermark: Watermark | null = null;
  for (const event of events) {
    const parsed = SyncWatermarkAdvancedSchema.safeParse({ type: event.type, data: event.data });
    if (parsed.success && parsed.data.data.scope === scope)
      watermark = { from: parsed.data.data.from, through: parsed.data.data.through };
  }
  return { watermark, revision: events.at(-1)?.revision ?? 'no_stream' };
}

/**
 * The watermark once a run has everything from `run.from` through `run.through`: joined with the stored one when
 * they meet, the run's own when it starts past the stored one's end; unchanged (null) when the run has not reached
 * the stored range yet, or adds nothing to it.
 */
export function advancedWatermark(stored: Watermark | null, run: Watermark): Watermark | null {
  if (stored === null) return run;
  if (run.from > addDays(stored.through, 1)) return run;
  if (run.through < addDays(stored.from, -1)) return null;
  const merged = {
    from: run.from < stored.from ? run.from : stored.from,
    through: run.through > stored.through ? run.through : stored.through,
  };
  return merged.from === stored.from && merged.through === stored.through ? null : merged;
}

/**
 * Records that a run has its range complete: appended at the revision read, read again on a conflict (another run
 * advanced meanwhile). Returns the watermark now stored.
 */
export async function recordWatermark(
  store: EventStore,
  scope: string,
  run: Watermark,
  parserVersion: string,
): Promise<Watermark> {
  for (let attempt = 1; ; attempt++) {
    const { watermark, revision } = await readScope(store, scope);
    const next = advancedWatermark(watermark, run);
    if (next === null) return watermark!;
    const event: SyncWatermarkAdvanced = { type: 'SyncWatermarkAdvanced', data: { scope, ...next, parserVersion } };
    SyncWatermarkAdvancedSchema.parse(event);
    try {
      await store.append(
        SYNC_STREAM,
        [
          {
            id: stableUuid(`sync-watermark/${scope}/${next.from}/${next.through}/${String(revision)}`),
            ...event,
            metadata: { source: 'sync', parserVersion },
          },
        ],
        { expectedRevision: revision },
      );
      return next;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || attempt >= 10) throw error;
    }
  }
}
