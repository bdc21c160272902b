/**
 * The positions fold under every holdings, history and reconciliation view:
 * securities held per person, reported positions and the transactions since,
 * shares outstanding, exchange caps, control, splits.
 *
 * The one fold that updates its state in place, for speed (the product replays
 * millions of facts): `evolveLedger` and the changes it makes (position-changes.ts)
 * mutate the accumulator they are given, so the fold allocates only where a position
 * changes. That mutation stays inside this folder: `foldAt` hands every query a
 * fresh state or a copy of a checkpoint (`cloneLedgerState`), and no view writes to
 * a state. Facts and the fold context are never touched.
 *
 * Share basis: every count and per-share price a fact states is in the basis in
 * force on its disclosedOn date; the fold converts it into the basis at its
 * effective date (fold-context.ts), so the state is always in the basis in force
 * at the date folded to.
 * Reported positions: a filing's breakdown of a person's securities is that
 * person's complete holding as of its date; earlier positions it leaves out are
 * closed, and named as unexplained when the transactions do not close them.
 */
import { commonSharesOf, type FactEvent, type IsoDate } from '../../src/domain/index.js';
import type { Fact } from '../timeline/facts.js';
import type { Fold } from '../timeline/fold.js';
import {
  countAtEffective,
  disclosureRatio,
  priceAtEffective,
  type BasisRatio,
  type FoldContext,
} from '../timeline/fold-context.js';
import { position, report, split, terms, transact, vest } from './position-changes.js';
import { NOT_YET_EXERCISABLE, type LedgerState, type PositionState } from './positions-types.js';

export * from './positions-types.js';

/** Positions without the change log: holdings. */
export const positionsFold: Fold<LedgerState> = {
  name: 'positions',
  initialState: () => initialLedgerState(false),
  evolve: evolveLedger,
  clone: cloneLedgerState,
};

/** Positions with every change logged: history and reconciliation. */
export const positionsLogFold: Fold<LedgerState> = {
  name: 'positions with their change log',
  initialState: () => initialLedgerState(true),
  evolve: evolveLedger,
  clone: cloneLedgerState,
};

export function initialLedgerState(withLog = false): LedgerState {
  return {
    persons: new Map(),
    securities: new Map(),
    positions: new Map(),
    positionsOf: new Map(),
    sharesOutstanding: null,
    caps: new Map(),
    controls: new Map(),
    splitFactor: 1,
    splitsApplied: 0,
    differences: [],
    log: withLog ? [] : null,
    reportSetApplied: new Map(),
  };
}

/**
 * A copy that later folding of either cannot affect: the maps and the arrays
 * folding mutates are copied; the objects it only replaces (lots, terms,
 * reports, differences, log entries) are shared.
 */
export function cloneLedgerState(state: LedgerState): LedgerState {
  const positions = new Map<string, PositionState>();
  const positionsOf = new Map<string, PositionState[]>();
  for (const [key, held] of state.positions) {
    const copy = { ...held, lots: [...held.lots] };
    positions.set(key, copy);
    const mine = positionsOf.get(held.personId);
    if (mine === undefined) positionsOf.set(held.personId, [copy]);
    else mine.push(copy);
  }
  const controls = new Map<string, Map<string, IsoDate>>();
  for (const [entityId, controllers] of state.controls) controls.set(entityId, new Map(controllers));
  return {
    persons: new Map(state.persons),
    securities: new Map(state.securities),
    positions,
    positionsOf,
    sharesOutstanding: state.sharesOutstanding,
    caps: new Map(state.caps),
    controls,
    splitFactor: state.splitFactor,
    splitsApplied: state.splitsApplied,
    differences: [...state.differences],
    log: state.log === null ? null : [...state.log],
    reportSetApplied: new Map(state.reportSetApplied),
  };
}

type EventOf<T extends FactEvent['type']> = Extract<FactEvent, { type: T }>;
type Definition = EventOf<'PersonIdentified' | 'SecurityDescribed' | 'ControlEstablished' | 'ControlEnded'>;
type Transaction = EventOf<
  | 'SharesPurchased'
  | 'SharesSold'
  | 'RsusVested'
  | 'ConvertibleNoteIssued'
  | 'ConvertibleNoteConverted'
  | 'ConvertibleNoteRepaid'
  | 'PreferredIssued'
  | 'WarrantsIssued'
  | 'OptionsGranted'
  | 'OptionsVested'
  | 'StockSplit'
>;

/** Updates the accumulator in place and returns it (see the file's comment); never touches the fact. */
export function evolveLedger(state: LedgerState, fact: Fact, context: FoldContext): LedgerState {
  const event = fact.event;
  // Counts and prices in the basis of the disclosure, converted to the basis at the effective date.
  const ratio = context.splits.length === 0 ? null : disclosureRatio(context, event.data);
  switch (event.type) {
    case 'PersonIdentified':
    case 'SecurityDescribed':
    case 'ControlEstablished':
    case 'ControlEnded':
      define(state, event, ratio);
      break;
    case 'SharesPurchased':
    case 'SharesSold':
    case 'RsusVested':
    case 'ConvertibleNoteIssued':
    case 'ConvertibleNoteConverted':
    case 'ConvertibleNoteRepaid':
    case 'PreferredIssued':
    case 'WarrantsIssued':
    case 'OptionsGranted':
    case 'OptionsVested':
    case 'StockSplit':
      trade(state, fact as Fact<Transaction>, ratio);
      break;
    case 'PositionReported':
      report(state, fact as Fact<typeof event>, context);
      break;
    case 'SharesOutstandingReported':
      state.sharesOutstanding = outstandingReported(state, event, ratio);
      break;
    case 'ExchangeCapSet':
    case 'ExchangeCapLifted':
      capChanged(state, event, ratio);
      break;
    case 'StatementFiled':
    case 'BeneficialOwnershipReported':
    case 'GroupFormed':
    case 'GroupMemberJoined':
    case 'GroupMemberLeft':
    case 'JointFilingAgreementSigned':
      break;
    default: {
      const unknown: never = event;
      throw new Error(`Unhandled event ${JSON.stringify(unknown)}`);
    }
  }
  return state;
}

/** A count of the class's shares outstanding, in the basis of its effective date. */
function outstandingReported(
  state: LedgerState,
  event: Extract<FactEvent, { type: 'SharesOutstandingReported' }>,
  ratio: BasisRatio | null,
): LedgerState['sharesOutstanding'] {
  const d = event.data;
  return {
    count: countAtEffective(d.count, ratio),
    asOf: d.effectiveDate,
    reportedBy: d.reportedBy,
    factorAtReport: state.splitFactor,
    source: d.source,
  };
}

/** An exchange cap set, or lifted from its effective date. */
function capChanged(
  state: LedgerState,
  event: Extract<FactEvent, { type: 'ExchangeCapSet' | 'ExchangeCapLifted' }>,
  ratio: BasisRatio | null,
): void {
  if (event.type === 'ExchangeCapLifted') {
    const cap = state.caps.get(event.data.capId);
    if (cap !== undefined) state.caps.set(event.data.capId, { ...cap, liftedOn: event.data.effectiveDate });
    return;
  }
  const d = event.data;
  const base = d.baseSharesOutstanding === null ? null : countAtEffective(d.baseSharesOutstanding, ratio);
  state.caps.set(d.capId, {
    capPercent: d.capPercent,
    baseSharesOutstanding: base,
    securityIds: d.securityIds,
    liftedOn: null,
  });
}

/** Who and what exists: persons, the terms of securities, control. */
function define(state: LedgerState, event: Definition, ratio: BasisRatio | null): void {
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
        conversionPrice: priceAtEffective(d.conversionPrice, ratio),
        sharesPerUnit: d.sharesPerUnit ?? 1,
        exercisableFrom: d.exercisableFrom,
        expiresOn: d.expiresOn,
        factorAtTerms: state.splitFactor,
      });
      return;
    }
    case 'ControlEstablished': {
      const controllers = state.controls.get(event.data.entityId) ?? new Map<string, IsoDate>();
      controllers.set(event.data.controllerId, event.data.effectiveDate);
      state.controls.set(event.data.entityId, controllers);
      return;
    }
    case 'ControlEnded':
      state.controls.get(event.data.entityId)?.delete(event.data.controllerId);
      return;
    default: {
      const unknown: never = event;
      throw new Error(`Unhandled definition ${JSON.stringify(unknown)}`);
    }
  }
}

/** Securities issued to a holder: preferred shares, warrants, options (unvested until stated). */
function issue(
  state: LedgerState,
  fact: Fact<Extract<FactEvent, { type: 'PreferredIssued' | 'WarrantsIssued' | 'OptionsGranted' }>>,
  ratio: BasisRatio | null,
): void {
  const event = fact.event;
  switch (event.type) {
    case 'PreferredIssued':
      terms(state, event.data.securityId, 'convertible-preferred');
      transact(state, fact, event.data.personId, event.data.securityId, event.data.shares);
      return;
    case 'WarrantsIssued': {
      const d = event.data;
      terms(state, d.securityId, 'warrant');
      const shares = countAtEffective(d.shares, ratio);
      const price = priceAtEffective(d.exercisePrice, ratio);
      transact(state, fact, d.personId, d.securityId, shares, d.exercisableFrom, price);
      return;
    }
    case 'OptionsGranted': {
      const d = event.data;
      terms(state, d.securityId, 'option');
      const shares = countAtEffective(d.shares, ratio);
      const from = d.exercisableFrom ?? NOT_YET_EXERCISABLE;
      transact(state, fact, d.personId, d.securityId, shares, from, priceAtEffective(d.exercisePrice, ratio));
      return;
    }
  }
}

/** Something that happened to a position: a trade, an issuance, a conversion, a vesting, a split. */
function trade(state: LedgerState, fact: Fact<Transaction>, ratio: BasisRatio | null): void {
  const event = fact.event;
  switch (event.type) {
    case 'SharesPurchased':
    case 'SharesSold':
    case 'RsusVested': {
      // The catalogue says what each does to the holder's common shares.
      const shares = countAtEffective(commonSharesOf(event), ratio);
      const price = event.type === 'RsusVested' ? null : priceAtEffective(event.data.pricePerShare, ratio);
      transact(state, fact, event.data.personId, 'common', shares, null, price);
      return;
    }
    case 'ConvertibleNoteIssued': {
      const d = event.data;
      const note = terms(state, d.securityId, 'convertible-note');
      // Terms are replaced, never mutated, so a checkpoint's shallow copy stays valid.
      if (note.conversionPrice === null && d.conversionPrice !== null) {
        state.securities.set(note.securityId, { ...note, conversionPrice: priceAtEffective(d.conversionPrice, ratio) });
      }
      transact(state, fact, d.personId, d.securityId, d.principal);
      return;
    }
    case 'ConvertibleNoteConverted':
      transact(state, fact, event.data.personId, event.data.securityId, -event.data.principalConverted);
      transact(state, fact, event.data.personId, 'common', countAtEffective(commonSharesOf(event), ratio));
      return;
    case 'ConvertibleNoteRepaid': {
      const d = event.data;
      const held = position(state, d.personId, d.securityId);
      transact(state, fact, d.personId, d.securityId, -Math.min(held.quantity, d.principalRepaid ?? held.quantity));
      return;
    }
    case 'PreferredIssued':
    case 'WarrantsIssued':
    case 'OptionsGranted':
      issue(state, fact as Fact<typeof event>, ratio);
      return;
    case 'OptionsVested':
      vest(state, fact as Fact<typeof event>, countAtEffective(event.data.shares, ratio));
      return;
    case 'StockSplit':
      split(state, fact, event.data.from, event.data.to);
      return;
    default: {
      const unknown: never = event;
      throw new Error(`Unhandled transaction ${JSON.stringify(unknown)}`);
    }
  }
}
