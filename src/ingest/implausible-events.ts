/**
 * The last look at a filing's planned events before ids are given: a value no event can hold truly (an
 * amount over 2^53, a percent over 100, a damaged name; src/domain/plausible-values.ts) is never stored.
 * A transaction holding one is set aside for review with its sentence; any other event refuses the filing,
 * since what the filing states about itself is then in doubt.
 */
import { implausibleValues, traitsOf, type DomainEvent, type FactEventType } from '../domain/index.js';
import { FilingParseError } from './filing-parse-error.js';
import type { ReviewItem } from './parsed-filing.js';

interface Planned {
  entry: { type: DomainEvent['type']; data: DomainEvent['data'] };
}

/** `planned` without the transactions set aside; `review` gets one item for each. */
export function withoutImplausible<P extends Planned>(planned: readonly P[], review: ReviewItem[], file: string): P[] {
  return planned.filter(({ entry }) => {
    const problems = implausibleValues(entry.data);
    if (problems.length === 0) return true;
    const what = problems.map((p) => p.problem).join('; ');
    const source = (entry.data as { source?: { item?: string; quote?: string } }).source;
    if (traitsOf(entry.type as FactEventType).kind !== 'transaction') {
      const where = source?.item ? ` (Item ${source.item}: "${(source.quote ?? '').slice(0, 120)}")` : '';
      throw new FilingParseError(file, 'whole file', `${entry.type}${where}: ${what}`);
    }
    review.push({ item: source?.item ?? '?', sentence: source?.quote ?? '', reason: `not recorded: ${what}` });
    return false;
  });
}
