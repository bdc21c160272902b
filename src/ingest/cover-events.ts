/**
 * Parsed cover pages into the StatementFiled event's pages. A page that states
 * every row becomes a full CoverPage; a page that leaves rows out (an EDGAR XML
 * 13D/A, where an absent field means "unchanged", never zero) becomes a
 * partial page carrying only the rows it states. Footnotes keep the rows their
 * markers are printed on, so reconcile can check each against its row.
 */
import type { CoverPage as CoverPageEvent, PartialCoverPage } from '../domain/index.js';
import type { CoverPage } from './parsed-filing.js';

/** Rows 7-11 and 13: without them a page is not a full statement of the person's ownership. */
const FIGURES = ['soleVotingPower', 'sharedVotingPower', 'soleDispositivePower', 'sharedDispositivePower', 'aggregate', 'percentOfClass'] as const;

export interface CoverPagesForEvent {
  coverPages: CoverPageEvent[];
  partialCoverPages: PartialCoverPage[];
  /** One line per partial page: whose, and which rows it leaves unchanged. */
  partialNotes: string[];
}

export function coverPagesForEvent(covers: readonly CoverPage[], personIdOf: (name: string) => string): CoverPagesForEvent {
  const result: CoverPagesForEvent = { coverPages: [], partialCoverPages: [], partialNotes: [] };
  for (const cover of covers) {
    const footnotes = cover.footnotes.map((f) => {
      const rows = Object.entries(cover.rowFootnotes).filter(([, markers]) => markers.includes(f.marker)).map(([row]) => Number(row));
      return rows.length > 0 ? { ...f, rows } : { ...f };
    });
    const missing = FIGURES.filter((field) => cover[field] === undefined);
    if (missing.length === 0) {
      result.coverPages.push({
        personId: personIdOf(cover.name), name: cover.name, memberOfGroup: cover.memberOfGroup ?? { a: false, b: false }, sourceOfFunds: cover.sourceOfFunds ?? [],
        legalProceedings: cover.legalProceedings ?? false, citizenshipOrPlace: cover.citizenship ?? '', soleVotingPower: cover.soleVotingPower!, sharedVotingPower: cover.sharedVotingPower!,
        soleDispositivePower: cover.soleDispositivePower!, sharedDispositivePower: cover.sharedDispositivePower!, aggregate: cover.aggregate!, excludesCertainShares: cover.excludesCertainShares ?? false,
        percentOfClass: cover.percentOfClass!, typeOfReportingPerson: cover.typeOfReportingPerson ?? [], footnotes,
      });
      continue;
    }
    // Only what the page states: an absent row is left out of the event, never defaulted.
    const partial: PartialCoverPage = { personId: personIdOf(cover.name), name: cover.name };
    if (cover.memberOfGroup !== undefined) partial.memberOfGroup = cover.memberOfGroup;
    if (cover.sourceOfFunds !== undefined) partial.sourceOfFunds = cover.sourceOfFunds;
    if (cover.legalProceedings !== undefined) partial.legalProceedings = cover.legalProceedings;
    if (cover.citizenship !== undefined) partial.citizenshipOrPlace = cover.citizenship;
    for (const field of FIGURES) if (cover[field] !== undefined) (partial as Record<string, unknown>)[field] = cover[field];
    if (cover.excludesCertainShares !== undefined) partial.excludesCertainShares = cover.excludesCertainShares;
    if (cover.typeOfReportingPerson !== undefined) partial.typeOfReportingPerson = cover.typeOfReportingPerson;
    if (footnotes.length > 0) partial.footnotes = footnotes;
    result.partialCoverPages.push(partial);
    result.partialNotes.push(`${cover.name}: ${missing.join(', ')} not restated (unchanged)`);
  }
  return result;
}
