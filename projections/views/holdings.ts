/**
 * Holdings of every reporting person at a date, under Rule 13d-3: securities
 * held directly and through controlled entities, rights exercisable within 60
 * days (less any blocked by an exchange cap), aggregate, percent of class with
 * the person's own denominator, the four powers, and the basis of each figure.
 */
import { exercisableWithin60Days, sixtyDayHorizon, type IsoDate } from '../../src/domain/index.js';
import type { Holder, HoldingsView, SecurityHolding } from './holdings-types.js';
import type { Basis, LedgerState, PositionState, UnexplainedDifference } from '../folds/positions-types.js';
import { fmt } from '../format.js';

export * from './holdings-types.js';

const WEAKEST: Basis[] = ['transactions', 'derived', 'reported'];
function weakest(bases: Basis[]): Basis {
  for (const basis of WEAKEST) if (bases.includes(basis)) return basis;
  return 'reported';
}

function sharesIssuable(state: LedgerState, held: PositionState): number | null {
  const terms = state.securities.get(held.securityId);
  if (terms === undefined) return null;
  // Prices stated before a later split are restated into today's share basis.
  const adjust = terms.factorAtTerms / state.splitFactor;
  switch (terms.kind) {
    case 'common':
    case 'rsu':
      return null;
    case 'convertible-preferred':
      if (terms.statedValue === null || terms.conversionPrice === null) return null;
      // Rounded to whole cents first so that 44,000 x $1,000 / $0.22 is exactly 200,000,000.
      return Math.floor(
        Math.round(held.quantity * terms.statedValue * 100) / Math.round(terms.conversionPrice * adjust * 100),
      );
    case 'convertible-note':
      if (terms.conversionPrice === null) return null;
      return Math.floor(Math.round(held.quantity * 100) / Math.round(terms.conversionPrice * adjust * 100));
    case 'warrant':
    case 'option':
      return Math.floor(held.quantity * terms.sharesPerUnit);
    default: {
      const unknown: never = terms.kind;
      return unknown;
    }
  }
}

/** Units held that can be exercised within 60 days. */
function unitsExercisable(held: PositionState, asOf: IsoDate, horizon: IsoDate): number {
  // Rule 13d-3(d)(1)(i): only the lots exercisable within 60 days (on or before asOf + 60 days) count.
  let within = 0;
  for (const lot of held.lots) if (exercisableWithin60Days(lot.exercisableFrom, asOf, horizon)) within += lot.quantity;
  return within;
}

/**
 * Shares issuable on the units exercisable: issuable x within / held, in integers (a float ratio
 * loses a share: 22 x 15/22 = 14.99...).
 */
function sharesExercisable(issuable: number, within: number, quantity: number): number {
  if (within >= quantity) return issuable;
  return quantity === 0 ? 0 : Math.floor((issuable * within) / quantity);
}

function basisOf(held: PositionState, asOf: IsoDate): Basis {
  if (held.lastReport === null) return 'transactions';
  return held.lastReport.asOf === asOf && !held.changedSinceReport ? 'reported' : 'derived';
}

interface Query {
  state: LedgerState;
  asOf: IsoDate;
  horizon: IsoDate;
  outstanding: number | null;
  positionsByPerson: Map<string, PositionState[]>;
  titles: ReadonlyMap<string, string>;
}

/** One person's directly held securities, with caps applied. */
function directHoldings(q: Query, personId: string, notes: string[]): SecurityHolding[] {
  const { state, asOf, outstanding } = q;
  const result: SecurityHolding[] = [];
  for (const held of q.positionsByPerson.get(personId) ?? []) {
    if (held.quantity === 0) continue;
    const terms = state.securities.get(held.securityId);
    const issuable = sharesIssuable(state, held);
    // Rule 13d-3(d)(1)(i): a right that has expired on or before the date is no right to acquire.
    const expired =
      terms !== undefined && terms.kind !== 'common' && terms.expiresOn !== null && terms.expiresOn <= asOf;
    if (expired)
      notes.push(`${q.titles.get(held.securityId) ?? terms.title}: expired on ${terms.expiresOn}; not counted`);
    const within = issuable === null || expired ? 0 : unitsExercisable(held, asOf, q.horizon);
    const counted =
      terms?.kind === 'common' || terms === undefined
        ? held.quantity
        : sharesExercisable(issuable ?? 0, within, held.quantity);
    result.push({
      securityId: held.securityId,
      // Titles are timeless, like names: one described later is used at every date.
      title: q.titles.get(held.securityId) ?? terms?.title ?? held.securityId,
      kind: terms?.kind ?? 'common',
      heldBy: personId,
      ownership: 'direct',
      quantity: held.quantity,
      sharesIssuable: issuable,
      exercisableWithin60Days: issuable !== null && within > 0,
      blockedByCap: 0,
      countedShares: counted,
      conversionPrice:
        terms?.conversionPrice == null || (terms.kind !== 'convertible-preferred' && terms.kind !== 'convertible-note')
          ? null
          : (terms.conversionPrice * terms.factorAtTerms) / state.splitFactor,
      basis: basisOf(held, asOf),
      reportedAsOf: held.lastReport?.asOf ?? null,
    });
  }
  for (const [capId, cap] of state.caps) {
    if (cap.liftedOn !== null && cap.liftedOn <= asOf) continue;
    const capped = result.filter((h) => cap.securityIds.includes(h.securityId) && h.countedShares > 0);
    if (capped.length === 0) continue;
    const base = cap.baseSharesOutstanding ?? outstanding;
    let allowance = base === null ? 0 : Math.floor((base * cap.capPercent) / 100);
    notes.push(
      base === null
        ? `${capId}: the ${cap.capPercent}% exchange cap is in force and its base is unknown, ` +
            'so no rights subject to it are counted; the aggregate is a lower bound'
        : `${capId}: the ${cap.capPercent}% exchange cap is in force: ` +
            `at most ${fmt(allowance)} shares issuable (${cap.capPercent}% of ${fmt(base)})`,
    );
    // The allowance goes to the securities in the order the cap lists them.
    for (const securityId of cap.securityIds) {
      for (const holding of capped) {
        if (holding.securityId !== securityId) continue;
        const allowed = Math.min(holding.countedShares, allowance);
        allowance -= allowed;
        holding.blockedByCap = holding.countedShares - allowed;
        holding.countedShares = allowed;
      }
    }
  }
  return result;
}

function controlledBy(state: LedgerState, personId: string, asOf: IsoDate): string[] {
  const entities: string[] = [];
  for (const [entityId, controllers] of state.controls) {
    const since = controllers.get(personId);
    if (since !== undefined && since <= asOf) entities.push(entityId);
  }
  return entities;
}

/** Each value's items by a key, in the order they come. */
function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [item]);
    else list.push(item);
  }
  return groups;
}

/** The shares outstanding in force at `asOf`, restated into the share basis of the day. */
interface Outstanding {
  value: number | null;
  basis: Basis;
  /** Why a percent may be too high: the count is older than the view (later issuances unknown). */
  stale: string | null;
}

function outstandingAt(state: LedgerState, asOf: IsoDate): Outstanding {
  const so = state.sharesOutstanding;
  if (so === null) return { value: null, basis: 'transactions', stale: null };
  return {
    value: Math.floor((so.count * state.splitFactor) / so.factorAtReport),
    basis: so.asOf === asOf && so.factorAtReport === state.splitFactor ? 'reported' : 'derived',
    stale:
      so.asOf < asOf
        ? `shares outstanding as of ${so.asOf}, the latest known on or before ${asOf}; ` +
          'later issuances are not known to the ledger'
        : null,
  };
}

/** One reporting person's holdings: its own securities and those of the entities it controls. */
function holderAt(
  q: Query,
  personId: string,
  outstanding: Outstanding,
  differencesByPerson: ReadonlyMap<string, UnexplainedDifference[]>,
  name: string,
): Holder {
  const { state, asOf } = q;
  const notes: string[] = [];
  const direct = directHoldings(q, personId, notes);
  const entities = controlledBy(state, personId, asOf);
  // Rule 13d-3 and control: a controlled entity's holdings are deemed the person's, with shared power.
  const indirect = entities.flatMap((entityId) =>
    directHoldings(q, entityId, []).map((h) => ({ ...h, ownership: 'indirect' as const })),
  );
  const securities = [...direct, ...indirect];
  const { own, through, rights, sharesOwned } = sums(securities);
  const aggregate = own + through;
  // In the order they arose, the person's own and those of the entities it controls.
  const differences =
    entities.length === 0
      ? [...(differencesByPerson.get(personId) ?? [])]
      : state.differences.filter((d) => d.personId === personId || entities.includes(d.personId));
  let percentOfClass: number | null = null;
  let percentOfClassReason: string | null = null;
  if (outstanding.value === null) percentOfClassReason = `shares outstanding are not known on or before ${asOf}`;
  // Rule 13d-3(d)(1)(i): only this person's own rights are added to the denominator.
  else percentOfClass = (aggregate / (outstanding.value + rights)) * 100;
  if (outstanding.stale !== null && percentOfClass !== null) notes.push(outstanding.stale);
  return {
    personId,
    name,
    securities,
    sharesOwned,
    rightsCounted: rights,
    aggregate,
    percentOfClass,
    percentOfClassReason,
    soleVotingPower: own,
    sharedVotingPower: through,
    soleDispositivePower: own,
    sharedDispositivePower: through,
    basis: securities.length === 0 ? 'transactions' : weakest(securities.map((s) => s.basis)),
    controlledEntities: entities,
    unexplainedDifferences: differences,
    notes,
    breakdownKnown: true,
    reportedFigures: null,
    differsFromReported: [],
  };
}

/** Holdings computed from the securities each person holds (shares basis: the one in force at `asOf`). */
export function holdingsFromState(
  state: LedgerState,
  asOf: IsoDate,
  names: ReadonlyMap<string, string> = new Map(),
  titles: ReadonlyMap<string, string> = new Map(),
): HoldingsView {
  const outstanding = outstandingAt(state, asOf);
  const positionsByPerson = groupBy(state.positions.values(), (held) => held.personId);
  const personIds = new Set<string>([...state.persons.keys(), ...positionsByPerson.keys()]);
  const differencesByPerson = groupBy(state.differences, (d) => d.personId);
  const q: Query = {
    state,
    asOf,
    horizon: sixtyDayHorizon(asOf),
    outstanding: outstanding.value,
    positionsByPerson,
    titles,
  };
  const holders = [...personIds].map((personId) => {
    const name = state.persons.get(personId)?.name ?? names.get(personId) ?? personId;
    return holderAt(q, personId, outstanding, differencesByPerson, name);
  });
  const so = state.sharesOutstanding;
  return {
    asOf,
    sharesOutstanding:
      so === null || outstanding.value === null
        ? null
        : { value: outstanding.value, asOf: so.asOf, source: so.reportedBy, basis: outstanding.basis },
    holders,
    shareBasis: 'as-reported',
    shareBasisAdjustment: null,
    shareBasisNote: 'share basis: as reported',
    notes: outstanding.stale === null ? [] : [outstanding.stale],
  };
}

/** Aggregate parts from the securities counted: own (direct), through controlled entities, rights. */
export function sums(securities: readonly SecurityHolding[]): {
  own: number;
  through: number;
  rights: number;
  sharesOwned: Holder['sharesOwned'];
} {
  let own = 0;
  let through = 0;
  let rights = 0;
  const sharesOwned = { direct: 0, indirect: 0 };
  for (const h of securities) {
    if (h.ownership === 'direct') own += h.countedShares;
    else through += h.countedShares;
    if (h.kind !== 'common') rights += h.countedShares;
    else if (h.ownership === 'direct') sharesOwned.direct += h.countedShares;
    else sharesOwned.indirect += h.countedShares;
  }
  return { own, through, rights, sharesOwned };
}
