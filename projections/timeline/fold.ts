/**
 * The one shape of every projection: a fold, `initialState` and `evolve` as in a decider
 * (STYLE.md: emmett's `typing/decider.ts`). Views that read a fold's state live apart
 * (projections/views/); which facts a fold sees, and from which checkpoint, is the
 * timeline's business (timeline.ts, fold-at.ts).
 */
import type { Fact } from './facts.js';
import { EMPTY_CONTEXT, foldContext, type FoldContext } from './fold-context.js';

export interface Fold<S> {
  /** Names the fold in tests and messages. */
  readonly name: string;
  initialState(): S;
  /**
   * The state after one more fact. Never touches the fact or the context. A fold without
   * `clone` never mutates a state either (it returns a new one when anything changes).
   */
  evolve(state: S, fact: Fact, context: FoldContext): S;
  /**
   * Only for a fold that updates its state in place (the positions fold, for speed): a copy
   * that later folding of either cannot affect, taken for a checkpoint and again when a query
   * starts from one. Absent: a state is never mutated, so it is its own checkpoint.
   */
  clone?(state: S): S;
}

/**
 * Folds `facts[start, end)` in the order given, from `state` (a fresh initial state by default).
 * A fold with `clone` updates the state passed in place: pass one the caller owns.
 */
export function foldFacts<S>(
  facts: readonly Fact[],
  fold: Fold<S>,
  context: FoldContext = EMPTY_CONTEXT,
  state: S = fold.initialState(),
  start = 0,
  end = facts.length,
): S {
  let current = state;
  for (let i = start; i < end; i++) current = fold.evolve(current, facts[i]!, context);
  return current;
}

/** A full replay: every fact, with the context the facts themselves give (splits, report sets). */
export function replay<S>(facts: readonly Fact[], fold: Fold<S>): S {
  return foldFacts(facts, fold, foldContext(facts));
}
