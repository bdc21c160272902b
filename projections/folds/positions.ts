/**
 * The positions fold under every holdings, history and reconciliation view:
 * securities held per person, reported positions and the transactions since,
 * shares outstanding, exchange caps, control, splits.
 *
 * `foldLedger` is pure at its boundary (facts in, a fresh state out, inputs
 * untouched); inside it one accumulator it owns is updated in place, so the
 * fold allocates only where a position changes (the product replays millions).
 *
 * Share basis: every count and per-share price a fact states is in the basis in
 * force on its disclosedOn date; the fold converts it into the basis at its
 * effective date (fold-context.ts), so the state is always in the basis in force
 * at the date folded to.
 * Reported positions: a filing's breakdown of a person's securities is that
 * person's complete holding as of its date; earlier positions it leaves out are
 * closed, and named as unexplained when the transactions do not close them.
 */
import { commonSharesOf, type IsoDate } from '../../src/domain/index.js';
import type { Fact } from '../timeline/facts.js';
import { countAtEffective, disclosureRatio, EMPTY_CONTEXT, foldContext, priceAtEffective, type FoldContext } from '../timeline/fold-context.js';
import { position, record, report, split, terms, transact } from './position-changes.js';
import { NOT_YET_EXERCISABLE, type LedgerState, type Lot, type PositionState } from './positions-types.js';
import { fmt } from '../format.js';

export * from './positions-types.js';

export function initialLedgerState(withLog = false, context: FoldContext = EMPTY_CONTEXT): LedgerState {
  return { persons: new Map(), securities: new Map(), positions: new Map(), positionsOf: new Map(), sharesOutstanding: null, caps: new Map(), controls: new Map(), splitFactor: 1, splitsApplied: 0, differences: [], log: withLog ? [] : null, context, reportSetApplied: new Map() };
}

/** `context`: pass the one of a larger selection when folding a prefix of it (splits effective later still matter). */
export function foldLedger(facts: readonly Fact[], options: { withLog?: boolean; context?: FoldContext } = {}): LedgerState {
  const state = initialLedgerState(options.withLog ?? false, options.context ?? foldContext(facts));
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
    log: null,
    context: state.context,
    reportSetApplied: new Map(state.reportSetApplied),
  };
}

/** Updates the accumulator in place (it belongs to foldLedger); never touches the fact. */
export function evolveLedger(state: LedgerState, fact: Fact): void {
  const event = fact.event;
  // Counts and prices in the basis of the disclosure, converted to the basis at the effective date.
  const ratio = state.context.splits.length === 0 ? null : disclosureRatio(state.context, event.data);
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
    case 'PositionReported':
      report(state, fact as Fact<typeof event>);
      return;
    case 'SharesOutstandingReported':
      state.sharesOutstanding = { count: countAtEffective(event.data.count, ratio), asOf: event.data.effectiveDate, reportedBy: event.data.reportedBy, factorAtReport: state.splitFactor, source: event.data.source };
      return;
    case 'SharesPurchased':
    case 'SharesSold':
    case 'RsusVested':
      // The catalogue says what each does to the holder's common shares.
      transact(state, fact, event.data.personId, 'common', countAtEffective(commonSharesOf(event), ratio), null, event.type === 'RsusVested' ? null : priceAtEffective(event.data.pricePerShare, ratio));
      return;
    case 'ConvertibleNoteIssued': {
      const note = terms(state, event.data.securityId, 'convertible-note');
      // Terms are replaced, never mutated, so a checkpoint's shallow copy stays valid.
      if (note.conversionPrice === null && event.data.conversionPrice !== null) state.securities.set(note.securityId, { ...note, conversionPrice: priceAtEffective(event.data.conversionPrice, ratio) });
      transact(state, fact, event.data.personId, event.data.securityId, event.data.principal);
      return;
    }
    case 'ConvertibleNoteConverted':
      transact(state, fact, event.data.personId, event.data.securityId, -event.data.principalConverted);
      transact(state, fact, event.data.personId, 'common', countAtEffective(commonSharesOf(event), ratio));
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
      transact(state, fact, event.data.personId, event.data.securityId, countAtEffective(event.data.shares, ratio), event.data.exercisableFrom, priceAtEffective(event.data.exercisePrice, ratio));
      return;
    case 'OptionsGranted':
      terms(state, event.data.securityId, 'option');
      transact(state, fact, event.data.personId, event.data.securityId, countAtEffective(event.data.shares, ratio), event.data.exercisableFrom ?? NOT_YET_EXERCISABLE, priceAtEffective(event.data.exercisePrice, ratio));
      return;
    case 'OptionsVested': {
      const held = position(state, event.data.personId, event.data.securityId);
      // Moves `shares` from the unvested lots into a lot exercisable from the vesting date.
      const shares = countAtEffective(event.data.shares, ratio);
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
      return;
    }
    case 'ExchangeCapSet':
      state.caps.set(event.data.capId, { capPercent: event.data.capPercent, baseSharesOutstanding: event.data.baseSharesOutstanding === null ? null : countAtEffective(event.data.baseSharesOutstanding, ratio), securityIds: event.data.securityIds, liftedOn: null });
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
