/** Filings and who and what they name: statements with their cover pages, persons, security terms. */
import { z } from 'zod';
import {
  AccessionNumberSchema,
  CikSchema,
  CusipSchema,
  IsoDateSchema,
  PersonIdSchema,
  SecurityIdSchema,
} from '../ids.js';
import { count, money, text, fact, ReportedPercentSchema } from './fact-fields.js';

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
  /** Rows 7-10; null where the filing leaves the row blank (or it could not be read): absent, never zero. */
  soleVotingPower: count.nullable(),
  sharedVotingPower: count.nullable(),
  soleDispositivePower: count.nullable(),
  sharedDispositivePower: count.nullable(),
  /** Row 11; null where left blank. */
  aggregate: count.nullable(),
  /** Row 12. */
  excludesCertainShares: z.boolean(),
  /** Row 13; null where left blank. */
  percentOfClass: ReportedPercentSchema.nullable(),
  /** Row 14: CO, IN, PN, HC... */
  typeOfReportingPerson: z.array(z.string()),
  /** Footnotes as written, by marker. */
  footnotes: z.array(
    z.object({
      marker: z.string(),
      text: z.string(),
      /**
       * Cover rows (7-11) the marker is printed on; null when not known (events of ledger-events/1 without it, the
       * sample).
       */
      rows: z.array(z.number().int().min(1).max(14)).nullable(),
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

/**
 * A value the ingest read with doubt (a note beside a figure left out, a row that could not be read, a CUSIP
 * printed without its check digit): what was read and why, so the figure is never presented as certain.
 */
export const ReadingDoubtSchema = z.object({
  /** The cover page's person; null for the front page. */
  personId: PersonIdSchema.nullable(),
  /** Cover row (1-14); 0 for the front page. */
  row: z.number().int().min(0).max(14),
  /** What the row holds, as read. */
  read: z.string(),
  reason: text,
  /** Where in the filing: "line 114". */
  place: z.string(),
});
export type ReadingDoubt = z.infer<typeof ReadingDoubtSchema>;

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
    /** The subject company: CUSIP as printed (null when the filing prints none) and CIK where the filing gives it. */
    issuer: z.object({ name: text, cusip: CusipSchema.nullable(), cik: CikSchema.nullable() }),
    /** Title of the class of securities, e.g. "Class A Common Stock, par value $0.001 per share". */
    classTitle: text,
    /**
     * 0 for the original Schedule 13D, N for Amendment No. N; null for an amendment that states no
     * number anywhere (it takes its place in the chain by filing date).
     */
    amendmentNumber: count.nullable(),
    accessionNumber: AccessionNumberSchema.nullable(),
    /**
     * The filing this one amends, as an EDGAR XML 13D/A names it (headerData/previousAccessionNumber); absent when not
     * stated.
     */
    previousAccessionNumber: AccessionNumberSchema.nullable(),
    /** Date of the event which requires filing (cover), when known. */
    eventDate: IsoDateSchema.nullable(),
    /** Filing date. */
    filedOn: IsoDateSchema,
    /**
     * Where `filedOn` was read: the submission header's FILED AS OF DATE, the signature date (no header at hand:
     * the filing was dated, not necessarily filed, that day), or a later filing's preamble; null when not said
     * (events of ledger-events/1 without it, and the bundled sample, which states its dates).
     */
    filedOnFrom: z.enum(['submission-header', 'signature-date', 'preamble']).nullable(),
    /** False when the ledger knows only that it was filed (its text is not at hand). */
    contentsKnown: z.boolean(),
    /** Items this filing amends or restates; the rest are "unchanged". */
    items: z.array(ItemChangeSchema),
    /** One per reporting person whose rows 1-14 are all stated; empty when contents are unknown. */
    coverPages: z.array(CoverPageSchema),
    /** Cover pages of an amendment that restate only some rows (absent = unchanged). */
    partialCoverPages: z.array(PartialCoverPageSchema),
    /** Person authorized to receive notices (cover). */
    noticeContact: z
      .object({ name: text, address: text, careOf: PersonIdSchema.nullable(), phone: z.string().nullable() })
      .nullable(),
    /** Item 2(b) principal business addresses. */
    businessAddresses: z.array(AddressSchema),
    /** Values read with doubt (empty when none). */
    readingDoubts: z.array(ReadingDoubtSchema),
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
