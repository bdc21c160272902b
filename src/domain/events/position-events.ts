/** What a filing asserts as of a date: positions, Item 5 figures, shares outstanding. */
import { z } from 'zod';
import { IsoDateSchema, PersonIdSchema, SecurityIdSchema } from '../ids.js';
import { count, text, fact, ReportedPercentSchema } from './fact-fields.js';

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
