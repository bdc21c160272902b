/**
 * The identity of a filing within its issuer's stream, whatever the format or
 * source it arrives from: the same Amendment No. 8 as text, as HTML, inside a
 * full submission or in the bundled sample must be one filing, yet only a
 * submission carries an accession number and each source has different bytes
 * and event ids. The issuer is the stream (one issuer, whatever CUSIPs its
 * filings print), so the keys name no CUSIP.
 *
 * - A filing whose contents are known is keyed by what every format states on
 *   its cover: the sorted reporting-person ids + the amendment number. Why the
 *   persons: several filer groups can each file a Schedule 13D on the same
 *   issuer and class (Rule 13d-1(a) binds each beneficial owner), and each
 *   group numbers its own amendments.
 * - A filing known only by date (a later amendment's preamble names it, its
 *   text is not at hand) is keyed by amendment number + filing date: all the
 *   ledger knows of it. The same key matches the real text when it arrives,
 *   so that text fills it in.
 */
import type { EventData } from './events.js';

type Filed = Pick<
  EventData<'StatementFiled'>,
  'amendmentNumber' | 'filedOn' | 'coverPages' | 'partialCoverPages' | 'contentsKnown'
>;

/**
 * Null for a statement the ledger knows only by date (no persons to tell filer groups apart). An amendment
 * that states no number is told apart from the others by its filing date.
 */
export function filingKeyOf(filed: Filed): string | null {
  if (!filed.contentsKnown) return null;
  const persons = [...new Set([...filed.coverPages, ...filed.partialCoverPages].map((page) => page.personId))].sort();
  if (persons.length === 0) return null;
  return `${persons.join(',')}|${filed.amendmentNumber ?? `unnumbered:${filed.filedOn}`}`;
}

/** #amendment number | filing date: what a preamble says of an earlier filing, known or not. */
export function datedFilingKeyOf(filed: Pick<Filed, 'amendmentNumber' | 'filedOn'>): string {
  return `#${filed.amendmentNumber}|${filed.filedOn}`;
}

/** "Original Schedule 13D", "Amendment No. N" or, for an amendment that states no number, "Amendment (no number)". */
export function filingLabel(amendmentNumber: number | null): string {
  if (amendmentNumber === null) return 'Amendment (no number)';
  return amendmentNumber === 0 ? 'Original Schedule 13D' : `Amendment No. ${amendmentNumber}`;
}

/**
 * The order of filings in a chain: by amendment number; an amendment that states no number takes its place
 * by filing date (after every filing filed on or before its date).
 */
export function compareInChain(
  a: { amendmentNumber: number | null; filedOn: string },
  b: { amendmentNumber: number | null; filedOn: string },
): number {
  if (a.amendmentNumber !== null && b.amendmentNumber !== null)
    return a.amendmentNumber - b.amendmentNumber || (a.filedOn < b.filedOn ? -1 : a.filedOn > b.filedOn ? 1 : 0);
  if (a.filedOn !== b.filedOn) return a.filedOn < b.filedOn ? -1 : 1;
  return a.amendmentNumber === null ? (b.amendmentNumber === null ? 0 : 1) : -1;
}
