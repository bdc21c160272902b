/** Application services the CLI and the HTTP service both call. */
export * from './issuer-events.js';
export * from './sample.js';
export * from './clocks.js';
export * from './holdings-query.js';
export * from './queries.js';
export * from './corrections.js';
export * from './diff-query.js';
export * from './history-context.js';
