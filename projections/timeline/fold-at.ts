/**
 * `foldAt(timeline, asOf, fold)`: the state of a fold after every fact effective on or
 * before `asOf`, started from the timeline's nearest checkpoint of that fold when it
 * keeps them. The one checkpointed loop: every view that needs a fold's state at a date
 * asks here.
 */
import type { IsoDate } from '../../src/domain/index.js';
import { foldFacts, type Fold } from './fold.js';
import { countEffectiveBy } from './prepared-facts.js';
import type { Checkpoint, Timeline } from './timeline.js';

/**
 * The fold of every fact effective on or before `asOf` (null: every fact). A fresh state the
 * caller owns: a checkpoint is copied (fold.clone) before it is folded on.
 */
export function foldAt<S>(timeline: Timeline, asOf: IsoDate | null, fold: Fold<S>): S {
  const count = asOf === null ? timeline.facts.length : countEffectiveBy(timeline, asOf);
  const checkpoint = nearest(checkpointsOf(timeline, fold), count);
  const start = checkpoint === null ? fold.initialState() : copy(fold, checkpoint.state);
  return foldFacts(timeline.facts, fold, timeline.context, start, checkpoint?.count ?? 0, count);
}

/**
 * The fold read at every date given, folding the facts once (results in the order of `dates`).
 * `read` sees the state while the fold goes on: what it returns must not share the state's
 * mutable parts (holdingsFromState copies what it reports).
 */
export function foldSeries<S, V>(
  timeline: Timeline,
  dates: readonly IsoDate[],
  fold: Fold<S>,
  read: (state: S, asOf: IsoDate) => V,
): V[] {
  const views = new Map<IsoDate, V>();
  let state = fold.initialState();
  let folded = 0;
  for (const asOf of [...new Set(dates)].sort()) {
    const count = countEffectiveBy(timeline, asOf);
    state = foldFacts(timeline.facts, fold, timeline.context, state, folded, count);
    folded = count;
    views.set(asOf, read(state, asOf));
  }
  return dates.map((asOf) => views.get(asOf)!);
}

function copy<S>(fold: Fold<S>, state: S): S {
  return fold.clone === undefined ? state : fold.clone(state);
}

/** The last checkpoint at or before `count` facts; null when none. */
function nearest<S>(checkpoints: readonly Checkpoint<S>[], count: number): Checkpoint<S> | null {
  let low = 0;
  let high = checkpoints.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (checkpoints[mid]!.count <= count) low = mid + 1;
    else high = mid;
  }
  return low === 0 ? null : checkpoints[low - 1]!;
}

/** Every as-of query folds a prefix of the facts, so it can start from any checkpoint inside that prefix. */
function checkpointsOf<S>(timeline: Timeline, fold: Fold<S>): readonly Checkpoint<S>[] {
  const every = timeline.checkpointEvery;
  if (every <= 0 || timeline.facts.length < 2 * every) return [];
  const kept = timeline.checkpoints.get(fold) as readonly Checkpoint<S>[] | undefined;
  if (kept !== undefined) return kept;
  const result: Checkpoint<S>[] = [];
  let state = fold.initialState();
  for (let count = every; count < timeline.facts.length; count += every) {
    state = foldFacts(timeline.facts, fold, timeline.context, state, count - every, count);
    result.push({ count, state: copy(fold, state) });
  }
  timeline.checkpoints.set(fold, result);
  return result;
}
