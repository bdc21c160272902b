/**
 * The 13D ledger's events: one zod schema per event, a discriminated union on
 * `type`, TypeScript types inferred from the schemas. Stored as `{ type, data }`.
 *
 * Every fact carries three things besides its content:
 * - `effectiveDate`: when it happened (or the "as of" date of a reported figure);
 * - `disclosedOn`: the filing date of the filing that made it public (the filedBy clock);
 * - `source`: the filing, the item and the sentence it came from.
 * The store's recorded time (metadata.recordedAt) is the third clock.
 * Share counts and per-share prices are in the issuer's share basis at `disclosedOn` (the filing's date);
 * the projections convert them to the basis at `effectiveDate` (projections/fold-context.ts).
 */
import { z } from 'zod';
import { PersonIdentifiedSchema, SecurityDescribedSchema, StatementFiledSchema } from './events/statement-events.js';
import {
  BeneficialOwnershipReportedSchema,
  PositionReportedSchema,
  SharesOutstandingReportedSchema,
} from './events/position-events.js';
import {
  ConvertibleNoteConvertedSchema,
  ConvertibleNoteIssuedSchema,
  ConvertibleNoteRepaidSchema,
  ExchangeCapLiftedSchema,
  ExchangeCapSetSchema,
  OptionsGrantedSchema,
  OptionsVestedSchema,
  PreferredIssuedSchema,
  RsusVestedSchema,
  SharesPurchasedSchema,
  SharesSoldSchema,
  StockSplitSchema,
  WarrantsIssuedSchema,
} from './events/transaction-events.js';
import {
  ControlEndedSchema,
  ControlEstablishedSchema,
  GroupFormedSchema,
  GroupMemberJoinedSchema,
  GroupMemberLeftSchema,
  JointFilingAgreementSignedSchema,
} from './events/relationship-events.js';
import { EventCorrectedSchema, EventRetractedSchema } from './events/ledger-events.js';

export { SourceSchema, ReportedPercentSchema } from './events/fact-fields.js';
export type { Source, ReportedPercent } from './events/fact-fields.js';
export {
  CoverPageSchema,
  PartialCoverPageSchema,
  ItemChangeSchema,
  AddressSchema,
  StatementFiledSchema,
  PersonIdentifiedSchema,
  SecurityDescribedSchema,
  ReadingDoubtSchema,
} from './events/statement-events.js';
export type { CoverPage, PartialCoverPage, ItemChange, ReadingDoubt } from './events/statement-events.js';
export {
  PositionReportedSchema,
  BeneficialOwnershipReportedSchema,
  SharesOutstandingReportedSchema,
} from './events/position-events.js';
export {
  SharesPurchasedSchema,
  SharesSoldSchema,
  ConvertibleNoteIssuedSchema,
  ConvertibleNoteConvertedSchema,
  ConvertibleNoteRepaidSchema,
  PreferredIssuedSchema,
  WarrantsIssuedSchema,
  OptionsGrantedSchema,
  OptionsVestedSchema,
  RsusVestedSchema,
  ExchangeCapSetSchema,
  ExchangeCapLiftedSchema,
  StockSplitSchema,
} from './events/transaction-events.js';
export {
  ControlEstablishedSchema,
  ControlEndedSchema,
  GroupFormedSchema,
  GroupMemberJoinedSchema,
  GroupMemberLeftSchema,
  JointFilingAgreementSignedSchema,
} from './events/relationship-events.js';
export { EventCorrectedSchema, EventRetractedSchema } from './events/ledger-events.js';
export {
  EVENT_CATALOGUE,
  traitsOf,
  foldRank,
  isRestatable,
  commonSharesOf,
  personsNamedBy,
  PERSON_FIELD_NAMES,
} from './events/catalogue.js';
export type { EventTraits, FactKind } from './events/catalogue.js';

export const DomainEventSchema = z.discriminatedUnion('type', [
  StatementFiledSchema,
  PersonIdentifiedSchema,
  SecurityDescribedSchema,
  PositionReportedSchema,
  BeneficialOwnershipReportedSchema,
  SharesOutstandingReportedSchema,
  SharesPurchasedSchema,
  SharesSoldSchema,
  ConvertibleNoteIssuedSchema,
  ConvertibleNoteConvertedSchema,
  ConvertibleNoteRepaidSchema,
  PreferredIssuedSchema,
  WarrantsIssuedSchema,
  OptionsGrantedSchema,
  OptionsVestedSchema,
  RsusVestedSchema,
  ExchangeCapSetSchema,
  ExchangeCapLiftedSchema,
  StockSplitSchema,
  ControlEstablishedSchema,
  ControlEndedSchema,
  GroupFormedSchema,
  GroupMemberJoinedSchema,
  GroupMemberLeftSchema,
  JointFilingAgreementSignedSchema,
  EventCorrectedSchema,
  EventRetractedSchema,
]);

/** Any ledger event, `{ type, data }`. */
export type DomainEvent = z.infer<typeof DomainEventSchema>;
export type DomainEventType = DomainEvent['type'];
export type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;
export type EventData<T extends DomainEventType> = EventOf<T>['data'];
/** Events that state a fact of the world (everything but corrections and retractions). */
export type FactEvent = Exclude<DomainEvent, { type: 'EventCorrected' | 'EventRetracted' }>;
export type FactEventType = FactEvent['type'];

export const EVENT_TYPES = DomainEventSchema.options.map((schema) => schema.shape.type.value) as DomainEventType[];

/** The schema of one event type, e.g. to validate corrected data. */
export function schemaFor(type: DomainEventType): (typeof DomainEventSchema.options)[number] {
  const schema = DomainEventSchema.options.find((s) => s.shape.type.value === type);
  if (!schema) throw new Error(`Unknown event type ${type}`);
  return schema;
}

/** A fact as its producers write it: `effectiveDatePrecision` may be left out, meaning 'exact'. */
export type DomainEventInput = {
  [T in DomainEventType]: EventOf<T>['data'] extends { effectiveDatePrecision: infer P }
    ? { type: T; data: Omit<EventOf<T>['data'], 'effectiveDatePrecision'> & { effectiveDatePrecision?: P } }
    : EventOf<T>;
}[DomainEventType];

/** The event with a fact's precision made explicit ('exact' unless it says otherwise). */
export function withPrecision<E extends DomainEventInput>(event: E): DomainEvent {
  if (
    !('effectiveDate' in event.data) ||
    ('effectiveDatePrecision' in event.data && event.data.effectiveDatePrecision !== undefined)
  )
    return event as DomainEvent;
  return { ...event, data: { ...event.data, effectiveDatePrecision: 'exact' } } as DomainEvent;
}

export function isFact(event: DomainEvent): event is FactEvent {
  return event.type !== 'EventCorrected' && event.type !== 'EventRetracted';
}

/**
 * A decoded event as the projections see it: the domain event, its store id,
 * its recorded time (the third clock) and its global position (a tie-breaker).
 */
export interface Envelope<E extends DomainEvent = DomainEvent> {
  id: string;
  event: E;
  recordedAt: string;
  position: number;
}

/** Every issuer's events live in one stream named with this prefix and its issuer key (issuer-key.ts). */
export const ISSUER_STREAM_PREFIX = 'issuer-';

/** The stream of one issuer: `issuer-09175M507`, or `issuer-cik-0000896493` for one first met without a CUSIP. */
export function issuerStream(issuerKey: string): string {
  return `${ISSUER_STREAM_PREFIX}${issuerKey}`;
}
