/**
 * Where EDGAR keeps what the sync reads. The archives (form indexes and
 * filings) are under www.sec.gov/Archives, the per-company JSON under
 * data.sec.gov/submissions; one `--edgar-base` serves both (a mirror, or the
 * local EDGAR of the tests), under the same paths.
 */
import { cikOf } from '../domain/index.js';

export interface EdgarBase {
  /** Origin of `Archives/...`. @defaultValue https://www.sec.gov/ */
  archives: string;
  /** Origin of `submissions/...`. @defaultValue https://data.sec.gov/ */
  data: string;
}

export const EDGAR_BASE: EdgarBase = { archives: 'https://www.sec.gov/', data: 'https://data.sec.gov/' };

/** `--edgar-base URL`: one origin for both, ending with a slash. */
export function edgarBaseOf(url: string | undefined): EdgarBase {
  if (url === undefined) return EDGAR_BASE;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RangeError(`--edgar-base "${url}" is not a URL (e.g. https://www.sec.gov/ or http://127.0.0.1:8080/)`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new RangeError(`--edgar-base "${url}" is not an http(s) URL`);
  const origin = parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`;
  return { archives: origin, data: origin };
}

export type Quarter = 1 | 2 | 3 | 4;

export function quarterOf(date: string): { year: number; quarter: Quarter } {
  return { year: Number(date.slice(0, 4)), quarter: (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as Quarter };
}

/** `Archives/edgar/daily-index/2024/QTR3/form.20240724.idx`: the filings EDGAR disseminated that day. */
export function dailyFormIndexUrl(base: EdgarBase, date: string): string {
  const { year, quarter } = quarterOf(date);
  return `${base.archives}Archives/edgar/daily-index/${year}/QTR${quarter}/form.${date.replace(/-/g, '')}.idx`;
}

/** `Archives/edgar/full-index/2024/QTR3/form.idx`: the quarter's filings, rebuilt nightly, final once it ends. */
export function quarterlyFormIndexUrl(base: EdgarBase, year: number, quarter: Quarter): string {
  return `${base.archives}Archives/edgar/full-index/${year}/QTR${quarter}/form.idx`;
}

/** `submissions/CIK0000896493.json`, and its older pages by the name the first one gives. */
export function submissionsUrl(base: EdgarBase, cikOrFile: string): string {
  const file = /\.json$/.test(cikOrFile) ? cikOrFile : `CIK${cikOf(cikOrFile)}.json`;
  return `${base.data}submissions/${file}`;
}

/** The full submission text as the index names it (`edgar/data/896493/0001213900-24-062810.txt`). */
export function archiveUrl(base: EdgarBase, fileName: string): string {
  return `${base.archives}Archives/${fileName.replace(/^\/+/, '').replace(/^Archives\//, '')}`;
}

/** `edgar/data/<cik>/<accession>.txt`: the full submission, named as the form indexes name it. */
export function filingFileName(cik: string, accessionNumber: string): string {
  return `edgar/data/${Number(cik)}/${accessionNumber}.txt`;
}
