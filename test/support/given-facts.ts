/**
 * Given/when/then for projection tests: `givenFacts(events)` is a ledger log (validated envelopes, recorded in
 * order at RECORDED unless said otherwise); its methods are the questions a test asks of it.
 */
import type { Clocks, Fact } from '../../projections/timeline/facts.js';
import { selectFacts } from '../../projections/timeline/facts.js';
import { foldAt } from '../../projections/timeline/fold-at.js';
import { asTimeline } from '../../projections/timeline/timeline.js';
import { positionsFold, positionsLogFold, type LedgerState } from '../../projections/folds/positions.js';
import { holdingsFromEnvelopes, type HoldingsOptions } from '../../projections/views/holdings-at.js';
import type { Holder, HoldingsView, SecurityHolding } from '../../projections/views/holdings-types.js';
import { reconcile, type ReconciliationView } from '../../projections/views/reconciliation.js';
import type { DomainEventInput, Envelope } from '../../src/domain/index.js';
import { envelopes, RECORDED } from '../projections/build.js';

export interface GivenFacts {
  readonly log: readonly Envelope[];
  /** The same log with `events` recorded after it at `recordedAt` (default RECORDED). */
  and(events: DomainEventInput[], recordedAt?: string): GivenFacts;
  /** The same log with these envelopes after it (positions renumbered to follow the log). */
  andEnvelopes(more: readonly Envelope[]): GivenFacts;
  facts(clocks?: Omit<Clocks, 'asOf'>): Fact[];
  holdings(asOf: string, clocks?: Omit<Clocks, 'asOf'>, options?: HoldingsOptions): HoldingsView;
  /** One holder's figures; fails the test naming the holders present when there is none. */
  holder(personId: string, asOf: string, clocks?: Omit<Clocks, 'asOf'>, options?: HoldingsOptions): Holder;
  security(personId: string, securityId: string, asOf: string): SecurityHolding;
  reconciled(clocks?: Omit<Clocks, 'asOf'>): ReconciliationView;
  /** The positions fold's state after every fact effective by `asOf` (null: all), with its change log. */
  ledger(asOf?: string | null): LedgerState;
  /** The same fold without the change log (as holdings folds it). */
  ledgerWithoutLog(asOf?: string | null): LedgerState;
}

export function givenFacts(events: DomainEventInput[], recordedAt = RECORDED): GivenFacts {
  return givenLog(envelopes(events, recordedAt));
}

export function givenLog(log: readonly Envelope[]): GivenFacts {
  const given: GivenFacts = {
    log,
    and: (events, recordedAt = RECORDED) => givenLog([...log, ...envelopes(events, recordedAt, log.length)]),
    andEnvelopes: (more) => givenLog([...log, ...more.map((e, i) => ({ ...e, position: log.length + i }))]),
    facts: (clocks = {}) => selectFacts(log, clocks),
    holdings: (asOf, clocks = {}, options = {}) => holdingsFromEnvelopes(log, { ...clocks, asOf }, options),
    holder(personId, asOf, clocks = {}, options = {}) {
      const view = given.holdings(asOf, clocks, options);
      const found = view.holders.find((h) => h.personId === personId);
      if (found === undefined) {
        throw new Error(
          `no holder "${personId}" at ${asOf}; holders: ${view.holders.map((h) => h.personId).join(', ')}`,
        );
      }
      return found;
    },
    security(personId, securityId, asOf) {
      const holding = given.holder(personId, asOf).securities.find((s) => s.securityId === securityId);
      if (holding === undefined) throw new Error(`"${personId}" holds no "${securityId}" at ${asOf}`);
      return holding;
    },
    reconciled: (clocks = {}) => reconcile(selectFacts(log, clocks)),
    ledger: (asOf = null) => foldAt(asTimeline(selectFacts(log, {})), asOf, positionsLogFold),
    ledgerWithoutLog: (asOf = null) => foldAt(asTimeline(selectFacts(log, {})), asOf, positionsFold),
  };
  return given;
}
