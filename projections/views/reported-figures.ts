/**
 * Holdings from reported figures. An issuer ingested from EDGAR XML has cover
 * pages (rows 7-11, 13) but no Item 5 breakdown into securities, so no
 * PositionReported events: the positions fold cannot give these persons'
 * figures. They are then shown as the filing reports them, never as zeros,
 * and never as the transactions alone.
 */
import { commonSharesOf, type CoverPage, type IsoDate, type ReportedPercent } from '../../src/domain/index.js';
import { countAtEffective, disclosureRatio, splitRatioBetween } from '../timeline/fold-context.js';
import { type Holder, type HoldingsView, type ReportedFigures } from './holdings.js';
import type { LedgerState } from '../folds/positions-types.js';
import { countEffectiveBy, type OwnershipFact, type StatementFact } from '../timeline/prepared-facts.js';
import type { Timeline } from '../timeline/timeline.js';
import { compareWithReported, doubtNotes } from './reported-comparison.js';
import { coverPagesFold } from '../folds/cover-pages.js';
import { inChainOrder } from '../folds/statements.js';
import { foldFacts } from '../timeline/fold.js';
import { label } from './statement.js';
import { fmt } from '../format.js';
import { adjustmentAfter, describeSplit, isIdentity, type ShareBasisAdjustment } from './share-basis.js';

export const NOT_BROKEN_DOWN = 'securities not broken down by the filing';

interface Figures {
  name: string | null;
  from: ReportedFigures;
}

/**
 * Cover pages as of `asOf`: every statement with known contents effective by then, folded in
 * amendment order (full pages replace the earlier ones; partial pages overwrite only the rows
 * they state), with the filing that last stated each person's page.
 */
function coverPagesAt(
  statements: readonly StatementFact[],
  asOf: IsoDate,
): Map<string, { cover: CoverPage; fact: StatementFact }> {
  // Cover figures are stated as of the event date, which may precede the filing's effective date.
  const known = statements.filter(
    (f) => (f.event.data.eventDate ?? f.event.data.effectiveDate) <= asOf && f.event.data.contentsKnown,
  );
  const { pages, statedBy } = foldFacts(inChainOrder(known), coverPagesFold);
  const result = new Map<string, { cover: CoverPage; fact: StatementFact }>();
  for (const cover of pages) {
    const fact = statedBy.get(cover.personId);
    if (fact !== undefined) result.set(cover.personId, { cover, fact });
  }
  return result;
}

function figuresOf(
  f: Omit<ReportedFigures, 'kind' | 'filing' | 'amendmentNumber' | 'filedOn' | 'asOf' | 'factId'>,
): Omit<ReportedFigures, 'kind' | 'filing' | 'amendmentNumber' | 'filedOn' | 'asOf' | 'factId'> {
  return {
    aggregate: f.aggregate,
    percentOfClass: f.percentOfClass,
    soleVotingPower: f.soleVotingPower,
    sharedVotingPower: f.sharedVotingPower,
    soleDispositivePower: f.soleDispositivePower,
    sharedDispositivePower: f.sharedDispositivePower,
  };
}

function fromCover(cover: CoverPage, fact: StatementFact): Figures {
  const d = fact.event.data;
  // Cover figures are stated as of the date of the event requiring the filing.
  const doubts = d.readingDoubts
    .filter((doubt) => doubt.personId === cover.personId)
    .map(({ row, read, reason, place }) => ({ row, read, reason, place }));
  return {
    name: cover.name,
    from: {
      kind: 'cover-page',
      filing: label(d.amendmentNumber),
      amendmentNumber: d.amendmentNumber,
      filedOn: d.filedOn,
      asOf: d.eventDate ?? d.effectiveDate,
      factId: fact.id,
      ...figuresOf(cover),
      ...(doubts.length > 0 ? { readWithDoubt: doubts } : {}),
    },
  };
}

function fromItem5(fact: OwnershipFact): Figures {
  const d = fact.event.data;
  return {
    name: null,
    from: {
      kind: 'item-5',
      filing: label(d.source.amendmentNumber),
      amendmentNumber: d.source.amendmentNumber,
      filedOn: d.source.filedOn,
      asOf: d.effectiveDate,
      factId: fact.id,
      ...figuresOf(d),
    },
  };
}

/** Per person, the latest reported figures effective by `asOf`: cover page or Item 5, the later; the cover on a tie. */
export function reportedFiguresAt(
  prepared: Timeline,
  asOf: IsoDate,
): Map<string, { name: string | null; from: ReportedFigures }> {
  const figures = new Map<string, Figures>();
  for (const fact of prepared.ownershipReports) {
    if (fact.event.data.effectiveDate > asOf) break;
    figures.set(fact.event.data.personId, fromItem5(fact));
  }
  for (const [personId, { cover, fact }] of coverPagesAt(prepared.statements, asOf)) {
    const item5 = figures.get(personId);
    const candidate = fromCover(cover, fact);
    if (item5 === undefined || item5.from.asOf <= candidate.from.asOf) figures.set(personId, candidate);
  }
  return figures;
}

function percent(reported: ReportedPercent | null): {
  percentOfClass: number | null;
  percentOfClassReason: string | null;
} {
  if (reported === null)
    return { percentOfClass: null, percentOfClassReason: 'row 13 (percent of class) is left blank on the filing' };
  if (reported.kind === 'value') return { percentOfClass: reported.value, percentOfClassReason: null };
  return { percentOfClass: null, percentOfClassReason: `the filing reports "${reported.text}" and gives no figure` };
}

/**
 * What carries a report `r` forward to `asOf`: the splits in between, and the common shares the person's
 * transactions add after it, in the basis at `asOf`. A transaction the reporting filing (or an earlier one)
 * discloses is already in its figures, even when dated after its event date (a table of trades up to the filing
 * date): only later disclosures are added.
 */
interface CarriedForward {
  /** From the share basis at the report's date to the basis at `asOf` (identity when no split falls between). */
  splits: ShareBasisAdjustment;
  later: number;
}

function carriedForward(prepared: Timeline, personId: string, r: ReportedFigures, asOf: IsoDate): CarriedForward {
  const effectiveBy = (date: IsoDate) => prepared.splits.filter((s) => s.effectiveDate <= date).length;
  const upToAsOf = prepared.splits.slice(0, effectiveBy(asOf));
  let later = 0;
  for (let i = countEffectiveBy(prepared, r.asOf), end = countEffectiveBy(prepared, asOf); i < end; i++) {
    const event = prepared.facts[i]!.event;
    if (event.data.disclosedOn <= r.filedOn || !('personId' in event.data) || event.data.personId !== personId)
      continue;
    // The catalogue's effect on common shares, in the basis at the trade's date, as the positions fold counts it,
    // then through the splits after the trade.
    const shares = commonSharesOf(event);
    if (shares === 0) continue;
    const atTrade = countAtEffective(shares, disclosureRatio(prepared.context, event.data));
    const { numerator, denominator } = splitRatioBetween(prepared.splits, event.data.effectiveDate, asOf);
    later += (atTrade * numerator) / denominator;
  }
  return { splits: adjustmentAfter(upToAsOf, effectiveBy(r.asOf)), later };
}

function reportedHolder(
  base: Holder | null,
  personId: string,
  f: Figures,
  asOf: IsoDate,
  { splits, later }: CarriedForward,
  statements: readonly StatementFact[] = [],
): Holder {
  const r = f.from;
  // The filing's counts in the basis at asOf, with the later trades: fractions dropped once, as a split drops them.
  const now = (reported: number | null, added: number) =>
    reported === null ? null : Math.floor((reported * splits.numerator) / splits.denominator + added);
  // An earlier filing's breakdown is still the last known one: shown (derived), while the later filing's totals govern.
  const lastBreakdown = base === null ? null : lastBrokenDownBy(base, statements, r);
  const notes = reportedNotes(base, r, lastBreakdown, later);
  if (!isIdentity(splits))
    notes.push(`${r.filing}'s counts restated through the ${splits.splits.map(describeSplit).join('; ')}`);
  const pct =
    later === 0 || r.percentOfClass === null
      ? percent(r.percentOfClass)
      : {
          percentOfClass: null,
          percentOfClassReason:
            `${r.filing} reports "${r.percentOfClass.text}" as of ${r.asOf}, before later transactions; ` +
            "it gives no breakdown of the person's own rights to recompute it",
        };
  return {
    personId,
    name: base?.name ?? f.name ?? personId,
    // The last known breakdown, each security derived from its last report; the totals below are the filing's.
    securities:
      lastBreakdown === null
        ? []
        : base!.securities.map((s) => ({ ...s, basis: s.basis === 'transactions' ? s.basis : 'derived' })),
    sharesOwned: lastBreakdown === null ? { direct: 0, indirect: 0 } : base!.sharesOwned,
    rightsCounted: lastBreakdown === null ? 0 : base!.rightsCounted,
    // A row left blank stays unknown: later transactions cannot be added to nothing.
    aggregate: now(r.aggregate, later),
    ...pct,
    soleVotingPower: now(r.soleVotingPower, later),
    sharedVotingPower: now(r.sharedVotingPower, 0),
    soleDispositivePower: now(r.soleDispositivePower, later),
    sharedDispositivePower: now(r.sharedDispositivePower, 0),
    // Reported only on the date the filing states them; afterwards the last report carried forward.
    basis: r.asOf === asOf && later === 0 ? 'reported' : 'derived',
    controlledEntities: base?.controlledEntities ?? [],
    unexplainedDifferences: base?.unexplainedDifferences ?? [],
    notes,
    breakdownKnown: false,
    reportedFigures: r,
    differsFromReported: [],
  };
}

/** What a holder shown with a filing's figures says of them: where they come from, what differs, what was added. */
function reportedNotes(base: Holder | null, r: ReportedFigures, lastBreakdown: string | null, later: number): string[] {
  const notes = [
    ...(base?.notes ?? []),
    lastBreakdown === null
      ? NOT_BROKEN_DOWN
      : `${NOT_BROKEN_DOWN} ${r.filing}: securities as last broken down by ${lastBreakdown}, ` +
        'plus the transactions since (derived)',
    `figures as reported by ${r.filing} (${r.kind === 'cover-page' ? 'cover page' : 'Item 5'}) as of ${r.asOf}`,
  ];
  if (
    base !== null &&
    base.securities.length > 0 &&
    r.aggregate !== null &&
    base.aggregate !== null &&
    base.aggregate !== r.aggregate
  ) {
    // Sales from a holding no filing states leave a negative net: that is not a holding to compare.
    const known =
      base.aggregate < 0
        ? `transactions known net ${fmt(base.aggregate)} shares from a holding no filing states`
        : `${lastBreakdown === null ? 'transactions' : 'securities'} known give ${fmt(base.aggregate)} shares`;
    notes.push(
      `the ${known}; ${r.filing} reports ${fmt(r.aggregate)}, which governs the totals ` +
        `(transactions up to ${r.asOf} are history, not added on top)`,
    );
  }
  notes.push(...doubtNotes(r));
  // Shares bought or sold later are held directly: sole power, as for computed holdings.
  if (later !== 0) {
    const shares = `${later > 0 ? '+' : ''}${fmt(later)} shares`;
    notes.push(`${shares} from transactions after ${r.asOf} added to the reported figures (sole power)`);
  }
  return notes;
}

/**
 * The filing that last broke the holder's securities down ("Amendment No. 8"), or null when none did. Found by
 * its event date; never `governing`, the filing whose totals are shown because it did not break them down (two
 * filings may share an event date).
 */
function lastBrokenDownBy(
  base: Holder,
  statements: readonly StatementFact[],
  governing: Pick<ReportedFigures, 'amendmentNumber' | 'filedOn'>,
): string | null {
  let latest: IsoDate | null = null;
  for (const s of base.securities)
    if (s.reportedAsOf !== null && (latest === null || s.reportedAsOf > latest)) latest = s.reportedAsOf;
  if (latest === null) return null;
  const filing = statements
    .filter((f) => (f.event.data.eventDate ?? f.event.data.effectiveDate) === latest)
    .filter(
      (f) => f.event.data.amendmentNumber !== governing.amendmentNumber || f.event.data.filedOn !== governing.filedOn,
    )
    .at(-1);
  return filing === undefined
    ? `the report as of ${latest}`
    : `${label(filing.event.data.amendmentNumber)} (as of ${latest})`;
}

/**
 * Whether the filing behind `r` (or a later one) broke the person's holdings down security by
 * security: a position of the person or an entity it controls last reported by that filing or later.
 */
function hasBreakdown(state: LedgerState, ids: readonly string[], r: ReportedFigures): boolean {
  for (const held of state.positions.values()) {
    const last = held.lastReport;
    if (last === null || !ids.includes(held.personId)) continue;
    if (last.asOf > r.asOf || (last.source.amendmentNumber === r.amendmentNumber && last.source.filedOn === r.filedOn))
      return true;
  }
  return false;
}

/**
 * Reported figures against computed ones, per holder:
 * - when the latest filing gives the person's figures but no security-by-security breakdown,
 *   those figures are the holder's from its as-of date on (`reported` on that date, `derived`
 *   after, plus later transactions); transactions before it are history, not added on top;
 * - else the computed figures stand, checked against what a filing reports as of the view's
 *   date (reported-comparison.ts): `reported` only where they agree.
 * Persons known only from reported figures are added.
 */
export function withReportedFigures(view: HoldingsView, prepared: Timeline, state: LedgerState): HoldingsView {
  const figures =
    prepared.statements.length === 0 && prepared.ownershipReports.length === 0
      ? new Map<string, Figures>()
      : reportedFiguresAt(prepared, view.asOf);
  const seen = new Set<string>();
  const holders = view.holders.map((holder) => {
    seen.add(holder.personId);
    const f = figures.get(holder.personId);
    if (f !== undefined && !hasBreakdown(state, [holder.personId, ...holder.controlledEntities], f.from)) {
      return reportedHolder(
        holder,
        holder.personId,
        f,
        view.asOf,
        carriedForward(prepared, holder.personId, f.from, view.asOf),
        prepared.statements,
      );
    }
    return compareWithReported(holder, f?.from.asOf === view.asOf ? f.from : null, view.asOf);
  });
  for (const [personId, f] of figures) {
    if (!seen.has(personId))
      holders.push(
        reportedHolder(
          null,
          personId,
          { ...f, name: prepared.names.get(personId) ?? f.name },
          view.asOf,
          carriedForward(prepared, personId, f.from, view.asOf),
        ),
      );
  }
  return { ...view, holders };
}
