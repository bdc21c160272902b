/**
 * The StatementFiled events of one filing: its own (contents known), and one
 * per earlier filing its preamble names (contents unknown, as the bundled
 * sample records them). An earlier filing's id derives from the issuer, its
 * amendment number and filing date, so every amendment that names it gives the
 * same event, and ingest skips it when the store already knows that filing
 * (datedFilingKeyOf) from any source.
 */
import {
  datedFilingKeyOf,
  parseAccessionNumber,
  parseCik,
  filingLabel,
  stableUuid,
  type Cusip,
  type DomainEvent,
  type EventData,
  type Source,
} from '../domain/index.js';
import { coverPagesForEvent } from './cover-events.js';
import { matchCover } from './items.js';
import type { ParsedFiling } from './parsed-filing.js';

type Filed = EventData<'StatementFiled'>;
export type SourceOf = (item: string, quote: string) => { disclosedOn: string; source: Source };

/** Where the filing date comes from: FILED AS OF DATE when a submission header is at hand, else the signature date. */
export function filingDateOf(filing: ParsedFiling): {
  filedOn?: string;
  from: 'submission-header' | 'signature-date';
  note?: string;
} {
  if (filing.filingDate) return { filedOn: filing.filingDate, from: 'submission-header' };
  return {
    filedOn: filing.signatureDate,
    from: 'signature-date',
    note: `filing date ${filing.signatureDate ?? '?'} taken from the signature date: no submission header (FILED AS OF DATE) at hand`,
  };
}

export function statementEvent(
  filing: ParsedFiling,
  cusip: Cusip | null,
  filedOn: string,
  source: SourceOf,
  personIdOf: (name: string) => string,
) {
  // An XML 13D/A leaves out rows it does not restate; a printed cover page, or an original (which has nothing
  // to leave unchanged), leaves a row blank.
  const restates = filing.format === 'edgar-xml' && filing.amendmentNo !== 0;
  const covers = coverPagesForEvent(filing.coverPages, personIdOf, restates ? 'unchanged' : 'blank');
  const notice = filing.noticeContact;
  const careOf = notice?.careOfName ? matchCover(notice.careOfName, filing.coverPages, filing.identities) : undefined;
  const data: Filed = {
    effectiveDate: filing.eventDate ?? filedOn,
    effectiveDatePrecision: 'exact',
    ...source('cover', filing.amendmentNo === null ? filingLabel(null) : `Amendment No. ${filing.amendmentNo}`),
    issuer: issuerOf(filing, cusip),
    classTitle: filing.classTitle ?? 'Common Stock',
    amendmentNumber: filing.amendmentNo,
    accessionNumber: filing.accessionNumber ? parseAccessionNumber(filing.accessionNumber) : null,
    previousAccessionNumber: filing.previousAccessionNumber
      ? parseAccessionNumber(filing.previousAccessionNumber)
      : null,
    eventDate: filing.eventDate ?? null,
    filedOn,
    filedOnFrom: filingDateOf(filing).from,
    contentsKnown: true,
    items: Object.keys(filing.items)
      .filter((k) => /^[1-7]$/.test(k))
      .map((item) => ({ item, change: filing.restatedItems.includes(item) ? 'restated' : 'amended', summary: null })),
    coverPages: covers.coverPages,
    partialCoverPages: covers.partialCoverPages,
    // Cover: "(Name, Address and Telephone Number of Person Authorized to Receive Notices and Communications)".
    noticeContact: notice
      ? {
          name: notice.name,
          address: notice.address,
          careOf: careOf ? personIdOf(careOf.name) : null,
          phone: notice.phone ?? null,
        }
      : null,
    // Item 2(b): principal business addresses.
    businessAddresses: filing.identities
      .filter((i) => i.coverName && i.address)
      .map((i) => ({ personId: personIdOf(i.coverName!), address: i.address!, careOf: null })),
    readingDoubts: filing.doubts.map((d) => ({
      personId: d.person === undefined ? null : personIdOf(d.person),
      row: d.row,
      read: d.read,
      reason: d.reason,
      place: d.place,
    })),
  };
  return { event: { type: 'StatementFiled', data } satisfies DomainEvent, partialNotes: covers.partialNotes };
}

/** The subject company as the filing names it: name (else the CUSIP or CIK), CUSIP as printed, CIK. */
function issuerOf(filing: ParsedFiling, cusip: Cusip | null): Filed['issuer'] {
  const cik = filing.issuer.cik ? parseCik(filing.issuer.cik) : null;
  return { name: filing.issuer.name ?? cusip ?? `CIK ${cik}`, cusip, cik };
}

/** Earlier filings the preamble names, known only by date; `issuerKey` names the ids as every naming filing does. */
export function earlierStatementEvents(filing: ParsedFiling, issuerKey: string, cusip: Cusip | null, source: SourceOf) {
  return (filing.earlierFilings ?? []).map((earlier) => {
    const data: Filed = {
      effectiveDate: earlier.filedOn,
      effectiveDatePrecision: 'exact',
      ...source('preamble', earlier.quote),
      disclosedOn: earlier.filedOn,
      issuer: issuerOf(filing, cusip),
      classTitle: filing.classTitle ?? 'Common Stock',
      amendmentNumber: earlier.amendmentNo,
      accessionNumber: null,
      previousAccessionNumber: null,
      eventDate: null,
      filedOn: earlier.filedOn,
      filedOnFrom: 'preamble',
      contentsKnown: false,
      items: [],
      coverPages: [],
      partialCoverPages: [],
      noticeContact: null,
      businessAddresses: [],
      readingDoubts: [],
    };
    // The id names the CUSIP as the naming filing printed it (the form ids have always had).
    const id = stableUuid(`statement-known-by-date/${issuerKey}|${datedFilingKeyOf(data)}`);
    return { id, type: 'StatementFiled' as const, data };
  });
}
