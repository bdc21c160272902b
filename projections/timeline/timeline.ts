/**
 * The timeline: one value that owns what a projection folds. It selects the facts
 * under the filedBy and recordedBy clocks (facts.ts), indexes them once
 * (prepared-facts.ts), carries the fold context every fold starts from
 * (fold-context.ts), the audit trail when asked for (audit-index.ts), and the
 * checkpoints of each fold it has been folded with (fold-at.ts). The third clock,
 * asOf, is each query's: `foldAt(timeline, asOf, fold)`.
 *
 * A plain value: nothing in it changes after it is built, but for the checkpoint
 * memo, which `foldAt` fills the first time a fold is asked for (the states in it
 * are equal to a replay, whoever fills it; see test/projections/checkpoints).
 */
import type { Envelope } from '../../src/domain/index.js';
import { auditIndex, type AuditIndex } from './audit-index.js';
import { selectFacts, type Clocks, type Fact } from './facts.js';
import { foldContext, type FoldContext } from './fold-context.js';
import { indexFacts, type PreparedFacts } from './prepared-facts.js';

/** The clocks that choose which facts exist (asOf chooses how many of them a query folds). */
export interface SelectionClocks {
  filedBy: Clocks['filedBy'];
  recordedBy: Clocks['recordedBy'];
}

/** States after folding the first `count` facts. */
export interface Checkpoint<S> {
  readonly count: number;
  readonly state: S;
}

export interface Timeline extends PreparedFacts {
  readonly kind: 'timeline';
  /** The clocks the facts were selected under; null when built from facts the caller selected. */
  readonly clocks: SelectionClocks | null;
  /** Splits and report sets of every fact selected: every fold starts with it (fold-context.ts). */
  readonly context: FoldContext;
  /** Corrections and retractions under the same clocks; null unless asked for. */
  readonly audit: AuditIndex | null;
  /** A checkpoint every this many facts (0: none), so a query folds at most this many after copying one. */
  readonly checkpointEvery: number;
  /** Per fold, its checkpoints: filled on the fold's first query (fold-at.ts). */
  readonly checkpoints: Map<object, readonly Checkpoint<unknown>[]>;
}

export interface TimelineOptions {
  /**
   * Keep a copy of each fold's state every this many facts, so an as-of query folds at
   * most this many facts after copying one state. 0: none (one query only).
   * @defaultValue 1024 for buildTimeline, 0 for asTimeline
   */
  checkpointEvery?: number;
  /**
   * Build the audit index (history shows corrections and retractions from it).
   * @defaultValue false
   */
  audit?: boolean;
}

/** Selects the facts of `envelopes` under the clocks and builds the timeline over them. */
export function buildTimeline(
  envelopes: readonly Envelope[],
  clocks: Partial<SelectionClocks> = {},
  options: TimelineOptions = {},
): Timeline {
  const selection: SelectionClocks = { filedBy: clocks.filedBy ?? null, recordedBy: clocks.recordedBy ?? null };
  const audit = options.audit === true ? auditIndex(envelopes, selection) : null;
  return make(selectFacts(envelopes, selection), selection, audit, options.checkpointEvery ?? 1024);
}

/** A timeline over facts already selected (and sorted) by selectFacts; a timeline is returned as it is. */
export function asTimeline(input: readonly Fact[] | Timeline, options: Omit<TimelineOptions, 'audit'> = {}): Timeline {
  if (isTimeline(input)) return input;
  return make(input, null, null, options.checkpointEvery ?? 0);
}

/** @deprecated The name before the timeline: use asTimeline. */
export const prepare = asTimeline;

export function isTimeline(input: readonly Fact[] | Timeline): input is Timeline {
  return !Array.isArray(input) && (input as Timeline).kind === 'timeline';
}

function make(
  facts: readonly Fact[],
  clocks: SelectionClocks | null,
  audit: AuditIndex | null,
  every: number,
): Timeline {
  const context = foldContext(facts);
  return {
    kind: 'timeline',
    ...indexFacts(facts),
    clocks,
    context,
    audit,
    checkpointEvery: every,
    checkpoints: new Map(),
  };
}
