/** Fields and value shapes every fact event shares: provenance, dates, counts. */
import { z } from 'zod';
import { AccessionNumberSchema, IsoDateSchema } from '../ids.js';

export const count = z.number().int().nonnegative();
export const money = z.number().nonnegative();
export const text = z.string().min(1);

/** Where a fact comes from. */
export const SourceSchema = z.object({
  /** Which filing: 0 is the original statement, N is Amendment No. N, null an amendment that states no number. */
  amendmentNumber: count.nullable(),
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
export const fact = {
  /** When it happened; for a reported figure, the date it is stated as of. */
  effectiveDate: IsoDateSchema,
  /**
   * 'on-or-before' when the filing only shows it had happened by effectiveDate (events of ledger-events/1 without it:
   * 'exact').
   */
  effectiveDatePrecision: z.enum(['exact', 'on-or-before']),
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
