/**
 * What each response carries, in zod: the JSON (after `JSON.stringify`) of the ledger's query
 * functions, exactly. Two uses: the OpenAPI document is generated from these schemas
 * (`z.toJSONSchema`; schemas with a `meta({ id })` become reusable components), and tests parse
 * real responses with them. Every object is strict, so a field the document does not describe
 * fails the parse. No transforms, refinements or custom types: each schema must convert to JSON
 * Schema as is.
 *
 * The field documentation is the doc comment of the TypeScript type each schema mirrors. The
 * compile-time checks at the bottom keep the two from drifting: each response's inferred type
 * must equal the query's result type as JSON (see `Jsonified`).
 */
import { z } from 'zod';
import type * as domain from '../domain/index.js';
import type * as ingest from '../ingest/parsed-filing.js';
import type * as ledger from '../ledger/index.js';
import type * as views from '../../projections/index.js';

// ---------------------------------------------------------------------------------------------
// Values

/** A calendar date, YYYY-MM-DD (the ledger's IsoDate). */
const IsoDate = z.iso.date();
/** An instant as the store records it: ISO-8601, UTC (`2024-07-24T12:00:00.000Z`). */
const Instant = z.iso.datetime({ offset: true });
const Cusip = z
  .string()
  .regex(/^[0-9A-Z*@#]{8}[0-9]$/)
  .describe('A nine-character CUSIP (check digit verified when read), e.g. 09175M507');
const Cik = z
  .string()
  .regex(/^\d{10}$/)
  .describe('EDGAR Central Index Key, zero-padded to ten digits');
const AccessionNumber = z
  .string()
  .regex(/^\d{10}-\d{2}-\d{6}$/)
  .describe('EDGAR accession number, e.g. 0001213900-24-062810');
const PersonId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .describe('A person or entity id within the ledger, kebab-case: ault-and-company');
const SecurityId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .describe('A security id within the ledger, kebab-case: series-c-preferred');
const EventId = z.guid().describe('An event id (a UUID)');
const IssuerKey = z
  .string()
  .regex(/^(?:[0-9A-Z*@#]{8}\d|cik-\d{10})$/)
  .describe(
    "An issuer's key in the ledger: the CUSIP it was first recorded under, or cik-<CIK> for one first met without a CUSIP",
  );
/** Free JSON: an event's data, a correction's fields. */
const JsonRecord = z.record(z.string(), z.unknown());
const count = z.number().int().nonnegative();
const amendmentNumber = count
  .nullable()
  .describe('0 for the original Schedule 13D, N for Amendment No. N; null for an amendment that states no number');
const Precision = z.enum(['exact', 'on-or-before']);

export const Basis = z.enum(['reported', 'derived', 'transactions']).meta({
  id: 'Basis',
  description:
    "How a figure is known: 'reported' (as a filing states it, as of this date), 'derived' (a filing's figure carried forward, changed since or restated), 'transactions' (from disclosed transactions alone, no filing's figure)",
});

export const ShareBasis = z.enum(['as-reported', 'adjusted']).meta({
  id: 'ShareBasis',
  description:
    "'as-reported': counts in the issuer's share basis in force at the date; 'adjusted': restated into the basis after the latest split known",
});

// ---------------------------------------------------------------------------------------------
// Shared components

export const IssuerHeader = z
  .strictObject({
    cusip: Cusip.nullable().describe('The CUSIP the latest filing prints (null for an issuer known only by its CIK)'),
    name: z.string().nullable().describe("The issuer's name as its latest statement gives it"),
  })
  .meta({
    id: 'IssuerHeader',
    description:
      'How every query names the issuer: its name and the CUSIP its latest filing prints (null when known only by CIK).',
  });

export const UnreadableEvent = z
  .strictObject({
    id: EventId,
    type: z.string(),
    recordedAt: Instant,
    problems: z.array(z.string()).describe('Each place in the event and what is wrong there'),
  })
  .meta({
    id: 'UnreadableEvent',
    description: 'A stored event that fails its schema: kept out of every projection, and shown to the user.',
  });

const unreadableEvents = z
  .array(UnreadableEvent)
  .describe('Events left out because they fail their schema (written by another program); retract them to clear this');

export const ReportedPercent = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('value'),
      value: z.number().nonnegative().describe('Percent units (85.72 means 85.72%)'),
      text: z.string().describe('As written'),
    }),
    z.strictObject({
      kind: z.literal('less-than'),
      bound: z.number().nonnegative().describe('The bound, in percent units'),
      text: z.string().describe('As written'),
    }),
  ])
  .meta({ id: 'ReportedPercent', description: 'Row 13 as written: a figure, or a bound such as "Less than 1%".' });

export const Source = z
  .strictObject({
    amendmentNumber: amendmentNumber.describe(
      'Which filing: 0 is the original statement, N is Amendment No. N, null an amendment that states no number',
    ),
    accessionNumber: AccessionNumber.nullable().describe('EDGAR accession number, when known'),
    filedOn: IsoDate.describe('Filing date of that filing (US Eastern calendar date)'),
    item: z.string().describe('Item (and paragraph) of the filing: "cover", "3", "5(b)", "6", "Exhibit 99.1"'),
    quote: z.string().describe('The sentence the fact was read from, quoted'),
  })
  .meta({ id: 'Source', description: 'Where a fact comes from: the filing, the item and the sentence.' });

export const SplitFact = z
  .strictObject({
    factId: EventId,
    effectiveDate: IsoDate,
    disclosedOn: IsoDate,
    from: z
      .number()
      .int()
      .positive()
      .describe('Every `from` shares became `to` shares (1-for-10 reverse: from 10, to 1)'),
    to: z.number().int().positive(),
  })
  .meta({ id: 'SplitFact', description: 'A forward or reverse stock split.' });

export const ShareBasisAdjustment = z
  .strictObject({
    factor: z.number().describe('Multiplier applied to share counts (1-for-10 reverse: 0.1); prices are divided by it'),
    numerator: z
      .number()
      .int()
      .describe('The factor as an exact fraction: product of every `to` over product of every `from`'),
    denominator: z.number().int(),
    splits: z.array(SplitFact).describe('The splits the factor includes, oldest first'),
  })
  .meta({
    id: 'ShareBasisAdjustment',
    description: 'The restatement into the share basis after the latest split known.',
  });

// ---------------------------------------------------------------------------------------------
// Holdings

export const SecurityHolding = z
  .strictObject({
    securityId: SecurityId,
    title: z.string(),
    kind: z
      .string()
      .describe("The security's kind: common, convertible-preferred, warrant, option, convertible-note, rsu"),
    heldBy: PersonId.describe('Who holds it: the person, or an entity the person controls'),
    ownership: z.enum(['direct', 'indirect']),
    quantity: z
      .number()
      .describe('Units held: shares, preferred shares, warrant or option shares, note principal in dollars'),
    sharesIssuable: z
      .number()
      .nullable()
      .describe('Common shares issuable on conversion or exercise; null for common stock or when terms are unknown'),
    exercisableWithin60Days: z.boolean(),
    blockedByCap: z.number().describe('Shares issuable that an exchange cap blocks at the date'),
    countedShares: z.number().describe('Shares this security adds to the aggregate'),
    conversionPrice: z
      .number()
      .nullable()
      .describe('Conversion price per common share in the share basis shown (convertibles); null when none is known'),
    basis: Basis,
    reportedAsOf: IsoDate.nullable(),
  })
  .meta({
    id: 'SecurityHolding',
    description: 'One security a reporting person holds, directly or through a controlled entity, under Rule 13d-3.',
  });

export const UnexplainedDifference = z
  .strictObject({
    kind: z
      .enum(['reported-position', 'sale-exceeds-holding'])
      .optional()
      .describe(
        "'reported-position' (default when absent): a filing's figure against what the transactions give. 'sale-exceeds-holding': a sale or conversion of more than the transactions say was held; `reported` is the amount disposed of, `computed` the holding before it, `difference` the shortfall",
      ),
    personId: PersonId,
    securityId: SecurityId,
    asOf: IsoDate,
    reported: z
      .number()
      .describe(
        "In the share basis of `asOf`; 0 when a filing's breakdown leaves the security out (the position is closed)",
      ),
    computed: z.number().describe('What the last report plus the transactions since (or the transactions alone) give'),
    difference: z.number(),
    factId: EventId,
    source: Source,
  })
  .meta({
    id: 'UnexplainedDifference',
    description: "A filing's figure for a position that its disclosed transactions do not explain.",
  });

export const FigureDifference = z
  .strictObject({
    field: z.enum([
      'aggregate',
      'percentOfClass',
      'soleVotingPower',
      'sharedVotingPower',
      'soleDispositivePower',
      'sharedDispositivePower',
    ]),
    reported: z.union([z.number(), z.string()]).describe('As the filing states it (percent: its text)'),
    computed: z.number(),
  })
  .meta({ id: 'FigureDifference', description: 'A computed figure that differs from what the filing reports.' });

const figure = z.number().nullable();

export const ReportedFigures = z
  .strictObject({
    kind: z.enum(['cover-page', 'item-5']),
    filing: z.string().describe('"Schedule 13D", "Amendment No. 8"'),
    amendmentNumber,
    filedOn: IsoDate,
    asOf: IsoDate,
    factId: EventId,
    aggregate: figure.describe('Each figure as the filing states it; null where the cover page leaves the row blank'),
    percentOfClass: ReportedPercent.nullable().describe('Row 13 (or Item 5(a)) as written'),
    soleVotingPower: figure,
    sharedVotingPower: figure,
    soleDispositivePower: figure,
    sharedDispositivePower: figure,
    readWithDoubt: z
      .array(z.strictObject({ row: z.number().int(), read: z.string(), reason: z.string(), place: z.string() }))
      .optional()
      .describe(
        "Rows of this person's cover page the ingest read with doubt (what was read and why); absent when none",
      ),
  })
  .meta({
    id: 'ReportedFigures',
    description: 'What a filing reports for a person: its cover page or Item 5 figures.',
  });

export const Holder = z
  .strictObject({
    personId: PersonId,
    name: z.string(),
    securities: z.array(SecurityHolding),
    sharesOwned: z
      .strictObject({ direct: z.number(), indirect: z.number() })
      .describe('Common shares owned, directly and through controlled entities'),
    rightsCounted: z
      .number()
      .describe('Shares the person may acquire within 60 days (own and through controlled entities)'),
    aggregate: figure.describe(
      "Null only where the filing that gives the person's figures leaves the row blank (never read as zero)",
    ),
    percentOfClass: figure.describe(
      'Percent units (85.72 means 85.72%), unrounded; null with percentOfClassReason when unknown',
    ),
    percentOfClassReason: z.string().nullable(),
    soleVotingPower: figure,
    sharedVotingPower: figure,
    soleDispositivePower: figure,
    sharedDispositivePower: figure,
    basis: Basis,
    controlledEntities: z.array(PersonId),
    unexplainedDifferences: z
      .array(UnexplainedDifference)
      .describe("In the share basis of each difference's as-of date (not restated to the view's)"),
    notes: z.array(z.string()),
    breakdownKnown: z
      .boolean()
      .describe('False when the figures come from a cover page or Item 5 that gives no breakdown into securities'),
    reportedFigures: ReportedFigures.nullable().describe(
      "What a filing reports for this person: the figures shown when the filing gives no breakdown (breakdownKnown false), or, for computed figures, those stated as of the view's date, which they are checked against; null when no filing states the person's figures as of then",
    ),
    differsFromReported: z
      .array(FigureDifference)
      .describe(
        "Computed figures that differ from reportedFigures (both numbers); the holder's basis is then `derived`",
      ),
  })
  .meta({
    id: 'Holder',
    description:
      "A reporting person's holdings at a date under Rule 13d-3: securities, aggregate, percent of class and the four powers.",
  });

export const HoldingsResponse = z
  .strictObject({
    issuer: IssuerHeader,
    asOf: IsoDate,
    filedBy: IsoDate.nullable(),
    recordedBy: Instant.nullable(),
    shareBasis: ShareBasis,
    shareBasisAdjustment: ShareBasisAdjustment.nullable().describe(
      'For adjusted: the factor applied to counts and the splits it includes; null otherwise',
    ),
    shareBasisNote: z
      .string()
      .describe('One line saying which share basis the figures are in (and any later split known)'),
    sharesOutstanding: z
      .strictObject({
        value: z.number(),
        asOf: IsoDate,
        source: z.string(),
        basis: z.string().describe("How the count is known: 'reported', 'derived' or 'transactions' (see Basis)"),
      })
      .nullable(),
    holders: z.array(Holder),
    notes: z
      .array(z.string())
      .describe('Notes on the whole view: stale shares outstanding, control known only from a later date'),
    unreadableEvents,
  })
  .meta({ id: 'HoldingsResponse', description: "Holdings of an issuer's reporting persons at a date." });

// ---------------------------------------------------------------------------------------------
// Group

export const GroupMember = z
  .strictObject({
    personId: PersonId,
    name: z.string(),
    since: IsoDate.describe('Date the person became a member (of the current membership, after any leaving)'),
    sincePrecision: Precision,
  })
  .meta({ id: 'GroupMember', description: 'A member of a group (Rule 13d-5).' });

export const GroupResponse = z
  .strictObject({
    issuer: IssuerHeader,
    asOf: IsoDate,
    members: z.array(GroupMember).describe("Members of every group of the issuer's reporting persons at the date"),
    groups: z.array(z.strictObject({ groupId: z.string(), formedOn: IsoDate, members: z.array(GroupMember) })),
    jointFilingAgreements: z.array(z.strictObject({ date: IsoDate, partyIds: z.array(PersonId) })),
    unreadableEvents,
  })
  .meta({
    id: 'GroupResponse',
    description: 'Group membership (Rule 13d-5) at a date, and joint filing agreements (Rule 13d-1(k)(1)).',
  });

// ---------------------------------------------------------------------------------------------
// History

export const CorrectedInfo = z
  .strictObject({
    originally: z
      .strictObject({ change: z.number().nullable(), quantityAfter: z.number().nullable(), fields: JsonRecord })
      .nullable()
      .describe(
        "What was first recorded: the change and position after it as the uncorrected fact gave them (same share basis as the entry), and the corrected fields' first values. Null when the history was built without the envelopes (only the reasons are known then)",
      ),
    reasons: z.array(z.string()).describe('Reasons of the corrections applied, oldest first'),
    recordedAt: Instant.nullable().describe('When the latest correction was recorded; null when unknown'),
    corrections: z
      .array(z.strictObject({ set: JsonRecord, before: JsonRecord, reason: z.string(), recordedAt: Instant }))
      .describe('Every correction: fields set (new values), their values before, reason, recorded time'),
  })
  .meta({ id: 'CorrectedInfo', description: 'Set when the fact behind a history entry was corrected.' });

export const RetractedInfo = z
  .strictObject({
    reason: z.string(),
    recordedAt: Instant.describe('When the retraction was recorded'),
    originallyRecordedAt: Instant.describe('When the retracted fact itself was recorded'),
    wouldHaveChanged: z
      .number()
      .describe('The change the fact gave before it was retracted (same share basis as the entry)'),
  })
  .meta({ id: 'RetractedInfo', description: 'Set when the fact behind a history entry was recorded, then retracted.' });

export const HistoryEntry = z
  .strictObject({
    date: IsoDate,
    precision: Precision,
    personId: PersonId,
    securityId: SecurityId,
    change: z.number(),
    quantityAfter: z.number(),
    kind: z.enum(['transaction', 'reported', 'split']),
    eventType: z.string(),
    factId: EventId,
    disclosedOn: IsoDate,
    source: Source,
    note: z.string().nullable(),
    pricePerShare: z
      .number()
      .nullable()
      .describe(
        'Price per common share the event states (purchase, sale, exercise price), in the share basis of `date`; null when none',
      ),
    splitsApplied: count.describe(
      "How many of the issuer's splits had been applied when this entry was made (to restate it later)",
    ),
    title: z.string(),
    splitFactorApplied: z
      .number()
      .describe("Factor applied to this entry's counts (1 when none; prices divided by it)"),
    corrected: CorrectedInfo.nullable().describe(
      'Set when the fact behind this entry was corrected: `change`/`quantityAfter` are the corrected values',
    ),
    retracted: RetractedInfo.nullable().describe(
      'Set when the fact was recorded, then retracted: the entry contributes 0 (`change` 0)',
    ),
  })
  .meta({ id: 'HistoryEntry', description: 'One change to one position, dated, with its source.' });

export const HistoryResponse = z
  .strictObject({
    issuer: IssuerHeader,
    personId: PersonId,
    name: z.string(),
    changes: z.array(HistoryEntry).describe("Changes to the person's own positions, oldest first"),
    throughControlledEntities: z
      .array(HistoryEntry)
      .describe("Changes to positions of entities the person controls (deemed the person's), from the control date on"),
    shareBasis: ShareBasis.describe(
      "'as-reported': each entry in the share basis of its date; 'adjusted': all in the basis after the latest split known",
    ),
    splits: z
      .array(SplitFact)
      .describe('Splits known under the clocks (for adjusted: those the entries are restated by)'),
    shareBasisNote: z.string(),
    unreadableEvents,
  })
  .meta({
    id: 'HistoryResponse',
    description:
      'History of one holder: each change to each position, dated, with its source, in the share basis asked for.',
  });

// ---------------------------------------------------------------------------------------------
// Statement

const footnote = z.strictObject({
  marker: z.string(),
  text: z.string(),
  rows: z
    .array(z.number().int().min(1).max(14))
    .nullable()
    .describe('Cover rows (7-11) the marker is printed on; null when not known'),
});

const coverPageShape = {
  personId: PersonId,
  name: z.string().describe('Row 1'),
  memberOfGroup: z.strictObject({ a: z.boolean(), b: z.boolean() }).describe('Row 2: boxes (a) and (b)'),
  sourceOfFunds: z.array(z.string()).describe('Row 4'),
  legalProceedings: z.boolean().describe('Row 5'),
  citizenshipOrPlace: z.string().describe('Row 6'),
  soleVotingPower: count
    .nullable()
    .describe('Rows 7-10; null where the filing leaves the row blank (or it could not be read): absent, never zero'),
  sharedVotingPower: count.nullable(),
  soleDispositivePower: count.nullable(),
  sharedDispositivePower: count.nullable(),
  aggregate: count.nullable().describe('Row 11; null where left blank'),
  excludesCertainShares: z.boolean().describe('Row 12'),
  percentOfClass: ReportedPercent.nullable().describe('Row 13; null where left blank'),
  typeOfReportingPerson: z.array(z.string()).describe('Row 14: CO, IN, PN, HC...'),
  footnotes: z.array(footnote).describe('Footnotes as written, by marker'),
};

export const CoverPage = z
  .strictObject(coverPageShape)
  .meta({ id: 'CoverPage', description: "One reporting person's cover page, rows 1-14 (3 is SEC use only)." });

export const PartialCoverPage = z.strictObject(coverPageShape).partial().required({ personId: true, name: true }).meta({
  id: 'PartialCoverPage',
  description:
    'A cover page that restates only some rows (an EDGAR XML 13D/A): an absent row means "not restated; unchanged since the previous filing", never zero.',
});

export const StatementResponse = z
  .strictObject({
    asOf: IsoDate,
    issuer: IssuerHeader,
    classTitle: z.string().nullable(),
    filings: z.array(
      z.strictObject({
        amendmentNumber,
        label: z.string(),
        filedOn: IsoDate,
        eventDate: IsoDate.nullable(),
        contentsKnown: z.boolean(),
        itemsChanged: z.array(z.string()),
        factId: EventId,
      }),
    ),
    items: z
      .array(
        z.strictObject({
          item: z.string(),
          lastChangedBy: z.string().nullable(),
          change: z.string().nullable().describe("How the filing touched it: 'restated', 'amended' or 'supplemented'"),
          summary: z.string().nullable(),
          possiblyChangedByUnknownFilings: z.array(z.string()),
        }),
      )
      .describe('Items 1-7: which filing last touched each, and how. Unknown filings may have touched any item'),
    coverPages: z.array(CoverPage).describe('Cover pages of the latest filing whose contents are known'),
    coverPagesWithoutBase: z
      .array(PartialCoverPage)
      .describe('Partial cover pages (XML 13D/A) of persons with no earlier full page: their absent rows are unknown'),
    coverPagesFrom: z.string().nullable(),
    noticeContact: z
      .strictObject({
        name: z.string(),
        address: z.string(),
        careOf: PersonId.nullable(),
        phone: z.string().nullable(),
      })
      .nullable()
      .describe('Person authorized to receive notices (cover)'),
    businessAddresses: z
      .array(z.strictObject({ personId: PersonId, address: z.string(), careOf: PersonId.nullable() }))
      .describe('Item 2(b) principal business addresses'),
    notes: z
      .array(z.string())
      .describe(
        'Filings of the chain the ledger does not have (a gap in the amendment numbers, a previous accession not recorded): unknown, never zeros',
      ),
    unreadableEvents,
  })
  .meta({
    id: 'StatementResponse',
    description: 'The Schedule 13D as of a date: the original folded with every amendment filed by then.',
  });

// ---------------------------------------------------------------------------------------------
// Reconciliation

export const Finding = z
  .strictObject({
    filing: z.string(),
    kind: z.enum([
      'unexplained-position-difference',
      'cover-vs-item-5',
      'address-mismatch',
      'powers-vs-aggregate',
      'cover-vs-positions',
      'read-with-doubt',
      'footnote-sum',
      'item-5-breakdown',
      'percent-denominator-not-stated',
      'percent-arithmetic',
    ]),
    message: z.string(),
    reported: z.union([z.number(), z.string()]).nullable(),
    computed: z.union([z.number(), z.string()]).nullable(),
    personId: PersonId.nullable(),
    item: z.string().nullable(),
  })
  .meta({ id: 'Finding', description: 'One check of a filing against its own transactions, Item 5 and arithmetic.' });

export const ReconciliationResponse = z
  .strictObject({
    issuer: IssuerHeader,
    findings: z.array(Finding),
    consistent: z.array(Finding).describe('Checks that hold, same shape'),
    notChecked: z.array(z.string()).describe('Filings the ledger could not check (contents unknown)'),
    unreadableEvents,
  })
  .meta({
    id: 'ReconciliationResponse',
    description:
      "Each filing's figures against what its own disclosed transactions, its own Item 5 and its own arithmetic give.",
  });

// ---------------------------------------------------------------------------------------------
// Diff

export const DiffFiling = z
  .strictObject({
    amendment: count,
    label: z.string(),
    filedOn: IsoDate,
    eventDate: IsoDate.nullable(),
    contentsKnown: z.boolean(),
    holdingsAsOf: IsoDate.describe('The date holdings are compared at: the event date, else the filing date'),
  })
  .meta({ id: 'DiffFiling', description: 'One side of a diff: a filing of the chain.' });

export const FieldChange = z
  .strictObject({
    row: z.string().nullable().describe('Cover row ("7", "13") or holdings field'),
    field: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'FieldChange', description: 'One field that differs between the two sides (values as JSON).' });

export const CoverChange = z
  .strictObject({
    personId: PersonId,
    name: z.string(),
    change: z
      .enum(['added', 'removed', 'changed', 'before-unknown', 'after-unknown'])
      .describe("'before-unknown' / 'after-unknown': no cover page is known on that side, so no change can be stated"),
    fields: z.array(FieldChange),
  })
  .meta({ id: 'CoverChange', description: "A reporting person's cover page, compared." });

export const HoldingFigures = z
  .strictObject({
    asOf: IsoDate,
    aggregate: figure,
    percentOfClass: figure,
    percentOfClassReason: z.string().nullable(),
    soleVotingPower: figure,
    sharedVotingPower: figure,
    soleDispositivePower: figure,
    sharedDispositivePower: figure,
    basis: Basis,
  })
  .meta({ id: 'HoldingFigures', description: "The cover-page figures of a holder at one filing's date." });

export const HoldingChange = z
  .strictObject({
    personId: PersonId,
    name: z.string(),
    before: HoldingFigures.nullable().describe('null: no holdings known for the person at that date (not zero)'),
    after: HoldingFigures.nullable(),
    changes: z.array(FieldChange),
  })
  .meta({ id: 'HoldingChange', description: "A holder's figures at the two filings' dates." });

export const DiffResponse = z
  .strictObject({
    issuer: IssuerHeader,
    from: DiffFiling,
    to: DiffFiling,
    itemsRestated: z
      .array(
        z.strictObject({
          amendment: amendmentNumber,
          label: z.string(),
          filedOn: IsoDate,
          contentsKnown: z.boolean(),
          items: z.array(
            z.strictObject({
              item: z.string(),
              change: z.string().describe("'restated', 'amended' or 'supplemented'"),
              summary: z.string().nullable(),
            }),
          ),
        }),
      )
      .describe('Each filing after `from` up to `to`, with the items it restated or amended'),
    coverChanges: z.array(CoverChange),
    personsAdded: z.array(PersonId).nullable().describe("null when either side's cover pages are unknown"),
    personsRemoved: z.array(PersonId).nullable(),
    holdingChanges: z.array(HoldingChange),
    shareBasis: ShareBasis,
    shareBasisNote: z.string(),
    notes: z.array(z.string()),
    unreadableEvents,
  })
  .meta({ id: 'DiffResponse', description: "What changed between two filings of an issuer's Schedule 13D chain." });

// ---------------------------------------------------------------------------------------------
// Filings

export const FilingDeadline = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('date'), due: IsoDate, rule: z.string() }),
    z.strictObject({ kind: z.literal('promptly'), due: z.null(), rule: z.string() }),
  ])
  .meta({
    id: 'FilingDeadline',
    description: 'The Schedule 13D filing deadline in force on the event date (Rule 13d-1(a), 13d-2(a)).',
  });

export const FilingLag = z
  .strictObject({
    deadline: FilingDeadline,
    calendarDays: z
      .number()
      .int()
      .describe('Calendar days from the event to the filing (negative if the filing is dated before its event)'),
    businessDays: z.number().int().describe('Business days after the event up to and including the filing date'),
    late: z
      .boolean()
      .nullable()
      .describe('True when filed after a dated deadline; null when the rule is "promptly" (no day to miss)'),
  })
  .meta({ id: 'FilingLag', description: "A filing's lag against its deadline." });

export const FilingSummary = z
  .strictObject({
    eventId: EventId,
    filing: z.string().describe('"Original Schedule 13D", "Amendment No. 8"'),
    amendmentNumber,
    accessionNumber: AccessionNumber.nullable(),
    filedOn: IsoDate,
    filedOnFrom: z
      .string()
      .nullable()
      .describe(
        "Where filedOn was read: 'submission-header', 'signature-date' or 'preamble' (null when not said: the bundled sample)",
      ),
    eventDate: IsoDate.nullable(),
    contentsKnown: z
      .boolean()
      .describe("False when the ledger knows only that it was filed (a later filing's preamble names it)"),
    reportingPersons: z.array(PersonId),
    lag: FilingLag.nullable().describe('Against the deadline in force on the event date; null without an event date'),
    readingDoubts: count.describe('How many values the ingest read with doubt'),
  })
  .meta({ id: 'FilingSummary', description: 'One filing of the chain as the ledger knows it.' });

export const FilingsResponse = z
  .strictObject({
    issuer: IssuerHeader,
    filedBy: IsoDate.nullable(),
    recordedBy: Instant.nullable(),
    filings: z.array(FilingSummary),
    unreadableEvents,
  })
  .meta({
    id: 'FilingsResponse',
    description: "An issuer's Schedule 13D chain as the ledger knows it, with each filing's lag against its deadline.",
  });

// ---------------------------------------------------------------------------------------------
// Timeline

export const TimelinePoint = z
  .strictObject({ date: IsoDate, aggregate: figure, percentOfClass: figure, basis: Basis })
  .meta({ id: 'TimelinePoint', description: "A person's aggregate and percent of class from a date on." });

export const TimelinePerson = z
  .strictObject({
    personId: PersonId,
    name: z.string(),
    points: z
      .array(TimelinePoint)
      .describe("One point per date on which the person's figures change (a step chart holds each until the next)"),
  })
  .meta({ id: 'TimelinePerson', description: "A reporting person's ownership over time." });

export const TimelineMarker = z
  .strictObject({
    date: IsoDate,
    kind: z.enum(['filing', 'transaction']),
    label: z.string().describe('"Amendment No. 8", "purchase"'),
    personId: PersonId.nullable(),
    shares: z
      .number()
      .nullable()
      .describe(
        "Shares the transaction adds to (negative: takes from) the person's common shares; null when it does not say",
      ),
    eventId: EventId,
  })
  .meta({ id: 'TimelineMarker', description: 'A filing or a transaction, for a chart.' });

export const ThresholdCrossing = z
  .strictObject({
    personId: PersonId,
    name: z.string(),
    threshold: z.number().describe('Percent of the class: 5 (the Schedule 13D threshold) or 10'),
    direction: z.enum(['up', 'down']),
    date: IsoDate,
    percentBefore: figure,
    percentAfter: figure,
    basis: Basis,
  })
  .meta({
    id: 'ThresholdCrossing',
    description: "Where a person's percent of class goes from below a threshold to at or above it, or back.",
  });

export const TimelineResponse = z
  .strictObject({
    issuer: IssuerHeader,
    filedBy: IsoDate.nullable(),
    recordedBy: Instant.nullable(),
    dates: z.array(IsoDate),
    persons: z.array(TimelinePerson),
    markers: z.array(TimelineMarker),
    crossings: z.array(ThresholdCrossing),
    unreadableEvents,
  })
  .meta({
    id: 'TimelineResponse',
    description:
      "Each reporting person's ownership of an issuer over time, with filings, transactions and crossings of 5% and 10%.",
  });

/** The timeline's crossings alone (the crossings route sorts them by date). */
export const CrossingsResponse = TimelineResponse.pick({
  issuer: true,
  filedBy: true,
  recordedBy: true,
  crossings: true,
  unreadableEvents: true,
}).meta({
  id: 'CrossingsResponse',
  description: 'When each reporting person crossed 5% or 10% of the class, up or down.',
});

// ---------------------------------------------------------------------------------------------
// Holder

export const HolderPosition = z
  .strictObject({
    issuer: z.strictObject({ issuerKey: IssuerKey, cusip: Cusip.nullable(), name: z.string().nullable() }),
    personId: PersonId,
    holding: Holder.nullable().describe(
      "The person's holdings at the date; null when it held nothing there then (before its first filing, say)",
    ),
  })
  .meta({ id: 'HolderPosition', description: "One issuer where the person reports, and the person's holdings there." });

export const HolderResponse = z
  .strictObject({
    holder: z.string().describe('As asked: a person id, or "cik:N"'),
    asOf: IsoDate,
    filedBy: IsoDate.nullable(),
    recordedBy: Instant.nullable(),
    positions: z.array(HolderPosition),
  })
  .meta({
    id: 'HolderResponse',
    description: "One person's holdings at every issuer where it reports (by person id or CIK), at a date.",
  });

// ---------------------------------------------------------------------------------------------
// Events, issuers

export const StoredEvent = z
  .strictObject({
    id: EventId,
    type: z.string(),
    revision: count.describe('Revision within its stream; the first event is 0'),
    position: z.string().regex(/^\d+$/).describe("Position in the store's one global order, as a decimal string"),
    recordedAt: Instant,
    data: z.unknown().describe("The event's data as stored"),
  })
  .meta({ id: 'StoredEvent', description: 'A raw event of an issuer stream, as stored.' });

export const EventsPageResponse = z
  .strictObject({
    stream: z.string(),
    events: z.array(StoredEvent),
    nextFrom: count.nullable().describe('Pass as `from` for the next page; null at the end of the stream'),
  })
  .meta({ id: 'EventsPageResponse', description: 'The raw events of an issuer stream, a page at a time, as stored.' });

export const IndexedIssuer = z
  .strictObject({
    issuerKey: IssuerKey,
    cusip: Cusip.nullable().describe('The CUSIP the latest filing (by filing date) prints; null when none printed'),
    name: z.string().nullable(),
    cik: Cik.nullable(),
    filings: count,
    lastFiledOn: IsoDate.nullable(),
    persons: z
      .record(PersonId, z.strictObject({ name: z.string(), cik: Cik.nullable() }))
      .describe('Reporting persons named on a cover page or identified, by id, with the name last given'),
  })
  .meta({ id: 'IndexedIssuer', description: 'An issuer the store holds, and the persons that report at it.' });

export const IssuersResponse = z
  .strictObject({ issuers: z.array(IndexedIssuer) })
  .meta({ id: 'IssuersResponse', description: 'The issuers the store holds.' });

// ---------------------------------------------------------------------------------------------
// Ingest, commands

export const ReviewItem = z
  .strictObject({ item: z.string(), sentence: z.string(), reason: z.string() })
  .meta({ id: 'ReviewItem', description: 'A sentence of the filing the ingest could not map to events, for review.' });

export const FilingDoubt = z
  .strictObject({
    row: z.number().int().describe('Cover row (1-14); 0 for the front page'),
    read: z.string().describe('What the row holds, as read (layout residue removed)'),
    reason: z.string(),
    place: z.string().describe('Where: a line of the text'),
    person: z.string().optional().describe('Row 1 of the cover page the doubt is on; absent for the front page'),
  })
  .meta({ id: 'FilingDoubt', description: 'A value read with doubt: what was read, and why.' });

export const IngestResponse = z
  .strictObject({
    file: z.string(),
    cusip: Cusip.nullable().describe(
      'The CUSIP the filing prints, or null when it prints none (the CIK identifies the issuer)',
    ),
    issuerKey: IssuerKey.describe("The issuer's key and stream: the CUSIP it was first recorded under, or cik-<CIK>"),
    stream: z.string(),
    formType: z.string(),
    amendmentNo: amendmentNumber.describe('Null for an amendment that states no number'),
    filingKey: z.string().describe('What the event ids derive from: the accession number or the content hash'),
    identityKey: z
      .string()
      .nullable()
      .describe('The format-independent identity: issuer key | sorted person ids | amendment number'),
    status: z.enum(['appended', 'already-recorded', 'dry-run']),
    alreadyRecordedFrom: z
      .string()
      .nullable()
      .describe('Where the filing was already recorded from (store metadata source), when status is already-recorded'),
    message: z.string().describe('One line saying what happened to the filing'),
    persons: z.array(z.string()).describe('The reporting persons, as row 1 of each cover page names them'),
    positions: count,
    transactions: count,
    events: count,
    appended: count.describe('Events this call wrote (0 when another process had written the same ones)'),
    alreadyPresent: count,
    review: z.array(ReviewItem),
    partial: z.array(z.string()).describe('Cover pages recorded as partial (rows not restated are unchanged)'),
    notes: z
      .array(z.string())
      .describe('What the ledger assumed (e.g. the filing date taken from the signature date) or filled in'),
    doubts: z
      .array(FilingDoubt)
      .describe('Values read with doubt, each with what was read and why: recorded with the filing, for review'),
    earlierFilings: z
      .array(z.strictObject({ amendmentNumber, filedOn: IsoDate }))
      .describe('Earlier filings the preamble names, recorded (or already known) by date'),
  })
  .meta({ id: 'IngestResponse', description: 'What happened to one filing sent for ingest.' });

export const CommandResponse = z
  .strictObject({
    eventId: EventId.describe('The event corrected or retracted'),
    stream: z.string(),
    appended: z
      .array(z.strictObject({ id: EventId, type: z.string(), data: z.unknown() }))
      .describe('The events the command appended'),
  })
  .meta({ id: 'CommandResponse', description: 'A correction or retraction, as recorded.' });

// ---------------------------------------------------------------------------------------------
// Problem

/** RFC 9457 problem details; open, as the RFC allows extension members. */
export const ProblemResponse = z
  .looseObject({
    type: z.url().describe('A URI identifying the class of problem'),
    title: z.string().describe('A short summary of the class of problem'),
    status: z.number().int().min(100).max(599).describe('The HTTP status code'),
    detail: z.string().describe('What was wrong with this request'),
    instance: z.string().optional().describe('A URI reference identifying this occurrence'),
    errors: z
      .array(z.strictObject({ where: z.string(), problem: z.string() }))
      .optional()
      .describe('For a request that fails its schema: each place and what is wrong there'),
  })
  .meta({ id: 'Problem', description: 'An error, as RFC 9457 problem details (application/problem+json).' });
export type ProblemResponse = z.infer<typeof ProblemResponse>;

/** Every response schema by name, for the OpenAPI document and the tests. */
export const RESPONSE_SCHEMAS = {
  HoldingsResponse,
  GroupResponse,
  HistoryResponse,
  StatementResponse,
  ReconciliationResponse,
  DiffResponse,
  FilingsResponse,
  TimelineResponse,
  CrossingsResponse,
  HolderResponse,
  EventsPageResponse,
  IssuersResponse,
  IngestResponse,
  CommandResponse,
  ProblemResponse,
} as const;

// ---------------------------------------------------------------------------------------------
// Compile-time checks: each schema against the type it mirrors, as JSON.

/**
 * A value's type after `JSON.stringify` (with the CLI's replacer: bigints as numbers): branded strings
 * are plain strings, functions, symbols and undefined are dropped, a field that may be undefined
 * becomes optional, readonly arrays are plain arrays. `unknown` stays `unknown` (and required: the
 * query always sets those fields).
 */
export type Jsonified<T> = T extends bigint
  ? number
  : T extends string
    ? T extends z.$brand
      ? string
      : T
    : T extends number | boolean | null
      ? T
      : T extends undefined | symbol | ((...args: never[]) => unknown)
        ? never
        : T extends readonly (infer E)[]
          ? Jsonified<E>[]
          : T extends object
            ? JsonObject<T>
            : T;

type Dropped = undefined | symbol | ((...args: never[]) => unknown);
type IsKept<V> = [Exclude<V, Dropped>] extends [never] ? false : true;
/** Declared `?:`, or its type admits undefined (but not an index signature, nor `unknown`). */
type IsOptional<T, K extends keyof T> = string extends K
  ? false
  : // `{} extends Pick<T, K>` is the one test for a key declared `?:`: the empty object type is meant here.
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    {} extends Pick<T, K>
    ? true
    : unknown extends T[K]
      ? false
      : undefined extends T[K]
        ? true
        : false;
type JsonKey<T, K extends keyof T, Optional extends boolean> = K extends string
  ? IsKept<T[K]> extends true
    ? IsOptional<T, K> extends Optional
      ? K
      : never
    : never
  : never;
type JsonObject<T> = Flatten<
  { -readonly [K in keyof T as JsonKey<T, K, false>]-?: Jsonified<Exclude<T[K], undefined>> } & {
    -readonly [K in keyof T as JsonKey<T, K, true>]?: Jsonified<Exclude<T[K], undefined>>;
  }
>;
type Flatten<T> = { [K in keyof T]: T[K] };

/** Deeply the same shape: same keys, same optionality, same value types (readonly and intersections aside). */
type Normal<T> = T extends readonly (infer E)[]
  ? Normal<E>[]
  : T extends object
    ? { -readonly [K in keyof T]: Normal<T[K]> }
    : T;
type Identical<X, Y> = (<G>() => G extends X ? 1 : 2) extends <G>() => G extends Y ? 1 : 2 ? true : false;
export type Exact<A, B> = Identical<Normal<A>, Normal<B>>;
/** `A`'s values are all `B`'s. */
type Assignable<A, B> = [A] extends [B] ? true : false;

type GroupResult = Awaited<ReturnType<typeof ledger.queryGroup>>;
type HistoryResult = Awaited<ReturnType<typeof ledger.queryHistory>>;
type StatementResult = Awaited<ReturnType<typeof ledger.queryStatement>>;
type ReconciliationResult = Awaited<ReturnType<typeof ledger.queryReconciliation>>;
type DiffResult = Awaited<ReturnType<typeof ledger.queryDiff>>;

// Responses, both ways.
const holdingsMatches: Exact<z.infer<typeof HoldingsResponse>, Jsonified<ledger.HoldingsReport>> = true;
const groupMatches: Exact<z.infer<typeof GroupResponse>, Jsonified<GroupResult>> = true;
const historyMatches: Exact<z.infer<typeof HistoryResponse>, Jsonified<HistoryResult>> = true;
const statementMatches: Exact<z.infer<typeof StatementResponse>, Jsonified<StatementResult>> = true;
const reconciliationMatches: Exact<z.infer<typeof ReconciliationResponse>, Jsonified<ReconciliationResult>> = true;
const diffMatches: Exact<z.infer<typeof DiffResponse>, Jsonified<DiffResult>> = true;
const filingsMatches: Exact<z.infer<typeof FilingsResponse>, Jsonified<ledger.FilingsReport>> = true;
const timelineMatches: Exact<z.infer<typeof TimelineResponse>, Jsonified<ledger.TimelineReport>> = true;
const crossingsMatches: Exact<
  z.infer<typeof CrossingsResponse>,
  Jsonified<Pick<ledger.TimelineReport, 'issuer' | 'filedBy' | 'recordedBy' | 'crossings' | 'unreadableEvents'>>
> = true;
const holderMatches: Exact<z.infer<typeof HolderResponse>, Jsonified<ledger.HolderReport>> = true;
const eventsPageMatches: Exact<z.infer<typeof EventsPageResponse>, Jsonified<ledger.EventsPage>> = true;
const issuersMatches: Exact<z.infer<typeof IssuersResponse>, Jsonified<{ issuers: ledger.IndexedIssuer[] }>> = true;
const ingestMatches: Exact<z.infer<typeof IngestResponse>, Jsonified<ledger.IngestOutcome>> = true;
const commandMatches: Exact<z.infer<typeof CommandResponse>, Jsonified<ledger.CommandResult>> = true;

// Components, so that a drift names the component rather than only the response.
const componentsMatch: [
  Exact<z.infer<typeof Holder>, Jsonified<views.Holder>>,
  Exact<z.infer<typeof SecurityHolding>, Jsonified<views.SecurityHolding>>,
  Exact<z.infer<typeof ReportedFigures>, Jsonified<views.ReportedFigures>>,
  Exact<z.infer<typeof FigureDifference>, Jsonified<views.FigureDifference>>,
  Exact<z.infer<typeof UnexplainedDifference>, Jsonified<views.UnexplainedDifference>>,
  Exact<z.infer<typeof ShareBasisAdjustment>, Jsonified<views.ShareBasisAdjustment>>,
  Exact<z.infer<typeof SplitFact>, Jsonified<views.SplitFact>>,
  Exact<z.infer<typeof Basis>, views.Basis>,
  Exact<z.infer<typeof ShareBasis>, views.ShareBasis>,
  Exact<z.infer<typeof UnreadableEvent>, Jsonified<domain.UnreadableEvent>>,
  Exact<z.infer<typeof ReportedPercent>, Jsonified<domain.ReportedPercent>>,
  Exact<z.infer<typeof Source>, Jsonified<domain.Source>>,
  Exact<z.infer<typeof CoverPage>, Jsonified<domain.CoverPage>>,
  Exact<z.infer<typeof PartialCoverPage>, Jsonified<domain.PartialCoverPage>>,
  Exact<z.infer<typeof IssuerHeader>, Jsonified<ledger.IssuerHeader>>,
  Exact<z.infer<typeof GroupMember>, Jsonified<views.GroupMember>>,
  Exact<z.infer<typeof HistoryEntry>, Jsonified<views.HistoryEntry>>,
  Exact<z.infer<typeof CorrectedInfo>, Jsonified<views.CorrectedInfo>>,
  Exact<z.infer<typeof RetractedInfo>, Jsonified<views.RetractedInfo>>,
  Exact<z.infer<typeof Finding>, Jsonified<views.Finding>>,
  Exact<z.infer<typeof DiffFiling>, Jsonified<views.DiffFiling>>,
  Exact<z.infer<typeof FieldChange>, Jsonified<views.FieldChange>>,
  Exact<z.infer<typeof CoverChange>, Jsonified<views.CoverChange>>,
  Exact<z.infer<typeof HoldingFigures>, Jsonified<views.HoldingFigures>>,
  Exact<z.infer<typeof HoldingChange>, Jsonified<views.HoldingChange>>,
  Exact<z.infer<typeof FilingDeadline>, Jsonified<domain.FilingDeadline>>,
  Exact<z.infer<typeof FilingLag>, Jsonified<domain.FilingLag>>,
  Exact<z.infer<typeof FilingSummary>, Jsonified<ledger.FilingSummary>>,
  Exact<z.infer<typeof TimelinePoint>, Jsonified<ledger.TimelinePoint>>,
  Exact<z.infer<typeof TimelinePerson>, Jsonified<ledger.TimelinePerson>>,
  Exact<z.infer<typeof TimelineMarker>, Jsonified<ledger.TimelineMarker>>,
  Exact<z.infer<typeof ThresholdCrossing>, Jsonified<ledger.ThresholdCrossing>>,
  Exact<z.infer<typeof HolderPosition>, Jsonified<ledger.HolderPosition>>,
  Exact<z.infer<typeof StoredEvent>, Jsonified<ledger.StoredEventView>>,
  Exact<z.infer<typeof IndexedIssuer>, Jsonified<ledger.IndexedIssuer>>,
  Exact<z.infer<typeof ReviewItem>, Jsonified<ingest.ReviewItem>>,
  Exact<z.infer<typeof FilingDoubt>, Jsonified<ingest.FilingDoubt>>,
] = [
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
];

// Problem has no type in src/ledger: its schema is open (extension members), so only what it names is checked.
const problemNamesItsFields: Assignable<
  {
    type: string;
    title: string;
    status: number;
    detail: string;
    instance?: string;
    errors?: { where: string; problem: string }[];
  },
  ProblemResponse
> = true;

void [
  holdingsMatches,
  groupMatches,
  historyMatches,
  statementMatches,
  reconciliationMatches,
  diffMatches,
  filingsMatches,
  timelineMatches,
  crossingsMatches,
  holderMatches,
  eventsPageMatches,
  issuersMatches,
  ingestMatches,
  commandMatches,
  componentsMatch,
  problemNamesItsFields,
];
