/** Test helpers: envelopes from the bundled history, and small synthetic facts. */
import { aultAllianceHistory } from '../../data/ault-alliance.js';
import {
  validateEvent,
  withPrecision,
  type DomainEventInput,
  type Envelope,
  type Source,
} from '../../src/domain/index.js';

export const RECORDED = '2024-08-01T00:00:00.000Z';

export function sampleEnvelopes(recordedAt = RECORDED): Envelope[] {
  return aultAllianceHistory().events.map((e, i) => ({ id: e.id, event: validateEvent(e), recordedAt, position: i }));
}

const source: Source = {
  amendmentNumber: 1,
  accessionNumber: null,
  filedOn: '2024-01-31',
  item: '5(c)',
  quote: 'test',
};

/** A fact effective on `date`, disclosed on `disclosedOn` (default the same day). */
export function on(date: string, disclosedOn = date) {
  return {
    effectiveDate: date,
    effectiveDatePrecision: 'exact' as const,
    disclosedOn,
    source: { ...source, filedOn: disclosedOn },
  };
}

let counter = 0;
/**
 * Wraps validated events into envelopes, recorded at `recordedAt` in order (a fact's precision 'exact' unless given).
 */
export function envelopes(events: DomainEventInput[], recordedAt = RECORDED, start = 0): Envelope[] {
  return events.map((event, i) => ({
    id: `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
    event: validateEvent(withPrecision(event)),
    recordedAt,
    position: start + i,
  }));
}
