/**
 * What the CLI and the HTTP service need from the layers under src/ledger, passed through so
 * that the shells depend on src/ledger alone (the layer rules in eslint.config.js keep it so).
 */
export { EVENT_CATALOGUE, ISSUER_STREAM_PREFIX, InvalidValueError, traitsOf } from '../domain/index.js';
export { label } from '../../projections/index.js';
export { InvalidStoreInputError } from '../store/errors.js';
export { migrateStore, openStore, resolveStoreUrl, sqliteFileOf } from '../store/open-store.js';
export { FilingParseError } from '../ingest/filing-parse-error.js';
export { planIngest } from '../ingest/plan-filing.js';
export { readFilingFile, unreadable } from '../ingest/read-filing.js';
