/**
 * What each request may carry, in zod: path parameters, query strings and bodies. The
 * names follow the CLI's flags (asOf for --as-of). Checked before any service runs, so
 * a bad date or CUSIP check digit is a 400 naming the parameter; the same schemas
 * document the API (openapi.ts).
 */
import { z } from 'zod';
import { IsoDateSchema, parseInstant, parseIssuerRef, PersonIdSchema, UuidSchema } from '../ledger/inputs.js';

/** A string the ledger's own parser accepts; its message (a check digit hint, say) becomes the issue's. */
const parsedBy = (parse: (text: string) => unknown) =>
  z.string().superRefine((text, ctx) => {
    try {
      parse(text);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
    }
  });

export const IssuerParam = parsedBy(parseIssuerRef).meta({
  description: 'Any CUSIP the issuer has used (check digit verified), or its CIK as cik:N',
  example: '09175M507',
});

export const PersonParam = PersonIdSchema.meta({
  description: 'A reporting person id, kebab-case',
  example: 'ault-and-company',
});

export const HolderParam = z
  .string()
  .regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*|cik:\d{1,10})$/, 'a person id (ault-and-company) or cik:N')
  .meta({
    description: 'A person id, or cik:N for every person any filing gives that CIK',
    example: 'ault-and-company',
  });

export const EventIdParam = UuidSchema.meta({ description: 'The id of the event (a UUID)' });

const AsOf = IsoDateSchema.meta({
  description: 'Fold facts effective on or before this date (YYYY-MM-DD)',
  example: '2024-07-23',
});
const FiledBy = IsoDateSchema.optional().meta({
  description: 'Keep only what filings filed on or before this date disclosed',
});
const RecordedBy = parsedBy((text) => parseInstant(text, 'recordedBy'))
  .optional()
  .meta({
    description:
      'As known at: only events the ledger recorded by then (a date means the end of that day, New York time)',
  });
const ShareBasis = z.enum(['as-reported', 'adjusted']).optional().meta({
  description:
    "'as-reported' (the share count in force at the date, default) or 'adjusted' (after the latest split known)",
});
export const Format = z
  .enum(['json', 'csv'])
  .optional()
  .meta({ description: 'csv for a spreadsheet (or send Accept: text/csv)' });

const KnownAt = { filedBy: FiledBy, recordedBy: RecordedBy };

export const HoldingsQuery = z.strictObject({ asOf: AsOf, ...KnownAt, shareBasis: ShareBasis, format: Format });
export const AtDateQuery = z.strictObject({ asOf: AsOf, ...KnownAt });
export const OptionalDateQuery = z.strictObject({ asOf: AsOf.optional(), ...KnownAt });
export const HistoryQuery = z.strictObject({
  asOf: AsOf.optional(),
  ...KnownAt,
  shareBasis: ShareBasis,
  format: Format,
});
export const KnownAtQuery = z.strictObject(KnownAt);
export const DiffQuery = z.strictObject({
  from: z
    .string()
    .regex(/^\d+$/, 'an amendment number (0 for the original)')
    .meta({ description: 'Amendment number to compare from (0: the original)', example: '7' }),
  to: z
    .string()
    .regex(/^\d+$/, 'an amendment number (0 for the original)')
    .meta({ description: 'Amendment number to compare to', example: '8' }),
  ...KnownAt,
  shareBasis: ShareBasis,
});
export const HolderQuery = z.strictObject({ asOf: AsOf, ...KnownAt });

const count = (what: string, max?: number) => {
  const base = z.string().regex(/^\d+$/, `${what}: a whole number`);
  return (
    max === undefined
      ? base
      : base.refine((s) => Number(s) >= 1 && Number(s) <= max, { message: `between 1 and ${max}` })
  ).optional();
};
export const EventsQuery = z.strictObject({
  from: count('from').meta({ description: 'First revision of the page (0: the first event)' }),
  limit: count('limit', 1000).meta({ description: 'Events per page, 1 to 1000 (default 100)' }),
});

const Revision = z.string().regex(/^\d+$/, 'a stream revision (0 or more)');

export const IngestQuery = z.strictObject({
  name: z
    .string()
    .max(200)
    .optional()
    .meta({ description: 'A name for the filing in messages and in the log (its file name); default "request body"' }),
  expectedRevision: z
    .union([Revision, z.literal('no_stream')])
    .optional()
    .meta({
      description: "The issuer stream's revision you read ('no_stream' for a new issuer): 409 if it has moved on",
    }),
  dryRun: z.enum(['true', 'false']).optional().meta({ description: 'Say what would be written, and write nothing' }),
});

const CommandCommon = {
  reason: z
    .string()
    .trim()
    .min(1, 'say why')
    .max(2000)
    .meta({ description: 'Why: kept in the log with the correction' }),
  issuer: IssuerParam.optional(),
  expectedRevision: z
    .number()
    .int()
    .min(0)
    .optional()
    .meta({ description: "The issuer stream's revision you read: 409 if another write came since" }),
};

export const CorrectionBody = z.strictObject({
  set: z
    .record(z.string().min(1), z.unknown())
    .refine((set) => Object.keys(set).length > 0, { message: 'set at least one field' })
    .meta({
      description: 'Fields to set, by dotted path into the event data ("shares", "percentOfClass.value")',
      example: { pricePerShare: 0.16 },
    }),
  ...CommandCommon,
});

export const RetractionBody = z.strictObject(CommandCommon);

/** The path parameters of a route, nothing else. */
export const pathParams = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape);
