/**
 * Parsed cover pages into the StatementFiled event's pages. A page that states
 * every row becomes a full CoverPage; a page that leaves rows out (an EDGAR XML
 * 13D/A, where an absent field means "unchanged", never zero) becomes a
 * partial page carrying only the rows it states. On a text or HTML cover page
 * every row is printed: a row left blank (or that could not be read) is null
 * on a full page, never zero and never "unchanged". Footnotes keep the rows their
 * markers are printed on, so reconcile can check each against its row.
 */
import type { CoverPage as CoverPageEvent, PartialCoverPage } from '../domain/index.js';
import type { CoverPage } from './parsed-filing.js';

/** Rows 7-11 and 13: without them a page is not a full statement of the person's ownership. */
const FIGURES = [
  'soleVotingPower',
  'sharedVotingPower',
  'soleDispositivePower',
  'sharedDispositivePower',
  'aggregate',
  'percentOfClass',
] as const;

export interface CoverPagesForEvent {
  coverPages: CoverPageEvent[];
  partialCoverPages: PartialCoverPage[];
  /** One line per partial page: whose, and which rows it leaves unchanged. */
  partialNotes: string[];
}

/** What a row absent from a parsed page means: not restated (XML 13D/A), or left blank on the printed page. */
export type AbsentRows = 'unchanged' | 'blank';

export function coverPagesForEvent(
  covers: readonly CoverPage[],
  personIdOf: (name: string) => string,
  absentRows: AbsentRows,
): CoverPagesForEvent {
  const result: CoverPagesForEvent = { coverPages: [], partialCoverPages: [], partialNotes: [] };
  for (const cover of covers) {
    const footnotes = cover.footnotes.map((f) => {
      const rows = Object.entries(cover.rowFootnotes)
        .filter(([, markers]) => markers.includes(f.marker))
        .map(([row]) => Number(row));
      return { ...f, rows: rows.length > 0 ? rows : null };
    });
    const missing = FIGURES.filter((field) => cover[field] === undefined);
    if (missing.length === 0 || absentRows === 'blank') {
      result.coverPages.push({
        personId: personIdOf(cover.name),
        name: cover.name,
        memberOfGroup: cover.memberOfGroup ?? { a: false, b: false },
        sourceOfFunds: cover.sourceOfFunds ?? [],
        legalProceedings: cover.legalProceedings ?? false,
        citizenshipOrPlace: cover.citizenship ?? '',
        soleVotingPower: cover.soleVotingPower ?? null,
        sharedVotingPower: cover.sharedVotingPower ?? null,
        soleDispositivePower: cover.soleDispositivePower ?? null,
        sharedDispositivePower: cover.sharedDispositivePower ?? null,
        aggregate: cover.aggregate ?? null,
        excludesCertainShares: cover.excludesCertainShares ?? false,
        percentOfClass: cover.percentOfClass ?? null,
        typeOfReportingPerson: cover.typeOfReportingPerson ?? [],
        footnotes,
      });
      continue;
    }
    // Only what the page states: an absent row is left out of the event, never defaulted.
    const partial: PartialCoverPage = { personId: personIdOf(cover.name), name: cover.name };
    if (cover.memberOfGroup !== undefined) partial.memberOfGroup = cover.memberOfGroup;
    if (cover.sourceOfFunds !== undefined) partial.sourceOfFunds = cover.sourceOfFunds;
    if (cover.legalProceedings !== undefined) partial.legalProceedings = cover.legalProceedings;
    if (cover.citizenship !== undefined) partial.citizenshipOrPlace = cover.citizenship;
    for (const field of FIGURES)
      if (cover[field] !== undefined) (partial as Record<string, unknown>)[field] = cover[field];
    if (cover.excludesCertainShares !== undefined) partial.excludesCertainShares = cover.excludesCertainShares;
    if (cover.typeOfReportingPerson !== undefined) partial.typeOfReportingPerson = cover.typeOfReportingPerson;
    if (footnotes.length > 0) partial.footnotes = footnotes;
    result.partialCoverPages.push(partial);
    result.partialNotes.push(`${cover.name}: ${missing.join(', ')} not restated (unchanged)`);
  }
  return result;
}
