/**
 * Identifiers and value types of the domain, validated where data enters.
 * Branded so that a plain string cannot pass for a checked CUSIP.
 */
import { DateTime } from 'luxon';
import { z } from 'zod';

/** CUSIP check digit: the standard mod-10 "double-add-double" over the first eight characters. */
export function cusipCheckDigit(base8: string): number {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = base8.charAt(i).toUpperCase();
    let v: number;
    if (ch >= '0' && ch <= '9') v = ch.charCodeAt(0) - 48;
    else if (ch >= 'A' && ch <= 'Z')
      v = ch.charCodeAt(0) - 55; // A=10 ... Z=35
    else if (ch === '*') v = 36;
    else if (ch === '@') v = 37;
    else if (ch === '#') v = 38;
    else return -1;
    // Every second character (1-based even positions) is doubled.
    if (i % 2 === 1) v *= 2;
    sum += Math.floor(v / 10) + (v % 10);
  }
  return (10 - (sum % 10)) % 10;
}

export function isValidCusip(value: string): boolean {
  if (!/^[0-9A-Z*@#]{8}[0-9]$/.test(value)) return false;
  return cusipCheckDigit(value.slice(0, 8)) === Number(value.charAt(8));
}

/** A nine-character CUSIP whose check digit is right, e.g. `09175M507`. */
export const CusipSchema = z
  .string()
  .refine(isValidCusip, {
    message: 'not a valid CUSIP: expected 9 characters (8 + a mod-10 "double-add-double" check digit), e.g. 09175M507',
  })
  .brand<'Cusip'>();
export type Cusip = z.infer<typeof CusipSchema>;

/** Accepts the forms filings print ("09175M 507", lower case) and returns the checked CUSIP. */
export function parseCusip(text: string): Cusip {
  const compact = text.replace(/[\s-]/g, '').toUpperCase();
  const result = CusipSchema.safeParse(compact);
  if (!result.success) throw new InvalidValueError(`"${text}" is not a valid CUSIP (check digit or format)`);
  return result.data;
}

/** EDGAR Central Index Key: up to ten digits, stored zero-padded to ten. */
export const CikSchema = z
  .string()
  .regex(/^\d{1,10}$/, 'a CIK is 1 to 10 digits')
  .transform((s) => s.padStart(10, '0'))
  .brand<'Cik'>();
export type Cik = z.infer<typeof CikSchema>;

/** EDGAR accession number, `0001213900-24-062810` (filer id, year, sequence). */
export const AccessionNumberSchema = z
  .string()
  .regex(/^\d{10}-\d{2}-\d{6}$/, 'an accession number looks like 0001213900-24-062810')
  .brand<'AccessionNumber'>();
export type AccessionNumber = z.infer<typeof AccessionNumberSchema>;

/** A CIK as a filing prints it (leading zeros or not), checked and zero-padded. */
export function parseCik(text: string): Cik {
  const result = CikSchema.safeParse(text.replace(/^0+(?=\d)/, ''));
  if (!result.success) throw new InvalidValueError(`"${text}" is not a CIK (1 to 10 digits)`);
  return result.data;
}

/** An accession number as EDGAR writes it, checked. */
export function parseAccessionNumber(text: string): AccessionNumber {
  const result = AccessionNumberSchema.safeParse(text);
  if (!result.success) throw new InvalidValueError(`"${text}" is not an accession number (like 0001213900-24-062810)`);
  return result.data;
}

/** True for `YYYY-MM-DD` naming a real calendar day (2024-02-30 is not). */
export function isIsoDate(value: string): boolean {
  // Plain arithmetic, not luxon: every event carries three dates and this runs on every decode.
  if (value.length !== 10 || !ISO_DATE.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** A calendar date as an ISO string; ISO dates compare correctly as strings. */
export const IsoDateSchema = z.string().refine(isIsoDate, { message: 'not a calendar date in the form YYYY-MM-DD' });
export type IsoDate = string;

/** An instant, ISO-8601 with a zone (the store's recordedAt). */
export const IsoInstantSchema = z
  .string()
  .refine((s) => DateTime.fromISO(s, { setZone: true }).isValid && /T/.test(s), {
    message: 'not an ISO-8601 instant such as 2024-07-24T12:00:00.000Z',
  });

export function parseIsoDate(text: string, what = 'date'): IsoDate {
  if (!isIsoDate(text)) throw new InvalidValueError(`${what} "${text}" is not a calendar date in the form YYYY-MM-DD`);
  return text;
}

/**
 * An instant for the recordedBy clock, normalised to the store's format
 * (`toISOString`, UTC, milliseconds) so that strings compare correctly.
 * A bare date means the end of that day in New York, where EDGAR dates its
 * filings, so "--recorded-by 2024-07-24" includes what was recorded that US business day.
 */
export function parseInstant(text: string, what = 'instant'): string {
  if (isIsoDate(text)) return DateTime.fromISO(text, { zone: 'America/New_York' }).endOf('day').toUTC().toISO()!;
  const parsed = DateTime.fromISO(text, { zone: 'utc', setZone: false });
  if (!parsed.isValid || !/T/.test(text)) {
    throw new InvalidValueError(`${what} "${text}" is not an ISO date or instant such as 2024-07-24T12:00:00Z`);
  }
  return parsed
    .toUTC()
    .toISO({ suppressMilliseconds: false })!
    .replace(/\+00:00$/, 'Z');
}

/** A stable, readable id of a person or entity within the ledger: `ault-and-company`, `milton-c-ault-iii`. */
export const PersonIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a person id is kebab-case: ault-and-company');
export type PersonId = string;

/** A stable id of a security held: `common`, `series-c-preferred`, `warrants-2023-10-13`. */
export const SecurityIdSchema = PersonIdSchema;
export type SecurityId = string;

export const UuidSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'not a UUID');

/** Bad input from a person or a file: the message says what and why. */
export class InvalidValueError extends Error {
  override readonly name: string = 'InvalidValueError';
}
