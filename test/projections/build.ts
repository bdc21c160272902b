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

/** An open-market purchase, disclosed on `disclosedOn` (default the day of the trade). */
export const buy = (
  personId: string,
  date: string,
  shares: number,
  pricePerShare: number | null = null,
  disclosedOn = date,
): DomainEventInput => ({
  type: 'SharesPurchased',
  data: { ...on(date, disclosedOn), personId, shares, method: 'open-market', pricePerShare, totalPrice: null },
});

/** An open-market sale at a price not stated. */
export const sell = (personId: string, date: string, shares: number): DomainEventInput => ({
  type: 'SharesSold',
  data: { ...on(date), personId, shares, method: 'open-market', pricePerShare: null, totalPrice: null },
});

/** A reporting person (a Delaware partnership), identified by the filing of `disclosedOn`. */
export const identified = (
  personId: string,
  name: string,
  date = '2024-01-01',
  disclosedOn = date,
): DomainEventInput => ({
  type: 'PersonIdentified',
  data: {
    ...on(date, disclosedOn),
    personId,
    name,
    kind: 'entity',
    typeOfReportingPerson: ['PN'],
    citizenshipOrPlace: 'Delaware',
    cik: null,
  },
});

/** A 1-for-10 reverse split effective on `date`: every 10 shares become 1. */
export const reverseSplit = (date: string, disclosedOn = date): DomainEventInput => ({
  type: 'StockSplit',
  data: { ...on(date, disclosedOn), from: 10, to: 1 },
});
