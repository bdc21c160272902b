/**
 * What the history table needs beyond the view, from the same facts the view
 * was folded from: each fact as believed (for its stated prices), every person's
 * name (for entities held through), and which securities are note principal.
 */
import { type Fact, personNames } from '../../projections/index.js';
import type { FactEvent } from '../domain/index.js';

export interface HistoryContext {
  /** Fact id -> the event as believed under the clocks (corrections applied). */
  events: Map<string, FactEvent>;
  /** Names of every person the issuer's facts know, for entities held through. */
  names: Map<string, string>;
  /** Securities whose quantity is note principal in dollars, not shares. */
  notes: Set<string>;
}

export function historyContextOf(facts: readonly Fact[]): HistoryContext {
  const notes = new Set<string>();
  for (const { event } of facts) {
    if (event.type === 'SecurityDescribed' && event.data.kind === 'convertible-note') notes.add(event.data.securityId);
    if (event.type === 'ConvertibleNoteIssued') notes.add(event.data.securityId);
  }
  return { events: new Map(facts.map((f) => [f.id, f.event])), names: personNames(facts), notes };
}
