/**
 * The benchmark's generator writes what the ledger would: every event passes its schema, chains of 1 to 15
 * filings numbered from the original, 1 to 8 persons on each cover, each batch at the stream's next revision,
 * and the same seed gives the same history.
 */
import { describe, expect, it } from 'vitest';
import { isValidCusip, validateEvent } from '../../src/domain/index.js';
import { historyBatches, historyShape } from '../../bench/synthetic-ledger.js';
import type { SyntheticBatch } from '../../bench/synthetic-issuer.js';

const shape = historyShape(0.005, 7); // 100 issuers
const batches: SyntheticBatch[] = [...historyBatches(shape)];

describe('the synthetic history of the benchmark', () => {
  it('passes the ledger schema, event by event', () => {
    for (const batch of batches)
      for (const event of batch.events) expect(() => validateEvent(event, event.id)).not.toThrow();
  });

  it('gives each issuer a chain of 1 to 15 filings, 0 first, by 1 to 8 reporting persons', () => {
    const chains = new Map<string, number[]>();
    for (const { stream, events } of batches) {
      for (const { type, data } of events) {
        if (type !== 'StatementFiled') continue;
        const filed = data as { amendmentNumber: number; coverPages: unknown[]; issuer: { cusip: string } };
        expect(isValidCusip(filed.issuer.cusip)).toBe(true);
        expect(filed.coverPages.length).toBeGreaterThanOrEqual(1);
        expect(filed.coverPages.length).toBeLessThanOrEqual(8);
        chains.set(stream, [...(chains.get(stream) ?? []), filed.amendmentNumber]);
      }
    }
    expect(chains.size).toBe(shape.issuers);
    for (const numbers of chains.values()) {
      expect(numbers.length).toBeGreaterThanOrEqual(1);
      expect(numbers.length).toBeLessThanOrEqual(15);
      expect(numbers).toEqual(numbers.map((_, i) => i));
    }
  });

  it('holds trades, group changes and a few corrections beside the filings', () => {
    const types = new Set(batches.flatMap((batch) => batch.events.map((event) => event.type)));
    for (const type of ['SharesPurchased', 'SharesSold', 'GroupMemberJoined', 'GroupMemberLeft', 'EventCorrected'])
      expect(types).toContain(type);
  });

  it('appends each batch at the revision its stream has reached, in filing-date order within a cohort', () => {
    const counts = new Map<string, number>();
    for (const batch of batches) {
      expect(batch.eventsBefore).toBe(counts.get(batch.stream) ?? 0);
      counts.set(batch.stream, batch.eventsBefore + batch.events.length);
    }
    const dates = batches.map((batch) => batch.filedOn);
    expect(dates).toEqual([...dates].sort());
  });

  it('gives every event an id of its own', () => {
    const ids = batches.flatMap((batch) => batch.events.map((event) => event.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is the same for the same seed, and another for another', () => {
    const ids = (seed: number) =>
      [...historyBatches(historyShape(0.001, seed))].flatMap((batch) => batch.events.map((event) => event.id));
    expect(ids(7)).toEqual(ids(7));
    expect(ids(8)).not.toEqual(ids(7));
  });
});
