/** timeline: each reporting person's ownership of an issuer over time, with filings, transactions and crossings. */
import { selectFacts } from '../../projections/index.js';
import { parseInstant, parseIsoDate, type UnreadableEvent } from '../domain/index.js';
import type { EventStore } from '../store/event-store.js';
import { issuerName, readKnownIssuer, type IssuerHeader } from './issuer-events.js';
import { timelineOf, type Timeline } from './timeline.js';

export interface TimelineReport extends Timeline {
  issuer: IssuerHeader;
  filedBy: string | null;
  recordedBy: string | null;
  unreadableEvents: UnreadableEvent[];
}

export async function queryTimeline(
  store: EventStore,
  input: { issuer: string; filedBy?: string | undefined; recordedBy?: string | undefined },
): Promise<TimelineReport> {
  const filedBy = input.filedBy === undefined ? null : parseIsoDate(input.filedBy, '--filed-by');
  const recordedBy = input.recordedBy === undefined ? null : parseInstant(input.recordedBy, '--recorded-by');
  const { cusip, envelopes, unreadable } = await readKnownIssuer(store, input.issuer);
  return {
    issuer: { cusip, name: issuerName(envelopes) },
    filedBy,
    recordedBy,
    ...timelineOf(selectFacts(envelopes, { filedBy, recordedBy })),
    unreadableEvents: unreadable,
  };
}
