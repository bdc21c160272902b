/**
 * EDGAR's per-company JSON (`submissions/CIK##########.json`): the company's
 * filings, as filer or as subject company, in columns (`form[i]`,
 * `accessionNumber[i]`, `filingDate[i]`, `primaryDocument[i]` describe one
 * filing) under `filings.recent` (the latest thousand or so), with older ones
 * in further pages listed in `filings.files` (`CIK0000896493-submissions-001.json`,
 * each with its `filingFrom`..`filingTo`), whose columns are at the top level.
 * Validated here, where it enters.
 */
import { z } from 'zod';
import { cikOf, parseAccessionNumber } from '../domain/index.js';
import { filingFileName } from './edgar-paths.js';
import { SCHEDULE_13D_FORMS, type IndexedFiling } from './form-index.js';

const Columns = z.object({
  accessionNumber: z.array(z.string()),
  filingDate: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
  form: z.array(z.string()),
  primaryDocument: z.array(z.string()).optional(),
});

const Page = z.object({
  name: z.string().regex(/^[\w.-]+\.json$/),
  filingFrom: z.string().optional(),
  filingTo: z.string().optional(),
});

const Submissions = z.object({
  cik: z.union([z.string(), z.number()]),
  name: z.string().nullable().optional(),
  filings: z.object({ recent: Columns, files: z.array(Page).default([]) }),
});

export interface CompanySubmissions {
  cik: string;
  name: string;
  filings: IndexedFiling[];
  /** Older pages, with the dates they span when stated. */
  pages: { name: string; from: string | null; to: string | null }[];
}

export class SubmissionsError extends Error {
  override readonly name = 'SubmissionsError';
}

export function parseSubmissions(json: string, where: string): CompanySubmissions {
  const parsed = Submissions.safeParse(parseJson(json, where));
  if (!parsed.success) throw new SubmissionsError(`${where}: not EDGAR submissions JSON (${issues(parsed.error)})`);
  const cik = cikOf(String(parsed.data.cik));
  const name = parsed.data.name ?? '';
  return {
    cik,
    name,
    filings: rows(parsed.data.filings.recent, cik, name, where),
    pages: parsed.data.filings.files.map((f) => ({ name: f.name, from: f.filingFrom ?? null, to: f.filingTo ?? null })),
  };
}

/** One of the older pages: the same columns, at the top level. */
export function parseSubmissionsPage(json: string, cik: string, name: string, where: string): IndexedFiling[] {
  const parsed = Columns.safeParse(parseJson(json, where));
  if (!parsed.success)
    throw new SubmissionsError(`${where}: not a page of EDGAR submissions JSON (${issues(parsed.error)})`);
  return rows(parsed.data, cik, name, where);
}

/** The company's Schedule 13D filings (one per accession number). */
export function schedule13DSubmissions(filings: readonly IndexedFiling[]): IndexedFiling[] {
  const seen = new Set<string>();
  return filings.filter(
    (f) => SCHEDULE_13D_FORMS.has(f.formType) && !seen.has(f.accessionNumber) && seen.add(f.accessionNumber),
  );
}

function rows(columns: z.infer<typeof Columns>, cik: string, name: string, where: string): IndexedFiling[] {
  const count = columns.accessionNumber.length;
  if (columns.form.length !== count || columns.filingDate.length !== count) {
    throw new SubmissionsError(
      `${where}: columns of different lengths (${count} accession numbers, ` +
        `${columns.form.length} forms, ${columns.filingDate.length} dates)`,
    );
  }
  return columns.accessionNumber.map((accession, i) => {
    const accessionNumber = parseAccessionNumber(accession);
    // The full submission text, where EDGAR keeps every filing (the primary document is one part of it).
    return {
      formType: columns.form[i]!,
      companyName: name,
      cik,
      dateFiled: columns.filingDate[i]!,
      fileName: filingFileName(cik, accessionNumber),
      accessionNumber,
    };
  });
}

function parseJson(json: string, where: string): unknown {
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new SubmissionsError(`${where}: not JSON (${(error as Error).message})`);
  }
}

function issues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}
