/** Holdings of an issuer's reporting persons at a date: the shape the CLI prints and HTTP will serve. */
import { holdingsFromEnvelopes, type Holder } from '../../projections/holdings.js';
import type { EventStore } from '../store/event-store.js';
import { parseClocks, type ClockInput } from './clocks.js';
import { issuerName, readKnownIssuer } from './issuer-events.js';

/** JSON contract: field names are read by programs outside the project; add, never rename. */
export interface HoldingsReport {
  issuer: { cusip: string; name: string | null };
  asOf: string;
  filedBy: string | null;
  recordedBy: string | null;
  sharesOutstanding: { value: number; asOf: string; source: string; basis: string } | null;
  holders: Holder[];
}

export async function queryHoldings(store: EventStore, input: ClockInput & { issuer: string }): Promise<HoldingsReport> {
  const clocks = parseClocks(input);
  const { cusip, envelopes } = await readKnownIssuer(store, input.issuer);
  const view = holdingsFromEnvelopes(envelopes, clocks);
  return {
    issuer: { cusip, name: issuerName(envelopes) },
    asOf: view.asOf,
    filedBy: clocks.filedBy ?? null,
    recordedBy: clocks.recordedBy ?? null,
    sharesOutstanding: view.sharesOutstanding,
    holders: view.holders,
  };
}
