/**
 * Holdings for persons the ledger knows only from reported figures. An issuer
 * ingested from EDGAR XML has cover pages (rows 7-11, 13) but no Item 5
 * breakdown into securities, so no PositionReported events: the positions fold
 * has nothing for these persons. Their figures are then shown as the filing
 * reports them (basis `reported`), never as zeros.
 */
import type { CoverPage, IsoDate, ReportedPercent } from '../src/domain/index.js';
import type { Holder, HoldingsView, ReportedFigures } from './holdings.js';
import type { OwnershipFact, PreparedFacts, StatementFact } from './prepared-facts.js';
import { coverPersonIds, foldCoverPages } from './cover-pages.js';
import { label } from './statement.js';

export const NOT_BROKEN_DOWN = 'securities not broken down by the filing';

interface Figures {
  aggregate: number;
  percentOfClass: ReportedPercent;
  soleVotingPower: number;
  sharedVotingPower: number;
  soleDispositivePower: number;
  sharedDispositivePower: number;
  name: string | null;
  from: ReportedFigures;
}

/**
 * Cover pages as of `asOf`: every statement with known contents effective by then, folded in
 * amendment order (full pages replace the earlier ones; partial pages overwrite only the rows
 * they state), with the filing that last stated each person's page.
 */
function coverPagesAt(statements: readonly StatementFact[], asOf: IsoDate): Map<string, { cover: CoverPage; fact: StatementFact }> {
  const known = statements.filter((f) => f.event.data.effectiveDate <= asOf && f.event.data.contentsKnown);
  known.sort((a, b) => a.event.data.amendmentNumber - b.event.data.amendmentNumber);
  let pages: CoverPage[] = [];
  const statedBy = new Map<string, StatementFact>();
  for (const fact of known) {
    const d = fact.event.data;
    if (d.coverPages.length > 0) statedBy.clear();
    pages = foldCoverPages(pages, d).coverPages;
    for (const personId of coverPersonIds(d)) statedBy.set(personId, fact);
  }
  const result = new Map<string, { cover: CoverPage; fact: StatementFact }>();
  for (const cover of pages) {
    const fact = statedBy.get(cover.personId);
    if (fact !== undefined) result.set(cover.personId, { cover, fact });
  }
  return result;
}

function fromCover(cover: CoverPage, fact: StatementFact): Figures {
  const d = fact.event.data;
  // Cover figures are stated as of the date of the event requiring the filing.
  return { ...cover, name: cover.name, from: { kind: 'cover-page', filing: label(d.amendmentNumber), asOf: d.eventDate ?? d.effectiveDate, factId: fact.id } };
}

function fromItem5(fact: OwnershipFact, filing: string): Figures {
  const d = fact.event.data;
  return { ...d, name: null, from: { kind: 'item-5', filing, asOf: d.effectiveDate, factId: fact.id } };
}

/** Per person, the latest reported figures effective by `asOf`: cover page or Item 5, the later; the cover on a tie. */
export function reportedFiguresAt(prepared: PreparedFacts, asOf: IsoDate): Map<string, Figures> {
  const figures = new Map<string, Figures>();
  for (const fact of prepared.ownershipReports) {
    if (fact.event.data.effectiveDate > asOf) break;
    figures.set(fact.event.data.personId, fromItem5(fact, label(fact.event.data.source.amendmentNumber)));
  }
  for (const [personId, { cover, fact }] of coverPagesAt(prepared.statements, asOf)) {
    const item5 = figures.get(personId);
    const candidate = fromCover(cover, fact);
    if (item5 === undefined || item5.from.asOf <= candidate.from.asOf) figures.set(personId, candidate);
  }
  return figures;
}

function percent(reported: ReportedPercent): { percentOfClass: number | null; percentOfClassReason: string | null } {
  if (reported.kind === 'value') return { percentOfClass: reported.value, percentOfClassReason: null };
  return { percentOfClass: null, percentOfClassReason: `the filing reports "${reported.text}" and gives no figure` };
}

function reportedHolder(base: Holder | null, personId: string, f: Figures): Holder {
  const notes = [...(base?.notes ?? []), NOT_BROKEN_DOWN, `figures as reported by ${f.from.filing} (${f.from.kind === 'cover-page' ? 'cover page' : 'Item 5'}) as of ${f.from.asOf}`];
  return {
    personId,
    name: base?.name ?? f.name ?? personId,
    securities: [],
    // The filing gives no breakdown: the ledger counted no shares or rights from securities (see breakdownKnown).
    sharesOwned: { direct: 0, indirect: 0 },
    rightsCounted: 0,
    aggregate: f.aggregate,
    ...percent(f.percentOfClass),
    soleVotingPower: f.soleVotingPower,
    sharedVotingPower: f.sharedVotingPower,
    soleDispositivePower: f.soleDispositivePower,
    sharedDispositivePower: f.sharedDispositivePower,
    basis: 'reported',
    controlledEntities: base?.controlledEntities ?? [],
    unexplainedDifferences: base?.unexplainedDifferences ?? [],
    notes,
    breakdownKnown: false,
    reportedFigures: f.from,
  };
}

/**
 * Replaces holders with no positions in the fold (none of their own, none through a
 * controlled entity; a position sold down to zero is still a position) by their
 * reported figures, and adds persons known only from them.
 */
export function withReportedFigures(view: HoldingsView, prepared: PreparedFacts, withPositions: ReadonlySet<string>): HoldingsView {
  if (prepared.statements.length === 0 && prepared.ownershipReports.length === 0) return view;
  const figures = reportedFiguresAt(prepared, view.asOf);
  if (figures.size === 0) return view;
  const seen = new Set<string>();
  const holders = view.holders.map((holder) => {
    seen.add(holder.personId);
    const f = figures.get(holder.personId);
    const hasPositions = withPositions.has(holder.personId) || holder.controlledEntities.some((id) => withPositions.has(id));
    return f !== undefined && !hasPositions ? reportedHolder(holder, holder.personId, f) : holder;
  });
  for (const [personId, f] of figures) {
    if (!seen.has(personId)) holders.push(reportedHolder(null, personId, { ...f, name: prepared.names.get(personId) ?? f.name }));
  }
  return { ...view, holders };
}
