/**
 * The statement fold: the Schedule 13D as the original folded with each amendment.
 * It runs over a chain of filings in amendment order (`inChainOrder`), not over a
 * prefix of the timeline: an amendment's place is its number, and a statement "as of"
 * a date holds the filings *filed* by then, while the timeline orders facts by their
 * effective (event) date. Its state is never mutated: evolve returns a new one.
 */
import {
  compareInChain,
  datedFilingKeyOf,
  filingLabel,
  type EventData,
  type FactEvent,
} from '../../src/domain/index.js';
import type { Fact } from '../timeline/facts.js';
import type { Fold } from '../timeline/fold.js';
import { foldCoverPages } from './cover-pages.js';

type Filed = EventData<'StatementFiled'>;
export type FiledFact = Fact<Extract<FactEvent, { type: 'StatementFiled' }>>;

export interface FilingEntry {
  amendmentNumber: number | null;
  label: string;
  filedOn: Filed['filedOn'];
  eventDate: Filed['eventDate'];
  contentsKnown: boolean;
  itemsChanged: string[];
  factId: string;
}

export interface ItemState {
  item: string;
  lastChangedBy: string | null;
  change: string | null;
  summary: string | null;
  possiblyChangedByUnknownFilings: string[];
}

export interface StatementState {
  issuer: Filed['issuer'] | null;
  classTitle: string | null;
  filings: readonly FilingEntry[];
  /** Items 1-7 first, then any other item a filing names, in the order first named. */
  items: ReadonlyMap<string, ItemState>;
  coverPages: readonly Filed['coverPages'][number][];
  coverPagesWithoutBase: readonly Filed['partialCoverPages'][number][];
  coverPagesFrom: string | null;
  noticeContact: Filed['noticeContact'];
  businessAddresses: Filed['businessAddresses'];
}

const ITEMS = ['1', '2', '3', '4', '5', '6', '7'];

const emptyItem = (item: string): ItemState => ({
  item,
  lastChangedBy: null,
  change: null,
  summary: null,
  possiblyChangedByUnknownFilings: [],
});

export const statementFold: Fold<StatementState> = {
  name: 'statement (amendment chain)',
  initialState: () => ({
    issuer: null,
    classTitle: null,
    filings: [],
    items: new Map(ITEMS.map((item) => [item, emptyItem(item)])),
    coverPages: [],
    coverPagesWithoutBase: [],
    coverPagesFrom: null,
    noticeContact: null,
    businessAddresses: [],
  }),
  evolve: (state, fact) => (fact.event.type === 'StatementFiled' ? applyFiling(state, fact as FiledFact) : state),
};

/**
 * The statements to fold: a filing first known only by date (a later preamble named it)
 * and later ingested with its text is one filing, so the known twin replaces the unknown.
 */
export function knownOverUnknown<F extends Fact>(facts: readonly F[]): F[] {
  const known = new Set<string>();
  for (const fact of facts) {
    if (fact.event.type === 'StatementFiled' && fact.event.data.contentsKnown)
      known.add(datedFilingKeyOf(fact.event.data));
  }
  return facts.filter(
    (fact) =>
      fact.event.type !== 'StatementFiled' ||
      fact.event.data.contentsKnown ||
      !known.has(datedFilingKeyOf(fact.event.data)),
  );
}

/** The statements to fold, in amendment order (a copy: the input is left as it was). */
export function inChainOrder(statements: readonly FiledFact[]): FiledFact[] {
  return [...statements].sort((a, b) => compareInChain(a.event.data, b.event.data));
}

function applyFiling(state: StatementState, fact: FiledFact): StatementState {
  const d = fact.event.data;
  const name = filingLabel(d.amendmentNumber);
  const filing: FilingEntry = {
    amendmentNumber: d.amendmentNumber,
    label: name,
    filedOn: d.filedOn,
    eventDate: d.eventDate,
    contentsKnown: d.contentsKnown,
    itemsChanged: d.items.map((i) => i.item),
    factId: fact.id,
  };
  const filed = { ...state, issuer: d.issuer, classTitle: d.classTitle, filings: [...state.filings, filing] };
  if (!d.contentsKnown) {
    // Not at hand: it may have changed any item, and the ledger says so rather than guess.
    const items = new Map<string, ItemState>();
    for (const [key, entry] of state.items) {
      items.set(key, { ...entry, possiblyChangedByUnknownFilings: [...entry.possiblyChangedByUnknownFilings, name] });
    }
    return { ...filed, items };
  }
  // An XML 13D/A may restate only some cover rows: absent rows are unchanged, never zero.
  const covers = foldCoverPages(state.coverPages, d);
  return {
    ...filed,
    items: changedItems(state.items, d.items, name),
    coverPages: covers.coverPages,
    coverPagesWithoutBase: covers.unmatchedPartial,
    coverPagesFrom: name,
    // A filing that states no notice block or Item 2(b) addresses leaves the earlier ones standing.
    noticeContact: d.noticeContact ?? state.noticeContact,
    businessAddresses: d.businessAddresses.length > 0 ? d.businessAddresses : state.businessAddresses,
  };
}

function changedItems(
  items: ReadonlyMap<string, ItemState>,
  changes: Filed['items'],
  name: string,
): Map<string, ItemState> {
  const result = new Map(items);
  for (const change of changes) {
    const entry = result.get(change.item) ?? emptyItem(change.item);
    result.set(change.item, {
      ...entry,
      // A restatement replaces the item in its entirety; earlier unknown changes no longer matter.
      possiblyChangedByUnknownFilings: change.change === 'restated' ? [] : entry.possiblyChangedByUnknownFilings,
      lastChangedBy: name,
      change: change.change,
      summary: change.summary,
    });
  }
  return result;
}
