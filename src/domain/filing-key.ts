/**
 * The identity of a filing whatever the format or source it arrives from: the
 * same Amendment No. 8 as text, as HTML, inside a full submission or in the
 * bundled sample must be one filing, yet only a submission carries an
 * accession number and each source has different bytes and event ids.
 *
 * - A filing whose contents are known is keyed by what every format states on
 *   its cover: issuer CUSIP + the sorted reporting-person ids + the amendment
 *   number. Why the persons: several filer groups can each file a Schedule 13D
 *   on the same issuer and class (Rule 13d-1(a) binds each beneficial owner),
 *   and each group numbers its own amendments.
 * - A filing known only by date (a later amendment's preamble names it, its
 *   text is not at hand) is keyed by issuer CUSIP + amendment number + filing
 *   date: all the ledger knows of it. The same key matches the real text when
 *   it arrives, so that text fills it in.
 */
import type { EventData } from './events.js';

type Filed = Pick<EventData<'StatementFiled'>, 'issuer' | 'amendmentNumber' | 'filedOn' | 'coverPages' | 'partialCoverPages' | 'contentsKnown'>;

/** Null for a statement the ledger knows only by date (no persons to tell filer groups apart). */
export function filingKeyOf(filed: Omit<Filed, 'filedOn'>): string | null {
  if (!filed.contentsKnown) return null;
  const persons = [...new Set([...filed.coverPages, ...(filed.partialCoverPages ?? [])].map((page) => page.personId))].sort();
  if (persons.length === 0) return null;
  return `${filed.issuer.cusip}|${persons.join(',')}|${filed.amendmentNumber}`;
}

/** CUSIP | #amendment number | filing date: what a preamble says of an earlier filing, known or not. */
export function datedFilingKeyOf(filed: Pick<Filed, 'issuer' | 'amendmentNumber' | 'filedOn'>): string {
  return `${filed.issuer.cusip}|#${filed.amendmentNumber}|${filed.filedOn}`;
}

/** "Original Schedule 13D" or "Amendment No. N", for messages. */
export function filingLabel(amendmentNumber: number): string {
  return amendmentNumber === 0 ? 'Original Schedule 13D' : `Amendment No. ${amendmentNumber}`;
}
