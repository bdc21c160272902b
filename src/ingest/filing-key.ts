/**
 * The identity of a filing whatever the format it arrives in: the same
 * Amendment No. 8 as text, as HTML or inside a full submission must be one
 * filing, yet only the submission carries an accession number and each format
 * has different bytes. So the key is what every format states on its cover:
 * issuer CUSIP + the sorted reporting-person ids + the amendment number.
 *
 * Why the persons: several filer groups can each file a Schedule 13D on the
 * same issuer and class (Rule 13d-1(a) binds each beneficial owner), and each
 * group numbers its own amendments, so "Amendment No. 1 on 09175M507" alone
 * could be two different filings.
 */
import type { EventData } from '../domain/index.js';

type Filed = Pick<EventData<'StatementFiled'>, 'issuer' | 'amendmentNumber' | 'coverPages' | 'partialCoverPages' | 'contentsKnown'>;

/** Null for a statement the ledger knows only by date (no persons to tell filer groups apart). */
export function filingKeyOf(filed: Filed): string | null {
  if (!filed.contentsKnown) return null;
  const persons = [...new Set([...filed.coverPages, ...(filed.partialCoverPages ?? [])].map((page) => page.personId))].sort();
  if (persons.length === 0) return null;
  return `${filed.issuer.cusip}|${persons.join(',')}|${filed.amendmentNumber}`;
}
