/** The shapes of the positions fold's state (see positions.ts). */
import type { EventData, IsoDate, Source } from '../../src/domain/index.js';

export type Basis = 'reported' | 'derived' | 'transactions';
export type SecurityKind = EventData<'SecurityDescribed'>['kind'];

/** Exercisability of options granted but not yet vested. */
export const NOT_YET_EXERCISABLE = '9999-12-31';

export interface SecurityTerms {
  securityId: string;
  title: string;
  kind: SecurityKind;
  statedValue: number | null;
  conversionPrice: number | null;
  sharesPerUnit: number;
  exercisableFrom: IsoDate | null;
  expiresOn: IsoDate | null;
  /** Split factor when the terms were stated, to restate prices after a split. */
  factorAtTerms: number;
}

export interface Lot {
  quantity: number;
  /** null: exercisable at once. */
  exercisableFrom: IsoDate | null;
}

export interface PositionState {
  personId: string;
  securityId: string;
  /** Units: shares, preferred shares, warrant/option shares, note principal in dollars. */
  quantity: number;
  lots: Lot[];
  lastReport: { asOf: IsoDate; quantity: number; factId: string; source: Source } | null;
  changedSinceReport: boolean;
  hadTransactions: boolean;
  /** First met in a disposal with no report before it: the quantity before is unknown until a filing reports one. */
  baseUnknown: boolean;
}

export interface UnexplainedDifference {
  /**
   * 'reported-position' (default when absent): a filing's figure against what the transactions give.
   * 'sale-exceeds-holding': a sale or conversion of more than the transactions say was held; `reported`
   * is the amount disposed of, `computed` the holding before it, `difference` the shortfall.
   */
  kind?: 'reported-position' | 'sale-exceeds-holding';
  personId: string;
  securityId: string;
  asOf: IsoDate;
  /** In the share basis of `asOf`; 0 when a filing's breakdown leaves the security out (the position is closed). */
  reported: number;
  /** What the last report plus the transactions since (or the transactions alone) give. */
  computed: number;
  difference: number;
  factId: string;
  source: Source;
}

export interface ChangeEntry {
  date: IsoDate;
  precision: 'exact' | 'on-or-before';
  personId: string;
  securityId: string;
  change: number;
  quantityAfter: number;
  kind: 'transaction' | 'reported' | 'split';
  eventType: string;
  factId: string;
  disclosedOn: IsoDate;
  source: Source;
  note: string | null;
  /**
   * Price per common share the event states (purchase, sale, exercise price), in the share basis
   * of `date`; null when none.
   */
  pricePerShare: number | null;
  /** How many of the issuer's splits had been applied when this entry was made (to restate it later). */
  splitsApplied: number;
}

export interface CapState {
  capPercent: number;
  baseSharesOutstanding: number | null;
  securityIds: string[];
  liftedOn: IsoDate | null;
}

export interface LedgerState {
  persons: Map<string, { name: string; kind: 'entity' | 'individual' }>;
  securities: Map<string, SecurityTerms>;
  /** Keyed `${personId}|${securityId}`, in first-seen order. */
  positions: Map<string, PositionState>;
  /** The same positions by person (for a filing's breakdown closing the rest). */
  positionsOf: Map<string, PositionState[]>;
  sharesOutstanding: {
    count: number;
    asOf: IsoDate;
    reportedBy: string;
    factorAtReport: number;
    source: Source;
  } | null;
  caps: Map<string, CapState>;
  /** entity -> controller -> since. */
  controls: Map<string, Map<string, IsoDate>>;
  /** Product of every split's to/from so far. */
  splitFactor: number;
  /** Number of splits folded so far (an index into the issuer's splits in fold order). */
  splitsApplied: number;
  differences: UnexplainedDifference[];
  /** Change log, kept only when asked (history). */
  log: ChangeEntry[] | null;
  /** person -> the report set (reportSetKey) last applied, so its closing runs once. */
  reportSetApplied: Map<string, string>;
}
