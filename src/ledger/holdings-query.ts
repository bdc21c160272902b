/** Holdings of an issuer's reporting persons at a date: the shape the CLI prints and HTTP will serve. */
import {
  holdingsFromEnvelopes,
  type Holder,
  type ShareBasis,
  type ShareBasisAdjustment,
} from '../../projections/index.js';
import type { UnreadableEvent } from '../domain/index.js';
import type { EventStore } from '../store/event-store.js';
import { parseClocks, parseShareBasis, type ClockInput } from './clocks.js';
import { issuerName, readKnownIssuer } from './issuer-events.js';

/** JSON contract: field names are read by programs outside the project; add, never rename. */
export interface HoldingsReport {
  /** cusip: the CUSIP the latest filing prints (null for an issuer known only by its CIK). */
  issuer: { cusip: string | null; name: string | null };
  asOf: string;
  filedBy: string | null;
  recordedBy: string | null;
  /** 'as-reported' (the share basis in force at asOf) or 'adjusted' (the basis after the latest split known). */
  shareBasis: ShareBasis;
  /** For adjusted: the factor applied to counts and the splits it includes; null otherwise. */
  shareBasisAdjustment: ShareBasisAdjustment | null;
  shareBasisNote: string;
  sharesOutstanding: { value: number; asOf: string; source: string; basis: string } | null;
  holders: Holder[];
  /** Notes on the whole view: stale shares outstanding, control known only from a later date. */
  notes: string[];
  /** Events left out because they fail their schema (written by another program); retract them to clear this. */
  unreadableEvents: UnreadableEvent[];
}

export async function queryHoldings(
  store: EventStore,
  input: ClockInput & { issuer: string; shareBasis?: string | undefined },
): Promise<HoldingsReport> {
  const clocks = parseClocks(input);
  const shareBasis = parseShareBasis(input.shareBasis);
  const { cusip, envelopes, unreadable } = await readKnownIssuer(store, input.issuer);
  const view = holdingsFromEnvelopes(envelopes, clocks, { shareBasis });
  return {
    issuer: { cusip, name: issuerName(envelopes) },
    asOf: view.asOf,
    filedBy: clocks.filedBy ?? null,
    recordedBy: clocks.recordedBy ?? null,
    shareBasis: view.shareBasis,
    shareBasisAdjustment: view.shareBasisAdjustment,
    shareBasisNote: view.shareBasisNote,
    sharesOutstanding: view.sharesOutstanding,
    holders: view.holders,
    notes: view.notes,
    unreadableEvents: unreadable,
  };
}
