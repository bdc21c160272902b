/** Transactions and corporate actions: purchases, sales, notes, preferred, warrants, options, RSUs, caps, splits. */
import { z } from 'zod';
import { IsoDateSchema, PersonIdSchema, SecurityIdSchema } from '../ids.js';
import { count, money, text, fact } from './fact-fields.js';

/**
 * How shares changed hands: in the open market, in a private placement, or otherwise (a sale to the issuer,
 * a tender, or a row of a trades table that does not say).
 */
const TradeMethodSchema = z.enum(['open-market', 'private-placement', 'other']);

/** Common shares bought (Item 5(c), Item 6). */
export const SharesPurchasedSchema = z.object({
  type: z.literal('SharesPurchased'),
  data: z.object({
    ...fact,
    personId: PersonIdSchema,
    shares: count,
    method: TradeMethodSchema,
    pricePerShare: money.nullable(),
    totalPrice: money.nullable(),
  }),
});

export const SharesSoldSchema = z.object({
  type: z.literal('SharesSold'),
  data: z.object({
    ...fact,
    personId: PersonIdSchema,
    shares: count,
    method: TradeMethodSchema,
    pricePerShare: money.nullable(),
    /** "for an aggregate price of $Y"; null when not stated. */
    totalPrice: money.nullable(),
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
  data: z.object({
    ...fact,
    personId: PersonIdSchema,
    securityId: SecurityIdSchema,
    principalConverted: money,
    sharesIssued: count,
  }),
});

export const ConvertibleNoteRepaidSchema = z.object({
  type: z.literal('ConvertibleNoteRepaid'),
  data: z.object({
    ...fact,
    personId: PersonIdSchema,
    securityId: SecurityIdSchema,
    principalRepaid: money.nullable(),
  }),
});

/** Convertible preferred sold to a holder (one closing). */
export const PreferredIssuedSchema = z.object({
  type: z.literal('PreferredIssued'),
  data: z.object({
    ...fact,
    personId: PersonIdSchema,
    securityId: SecurityIdSchema,
    shares: count,
    purchasePrice: money.nullable(),
  }),
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
