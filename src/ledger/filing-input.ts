/** A filing's bytes into a parsed filing, for shells that receive bytes rather than a file (HTTP). */
export { MAX_FILING_BYTES, parseFilingBytes } from '../ingest/read-filing.js';
