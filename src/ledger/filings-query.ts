/** filings: an issuer's Schedule 13D chain as the ledger knows it, with each filing's lag against its deadline. */
import { selectFacts } from '../../projections/index.js';
import {
  compareInChain,
  filingLabel,
  filingLag,
  parseInstant,
  parseIsoDate,
  type FilingLag,
  type UnreadableEvent,
} from '../domain/index.js';
import type { EventStore } from '../store/event-store.js';
import { issuerName, readKnownIssuer, type IssuerHeader } from './issuer-events.js';

export interface FilingSummary {
  eventId: string;
  /** "Original Schedule 13D", "Amendment No. 8". */
  filing: string;
  amendmentNumber: number | null;
  accessionNumber: string | null;
  filedOn: string;
  /** Where filedOn was read (null when not said: the bundled sample). */
  filedOnFrom: string | null;
  eventDate: string | null;
  /** False when the ledger knows only that it was filed (a later filing's preamble names it). */
  contentsKnown: boolean;
  reportingPersons: string[];
  /** Against the deadline in force on the event date; null without an event date. */
  lag: FilingLag | null;
  readingDoubts: number;
}

export interface FilingsReport {
  issuer: IssuerHeader;
  filedBy: string | null;
  recordedBy: string | null;
  filings: FilingSummary[];
  unreadableEvents: UnreadableEvent[];
}

export async function queryFilings(
  store: EventStore,
  input: { issuer: string; filedBy?: string | undefined; recordedBy?: string | undefined },
): Promise<FilingsReport> {
  const filedBy = input.filedBy === undefined ? null : parseIsoDate(input.filedBy, '--filed-by');
  const recordedBy = input.recordedBy === undefined ? null : parseInstant(input.recordedBy, '--recorded-by');
  const { cusip, envelopes, unreadable } = await readKnownIssuer(store, input.issuer);
  const statements = selectFacts(envelopes, { filedBy, recordedBy }).flatMap((fact) =>
    fact.event.type === 'StatementFiled' ? [{ id: fact.id, data: fact.event.data }] : [],
  );
  statements.sort((a, b) => compareInChain(a.data, b.data) || a.data.filedOn.localeCompare(b.data.filedOn));
  return {
    issuer: { cusip, name: issuerName(envelopes) },
    filedBy,
    recordedBy,
    filings: statements.map(({ id, data }) => ({
      eventId: id,
      filing: filingLabel(data.amendmentNumber),
      amendmentNumber: data.amendmentNumber,
      accessionNumber: data.accessionNumber,
      filedOn: data.filedOn,
      filedOnFrom: data.filedOnFrom,
      eventDate: data.eventDate,
      contentsKnown: data.contentsKnown,
      reportingPersons: [...data.coverPages, ...data.partialCoverPages].map((page) => page.personId),
      lag: data.eventDate === null ? null : filingLag(data.eventDate, data.filedOn, data.amendmentNumber !== 0),
      readingDoubts: data.readingDoubts.length,
    })),
    unreadableEvents: unreadable,
  };
}
