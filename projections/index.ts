/** Pure folds over decoded events: no I/O, no clock. */
export * from './facts.js';
export * from './prepared-facts.js';
export * from './ledger-state.js';
export * from './holdings.js';
export * from './holdings-at.js';
export * from './reported-figures.js';
export * from './share-basis.js';
export * from './groups.js';
export * from './history.js';
export * from './statement.js';
export * from './reconciliation.js';
export * from './amendment-diff.js';
