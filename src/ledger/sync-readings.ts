/**
 * Which parser version has read which cached EDGAR document: one event per
 * reading in the ledger's own stream `ledger-readings`, appended by `sync`
 * when it ingests a downloaded filing and by `reparse` when a newer parser
 * re-reads one. `reparse` skips a document already read by the current
 * version. Not an issuer stream, so no query or projection reads it.
 */
import { z } from 'zod';
import { stableUuid } from '../domain/index.js';
import type { EventStore } from '../store/event-store.js';
import { canonicalJson } from '../shared/canonical-json.js';

export const READINGS_STREAM = 'ledger-readings';

export const FilingReadSchema = z.object({
  type: z.literal('FilingRead'),
  data: z.object({
    accessionNumber: z.string().regex(/^\d{10}-\d{2}-\d{6}$/, 'an accession number is 0001213900-24-062810'),
    parserVersion: z.string().min(1),
    /** What the reading did: events appended, nothing new, or refused (with the reason). */
    outcome: z.enum(['appended', 'already-present', 'refused', 'unchanged', 'skipped']),
    /** Events this reading appended to the issuer's stream. */
    appended: z.number().int().nonnegative(),
    reason: z.string().nullable(),
  }),
});
export type FilingRead = z.infer<typeof FilingReadSchema>['data'];

/** accession number -> parser version -> its latest reading. Events failing the schema are left out. */
export type Readings = Map<string, Map<string, FilingRead>>;

export async function readReadings(store: EventStore): Promise<Readings> {
  const readings: Readings = new Map();
  for (const event of await store.readStream(READINGS_STREAM)) {
    const parsed = FilingReadSchema.safeParse({ type: event.type, data: event.data });
    if (parsed.success) noteReading(readings, parsed.data.data);
  }
  return readings;
}

export function noteReading(readings: Readings, reading: FilingRead): void {
  const versions = readings.get(reading.accessionNumber) ?? new Map<string, FilingRead>();
  readings.set(reading.accessionNumber, versions.set(reading.parserVersion, reading));
}

/** Read by this version with an outcome that stands (a refusal is read again: it costs no download). */
export function alreadyRead(readings: Readings, accessionNumber: string, parserVersion: string): boolean {
  const reading = readings.get(accessionNumber)?.get(parserVersion);
  return reading !== undefined && reading.outcome !== 'refused';
}

/**
 * Records one reading. The id derives from what it says, so recording the same reading twice (a run killed after it
 * wrote, a second sync of the same days) is a retry the store recognises, not a second event.
 */
export async function recordReading(store: EventStore, reading: FilingRead, source: string): Promise<void> {
  const event = FilingReadSchema.parse({ type: 'FilingRead', data: reading });
  const id = stableUuid(`filing-read/${canonicalJson(event.data)}`);
  await store.append(READINGS_STREAM, [{ id, ...event, metadata: { source, parserVersion: reading.parserVersion } }], {
    expectedRevision: 'any',
  });
}
