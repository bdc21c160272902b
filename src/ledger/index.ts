/** Application services the CLI and the HTTP service both call. */
export * from './issuer-events.js';
export * from './sample.js';
export * from './clocks.js';
export * from './holdings-query.js';
export * from './queries.js';
export * from './corrections.js';
export * from './diff-query.js';
export * from './history-context.js';
export * from './issuer-command.js';
export * from './issuer-directory.js';
export * from './ingest-filing.js';
export * from './holdings-empty.js';
