/**
 * The Schedule 13D as of a date: the original folded with every amendment
 * filed by then (the statement fold, folds/statements.ts). Each item shows the
 * filing that last restated or amended it.
 */
import {
  compareInChain,
  filingLabel,
  type CoverPage,
  type EventData,
  type IsoDate,
  type PartialCoverPage,
} from '../../src/domain/index.js';
import type { Fact } from '../timeline/facts.js';
import { foldFacts } from '../timeline/fold.js';
import {
  inChainOrder,
  knownOverUnknown,
  statementFold,
  type FiledFact,
  type StatementState,
} from '../folds/statements.js';

type Filed = EventData<'StatementFiled'>;

export interface StatementView {
  asOf: IsoDate;
  issuer: Filed['issuer'] | null;
  classTitle: string | null;
  filings: {
    amendmentNumber: number | null;
    label: string;
    filedOn: IsoDate;
    eventDate: IsoDate | null;
    contentsKnown: boolean;
    itemsChanged: string[];
    factId: string;
  }[];
  /** Items 1-7: which filing last touched each, and how. Unknown filings may have touched any item. */
  items: {
    item: string;
    lastChangedBy: string | null;
    change: string | null;
    summary: string | null;
    possiblyChangedByUnknownFilings: string[];
  }[];
  /** Cover pages of the latest filing whose contents are known. */
  coverPages: CoverPage[];
  /** Partial cover pages (XML 13D/A) of persons with no earlier full page: their absent rows are unknown. */
  coverPagesWithoutBase: PartialCoverPage[];
  coverPagesFrom: string | null;
  noticeContact: Filed['noticeContact'];
  businessAddresses: Filed['businessAddresses'];
  /**
   * Filings of the chain the ledger does not have (a gap in the amendment numbers, a previous accession not recorded):
   * unknown, never zeros.
   */
  notes: string[];
}

/** "Original Schedule 13D" or "Amendment No. N": the domain's wording (filing-key.ts). */
export const label = filingLabel;

export { knownOverUnknown };

function statementsIn(facts: readonly Fact[]): FiledFact[] {
  return knownOverUnknown(facts.filter((f): f is FiledFact => f.event.type === 'StatementFiled'));
}

/** Statements filed on or before `asOf`, folded in amendment order. */
export function statementAt(facts: readonly Fact[], asOf: IsoDate): StatementView {
  return foldStatements(
    statementsIn(facts).filter((f) => f.event.data.filedOn <= asOf),
    asOf,
  );
}

/**
 * The original folded with Amendments 1..`amendmentNumber` (whatever their dates): the statement "through
 * Amendment N". Amendments that state no number count where their filing date places them.
 */
export function statementThrough(facts: readonly Fact[], amendmentNumber: number): StatementView {
  const all = statementsIn(facts);
  const through = all.filter((f) => f.event.data.amendmentNumber === amendmentNumber).at(-1)?.event.data ?? {
    amendmentNumber,
    filedOn: '9999-12-31',
  };
  const filed = all.filter((f) => compareInChain(f.event.data, through) <= 0);
  const last = filed.reduce<IsoDate>(
    (latest, f) => (f.event.data.filedOn > latest ? f.event.data.filedOn : latest),
    '0000-01-01',
  );
  return foldStatements(filed, last);
}

function foldStatements(statements: readonly FiledFact[], asOf: IsoDate): StatementView {
  const filed = inChainOrder(statements);
  return statementView(foldFacts(filed, statementFold), asOf, filed);
}

/** The view of the statement fold's state; `filed` is the chain it folded (for what the chain lacks). */
export function statementView(state: StatementState, asOf: IsoDate, filed: readonly FiledFact[]): StatementView {
  return {
    asOf,
    issuer: state.issuer,
    classTitle: state.classTitle,
    filings: state.filings.map((f) => ({ ...f, itemsChanged: [...f.itemsChanged] })),
    items: [...state.items.values()].map((i) => ({
      ...i,
      possiblyChangedByUnknownFilings: [...i.possiblyChangedByUnknownFilings],
    })),
    coverPages: [...state.coverPages],
    coverPagesWithoutBase: [...state.coverPagesWithoutBase],
    coverPagesFrom: state.coverPagesFrom,
    noticeContact: state.noticeContact,
    businessAddresses: [...state.businessAddresses],
    notes: chainGaps(filed.map((f) => f.event.data)),
  };
}

/** [0, 1, 2, 3, 7] -> "the original Schedule 13D, Amendments No. 1-3 and Amendment No. 7". */
function filingRuns(numbers: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const n of numbers) {
    const last = runs.at(-1);
    if (last !== undefined && last[1] === n - 1) last[1] = n;
    else runs.push([n, n]);
  }
  const parts = runs.flatMap(([from, to]) => {
    const original = from === 0 ? ['The original Schedule 13D'] : [];
    const first = Math.max(from, 1);
    if (first > to) return original;
    return [...original, first === to ? `Amendment No. ${first}` : `Amendments No. ${first}-${to}`];
  });
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * What the chain lacks: amendment numbers below the latest that no filing recorded (not even known by date),
 * amendments that state no number, and previous accession numbers an XML 13D/A names that are not recorded.
 */
export function chainGaps(
  filed: readonly Pick<Filed, 'amendmentNumber' | 'accessionNumber' | 'previousAccessionNumber' | 'filedOn'>[],
): string[] {
  const notes: string[] = [];
  const numbers = new Set(filed.flatMap((f) => (f.amendmentNumber === null ? [] : [f.amendmentNumber])));
  const latest = Math.max(-1, ...numbers);
  const missing = Array.from({ length: latest + 1 }, (_, n) => n).filter((n) => !numbers.has(n));
  if (missing.length > 0)
    notes.push(
      `${filingRuns(missing)} ${missing.length === 1 ? 'is' : 'are'} not in the ledger: what ${missing.length === 1 ? 'it' : 'they'} said is unknown, not nothing`,
    );
  const unnumbered = filed.filter((f) => f.amendmentNumber === null);
  if (unnumbered.length > 0)
    notes.push(
      `${unnumbered.length === 1 ? 'an amendment' : `${unnumbered.length} amendments`} filed ${unnumbered.map((f) => f.filedOn).join(', ')} ${unnumbered.length === 1 ? 'states' : 'state'} no number: placed by filing date`,
    );
  const accessions = new Set(filed.map((f) => f.accessionNumber));
  for (const f of filed) {
    if (!f.previousAccessionNumber || accessions.has(f.previousAccessionNumber)) continue;
    // The amendment before it, recorded without an accession number (a standalone XML or text copy), is that filing.
    const before =
      f.amendmentNumber === null
        ? undefined
        : filed.find((g) => g.amendmentNumber === f.amendmentNumber! - 1 && g.accessionNumber === null);
    if (before === undefined)
      notes.push(
        `${label(f.amendmentNumber)} amends the filing with accession number ${f.previousAccessionNumber}, which is not in the ledger`,
      );
  }
  return notes;
}
