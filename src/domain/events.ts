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
import { AccessionNumberSchema, CikSchema, CusipSchema, IsoDateSchema, PersonIdSchema, SecurityIdSchema, UuidSchema } from './ids.js';

const count = z.number().int().nonnegative();
const money = z.number().nonnegative();
const text = z.string().min(1);

/** Where a fact comes from. */
export const SourceSchema = z.object({
  /** Which filing: 0 is the original statement, N is Amendment No. N. */
  amendmentNumber: count,
  /** EDGAR accession number, when known. */
  accessionNumber: AccessionNumberSchema.nullable(),
  /** Filing date of that filing (US Eastern calendar date). */
  filedOn: IsoDateSchema,
  /** Item (and paragraph) of the filing: "cover", "3", "5(b)", "6", "Exhibit 99.1". */
  item: text,
  /** The sentence the fact was read from, quoted. */
  quote: z.string(),
});
export type Source = z.infer<typeof SourceSchema>;

/** Fields every fact has. */
const fact = {
  /** When it happened; for a reported figure, the date it is stated as of. */
  effectiveDate: IsoDateSchema,
  /** 'on-or-before' when the filing only shows it had happened by effectiveDate. @defaultValue 'exact' */
  effectiveDatePrecision: z.enum(['exact', 'on-or-before']).optional(),
  /** Filing date of the filing that made it public. */
  disclosedOn: IsoDateSchema,
  source: SourceSchema,
};

/** Row 13 as written: a figure, or a bound such as "Less than 1%". */
export const ReportedPercentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('value'), value: z.number().nonnegative(), text: z.string() }),
  z.object({ kind: z.literal('less-than'), bound: z.number().nonnegative(), text: z.string() }),
]);
export type ReportedPercent = z.infer<typeof ReportedPercentSchema>;

/** One reporting person's cover page, rows 1-14 (3 is SEC use only). */
export const CoverPageSchema = z.object({
  personId: PersonIdSchema,
  /** Row 1. */
  name: text,
  /** Row 2: boxes (a) and (b). */
  memberOfGroup: z.object({ a: z.boolean(), b: z.boolean() }),
  /** Row 4. */
  sourceOfFunds: z.array(z.string()),
  /** Row 5. */
  legalProceedings: z.boolean(),
  /** Row 6. */
  citizenshipOrPlace: z.string(),
  /** Rows 7-10. */
  soleVotingPower: count,
  sharedVotingPower: count,
  soleDispositivePower: count,
  sharedDispositivePower: count,
  /** Row 11. */
  aggregate: count,
  /** Row 12. */
  excludesCertainShares: z.boolean(),
  /** Row 13. */
  percentOfClass: ReportedPercentSchema,
  /** Row 14: CO, IN, PN, HC... */
  typeOfReportingPerson: z.array(z.string()),
  /** Footnotes as written, by marker. */
  footnotes: z.array(
    z.object({
      marker: z.string(),
      text: z.string(),
      /** Cover rows (7-11) the marker is printed on, when the ingest saw them; absent in events recorded before this field. */
      rows: z.array(z.number().int().min(1).max(14)).optional(),
    }),
  ),
});
export type CoverPage = z.infer<typeof CoverPageSchema>;

/**
 * A cover page that restates only some rows. On a 13D/A filed as EDGAR XML most
 * cover fields are optional: an absent row means "not restated; unchanged since
 * the previous filing", never zero. Only the person (and row 1) are required.
 */
export const PartialCoverPageSchema = CoverPageSchema.partial().required({ personId: true, name: true });
export type PartialCoverPage = z.infer<typeof PartialCoverPageSchema>;

/** How an amendment touches an item. */
export const ItemChangeSchema = z.object({
  /** "1" ... "7", or "Schedule A". */
  item: text,
  change: z.enum(['restated', 'amended', 'supplemented']),
  /** A short summary or the text, when known. */
  summary: z.string().nullable(),
});
export type ItemChange = z.infer<typeof ItemChangeSchema>;

/** Item 2(b) and the notice block: who is where. */
export const AddressSchema = z.object({
  personId: PersonIdSchema,
  /** The address as written. */
  address: text,
  /** "c/o" entity, when the address is given care of someone. */
  careOf: PersonIdSchema.nullable(),
});

export const StatementFiledSchema = z.object({
  type: z.literal('StatementFiled'),
  data: z.object({
    ...fact,
    issuer: z.object({ name: text, cusip: CusipSchema, cik: CikSchema.nullable() }),
    /** Title of the class of securities, e.g. "Class A Common Stock, par value $0.001 per share". */
    classTitle: text,
    /** 0 for the original Schedule 13D, N for Amendment No. N. */
    amendmentNumber: count,
    accessionNumber: AccessionNumberSchema.nullable(),
    /** Date of the event which requires filing (cover), when known. */
    eventDate: IsoDateSchema.nullable(),
    /** Filing date. */
    filedOn: IsoDateSchema,
    /**
     * Where `filedOn` was read: the submission header's FILED AS OF DATE, the
     * signature date (no header at hand: the filing was dated, not necessarily
     * filed, that day), or a later filing's preamble. Absent in events recorded
     * before this field (and in the bundled sample, which states its dates).
     */
    filedOnFrom: z.enum(['submission-header', 'signature-date', 'preamble']).optional(),
    /** False when the ledger knows only that it was filed (its text is not at hand). */
    contentsKnown: z.boolean(),
    /** Items this filing amends or restates; the rest are "unchanged". */
    items: z.array(ItemChangeSchema),
    /** One per reporting person whose rows 1-14 are all stated; empty when contents are unknown. */
    coverPages: z.array(CoverPageSchema),
    /**
     * Cover pages of an amendment that restate only some rows (absent = unchanged).
     * Optional so that events recorded before it existed still decode. @defaultValue []
     */
    partialCoverPages: z.array(PartialCoverPageSchema).optional(),
    /** Person authorized to receive notices (cover). */
    noticeContact: z.object({ name: text, address: text, careOf: PersonIdSchema.nullable(), phone: z.string().nullable() }).nullable(),
    /** Item 2(b) principal business addresses. */
    businessAddresses: z.array(AddressSchema),
  }),
});

/** A person or entity the ledger knows (reporting person, controlled entity). */
export const PersonIdentifiedSchema = z.object({
  type: z.literal('PersonIdentified'),
  data: z.object({
    ...fact,
    personId: PersonIdSchema,
    name: text,
    kind: z.enum(['entity', 'individual']),
    /** Row 14 codes: CO, IN, ... */
    typeOfReportingPerson: z.array(z.string()),
    citizenshipOrPlace: z.string().nullable(),
    cik: CikSchema.nullable(),
  }),
});

/** Terms of a security a holder may hold; share counts issuable are derived from them. */
export const SecurityDescribedSchema = z.object({
  type: z.literal('SecurityDescribed'),
  data: z.object({
    ...fact,
    securityId: SecurityIdSchema,
    title: text,
    kind: z.enum(['common', 'convertible-preferred', 'warrant', 'option', 'convertible-note', 'rsu']),
    /** Convertible preferred: stated value per share ($1,000.00). */
    statedValue: money.nullable(),
    /** Conversion price used for the as-converted count ($0.22); a note's price per share. */
    conversionPrice: z.number().positive().nullable(),
    /** Lowest conversion price the terms allow ($0.10), when it floats. */
    conversionPriceFloor: z.number().positive().nullable(),
    /** Warrants, options: common shares per unit held. @defaultValue 1 */
    sharesPerUnit: z.number().positive().nullable(),
    /** When it can first be exercised or converted; null means at once. */
    exercisableFrom: IsoDateSchema.nullable(),
    expiresOn: IsoDateSchema.nullable(),
  }),
});

/** What a filing asserts a holder held as of a date (Item 5(a), Item 3, cover footnotes). */
export const PositionReportedSchema = z.object({
  type: z.literal('PositionReported'),
  data: z.object({
    ...fact,
    personId: PersonIdSchema,
    securityId: SecurityIdSchema,
    /** Units held: shares, preferred shares, warrant or option shares. */
    quantity: count,
    /** Common shares issuable on conversion or exercise, as the filing states it (null: not stated). */
    sharesIssuableReported: count.nullable(),
    /** Exercisable from this date (overrides the security's terms); null: per terms. */
    exercisableFrom: IsoDateSchema.nullable(),
  }),
});

/** Item 5(a)/(b) figures of one person, kept as written to compare with the cover page. */
export const BeneficialOwnershipReportedSchema = z.object({
  type: z.literal('BeneficialOwnershipReported'),
  data: z.object({
    ...fact,
    personId: PersonIdSchema,
    aggregate: count,
    percentOfClass: ReportedPercentSchema,
    soleVotingPower: count,
    sharedVotingPower: count,
    soleDispositivePower: count,
    sharedDispositivePower: count,
  }),
});

export const SharesOutstandingReportedSchema = z.object({
  type: z.literal('SharesOutstandingReported'),
  data: z.object({
    ...fact,
    /** Shares of the class outstanding as of effectiveDate. */
    count: count,
    /** Who reported it: "the Issuer to the Reporting Persons", "10-Q". */
    reportedBy: text,
  }),
});

/** Common shares bought (Item 5(c), Item 6). */
export const SharesPurchasedSchema = z.object({
  type: z.literal('SharesPurchased'),
  data: z.object({
    ...fact,
    personId: PersonIdSchema,
    shares: count,
    method: z.enum(['open-market', 'private-placement']),
    pricePerShare: money.nullable(),
    totalPrice: money.nullable(),
  }),
});

export const SharesSoldSchema = z.object({
  type: z.literal('SharesSold'),
  data: z.object({
    ...fact, personId: PersonIdSchema, shares: count, method: z.enum(['open-market', 'private-placement']), pricePerShare: money.nullable(),
    /** "for an aggregate price of $Y" (optional: events recorded before it existed have none). */
    totalPrice: money.nullable().optional(),
  }),
});

export const ConvertibleNoteIssuedSchema = z.object({
  type: z.literal('ConvertibleNoteIssued'),
  data: z.object({
    ...fact,
    personId: PersonIdSchema,
    /** The note as a security (its terms in SecurityDescribed). */
    securityId: SecurityIdSchema,
    principal: money,
    /** Price per common share on conversion; null: not convertible into the class. */
    conversionPrice: z.number().positive().nullable(),
    interestRatePercent: z.number().nonnegative().nullable(),
  }),
});

export const ConvertibleNoteConvertedSchema = z.object({
  type: z.literal('ConvertibleNoteConverted'),
  data: z.object({ ...fact, personId: PersonIdSchema, securityId: SecurityIdSchema, principalConverted: money, sharesIssued: count }),
});

export const ConvertibleNoteRepaidSchema = z.object({
  type: z.literal('ConvertibleNoteRepaid'),
  data: z.object({ ...fact, personId: PersonIdSchema, securityId: SecurityIdSchema, principalRepaid: money.nullable() }),
});

/** Convertible preferred sold to a holder (one closing). */
export const PreferredIssuedSchema = z.object({
  type: z.literal('PreferredIssued'),
  data: z.object({ ...fact, personId: PersonIdSchema, securityId: SecurityIdSchema, shares: count, purchasePrice: money.nullable() }),
});

/** Warrants to purchase `shares` common shares. */
export const WarrantsIssuedSchema = z.object({
  type: z.literal('WarrantsIssued'),
  data: z.object({
    ...fact,
    personId: PersonIdSchema,
    securityId: SecurityIdSchema,
    /** Common shares the warrants are exercisable into. */
    shares: count,
    exercisePrice: money.nullable(),
    /** First day exercisable (e.g. the first business day after six months); null: at once. */
    exercisableFrom: IsoDateSchema.nullable(),
    expiresOn: IsoDateSchema.nullable(),
  }),
});

export const OptionsGrantedSchema = z.object({
  type: z.literal('OptionsGranted'),
  data: z.object({
    ...fact,
    personId: PersonIdSchema,
    securityId: SecurityIdSchema,
    shares: count,
    exercisePrice: money.nullable(),
    /** null: exercisable only once an OptionsVested says so. */
    exercisableFrom: IsoDateSchema.nullable(),
    expiresOn: IsoDateSchema.nullable(),
  }),
});

/** `shares` of the granted options become exercisable on effectiveDate. */
export const OptionsVestedSchema = z.object({
  type: z.literal('OptionsVested'),
  data: z.object({ ...fact, personId: PersonIdSchema, securityId: SecurityIdSchema, shares: count }),
});

/** Restricted stock units vest: common shares issued to the holder. */
export const RsusVestedSchema = z.object({
  type: z.literal('RsusVested'),
  data: z.object({ ...fact, personId: PersonIdSchema, sharesIssued: count }),
});

/** An exchange's 20% rule (here 19.99%) caps shares issuable on these securities until lifted. */
export const ExchangeCapSetSchema = z.object({
  type: z.literal('ExchangeCapSet'),
  data: z.object({
    ...fact,
    capId: PersonIdSchema,
    capPercent: z.number().positive().max(100),
    /** Shares outstanding the cap is a percentage of; null: not known (the latest known count is used). */
    baseSharesOutstanding: count.nullable(),
    /** Securities whose conversion or exercise counts against the cap. */
    securityIds: z.array(SecurityIdSchema).min(1),
    exchange: text,
  }),
});

export const ExchangeCapLiftedSchema = z.object({
  type: z.literal('ExchangeCapLifted'),
  data: z.object({ ...fact, capId: PersonIdSchema, approvedBy: text }),
});

/** A forward or reverse split: every `from` shares become `to` shares. 1-for-10 reverse: from 10, to 1. */
export const StockSplitSchema = z.object({
  type: z.literal('StockSplit'),
  data: z.object({ ...fact, from: z.number().int().positive(), to: z.number().int().positive() }),
});

/** A person controls an entity: the entity's holdings are deemed the person's, with shared power. */
export const ControlEstablishedSchema = z.object({
  type: z.literal('ControlEstablished'),
  data: z.object({ ...fact, controllerId: PersonIdSchema, entityId: PersonIdSchema, relationship: z.string() }),
});

export const ControlEndedSchema = z.object({
  type: z.literal('ControlEnded'),
  data: z.object({ ...fact, controllerId: PersonIdSchema, entityId: PersonIdSchema }),
});

/** Rule 13d-5: persons agreeing to act together. */
export const GroupFormedSchema = z.object({
  type: z.literal('GroupFormed'),
  data: z.object({ ...fact, groupId: PersonIdSchema, memberIds: z.array(PersonIdSchema).min(1) }),
});

export const GroupMemberJoinedSchema = z.object({
  type: z.literal('GroupMemberJoined'),
  data: z.object({ ...fact, groupId: PersonIdSchema, personId: PersonIdSchema }),
});

export const GroupMemberLeftSchema = z.object({
  type: z.literal('GroupMemberLeft'),
  data: z.object({ ...fact, groupId: PersonIdSchema, personId: PersonIdSchema }),
});

/** Rule 13d-1(k)(1): the reporting persons agree to file jointly. */
export const JointFilingAgreementSignedSchema = z.object({
  type: z.literal('JointFilingAgreementSigned'),
  data: z.object({ ...fact, partyIds: z.array(PersonIdSchema).min(2) }),
});

/** Replaces fields of an earlier event's data; applies from its recorded time on. */
export const EventCorrectedSchema = z.object({
  type: z.literal('EventCorrected'),
  data: z.object({
    /** Id of the event corrected. */
    eventId: UuidSchema,
    /** New values by dotted path into the event's data: `{ "shares": 10500 }`. */
    set: z.record(z.string().min(1), z.json()),
    reason: text,
  }),
});

/** Withdraws an earlier event: from its recorded time on, it is as if never recorded. */
export const EventRetractedSchema = z.object({
  type: z.literal('EventRetracted'),
  data: z.object({ eventId: UuidSchema, reason: text }),
});

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

/** The stream of one issuer. */
export function issuerStream(cusip: string): string {
  return `issuer-${cusip}`;
}
