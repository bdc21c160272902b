/**
 * The positions fold under every holdings, history and reconciliation view:
 * securities held per person, reported positions and the transactions since,
 * shares outstanding, exchange caps, control, splits.
 *
 * `foldLedger` is pure at its boundary (facts in, a fresh state out, inputs
 * untouched); inside it one accumulator it owns is updated in place, so the
 * fold allocates only where a position changes (the product replays millions).
 */
import type { IsoDate } from '../src/domain/index.js';
import type { Fact } from './facts.js';
import { NOT_YET_EXERCISABLE, type ChangeEntry, type LedgerState, type Lot, type PositionState, type SecurityKind, type SecurityTerms } from './ledger-types.js';

export * from './ledger-types.js';

export function initialLedgerState(withLog = false): LedgerState {
  return { persons: new Map(), securities: new Map(), positions: new Map(), sharesOutstanding: null, caps: new Map(), controls: new Map(), splitFactor: 1, splitsApplied: 0, differences: [], log: withLog ? [] : null };
}

export function foldLedger(facts: readonly Fact[], options: { withLog?: boolean } = {}): LedgerState {
  const state = initialLedgerState(options.withLog ?? false);
  for (const fact of facts) evolveLedger(state, fact);
  return state;
}

/**
 * A copy that later folding of either cannot affect: the maps and the arrays
 * folding mutates are copied; the objects it only replaces (lots, terms,
 * reports, differences) are shared. The log is not kept.
 */
export function cloneLedgerState(state: LedgerState): LedgerState {
  const positions = new Map<string, PositionState>();
  for (const [key, held] of state.positions) positions.set(key, { ...held, lots: [...held.lots] });
  const controls = new Map<string, Map<string, IsoDate>>();
  for (const [entityId, controllers] of state.controls) controls.set(entityId, new Map(controllers));
  return {
    persons: new Map(state.persons),
    securities: new Map(state.securities),
    positions,
    sharesOutstanding: state.sharesOutstanding,
    caps: new Map(state.caps),
    controls,
    splitFactor: state.splitFactor,
    splitsApplied: state.splitsApplied,
    differences: [...state.differences],
    log: null,
  };
}

function terms(state: LedgerState, securityId: string, kind: SecurityKind): SecurityTerms {
  let found = state.securities.get(securityId);
  if (found === undefined) {
    found = { securityId, title: securityId, kind, statedValue: null, conversionPrice: null, sharesPerUnit: 1, exercisableFrom: null, expiresOn: null, factorAtTerms: state.splitFactor };
    state.securities.set(securityId, found);
  }
  return found;
}

function position(state: LedgerState, personId: string, securityId: string): PositionState {
  const key = `${personId}|${securityId}`;
  let found = state.positions.get(key);
  if (found === undefined) {
    found = { personId, securityId, quantity: 0, lots: [], lastReport: null, changedSinceReport: false, hadTransactions: false };
    state.positions.set(key, found);
  }
  return found;
}

/** A transaction changes a position by `change` units; negative changes take from the earliest lots. */
function transact(state: LedgerState, fact: Fact, personId: string, securityId: string, change: number, exercisableFrom: IsoDate | null = null, price: number | null = null): void {
  const held = position(state, personId, securityId);
  held.quantity += change;
  const last = held.lots.at(-1);
  // Lots differ only in exercisability; same-date additions merge so common stock keeps one lot.
  if (change > 0 && last !== undefined && last.exercisableFrom === exercisableFrom) held.lots[held.lots.length - 1] = { quantity: last.quantity + change, exercisableFrom };
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
    if (lot.quantity - taken > 0) lots.push(taken === 0 ? lot : { quantity: lot.quantity - taken, exercisableFrom: lot.exercisableFrom });
  }
  held.lots = lots;
}

function record(state: LedgerState, fact: Fact, held: PositionState, change: number, kind: ChangeEntry['kind'], note: string | null, pricePerShare: number | null = null): void {
  if (state.log === null) return;
  const data = fact.event.data;
  state.log.push({
    date: data.effectiveDate,
    precision: data.effectiveDatePrecision ?? 'exact',
    personId: held.personId,
    securityId: held.securityId,
    change,
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

function report(state: LedgerState, fact: Fact<Extract<Fact['event'], { type: 'PositionReported' }>>): void {
  const data = fact.event.data;
  const held = position(state, data.personId, data.securityId);
  const computed = held.quantity;
  const comparable = held.hadTransactions || held.lastReport !== null;
  let note: string | null = null;
  if (comparable && computed !== data.quantity) {
    // Never smoothed: the gap between the filing and its transactions is kept and named.
    const difference = data.quantity - computed;
    state.differences.push({ personId: data.personId, securityId: data.securityId, asOf: data.effectiveDate, reported: data.quantity, computed, difference, factId: fact.id, source: data.source });
    note = `reported ${data.quantity}, transactions give ${computed}: ${difference > 0 ? '+' : ''}${difference} unexplained`;
  }
  const exercisableFrom = data.exercisableFrom ?? state.securities.get(data.securityId)?.exercisableFrom ?? null;
  held.quantity = data.quantity;
  held.lots = data.quantity > 0 ? [{ quantity: data.quantity, exercisableFrom }] : [];
  held.lastReport = { asOf: data.effectiveDate, quantity: data.quantity, factId: fact.id, source: data.source };
  held.changedSinceReport = false;
  record(state, fact, held, data.quantity - computed, 'reported', note);
}

function split(state: LedgerState, fact: Fact, from: number, to: number): void {
  const ratio = to / from;
  state.splitFactor *= ratio;
  state.splitsApplied += 1;
  for (const held of state.positions.values()) {
    const kind = state.securities.get(held.securityId)?.kind ?? 'common';
    // Preferred shares and note principal do not split; their conversion prices do (see holdings).
    if (kind === 'convertible-preferred' || kind === 'convertible-note' || held.quantity === 0) continue;
    const before = held.quantity;
    // Integer arithmetic (x * to / from), so 30 shares in a 1-for-10 split are exactly 3; fractions are dropped.
    held.lots = held.lots.map((lot) => ({ quantity: Math.floor((lot.quantity * to) / from), exercisableFrom: lot.exercisableFrom }));
    held.quantity = held.lots.reduce((sum, lot) => sum + lot.quantity, 0);
    if (kind === 'common' && held.lots.length > 1) held.lots = [{ quantity: held.quantity, exercisableFrom: null }];
    held.changedSinceReport = held.lastReport !== null;
    record(state, fact, held, held.quantity - before, 'split', `split ${to}-for-${from}`);
  }
}

/** Updates the accumulator in place (it belongs to foldLedger); never touches the fact. */
export function evolveLedger(state: LedgerState, fact: Fact): void {
  const event = fact.event;
  switch (event.type) {
    case 'PersonIdentified':
      state.persons.set(event.data.personId, { name: event.data.name, kind: event.data.kind });
      return;
    case 'SecurityDescribed': {
      const d = event.data;
      state.securities.set(d.securityId, {
        securityId: d.securityId,
        title: d.title,
        kind: d.kind,
        statedValue: d.statedValue,
        conversionPrice: d.conversionPrice,
        sharesPerUnit: d.sharesPerUnit ?? 1,
        exercisableFrom: d.exercisableFrom,
        expiresOn: d.expiresOn,
        factorAtTerms: state.splitFactor,
      });
      return;
    }
    case 'PositionReported':
      report(state, fact as Fact<typeof event>);
      return;
    case 'SharesOutstandingReported':
      state.sharesOutstanding = { count: event.data.count, asOf: event.data.effectiveDate, reportedBy: event.data.reportedBy, factorAtReport: state.splitFactor, source: event.data.source };
      return;
    case 'SharesPurchased':
    case 'RsusVested':
      if (event.type === 'RsusVested') transact(state, fact, event.data.personId, 'common', event.data.sharesIssued);
      else transact(state, fact, event.data.personId, 'common', event.data.shares, null, event.data.pricePerShare);
      return;
    case 'SharesSold':
      transact(state, fact, event.data.personId, 'common', -event.data.shares, null, event.data.pricePerShare);
      return;
    case 'ConvertibleNoteIssued': {
      const note = terms(state, event.data.securityId, 'convertible-note');
      // Terms are replaced, never mutated, so a checkpoint's shallow copy stays valid.
      if (note.conversionPrice === null && event.data.conversionPrice !== null) state.securities.set(note.securityId, { ...note, conversionPrice: event.data.conversionPrice });
      transact(state, fact, event.data.personId, event.data.securityId, event.data.principal);
      return;
    }
    case 'ConvertibleNoteConverted':
      transact(state, fact, event.data.personId, event.data.securityId, -event.data.principalConverted);
      transact(state, fact, event.data.personId, 'common', event.data.sharesIssued);
      return;
    case 'ConvertibleNoteRepaid': {
      const held = position(state, event.data.personId, event.data.securityId);
      transact(state, fact, event.data.personId, event.data.securityId, -Math.min(held.quantity, event.data.principalRepaid ?? held.quantity));
      return;
    }
    case 'PreferredIssued':
      terms(state, event.data.securityId, 'convertible-preferred');
      transact(state, fact, event.data.personId, event.data.securityId, event.data.shares);
      return;
    case 'WarrantsIssued':
      terms(state, event.data.securityId, 'warrant');
      transact(state, fact, event.data.personId, event.data.securityId, event.data.shares, event.data.exercisableFrom, event.data.exercisePrice);
      return;
    case 'OptionsGranted':
      terms(state, event.data.securityId, 'option');
      transact(state, fact, event.data.personId, event.data.securityId, event.data.shares, event.data.exercisableFrom ?? NOT_YET_EXERCISABLE, event.data.exercisePrice);
      return;
    case 'OptionsVested': {
      const held = position(state, event.data.personId, event.data.securityId);
      // Moves `shares` from the unvested lots into a lot exercisable from the vesting date.
      let left = event.data.shares;
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
      lots.push({ quantity: event.data.shares - left, exercisableFrom: event.data.effectiveDate });
      held.lots = lots;
      record(state, fact, held, 0, 'transaction', `${event.data.shares - left} vested`);
      return;
    }
    case 'ExchangeCapSet':
      state.caps.set(event.data.capId, { capPercent: event.data.capPercent, baseSharesOutstanding: event.data.baseSharesOutstanding, securityIds: event.data.securityIds, liftedOn: null });
      return;
    case 'ExchangeCapLifted': {
      const cap = state.caps.get(event.data.capId);
      if (cap !== undefined) state.caps.set(event.data.capId, { ...cap, liftedOn: event.data.effectiveDate });
      return;
    }
    case 'StockSplit':
      split(state, fact, event.data.from, event.data.to);
      return;
    case 'ControlEstablished': {
      const controllers = state.controls.get(event.data.entityId) ?? new Map<string, IsoDate>();
      controllers.set(event.data.controllerId, event.data.effectiveDate);
      state.controls.set(event.data.entityId, controllers);
      return;
    }
    case 'ControlEnded':
      state.controls.get(event.data.entityId)?.delete(event.data.controllerId);
      return;
    case 'StatementFiled':
    case 'BeneficialOwnershipReported':
    case 'GroupFormed':
    case 'GroupMemberJoined':
    case 'GroupMemberLeft':
    case 'JointFilingAgreementSigned':
      return;
    default: {
      const unknown: never = event;
      throw new Error(`Unhandled event ${JSON.stringify(unknown)}`);
    }
  }
}
