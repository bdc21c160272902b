/**
 * The projections' public entry: pure folds over decoded events, no I/O, no clock.
 * - timeline/: which facts exist under the clocks, indexed once, with the fold context and
 *   checkpoints; `foldAt(timeline, asOf, fold)` folds any fold to a date.
 * - folds/: every projection as `{ initialState, evolve }` (timeline/fold.ts).
 * - views/: what the CLI and HTTP show, read from a fold's state.
 */
export * from './timeline/facts.js';
export * from './timeline/audit-index.js';
export * from './timeline/fold-context.js';
export * from './timeline/prepared-facts.js';
export * from './timeline/timeline.js';
export * from './timeline/fold.js';
export * from './timeline/fold-at.js';
export * from './folds/positions.js';
export * from './folds/cover-pages.js';
export * from './folds/groups.js';
export * from './folds/statements.js';
export * from './views/holdings.js';
export * from './views/holdings-at.js';
export * from './views/reported-figures.js';
export * from './views/share-basis.js';
export * from './views/groups.js';
export * from './views/history.js';
export * from './views/statement.js';
export * from './views/reconciliation.js';
export * from './views/amendment-diff.js';
