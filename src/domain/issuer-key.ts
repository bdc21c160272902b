/**
 * Who the issuer is. A Schedule 13D names the subject company by CUSIP on its
 * cover and, in a full submission or XML, by CIK. The CIK is the company; a
 * CUSIP is an alias that changes with a reverse split or a new class (the
 * bundled chain printed 09175M408, then 09175M507). The issuer's stream is
 * named by its key: the CUSIP it was first recorded under (every store
 * written before aliases existed), or `cik-0000896493` for an issuer first
 * met without a CUSIP. Every other identifier is an alias recorded in the
 * issuer directory stream, first writer wins.
 */
import { z } from 'zod';
import { cusipCheckDigit, InvalidValueError, isValidCusip } from './ids.js';

export type IssuerKey = string;

/** The stream of aliases (CUSIP or CIK -> issuer key); not an issuer stream, so not under "issuer-". */
export const ISSUER_DIRECTORY_STREAM = 'ledger-issuers';

/** "cusip:09175M507" or "cik:0000896493": one identifier of an issuer. */
export type IssuerAlias = `cusip:${string}` | `cik:${string}`;

export const IssuerAliasRecordedSchema = z.object({
  type: z.literal('IssuerAliasRecorded'),
  data: z.object({
    alias: z
      .string()
      .regex(/^(?:cusip:[0-9A-Z*@#]{8}\d|cik:\d{10})$/, 'an alias is cusip:<9 characters> or cik:<10 digits>'),
    issuerKey: z.string().regex(/^(?:[0-9A-Z*@#]{8}\d|cik-\d{10})$/, 'an issuer key is a CUSIP or cik-<10 digits>'),
    /** The issuer's name as the filing that introduced the alias prints it. */
    name: z.string().nullable(),
    /** What introduced it: "ingest:FILE", "sample:ault-alliance", "existing stream". */
    source: z.string(),
  }),
});
export type IssuerAliasRecorded = z.infer<typeof IssuerAliasRecordedSchema>;

/** Written once the directory holds an alias for every issuer stream written before it existed. */
export const ISSUER_DIRECTORY_COMPLETE = 'IssuerDirectoryCompleted';

export function cikOf(text: string): string {
  return text.replace(/^0+/, '').padStart(10, '0');
}

/** The key a new issuer's stream takes: its CUSIP, else its CIK. */
export function newIssuerKey(ids: { cusip?: string | null; cik?: string | null }): IssuerKey {
  if (ids.cusip) return ids.cusip;
  if (ids.cik) return `cik-${cikOf(ids.cik)}`;
  throw new InvalidValueError('an issuer needs a CUSIP or a CIK');
}

export function aliasesOf(ids: { cusip?: string | null; cik?: string | null }): IssuerAlias[] {
  return [
    ...(ids.cusip ? [`cusip:${ids.cusip}` as const] : []),
    ...(ids.cik ? [`cik:${cikOf(ids.cik)}` as const] : []),
  ];
}

/**
 * What `--issuer` names: a CUSIP (nine characters with a right check digit), or a CIK written
 * "cik:896493", "CIK0000896493" or as ten digits (a CUSIP has nine).
 */
export function parseIssuerRef(text: string): IssuerAlias {
  const compact = text.trim().replace(/[\s-]/g, '').toUpperCase();
  const cik = /^(?:CIK:?)(\d{1,10})$/.exec(compact)?.[1] ?? (/^\d{10}$/.test(compact) ? compact : undefined);
  if (cik !== undefined) return `cik:${cikOf(cik)}`;
  if (isValidCusip(compact)) return `cusip:${compact}`;
  const hint = /^[0-9A-Z*@#]{8}\d$/.test(compact)
    ? ` (its check digit should be ${cusipCheckDigit(compact.slice(0, 8))})`
    : '';
  throw new InvalidValueError(`"${text}" is not a valid CUSIP${hint}, nor a CIK (cik:896493, or ten digits)`);
}
