/**
 * A parsed filing into the events it would append, each validated against its
 * schema: pure, no store. What `--dry-run` shows, and the first half of every
 * ingest (src/ledger decides against the store what of it to write).
 */
import { validateEvent } from '../domain/index.js';
import type { ParsedFiling } from './parsed-filing.js';
import { filingToEvents, type FilingEvents, type FilingToEventsOptions } from './to-events.js';

export type { FilingEvents, FilingToEventsOptions } from './to-events.js';

export function planIngest(filing: ParsedFiling, options: FilingToEventsOptions = {}): FilingEvents {
  const planned = filingToEvents(filing, options);
  for (const event of planned.events) validateEvent(event, event.id);
  return planned;
}
