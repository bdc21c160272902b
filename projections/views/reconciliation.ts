/**
 * Reconciliation: each filing's figures against what its own disclosed
 * transactions, its own Item 5 and its own arithmetic give. Findings name the
 * numbers; checks that hold are listed too, so the audit shows its work.
 */
import type { EventData, FactEvent, IsoDate } from '../../src/domain/index.js';
import { statedRows, type StatedRows } from '../folds/cover-pages.js';
import { effectiveBy, type Fact } from '../timeline/facts.js';
import { foldAt } from '../timeline/fold-at.js';
import { personNames } from '../timeline/prepared-facts.js';
import { asTimeline } from '../timeline/timeline.js';
import {
  positionsLogFold,
  type ChangeEntry,
  type LedgerState,
  type UnexplainedDifference,
} from '../folds/positions.js';
import { holdingsFromState, type Holder, type HoldingsView } from './holdings.js';
import { knownOverUnknown, label } from './statement.js';
import {
  dispositionCoversAggregate,
  dispositionNote,
  decimalsOf,
  denominatorNotStated,
  footnoteChecks,
  item5BreakdownCheck,
  percentAgainstOutstanding,
  type CheckKind,
} from './reconciliation-checks.js';
import { fmt } from '../format.js';

export interface Finding {
  filing: string;
  kind:
    | 'unexplained-position-difference'
    | 'cover-vs-item-5'
    | 'address-mismatch'
    | 'powers-vs-aggregate'
    | 'cover-vs-positions'
    | 'read-with-doubt'
    | CheckKind;
  message: string;
  reported: number | string | null;
  computed: number | string | null;
  personId: string | null;
  item: string | null;
}

export interface ReconciliationView {
  findings: Finding[];
  /** Checks that hold, same shape. */
  consistent: Finding[];
  /** Filings the ledger could not check (contents unknown). */
  notChecked: string[];
}

type Filed = EventData<'StatementFiled'>;
const POWERS = [
  'soleVotingPower',
  'sharedVotingPower',
  'soleDispositivePower',
  'sharedDispositivePower',
  'aggregate',
] as const;
const ROW: Record<(typeof POWERS)[number], string> = {
  soleVotingPower: 'sole voting power (row 7)',
  sharedVotingPower: 'shared voting power (row 8)',
  soleDispositivePower: 'sole dispositive power (row 9)',
  sharedDispositivePower: 'shared dispositive power (row 10)',
  aggregate: 'aggregate (row 11)',
};

export function reconcile(facts: readonly Fact[]): ReconciliationView {
  const view: ReconciliationView = { findings: [], consistent: [], notChecked: [] };
  const names = personNames(facts);
  for (const fact of knownOverUnknown(facts)) {
    if (fact.event.type !== 'StatementFiled') continue;
    const filed = fact.event.data;
    const filing = label(filed.amendmentNumber);
    if (!filed.contentsKnown) {
      view.notChecked.push(`${filing} (${filed.filedOn}): contents unknown`);
      continue;
    }
    const add: Add = (ok, finding) => (ok ? view.consistent : view.findings).push({ filing, ...finding });
    checkFiling(add, filed, facts, names);
  }
  return view;
}

type PositionFact = Fact<Extract<FactEvent, { type: 'PositionReported' }>>;
type Item5Fact = Fact<Extract<FactEvent, { type: 'BeneficialOwnershipReported' }>>;

/** A filing as the ledger knew it when it was made: the positions fold then, and the filing's own figures. */
interface AsFiled {
  state: LedgerState;
  holdings: HoldingsView;
  /** The filing's own Item 5 figures. */
  item5: Item5Fact[];
  /** The filing's own breakdown into securities. */
  ownPositions: PositionFact[];
  /** The shares outstanding its percents use; null when neither it nor the ledger knows them. */
  outstanding: number | null;
  name: (id: string) => string;
}

function checkFiling(add: Add, filed: Filed, facts: readonly Fact[], names: ReadonlyMap<string, string>): void {
  const name = (id: string) => names.get(id) ?? id;
  // What the ingest read with doubt is listed for review first: the checks below take those figures as read.
  for (const doubt of filed.readingDoubts) {
    add(false, {
      kind: 'read-with-doubt',
      personId: doubt.personId,
      item: doubt.row === 0 ? 'front page' : `cover row ${doubt.row}`,
      reported: doubt.read,
      computed: null,
      message: `${doubt.personId === null ? 'front page' : name(doubt.personId)}: ${doubt.reason} (${doubt.place})`,
    });
  }
  const asFiled = foldAsFiled(filed, facts, names);
  for (const d of asFiled.state.differences) {
    if (d.source.amendmentNumber !== filed.amendmentNumber) continue;
    add(false, {
      kind: 'unexplained-position-difference',
      personId: d.personId,
      item: d.source.item,
      reported: d.reported,
      computed: d.computed,
      message: differenceMessage(asFiled.state, d, name(d.personId)),
    });
  }
  // Partial pages (a 13D/A restating some rows) are checked on the rows they state; a blank row is not checked.
  const covers = [...filed.coverPages, ...filed.partialCoverPages].map(statedRows);
  for (const cover of covers) checkCover(add, cover, asFiled);
  // Rule 13d-3(d)(1)(i) needs the shares outstanding; without them say what the percents imply.
  if (asFiled.outstanding === null) {
    denominatorNotStated(
      add,
      covers.map((cover) => ({ cover, who: name(cover.personId) })),
    );
  }
  addressCheck(add, filed, name);
}

/** What was known when the filing was made: facts it or earlier filings disclosed, effective by its event date. */
function foldAsFiled(filed: Filed, facts: readonly Fact[], names: ReadonlyMap<string, string>): AsFiled {
  const asOf: IsoDate = filed.eventDate ?? filed.filedOn;
  const disclosed = facts.filter((f) => f.event.data.disclosedOn <= filed.filedOn);
  const known = effectiveBy(disclosed, asOf);
  // Its own timeline: the splits and report sets of what had been disclosed by then.
  const state = foldAt(asTimeline(disclosed), asOf, positionsLogFold);
  const own = (f: Fact) => f.event.data.source.amendmentNumber === filed.amendmentNumber;
  const item5 = known.filter((f): f is Item5Fact => f.event.type === 'BeneficialOwnershipReported' && own(f));
  // Only what this filing itself reports security by security can be set against its cover page.
  const ownPositions = known.filter((f): f is PositionFact => f.event.type === 'PositionReported' && own(f));
  const holdings = holdingsFromState(state, asOf, names);
  // The count the filing itself states is the one its percents use, whatever date it is stated as of.
  const stated = disclosed.find(
    (f) => f.event.type === 'SharesOutstandingReported' && own(f) && f.event.data.source.filedOn === filed.filedOn,
  );
  const outstanding =
    stated?.event.type === 'SharesOutstandingReported'
      ? stated.event.data.count
      : (holdings.sharesOutstanding?.value ?? null);
  return { state, holdings, item5, ownPositions, outstanding, name: (id) => names.get(id) ?? id };
}

/** One reporting person's cover page against the filing's Item 5, its breakdown, its footnotes and its arithmetic. */
function checkCover(add: Add, cover: StatedRows, asFiled: AsFiled): void {
  const who = asFiled.name(cover.personId);
  const reportedItem5 = asFiled.item5.find((f) => f.event.data.personId === cover.personId)?.event.data;
  for (const field of POWERS) {
    const a = cover[field];
    const b = reportedItem5?.[field];
    if (a === undefined || b === undefined) continue;
    const where = `${fmt(b)} in Item 5${field === 'aggregate' ? '(a)' : '(b)'}`;
    add(a === b, {
      kind: 'cover-vs-item-5',
      personId: cover.personId,
      item: '5',
      reported: a,
      computed: b,
      message: `${who}: ${ROW[field]} is ${fmt(a)} on the cover page${a === b ? ' and' : ' but'} ${where}`,
    });
  }
  if (reportedItem5 !== undefined) {
    item5BreakdownCheck(add, cover.personId, who, reportedItem5.aggregate, reportedItem5.source.quote);
  }
  footnoteChecks(add, cover, who);
  const holder = asFiled.holdings.holders.find((h) => h.personId === cover.personId);
  const reportedBy = new Set(asFiled.ownPositions.map((f) => f.event.data.personId));
  const ids = holder === undefined ? [] : [cover.personId, ...holder.controlledEntities];
  if (holder !== undefined && ids.some((id) => reportedBy.has(id))) {
    coverVsPositions(add, cover, who, holder);
    // The rights the filing itself states (its breakdown), not the ledger's: the check is of the filing's arithmetic.
    if (asFiled.outstanding !== null) {
      percentCheck(add, cover, who, asFiled.outstanding, filingRights(asFiled.state, asFiled.ownPositions, ids));
    }
  } else if (asFiled.outstanding !== null) percentAgainstOutstanding(add, cover, who, asFiled.outstanding);
  powersVsAggregate(add, cover.personId, who, 'cover page', cover);
  powersVsAggregate(add, cover.personId, who, 'Item 5', reportedItem5);
}

function coverVsPositions(add: Add, cover: StatedRows, who: string, holder: Holder): void {
  for (const field of POWERS) {
    const reported = cover[field];
    if (reported === undefined) continue;
    const computed = holder[field];
    if (computed === null) continue;
    add(reported === computed, {
      kind: 'cover-vs-positions',
      personId: cover.personId,
      item: 'cover',
      reported,
      computed,
      message: `${who}: ${ROW[field]} ${fmt(reported)}; the securities the filing reports give ${fmt(computed)} under Rule 13d-3`,
    });
  }
}

type Powers = Partial<
  Pick<
    StatedRows,
    'soleVotingPower' | 'sharedVotingPower' | 'soleDispositivePower' | 'sharedDispositivePower' | 'aggregate'
  >
>;

/**
 * Rule 13d-3: the aggregate is what the person may vote, alone or shared, or, where it may dispose of more than it
 * may vote, what it may dispose of.
 */
function powersVsAggregate(add: Add, personId: string, who: string, where: string, figures: Powers | undefined): void {
  if (figures === undefined) return;
  const { soleVotingPower: sole, sharedVotingPower: shared, aggregate } = figures;
  if (sole === undefined || shared === undefined || aggregate === undefined) return;
  const voting = sole + shared;
  const disposition = dispositionCoversAggregate(voting, aggregate, figures);
  const stated =
    `${who}: ${where} sole + shared voting power = ${fmt(sole)} + ${fmt(shared)} = ${fmt(voting)} ` +
    `against an aggregate of ${fmt(aggregate)}`;
  add(voting === aggregate || disposition !== null, {
    kind: 'powers-vs-aggregate',
    personId,
    item: where === 'cover page' ? 'cover' : '5(b)',
    reported: aggregate,
    computed: disposition ?? voting,
    message:
      disposition === null ? stated : `${stated}, ${dispositionNote('sole + shared dispositive power', disposition)}`,
  });
}

type Add = (ok: boolean, finding: Omit<Finding, 'filing'>) => void;

function differenceMessage(state: LedgerState, d: UnexplainedDifference, who: string): string {
  const title = state.securities.get(d.securityId)?.title ?? d.securityId;
  if (d.kind === 'sale-exceeds-holding') {
    return `${who}, ${title}: the filing discloses ${fmt(d.reported)} disposed of on ${d.asOf}, but its transactions show only ${fmt(d.computed)} held: an acquisition of at least ${fmt(d.difference)} is not disclosed`;
  }
  const { report, transactions } = transactionsBefore(state.log ?? [], d);
  const parts = transactions.map((e) => e.change);
  // The computed count starts from the position's previous report, when there is one: it is the first term.
  const terms = [
    ...(report === null || report.quantityAfter === 0
      ? []
      : [`${fmt(report.quantityAfter)} reported as of ${report.date}`]),
    ...parts.map(fmt),
  ];
  const sum = terms.length > 1 ? ` (${terms.join(' + ')})` : '';
  let message = `${who}, ${title}: the filing reports ${fmt(d.reported)}; its disclosed transactions explain ${fmt(d.computed)}${sum} of them, leaving ${fmt(d.difference)} unexplained`;
  // A gap the size of a disclosed closing suggests one closing went undisclosed.
  if (parts.length > 1 && parts.includes(d.difference)) {
    const times = parts.filter((p) => p === d.difference).length;
    message += `: exactly one more closing of ${fmt(d.difference)}, like the ${times} disclosed, appears to be undisclosed`;
  }
  return message;
}

/** The position's previous report (null: none) and the transactions since it, up to the report `d`. */
function transactionsBefore(
  log: readonly ChangeEntry[],
  d: UnexplainedDifference,
): { report: ChangeEntry | null; transactions: ChangeEntry[] } {
  let report: ChangeEntry | null = null;
  const transactions: ChangeEntry[] = [];
  for (const entry of log) {
    if (entry.personId !== d.personId || entry.securityId !== d.securityId) continue;
    if (entry.factId === d.factId) break;
    if (entry.kind === 'reported') {
      report = entry;
      transactions.length = 0;
    } else if (entry.change !== 0) transactions.push(entry);
  }
  return { report, transactions };
}

/**
 * The shares issuable the filing's own breakdown (its reported positions) states for these
 * persons; a right whose count the filing does not state leaves it unknown.
 */
function filingRights(
  state: LedgerState,
  positions: readonly Fact<Extract<FactEvent, { type: 'PositionReported' }>>[],
  ids: readonly string[],
): { value: number } | { missing: string } {
  let value = 0;
  for (const { event } of positions) {
    const d = event.data;
    const terms = state.securities.get(d.securityId);
    if (!ids.includes(d.personId) || terms?.kind === 'common' || d.quantity === 0) continue;
    if (d.sharesIssuableReported === null) return { missing: terms?.title ?? d.securityId };
    value += d.sharesIssuableReported;
  }
  return { value };
}

function percentCheck(
  add: Add,
  cover: StatedRows,
  who: string,
  outstanding: number,
  own: { value: number } | { missing: string },
): void {
  const reported = cover.percentOfClass;
  if (cover.aggregate === undefined || reported === undefined) return;
  if ('missing' in own) {
    add(false, {
      kind: 'percent-arithmetic',
      personId: cover.personId,
      item: 'cover row 13',
      reported: reported.text,
      computed: null,
      message: `${who}: the filing's breakdown does not state the shares issuable on ${own.missing}, so "${reported.text}" cannot be checked against aggregate / (shares outstanding + own rights)`,
    });
    return;
  }
  const rights = own.value;
  // Rule 13d-3(d)(1)(i): the person's own rights join the denominator.
  const denominator = outstanding + rights;
  const computed = (cover.aggregate / denominator) * 100;
  // Compared at the decimals the filing prints (two for "85.72%").
  const decimals = reported.kind === 'value' ? decimalsOf(reported) : 2;
  const rounded = Number(computed.toFixed(decimals));
  const ok = reported.kind === 'value' ? Math.abs(rounded - reported.value) < 1e-9 : computed < reported.bound;
  add(ok, {
    kind: 'percent-arithmetic',
    personId: cover.personId,
    item: 'cover row 13',
    reported: reported.text,
    computed: Number(computed.toFixed(4)),
    message: `${who}: ${fmt(cover.aggregate)} / (${fmt(outstanding)} outstanding + ${fmt(rights)} own rights) = ${computed.toFixed(4)}%${reported.kind === 'value' ? `, ${rounded.toFixed(decimals)}% at ${decimals} decimals,` : ''} against "${reported.text}"`,
  });
}

function normaliseAddress(address: string): string {
  return address
    .toLowerCase()
    .replace(/^c\/o [^,]+,\s*/, '')
    .replace(/\bnevada\b/g, 'nv')
    .replace(/[.,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function addressCheck(add: Add, filed: Filed, name: (id: string) => string): void {
  const notice = filed.noticeContact;
  if (notice === null || notice.careOf === null) return;
  const business = filed.businessAddresses.find((a) => a.personId === notice.careOf);
  if (business === undefined) return;
  const ok = normaliseAddress(notice.address) === normaliseAddress(business.address);
  const suite = (s: string) => /suite\s+\w+/i.exec(s)?.[0] ?? s;
  add(ok, {
    kind: 'address-mismatch',
    personId: notice.careOf,
    item: 'cover (notices) vs 2(b)',
    reported: suite(notice.address),
    computed: suite(business.address),
    message: `the notice address (c/o ${name(notice.careOf)}) says ${suite(notice.address)}; Item 2(b) gives ${name(notice.careOf)}'s principal business address as ${suite(business.address)}`,
  });
}
