/**
 * Cover pages folded across a chain of filings. A 13D/A in EDGAR XML may
 * restate only some rows of a cover page; an absent row means "not restated;
 * unchanged" (never zero), so a partial page overwrites only the rows it states
 * on the same person's page from the previous filings. Pure; inputs untouched.
 *
 * `coverPagesFold` runs over a chain in amendment order (as the statement fold,
 * statements.ts), keeping with each page the filing that last stated it.
 */
import type { CoverPage, EventData, PartialCoverPage } from '../../src/domain/index.js';
import type { Fold } from '../timeline/fold.js';
import type { FiledFact } from './statements.js';

type Filed = Pick<EventData<'StatementFiled'>, 'coverPages' | 'partialCoverPages'>;

export interface FoldedCoverPages {
  coverPages: CoverPage[];
  /** Partial pages of persons with no earlier full page: their absent rows are not known at all. */
  unmatchedPartial: PartialCoverPage[];
}

/**
 * A filing's full pages replace the earlier ones (each amendment restates its cover pages);
 * a filing with only partial pages keeps the earlier pages and overwrites the rows it states.
 */
export function foldCoverPages(previous: readonly CoverPage[], filed: Filed): FoldedCoverPages {
  const base = filed.coverPages.length > 0 ? filed.coverPages : previous;
  const pages = new Map(base.map((page) => [page.personId, page]));
  // Earlier pages of persons a partial page names, even when this filing also has full pages for others.
  for (const page of previous)
    if (!pages.has(page.personId) && filed.partialCoverPages.some((p) => p.personId === page.personId))
      pages.set(page.personId, page);
  const unmatchedPartial: PartialCoverPage[] = [];
  for (const partial of filed.partialCoverPages) {
    const earlier = pages.get(partial.personId);
    if (earlier === undefined) unmatchedPartial.push(partial);
    else pages.set(partial.personId, applyPartialCoverPage(earlier, partial));
  }
  return { coverPages: [...pages.values()], unmatchedPartial };
}

/** The rows a partial page states replace the earlier ones; absent rows stay as they were. */
export function applyPartialCoverPage(earlier: CoverPage, partial: PartialCoverPage): CoverPage {
  const stated = Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined));
  return { ...earlier, ...stated } as CoverPage;
}

/** A cover page with only the rows it states: rows left blank (null) and rows not restated (absent) both left out. */
export type StatedRows = { [K in keyof PartialCoverPage]?: Exclude<PartialCoverPage[K], null> } & Pick<
  PartialCoverPage,
  'personId' | 'name'
>;

export function statedRows(page: CoverPage | PartialCoverPage): StatedRows {
  return Object.fromEntries(
    Object.entries(page).filter(([, value]) => value !== null && value !== undefined),
  ) as StatedRows;
}

/** Every person a filing names on a cover page, full or partial. */
export function coverPersonIds(filed: Filed): string[] {
  return [...filed.coverPages, ...filed.partialCoverPages].map((page) => page.personId);
}

export interface CoverPagesState {
  pages: readonly CoverPage[];
  /** person -> the filing that last stated the person's page (in full or in part). */
  statedBy: ReadonlyMap<string, FiledFact>;
}

export const coverPagesFold: Fold<CoverPagesState> = {
  name: 'cover pages (amendment chain)',
  initialState: () => ({ pages: [], statedBy: new Map() }),
  evolve: (state, fact) => {
    if (fact.event.type !== 'StatementFiled') return state;
    const d = fact.event.data;
    // Full pages replace every earlier page, and with them who stated each.
    const statedBy = new Map(d.coverPages.length > 0 ? [] : state.statedBy);
    for (const personId of coverPersonIds(d)) statedBy.set(personId, fact as FiledFact);
    return { pages: foldCoverPages(state.pages, d).coverPages, statedBy };
  },
};
