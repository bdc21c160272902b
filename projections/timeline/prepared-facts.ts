/**
 * What every as-of query needs indexed, built once from the selected facts: effective
 * dates for a binary search, person names and security titles (timeless), the issuer's
 * splits and control relationships, the statements filed and the Item 5 figures.
 * A plain value, never mutated after it is built; the timeline (timeline.ts) carries it.
 */
import type { EventData, FactEvent, IsoDate } from '../../src/domain/index.js';
import type { Fact } from './facts.js';

/** A stock split as the share-basis restatement needs it. */
export interface SplitFact {
  factId: string;
  effectiveDate: IsoDate;
  disclosedOn: IsoDate;
  /** Every `from` shares became `to` shares (1-for-10 reverse: from 10, to 1). */
  from: number;
  to: number;
}

/** A control relationship as the holdings notes need it. */
export interface ControlFact {
  controllerId: string;
  entityId: string;
  effectiveDate: IsoDate;
  precision: 'exact' | 'on-or-before';
  filing: number | null;
}

export type StatementFact = Fact<Extract<FactEvent, { type: 'StatementFiled' }>>;
export type OwnershipFact = Fact<Extract<FactEvent, { type: 'BeneficialOwnershipReported' }>>;

export interface PreparedFacts {
  /** Sorted as selectFacts sorts them (effective date, rank, recorded order). */
  readonly facts: readonly Fact[];
  /** effectiveDates[i] is facts[i]'s effective date. */
  readonly effectiveDates: readonly IsoDate[];
  readonly names: ReadonlyMap<string, string>;
  /** Security titles are timeless like names: the latest SecurityDescribed title of each security. */
  readonly titles: ReadonlyMap<string, string>;
  /** Every ControlEstablished, in fold order. */
  readonly controls: readonly ControlFact[];
  /** Every split known under the clocks, in fold order (so a fold's splitsApplied indexes it). */
  readonly splits: readonly SplitFact[];
  /** Statements filed (any amendment), in fold order. */
  readonly statements: readonly StatementFact[];
  /** Item 5 figures as written, in fold order. */
  readonly ownershipReports: readonly OwnershipFact[];
}

/** Indexes facts already selected (and sorted) by selectFacts. */
export function indexFacts(facts: readonly Fact[]): PreparedFacts {
  const splits: SplitFact[] = [];
  const statements: StatementFact[] = [];
  const ownershipReports: OwnershipFact[] = [];
  const titles = new Map<string, string>();
  const controls: ControlFact[] = [];
  for (const fact of facts) {
    const event = fact.event;
    if (event.type === 'StockSplit') splits.push(splitOf(fact.id, event.data));
    else if (event.type === 'SecurityDescribed') titles.set(event.data.securityId, event.data.title);
    else if (event.type === 'ControlEstablished') controls.push(controlOf(event.data));
    else if (event.type === 'StatementFiled') statements.push(fact as StatementFact);
    else if (event.type === 'BeneficialOwnershipReported') ownershipReports.push(fact as OwnershipFact);
  }
  const effectiveDates = facts.map((f) => f.event.data.effectiveDate);
  const names = personNames(facts);
  return { facts, effectiveDates, names, titles, controls, splits, statements, ownershipReports };
}

function splitOf(factId: string, data: EventData<'StockSplit'>): SplitFact {
  return { factId, effectiveDate: data.effectiveDate, disclosedOn: data.disclosedOn, from: data.from, to: data.to };
}

function controlOf(d: EventData<'ControlEstablished'>): ControlFact {
  return {
    controllerId: d.controllerId,
    entityId: d.entityId,
    effectiveDate: d.effectiveDate,
    precision: d.effectiveDatePrecision,
    filing: d.source.amendmentNumber,
  };
}

/** How many facts are effective on or before `asOf`: a binary search on the sorted dates. */
export function countEffectiveBy(prepared: Pick<PreparedFacts, 'effectiveDates'>, asOf: IsoDate): number {
  const dates = prepared.effectiveDates;
  let low = 0;
  let high = dates.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (dates[mid]! <= asOf) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Names are timeless: a person identified by a later filing is named at every date.
 * A person known only from a cover page (row 1) is named as printed there.
 */
export function personNames(facts: readonly Fact[]): Map<string, string> {
  const names = new Map<string, string>();
  const fromCovers = new Map<string, string>();
  for (const fact of facts) {
    const event = fact.event;
    if (event.type === 'PersonIdentified') names.set(event.data.personId, event.data.name);
    else if (event.type === 'StatementFiled') {
      for (const cover of event.data.coverPages) fromCovers.set(cover.personId, cover.name);
    }
  }
  for (const [personId, name] of fromCovers) if (!names.has(personId)) names.set(personId, name);
  return names;
}
