/** Pure folds over decoded events: no I/O, no clock. */
export * from './timeline/facts.js';
export * from './timeline/prepared-facts.js';
export * from './folds/positions.js';
export * from './views/holdings.js';
export * from './views/holdings-at.js';
export * from './views/reported-figures.js';
export * from './views/share-basis.js';
export * from './views/groups.js';
export * from './views/history.js';
export * from './views/statement.js';
export * from './views/reconciliation.js';
export * from './views/amendment-diff.js';
