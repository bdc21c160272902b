/** The shapes of the holdings view (holdings.ts); JSON contract: fields are added, never renamed. */
import type { IsoDate, ReportedPercent } from '../../src/domain/index.js';
import type { Basis, UnexplainedDifference } from '../folds/positions-types.js';
import type { ShareBasis, ShareBasisAdjustment } from './share-basis.js';

export interface SecurityHolding {
  securityId: string;
  title: string;
  kind: string;
  /** Who holds it: the person, or an entity the person controls. */
  heldBy: string;
  ownership: 'direct' | 'indirect';
  quantity: number;
  /** Common shares issuable on conversion or exercise; null for common stock or when terms are unknown. */
  sharesIssuable: number | null;
  exercisableWithin60Days: boolean;
  /** Shares issuable that an exchange cap blocks at the date. */
  blockedByCap: number;
  /** Shares this security adds to the aggregate. */
  countedShares: number;
  /** Conversion price per common share in the share basis shown (convertibles); null when none is known. */
  conversionPrice: number | null;
  basis: Basis;
  reportedAsOf: IsoDate | null;
}

export interface Holder {
  personId: string;
  name: string;
  securities: SecurityHolding[];
  /** Common shares owned, directly and through controlled entities. */
  sharesOwned: { direct: number; indirect: number };
  /** Shares the person may acquire within 60 days (own and through controlled entities). */
  rightsCounted: number;
  /** Null only where the filing that gives the person's figures leaves the row blank (never read as zero). */
  aggregate: number | null;
  /** Percent units (85.72 means 85.72%), unrounded; null with percentOfClassReason when unknown. */
  percentOfClass: number | null;
  percentOfClassReason: string | null;
  soleVotingPower: number | null;
  sharedVotingPower: number | null;
  soleDispositivePower: number | null;
  sharedDispositivePower: number | null;
  basis: Basis;
  controlledEntities: string[];
  /** In the share basis of each difference's as-of date (not restated to the view's). */
  unexplainedDifferences: UnexplainedDifference[];
  notes: string[];
  /** False when the figures come from a cover page or Item 5 that gives no breakdown into securities. */
  breakdownKnown: boolean;
  /**
   * What a filing reports for this person: the figures shown when the filing gives no breakdown
   * (breakdownKnown false), or, for computed figures, those stated as of the view's date, which
   * they are checked against; null when no filing states the person's figures as of then.
   */
  reportedFigures: ReportedFigures | null;
  /** Computed figures that differ from reportedFigures (both numbers); the holder's basis is then `derived`. */
  differsFromReported: FigureDifference[];
}

export interface ReportedFigures {
  kind: 'cover-page' | 'item-5';
  /** "Schedule 13D", "Amendment No. 8". */
  filing: string;
  amendmentNumber: number | null;
  filedOn: IsoDate;
  asOf: IsoDate;
  factId: string;
  /** Each figure as the filing states it; null where the cover page leaves the row blank. */
  aggregate: number | null;
  /** Row 13 (or Item 5(a)) as written. */
  percentOfClass: ReportedPercent | null;
  soleVotingPower: number | null;
  sharedVotingPower: number | null;
  soleDispositivePower: number | null;
  sharedDispositivePower: number | null;
  /** Rows of this person's cover page the ingest read with doubt (what was read and why); absent when none. */
  readWithDoubt?: { row: number; read: string; reason: string; place: string }[];
}

export type FigureField =
  | 'aggregate'
  | 'percentOfClass'
  | 'soleVotingPower'
  | 'sharedVotingPower'
  | 'soleDispositivePower'
  | 'sharedDispositivePower';

export interface FigureDifference {
  field: FigureField;
  /** As the filing states it (percent: its text). */
  reported: number | string;
  computed: number;
}

export interface HoldingsView {
  asOf: IsoDate;
  sharesOutstanding: { value: number; asOf: IsoDate; source: string; basis: Basis } | null;
  holders: Holder[];
  /** @defaultValue 'as-reported' */
  shareBasis: ShareBasis;
  /** For `adjusted`: the factor applied to counts (prices divided by it) and the splits it includes; else null. */
  shareBasisAdjustment: ShareBasisAdjustment | null;
  /** One line saying which share basis the figures are in (and any later split known). */
  shareBasisNote: string;
  /** Notes on the whole view (stale shares outstanding, control known only from a date). */
  notes: string[];
}
