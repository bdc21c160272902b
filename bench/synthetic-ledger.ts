/**
 * The benchmark's history: by default 20,000 issuers with about 200,000 filings and 2 million events (`scale`
 * shrinks it). The log interleaves issuers as EDGAR does: issuers are generated in cohorts, and a cohort's
 * filings are appended in filing-date order, so a replay meets every issuer's events spread over the log.
 */
import { syntheticIssuer, type IssuerSummary, type SyntheticBatch } from './synthetic-issuer.js';

export const DEFAULT_ISSUERS = 20_000;
/** Issuers whose filings are interleaved by date: bounds the memory a generator holds at a time. */
const COHORT = 500;

export interface HistoryShape {
  seed: number;
  issuers: number;
}

export function historyShape(scale: number, seed: number): HistoryShape {
  return { seed, issuers: Math.max(1, Math.round(DEFAULT_ISSUERS * scale)) };
}

/** Every batch of the history in log order; `onIssuer` hears each issuer's summary once. */
export function* historyBatches(
  shape: HistoryShape,
  onIssuer: (summary: IssuerSummary) => void = () => {},
): Generator<SyntheticBatch> {
  for (let first = 0; first < shape.issuers; first += COHORT) {
    const cohort: SyntheticBatch[] = [];
    for (let issuer = first; issuer < Math.min(shape.issuers, first + COHORT); issuer++) {
      const { batches, summary } = syntheticIssuer(shape.seed, issuer);
      onIssuer(summary);
      cohort.push(...batches);
    }
    // Stable: an issuer's own batches keep their order (a correction after its filing).
    cohort.sort((a, b) => (a.filedOn < b.filedOn ? -1 : a.filedOn > b.filedOn ? 1 : 0));
    yield* cohort;
  }
}

/** The first batches of the history holding at least `events` events (the peer's share of the work). */
export function leadingBatches(shape: HistoryShape, events: number): SyntheticBatch[] {
  const taken: SyntheticBatch[] = [];
  let count = 0;
  for (const batch of historyBatches(shape)) {
    if (count >= events) break;
    taken.push(batch);
    count += batch.events.length;
  }
  return taken;
}
