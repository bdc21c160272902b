export * from './ids.js';
export * from './events.js';
export * from './codec.js';
export * from './dates.js';
export * from './us-federal-holidays.js';
export * from './paths.js';
export * from './decide.js';
export * from './stable-id.js';
