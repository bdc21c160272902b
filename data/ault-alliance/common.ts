/** Shared pieces of the bundled Ault Alliance history: ids, sources, the event builder. */
import {
  parseCusip,
  stableUuid,
  withPrecision,
  type DomainEvent,
  type DomainEventInput,
  type Source,
} from '../../src/domain/index.js';

/** As printed on the cover, "09175M 507"; the check digit is verified. */
export const CUSIP = parseCusip('09175M 507');
export const ISSUER_NAME = 'Ault Alliance, Inc.';
/**
 * The issuer's other identifiers in this chain: the subject company's CIK (DPW Holdings, then Ault Global
 * Holdings, BitNile Holdings, Ault Alliance), and the CUSIP Amendment No. 7 printed (event 2023-10-20,
 * accession 0001214659-23-013844) before the class took 09175M507.
 */
export const CIK = '0000896493';
export const EARLIER_CUSIPS = [parseCusip('09175M408')];
export const CLASS_TITLE = 'Class A Common Stock, par value $0.001 per share';

/** Amendment No. 8, filed 2024-07-24; the only text of the chain at hand. */
export const A8_FILED_ON = '2024-07-24';
export const A8_EVENT_DATE = '2024-07-23';

export const PERSON = {
  company: 'ault-and-company',
  ault: 'milton-c-ault-iii',
  horne: 'william-b-horne',
  nisser: 'henry-c-w-nisser',
  cragun: 'kenneth-s-cragun',
} as const;

export const SECURITY = {
  common: 'common',
  seriesC: 'series-c-preferred',
  seriesCWarrants: 'series-c-warrants',
  noteWarrants: 'note-warrants',
  note2020: 'convertible-note-2020',
  seniorNote: 'senior-note',
  options: 'options',
} as const;

export const GROUP_ID = 'ault-alliance-reporting-persons';
export const CAP_ID = 'nyse-american-19-99';

/** A fact disclosed in Amendment No. 8 at `item`, quoting `quote`. */
export function a8(item: string, quote: string): { disclosedOn: string; source: Source } {
  return {
    disclosedOn: A8_FILED_ON,
    source: { amendmentNumber: 8, accessionNumber: null, filedOn: A8_FILED_ON, item, quote },
  };
}

export interface SampleEvent {
  id: string;
  type: DomainEvent['type'];
  data: DomainEvent['data'];
}

/**
 * Gives an event its deterministic id from a stable key, so reloading writes nothing; a fact's precision defaults to
 * 'exact'.
 */
export function sample(key: string, input: DomainEventInput): SampleEvent {
  const event = withPrecision(input);
  return { id: stableUuid(`sample/ault-alliance/${key}`), type: event.type, data: event.data };
}
