/** Pure folds over decoded events: no I/O, no clock. */
export * from './facts.js';
export * from './ledger-state.js';
export * from './holdings.js';
export * from './groups.js';
export * from './history.js';
export * from './statement.js';
export * from './reconciliation.js';
