/**
 * Facts selected once under the filedBy/recordedBy clocks, with what every
 * as-of query needs indexed: effective dates for a binary search, person
 * names, the issuer's splits and the reported figures. Build it once per
 * (envelopes, clocks) and query it at as many dates as needed; it is a plain
 * value, never mutated after it is built.
 */
import type { Envelope, EventData, FactEvent, IsoDate } from '../../src/domain/index.js';
import { selectFacts, type Clocks, type Fact } from './facts.js';
import { foldContext, type FoldContext } from './fold-context.js';
import { cloneLedgerState, evolveLedger, initialLedgerState } from '../folds/positions.js';
import type { LedgerState } from '../folds/positions-types.js';

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
  readonly kind: 'prepared-facts';
  /** Sorted as selectFacts sorts them (effective date, rank, recorded order). */
  readonly facts: readonly Fact[];
  /** effectiveDates[i] is facts[i]'s effective date. */
  readonly effectiveDates: readonly IsoDate[];
  readonly names: ReadonlyMap<string, string>;
  /** Security titles are timeless like names: the latest SecurityDescribed title of each security. */
  readonly titles: ReadonlyMap<string, string>;
  /** Every ControlEstablished, in fold order. */
  readonly controls: readonly ControlFact[];
  /** Splits and report sets for the fold (every state built from these facts starts with it). */
  readonly context: FoldContext;
  /** Every split known under the clocks, in fold order (so a fold's splitsApplied indexes it). */
  readonly splits: readonly SplitFact[];
  /** Statements filed (any amendment), in fold order. */
  readonly statements: readonly StatementFact[];
  /** Item 5 figures as written, in fold order. */
  readonly ownershipReports: readonly OwnershipFact[];
  /** States after folding the first `count` facts, every `checkpointEvery` facts; never mutated (queries clone them). */
  readonly checkpoints: readonly { count: number; state: LedgerState }[];
}

export interface PrepareOptions {
  /**
   * Keep a copy of the fold state every this many facts, so an as-of query folds at
   * most this many facts after copying one state. 0: none (one query only).
   * @defaultValue 0 for prepare, 1024 for prepareFacts
   */
  checkpointEvery?: number;
}

export function isPrepared(input: readonly Fact[] | PreparedFacts): input is PreparedFacts {
  return !Array.isArray(input) && (input as PreparedFacts).kind === 'prepared-facts';
}

/** selectFacts and prepare in one step. */
export function prepareFacts(envelopes: readonly Envelope[], clocks: Omit<Clocks, 'asOf'> = {}, options: PrepareOptions = {}): PreparedFacts {
  return prepare(selectFacts(envelopes, clocks), { checkpointEvery: options.checkpointEvery ?? 1024 });
}

/** Indexes facts already selected (and sorted) by selectFacts. */
export function prepare(input: readonly Fact[] | PreparedFacts, options: PrepareOptions = {}): PreparedFacts {
  if (isPrepared(input)) return input;
  const splits: SplitFact[] = [];
  const statements: StatementFact[] = [];
  const ownershipReports: OwnershipFact[] = [];
  const titles = new Map<string, string>();
  const controls: ControlFact[] = [];
  for (const fact of input) {
    const event = fact.event;
    if (event.type === 'StockSplit') splits.push(splitOf(fact.id, event.data));
    else if (event.type === 'SecurityDescribed') titles.set(event.data.securityId, event.data.title);
    else if (event.type === 'ControlEstablished') {
      const d = event.data;
      controls.push({ controllerId: d.controllerId, entityId: d.entityId, effectiveDate: d.effectiveDate, precision: d.effectiveDatePrecision, filing: d.source.amendmentNumber });
    }
    else if (event.type === 'StatementFiled') statements.push(fact as StatementFact);
    else if (event.type === 'BeneficialOwnershipReported') ownershipReports.push(fact as OwnershipFact);
  }
  const effectiveDates = input.map((f) => f.event.data.effectiveDate);
  const context = foldContext(input);
  return { kind: 'prepared-facts', facts: input, effectiveDates, names: personNames(input), titles, controls, context, splits, statements, ownershipReports, checkpoints: checkpoints(input, context, options.checkpointEvery ?? 0) };
}

/** Every as-of query folds a prefix of the facts, so it can start from any checkpoint inside that prefix. */
function checkpoints(facts: readonly Fact[], context: FoldContext, every: number): { count: number; state: LedgerState }[] {
  if (every <= 0 || facts.length < 2 * every) return [];
  const result: { count: number; state: LedgerState }[] = [];
  const state = initialLedgerState(false, context);
  let last = 0;
  for (let i = 0; i < facts.length; i++) {
    if (i - last >= every) {
      result.push({ count: i, state: cloneLedgerState(state) });
      last = i;
    }
    evolveLedger(state, facts[i]!);
  }
  return result;
}

/** The fold of every fact effective on or before `asOf`: from the nearest checkpoint when there is one. A fresh state the caller owns. */
export function stateAt(prepared: PreparedFacts, asOf: IsoDate): LedgerState {
  const count = countEffectiveBy(prepared, asOf);
  let start = 0;
  let state: LedgerState | null = null;
  const cps = prepared.checkpoints;
  let low = 0;
  let high = cps.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (cps[mid]!.count <= count) low = mid + 1;
    else high = mid;
  }
  if (low > 0) {
    start = cps[low - 1]!.count;
    state = cloneLedgerState(cps[low - 1]!.state);
  }
  state ??= initialLedgerState(false, prepared.context);
  for (let i = start; i < count; i++) evolveLedger(state, prepared.facts[i]!);
  return state;
}

function splitOf(factId: string, data: EventData<'StockSplit'>): SplitFact {
  return { factId, effectiveDate: data.effectiveDate, disclosedOn: data.disclosedOn, from: data.from, to: data.to };
}

/** How many facts are effective on or before `asOf`: a binary search on the sorted dates. */
export function countEffectiveBy(prepared: PreparedFacts, asOf: IsoDate): number {
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
    else if (event.type === 'StatementFiled') for (const cover of event.data.coverPages) fromCovers.set(cover.personId, cover.name);
  }
  for (const [personId, name] of fromCovers) if (!names.has(personId)) names.set(personId, name);
  return names;
}
