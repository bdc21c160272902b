/**
 * What changed between two filings of a Schedule 13D chain ("between Amendment 7
 * and 8"): the items each later filing restated or amended, the cover pages of the
 * statement folded through each, and holdings at each filing's event date. Where
 * a filing's contents are unknown, the diff says so rather than report zeros.
 */
import { compareInChain, type CoverPage, type IsoDate } from '../../src/domain/index.js';
import type { Fact } from '../timeline/facts.js';
import { holdingsSeries } from './holdings-at.js';
import type { Holder, HoldingsView } from './holdings.js';
import type { StatementFact } from '../timeline/prepared-facts.js';
import { asTimeline, type Timeline } from '../timeline/timeline.js';
import type { ShareBasis } from './share-basis.js';
import { knownOverUnknown, label, statementThrough } from './statement.js';

export interface DiffFiling {
  amendment: number;
  label: string;
  filedOn: IsoDate;
  eventDate: IsoDate | null;
  contentsKnown: boolean;
  /** The date holdings are compared at: the event date, else the filing date. */
  holdingsAsOf: IsoDate;
}

export interface FieldChange {
  /** Cover row ("7", "13") or holdings field. */
  row: string | null;
  field: string;
  before: unknown;
  after: unknown;
}

export interface CoverChange {
  personId: string;
  name: string;
  /** 'before-unknown' / 'after-unknown': no cover page is known on that side, so no change can be stated. */
  change: 'added' | 'removed' | 'changed' | 'before-unknown' | 'after-unknown';
  fields: FieldChange[];
}

/** The cover-page figures of a holder at one filing's date. */
export type HoldingFigures = { asOf: IsoDate } & Pick<
  Holder,
  | 'aggregate'
  | 'percentOfClass'
  | 'percentOfClassReason'
  | 'soleVotingPower'
  | 'sharedVotingPower'
  | 'soleDispositivePower'
  | 'sharedDispositivePower'
  | 'basis'
>;

export interface HoldingChange {
  personId: string;
  name: string;
  /** null: no holdings known for the person at that date (not zero). */
  before: HoldingFigures | null;
  after: HoldingFigures | null;
  changes: FieldChange[];
}

export interface AmendmentDiff {
  from: DiffFiling;
  to: DiffFiling;
  /** Each filing after `from` up to `to`, with the items it restated or amended. */
  itemsRestated: {
    amendment: number | null;
    label: string;
    filedOn: IsoDate;
    contentsKnown: boolean;
    items: { item: string; change: string; summary: string | null }[];
  }[];
  coverChanges: CoverChange[];
  /** null when either side's cover pages are unknown. */
  personsAdded: string[] | null;
  personsRemoved: string[] | null;
  holdingChanges: HoldingChange[];
  shareBasis: ShareBasis;
  shareBasisNote: string;
  notes: string[];
}

const COVER_ROWS: [row: string, field: keyof CoverPage][] = [
  ['1', 'name'],
  ['2', 'memberOfGroup'],
  ['4', 'sourceOfFunds'],
  ['5', 'legalProceedings'],
  ['6', 'citizenshipOrPlace'],
  ['7', 'soleVotingPower'],
  ['8', 'sharedVotingPower'],
  ['9', 'soleDispositivePower'],
  ['10', 'sharedDispositivePower'],
  ['11', 'aggregate'],
  ['12', 'excludesCertainShares'],
  ['13', 'percentOfClass'],
  ['14', 'typeOfReportingPerson'],
  ['footnotes', 'footnotes'],
];
const HOLDING_FIELDS = [
  'aggregate',
  'percentOfClass',
  'soleVotingPower',
  'sharedVotingPower',
  'soleDispositivePower',
  'sharedDispositivePower',
  'basis',
] as const;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Amendment numbers in the ledger, ascending (0 is the original). */
export function amendmentNumbers(input: readonly Fact[] | Timeline): number[] {
  return [
    ...new Set(
      asTimeline(input).statements.flatMap((s) =>
        s.event.data.amendmentNumber === null ? [] : [s.event.data.amendmentNumber],
      ),
    ),
  ].sort((a, b) => a - b);
}

function filing(statements: readonly StatementFact[], amendment: number): DiffFiling {
  const fact = knownOverUnknown(statements)
    .filter((s) => s.event.data.amendmentNumber === amendment)
    .at(-1);
  if (fact === undefined) throw new RangeError(`No ${label(amendment)} in the ledger`);
  const d = fact.event.data;
  return {
    amendment,
    label: label(amendment),
    filedOn: d.filedOn,
    eventDate: d.eventDate,
    contentsKnown: d.contentsKnown,
    holdingsAsOf: d.eventDate ?? d.filedOn,
  };
}

function coverChanges(
  facts: readonly Fact[],
  names: ReadonlyMap<string, string>,
  from: DiffFiling,
  to: DiffFiling,
  notes: string[],
): Pick<AmendmentDiff, 'coverChanges' | 'personsAdded' | 'personsRemoved'> {
  const before = statementThrough(facts, from.amendment);
  const after = statementThrough(facts, to.amendment);
  const pages = (covers: CoverPage[]) => new Map(covers.map((c) => [c.personId, c]));
  // Named as the ledger identifies them (row 1 prints names in capitals).
  const named = (c: CoverPage) => ({ personId: c.personId, name: names.get(c.personId) ?? c.name });
  const a = pages(before.coverPages);
  const b = pages(after.coverPages);
  if (after.coverPagesFrom === null || !to.contentsKnown) {
    notes.push(`${to.label}'s contents are unknown: what it changed on the cover pages cannot be said.`);
    return {
      coverChanges: [...a.values()].map((c) => ({ ...named(c), change: 'after-unknown', fields: [] })),
      personsAdded: null,
      personsRemoved: null,
    };
  }
  if (before.coverPagesFrom === null) {
    notes.push(
      `No cover page is known through ${from.label}: every filing up to it is recorded as filed with contents unknown. ${to.label}'s cover figures are shown as after-only, not as changes from zero.`,
    );
    const fields = (c: CoverPage) => COVER_ROWS.map(([row, field]) => ({ row, field, before: null, after: c[field] }));
    return {
      coverChanges: [...b.values()].map((c) => ({ ...named(c), change: 'before-unknown', fields: fields(c) })),
      personsAdded: null,
      personsRemoved: null,
    };
  }
  if (!from.contentsKnown)
    notes.push(
      `${from.label}'s contents are unknown: cover pages before are those of ${before.coverPagesFrom}, which ${from.label} may have changed.`,
    );
  const changes: CoverChange[] = [];
  for (const [personId, c] of b) {
    const old = a.get(personId);
    const fields = COVER_ROWS.filter(([, field]) => old === undefined || !same(old[field], c[field])).map(
      ([row, field]) => ({ row, field, before: old?.[field] ?? null, after: c[field] }),
    );
    if (old === undefined) changes.push({ ...named(c), change: 'added', fields });
    else if (fields.length > 0) changes.push({ ...named(c), change: 'changed', fields });
  }
  for (const [personId, c] of a) if (!b.has(personId)) changes.push({ ...named(c), change: 'removed', fields: [] });
  return {
    coverChanges: changes,
    personsAdded: [...b.keys()].filter((id) => !a.has(id)),
    personsRemoved: [...a.keys()].filter((id) => !b.has(id)),
  };
}

function figures(holder: Holder | undefined, asOf: IsoDate): HoldingFigures | null {
  // A person the ledger knows but with nothing held or reported at the date: no figures, not zeros.
  if (holder === undefined || (holder.securities.length === 0 && holder.breakdownKnown)) return null;
  const {
    aggregate,
    percentOfClass,
    percentOfClassReason,
    soleVotingPower,
    sharedVotingPower,
    soleDispositivePower,
    sharedDispositivePower,
    basis,
  } = holder;
  return {
    asOf,
    aggregate,
    percentOfClass,
    percentOfClassReason,
    soleVotingPower,
    sharedVotingPower,
    soleDispositivePower,
    sharedDispositivePower,
    basis,
  };
}

/** The filings after `from` up to `to` in chain order, with the items each restated. */
function restatedBetween(
  prepared: Timeline,
  from: DiffFiling,
  to: DiffFiling,
  notes: string[],
): AmendmentDiff['itemsRestated'] {
  return (
    prepared.statements
      // Amendments that state no number fall between the two where their filing dates place them.
      .filter(
        (s) =>
          compareInChain(s.event.data, { amendmentNumber: from.amendment, filedOn: from.filedOn }) > 0 &&
          compareInChain(s.event.data, { amendmentNumber: to.amendment, filedOn: to.filedOn }) <= 0,
      )
      .sort((x, y) => compareInChain(x.event.data, y.event.data))
      .map((s) => {
        const d = s.event.data;
        if (!d.contentsKnown)
          notes.push(
            `${label(d.amendmentNumber)} (filed ${d.filedOn}) is recorded as filed with contents unknown: the items it changed are not known.`,
          );
        return {
          amendment: d.amendmentNumber,
          label: label(d.amendmentNumber),
          filedOn: d.filedOn,
          contentsKnown: d.contentsKnown,
          items: d.items.map((i) => ({ item: i.item, change: i.change, summary: i.summary })),
        };
      })
  );
}

/** Each person's figures at the two dates, and which of them changed. */
function holdingChangesBetween(
  atFrom: HoldingsView,
  atTo: HoldingsView,
  from: DiffFiling,
  to: DiffFiling,
): HoldingChange[] {
  const ids = [...new Set([...atFrom.holders, ...atTo.holders].map((h) => h.personId))];
  return ids.map((personId) => {
    const a = atFrom.holders.find((h) => h.personId === personId);
    const b = atTo.holders.find((h) => h.personId === personId);
    const before = figures(a, from.holdingsAsOf);
    const after = figures(b, to.holdingsAsOf);
    const changes = HOLDING_FIELDS.filter((f) => !same(before?.[f] ?? null, after?.[f] ?? null)).map((field) => ({
      row: null,
      field,
      before: before?.[field] ?? null,
      after: after?.[field] ?? null,
    }));
    return { personId, name: b?.name ?? a?.name ?? personId, before, after, changes };
  });
}

export function amendmentDiff(
  input: readonly Fact[] | Timeline,
  fromAmendment: number,
  toAmendment: number,
  options: { shareBasis?: ShareBasis } = {},
): AmendmentDiff {
  const prepared = asTimeline(input);
  const from = filing(prepared.statements, fromAmendment);
  const to = filing(prepared.statements, toAmendment);
  const notes: string[] = [];
  const itemsRestated = restatedBetween(prepared, from, to, notes);
  const covers = coverChanges(prepared.facts, prepared.names, from, to, notes);
  const shareBasis = options.shareBasis ?? 'as-reported';
  const [atFrom, atTo] = holdingsSeries(prepared, [from.holdingsAsOf, to.holdingsAsOf], { shareBasis });
  if (!from.contentsKnown)
    notes.push(
      `${from.label}'s figures are not at hand: holdings on ${from.holdingsAsOf} are what the ledger derives from facts it knows (basis per person), not what ${from.label} reported.`,
    );
  const splitsBetween = prepared.splits.filter(
    (s) => s.effectiveDate > from.holdingsAsOf && s.effectiveDate <= to.holdingsAsOf,
  );
  if (splitsBetween.length > 0 && shareBasis === 'as-reported')
    notes.push(
      `${splitsBetween.length} split(s) fall between the two dates: counts are in different share bases; use --share-basis adjusted to compare them.`,
    );
  const holdingChanges = holdingChangesBetween(atFrom!, atTo!, from, to);
  return {
    from,
    to,
    itemsRestated,
    ...covers,
    holdingChanges,
    shareBasis,
    shareBasisNote: atTo!.shareBasisNote,
    notes,
  };
}
