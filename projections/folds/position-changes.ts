/**
 * The position changes of the positions fold (positions.ts): transactions,
 * reported positions (with a filing's breakdown closing what it leaves out),
 * vestings, splits. Each updates the fold's own accumulator in place and logs
 * the change; nothing outside this folder mutates a state.
 */
import type { IsoDate } from '../../src/domain/index.js';
import type { Fact } from '../timeline/facts.js';
import { countAtEffective, disclosureRatio, reportSetKey, type FoldContext } from '../timeline/fold-context.js';
import {
  NOT_YET_EXERCISABLE,
  type ChangeEntry,
  type LedgerState,
  type Lot,
  type PositionState,
  type SecurityKind,
  type SecurityTerms,
} from './positions-types.js';
import { fmt } from '../format.js';

export function terms(state: LedgerState, securityId: string, kind: SecurityKind): SecurityTerms {
  let found = state.securities.get(securityId);
  if (found === undefined) {
    found = {
      securityId,
      title: securityId,
      kind,
      statedValue: null,
      conversionPrice: null,
      sharesPerUnit: 1,
      exercisableFrom: null,
      expiresOn: null,
      factorAtTerms: state.splitFactor,
    };
    state.securities.set(securityId, found);
  }
  return found;
}

export function position(state: LedgerState, personId: string, securityId: string): PositionState {
  const key = `${personId}|${securityId}`;
  let found = state.positions.get(key);
  if (found === undefined) {
    found = {
      personId,
      securityId,
      quantity: 0,
      lots: [],
      lastReport: null,
      changedSinceReport: false,
      hadTransactions: false,
      baseUnknown: false,
    };
    state.positions.set(key, found);
    const mine = state.positionsOf.get(personId);
    if (mine === undefined) state.positionsOf.set(personId, [found]);
    else mine.push(found);
  }
  return found;
}

/** A transaction changes a position by `change` units; negative changes take from the earliest lots. */
export function transact(
  state: LedgerState,
  fact: Fact,
  personId: string,
  securityId: string,
  change: number,
  exercisableFrom: IsoDate | null = null,
  price: number | null = null,
): void {
  const held = position(state, personId, securityId);
  // A position the ledger first meets in a sale (no report, no earlier transaction) had an unknown quantity before:
  // nothing to set the sale, or a later report, against. Otherwise, more disposed of than held is named.
  if (change < 0 && held.lastReport === null && !held.hadTransactions) held.baseUnknown = true;
  if (change < 0 && held.quantity + change < 0 && !held.baseUnknown) {
    // More disposed of than held: the arithmetic stays (no silent clamp) and the gap is named.
    const source = fact.event.data.source;
    state.differences.push({
      kind: 'sale-exceeds-holding',
      personId,
      securityId,
      asOf: fact.event.data.effectiveDate,
      reported: -change,
      computed: held.quantity,
      difference: -change - held.quantity,
      factId: fact.id,
      source,
    });
  }
  held.quantity += change;
  const last = held.lots.at(-1);
  // Lots differ only in exercisability; same-date additions merge so common stock keeps one lot.
  if (change > 0 && last !== undefined && last.exercisableFrom === exercisableFrom)
    held.lots[held.lots.length - 1] = { quantity: last.quantity + change, exercisableFrom };
  else if (change > 0) held.lots.push({ quantity: change, exercisableFrom });
  else takeFromLots(held, -change);
  held.changedSinceReport = held.lastReport !== null;
  held.hadTransactions = true;
  record(state, fact, held, change, 'transaction', null, price);
}

function takeFromLots(held: PositionState, amount: number): void {
  let left = amount;
  const lots: Lot[] = [];
  for (const lot of held.lots) {
    const taken = Math.min(lot.quantity, left);
    left -= taken;
    if (lot.quantity - taken > 0)
      lots.push(taken === 0 ? lot : { quantity: lot.quantity - taken, exercisableFrom: lot.exercisableFrom });
  }
  held.lots = lots;
}

export function record(
  state: LedgerState,
  fact: Fact,
  held: PositionState,
  change: number,
  kind: ChangeEntry['kind'],
  note: string | null,
  pricePerShare: number | null = null,
): void {
  if (state.log === null) return;
  const data = fact.event.data;
  state.log.push({
    date: data.effectiveDate,
    precision: data.effectiveDatePrecision,
    personId: held.personId,
    securityId: held.securityId,
    // Taking away none (closing a position of none, repaying a note never seen) is no change, not -0.
    change: change === 0 ? 0 : change,
    quantityAfter: held.quantity,
    kind,
    eventType: fact.event.type,
    factId: fact.id,
    disclosedOn: data.disclosedOn,
    source: data.source,
    note,
    pricePerShare,
    splitsApplied: state.splitsApplied,
  });
}

/** Preferred shares and note principal are not share counts: splits leave them alone. */
function splitsWithShares(state: LedgerState, securityId: string): boolean {
  const kind = state.securities.get(securityId)?.kind ?? 'common';
  return kind !== 'convertible-preferred' && kind !== 'convertible-note';
}

type ReportedFact = Fact<Extract<Fact['event'], { type: 'PositionReported' }>>;

export function report(state: LedgerState, fact: ReportedFact, context: FoldContext): void {
  const data = fact.event.data;
  const setKey = reportSetKey(data);
  if (state.reportSetApplied.get(data.personId) !== setKey) {
    state.reportSetApplied.set(data.personId, setKey);
    closeUnreported(state, fact, setKey, context);
  }
  const held = position(state, data.personId, data.securityId);
  const quantity = splitsWithShares(state, data.securityId)
    ? countAtEffective(data.quantity, disclosureRatio(context, data))
    : data.quantity;
  const computed = held.quantity;
  const comparable = (held.hadTransactions && !held.baseUnknown) || held.lastReport !== null;
  let note: string | null = null;
  if (comparable && computed !== quantity) {
    // Never smoothed: the gap between the filing and its transactions is kept and named.
    const difference = quantity - computed;
    state.differences.push({
      personId: data.personId,
      securityId: data.securityId,
      asOf: data.effectiveDate,
      reported: quantity,
      computed,
      difference,
      factId: fact.id,
      source: data.source,
    });
    // Notes are for the history log only; replay without a log skips the (slow) number formatting.
    if (state.log !== null) {
      const unexplained = `${difference > 0 ? '+' : ''}${fmt(difference)} unexplained`;
      note = `reported ${fmt(quantity)}, transactions give ${fmt(computed)}: ${unexplained}`;
    }
  }
  const exercisableFrom = data.exercisableFrom ?? state.securities.get(data.securityId)?.exercisableFrom ?? null;
  held.quantity = quantity;
  held.lots = quantity > 0 ? [{ quantity, exercisableFrom }] : [];
  held.lastReport = { asOf: data.effectiveDate, quantity, factId: fact.id, source: data.source };
  held.changedSinceReport = false;
  held.baseUnknown = false;
  record(state, fact, held, quantity - computed, 'reported', note);
}

/**
 * Item 5(a): the securities a filing lists for a person are all that person holds as of its
 * date. Earlier positions it leaves out are closed at that date; unless the transactions had
 * already closed them, what disappears is an unexplained difference.
 */
function closeUnreported(state: LedgerState, fact: ReportedFact, setKey: string, context: FoldContext): void {
  const data = fact.event.data;
  const listed = context.reportSets.get(setKey);
  if (listed === undefined) return;
  for (const held of state.positionsOf.get(data.personId) ?? []) {
    if (listed.has(held.securityId) || (held.quantity === 0 && held.lots.length === 0)) continue;
    const computed = held.quantity;
    if (computed !== 0) {
      state.differences.push({
        personId: held.personId,
        securityId: held.securityId,
        asOf: data.effectiveDate,
        reported: 0,
        computed,
        difference: -computed,
        factId: fact.id,
        source: data.source,
      });
    }
    const note =
      state.log === null
        ? null
        : `not in the filing's breakdown as of ${data.effectiveDate}: closed` +
          (computed !== 0 ? `; transactions give ${fmt(computed)}: ${fmt(-computed)} unexplained` : '');
    held.quantity = 0;
    held.lots = [];
    held.lastReport = { asOf: data.effectiveDate, quantity: 0, factId: fact.id, source: data.source };
    held.changedSinceReport = false;
    record(state, fact, held, -computed, 'reported', note);
  }
}

/** Moves `shares` (in the basis at the vesting date) from the unvested lots into a lot exercisable from that date. */
export function vest(
  state: LedgerState,
  fact: Fact<Extract<Fact['event'], { type: 'OptionsVested' }>>,
  shares: number,
): void {
  const event = fact.event;
  const held = position(state, event.data.personId, event.data.securityId);
  let left = shares;
  const lots: Lot[] = [];
  for (const lot of held.lots) {
    if (lot.exercisableFrom !== NOT_YET_EXERCISABLE || left === 0) {
      lots.push(lot);
      continue;
    }
    const vested = Math.min(left, lot.quantity);
    left -= vested;
    if (lot.quantity > vested) lots.push({ quantity: lot.quantity - vested, exercisableFrom: NOT_YET_EXERCISABLE });
  }
  lots.push({ quantity: shares - left, exercisableFrom: event.data.effectiveDate });
  held.lots = lots;
  record(state, fact, held, 0, 'transaction', `${fmt(shares - left)} vested`);
}

export function split(state: LedgerState, fact: Fact, from: number, to: number): void {
  const ratio = to / from;
  state.splitFactor *= ratio;
  state.splitsApplied += 1;
  for (const held of state.positions.values()) {
    const kind = state.securities.get(held.securityId)?.kind ?? 'common';
    // Preferred shares and note principal do not split; their conversion prices do (see holdings).
    if (kind === 'convertible-preferred' || kind === 'convertible-note' || held.quantity === 0) continue;
    const before = held.quantity;
    // x * to / from, so 30 shares in a 1-for-10 split are exactly 3; fractions are dropped (the epsilon keeps
    // a count converted back from a later disclosure basis, e.g. 88 / 3 x 3, whole).
    held.lots = held.lots.map((lot) => ({
      quantity: Math.floor((lot.quantity * to) / from + 1e-9),
      exercisableFrom: lot.exercisableFrom,
    }));
    held.quantity = held.lots.reduce((sum, lot) => sum + lot.quantity, 0);
    if (kind === 'common' && held.lots.length > 1) held.lots = [{ quantity: held.quantity, exercisableFrom: null }];
    held.changedSinceReport = held.lastReport !== null;
    record(state, fact, held, held.quantity - before, 'split', `split ${to}-for-${from}`);
  }
}
