/**
 * Where a sync finds the Schedule 13D filings of a range of dates: EDGAR's
 * form indexes (a quarter's `full-index/.../form.idx`, a day's
 * `daily-index/.../form.YYYYMMDD.idx`), or one company's
 * `submissions/CIK##########.json` with its older pages. Each says whether
 * its list is complete: a daily index not published yet is not.
 */
import { addDays } from '../domain/index.js';
import type { EdgarClient } from '../edgar/edgar-client.js';
import { dailyFormIndexUrl, quarterlyFormIndexUrl, submissionsUrl, type EdgarBase } from '../edgar/edgar-paths.js';
import { parseFormIndex, schedule13DFilings, type IndexedFiling } from '../edgar/form-index.js';
import { parseSubmissions, parseSubmissionsPage, schedule13DSubmissions } from '../edgar/submissions.js';
import { QUARTER_SETTLES_DAYS, type SyncUnit } from './sync-plan.js';

export interface Listed {
  filings: IndexedFiling[];
  /** Null when the list is complete; else why not (the watermark stays before it). */
  incomplete: string | null;
}

interface Source {
  client: EdgarClient;
  base: EdgarBase;
  signal?: AbortSignal | undefined;
}

/** The 13D filings of one unit of the plan, in index order. */
export async function listIndexUnit(source: Source, unit: SyncUnit, today: string): Promise<Listed> {
  const url =
    unit.kind === 'day'
      ? dailyFormIndexUrl(source.base, unit.date)
      : quarterlyFormIndexUrl(source.base, unit.year, unit.quarter);
  const body = await source.client.get(url, { signal: source.signal, incomplete: indexIncomplete });
  if (body === null) return { filings: [], incomplete: missingIndex(unit, url, today) };
  const filings = schedule13DFilings(parseFormIndex(body.toString('latin1'), url));
  if (unit.kind === 'day') return { filings, incomplete: null };
  return { filings: filings.filter((f) => f.dateFiled >= unit.from && f.dateFiled <= unit.to), incomplete: null };
}

/** An index cut short inside a chunked answer (no length to count) ends inside a line: asked again. */
function indexIncomplete(body: Buffer): string | null {
  return body.length === 0 || body[body.length - 1] === 0x0a ? null : 'the index does not end with a line break';
}

/**
 * A business day with no daily index: not published yet when recent (EDGAR writes it that night), a day EDGAR was
 * closed when older. A quarter with no index is never taken as empty.
 */
function missingIndex(unit: SyncUnit, url: string, today: string): string | null {
  if (unit.kind === 'day' && addDays(unit.date, QUARTER_SETTLES_DAYS) < today) return null;
  return unit.kind === 'day' ? `${url}: not published yet (404)` : `${url}: EDGAR has no such index (404)`;
}

/** One company's 13D filings dated from..to, oldest first, from its submissions JSON and the older pages it lists. */
export async function listCompany(source: Source, cik: string, from: string, to: string): Promise<Listed> {
  const url = submissionsUrl(source.base, cik);
  const body = await source.client.get(url, { signal: source.signal });
  if (body === null) return { filings: [], incomplete: `${url}: EDGAR has no such company (404)` };
  const company = parseSubmissions(body.toString('utf8'), url);
  const all = [...company.filings];
  for (const page of company.pages) {
    // A page whose dates are stated and lie outside the range is not fetched.
    if ((page.to !== null && page.to < from) || (page.from !== null && page.from > to)) continue;
    const pageUrl = submissionsUrl(source.base, page.name);
    const pageBody = await source.client.get(pageUrl, { signal: source.signal });
    if (pageBody === null) return { filings: [], incomplete: `${pageUrl}: EDGAR has no such page (404)` };
    all.push(...parseSubmissionsPage(pageBody.toString('utf8'), company.cik, company.name, pageUrl));
  }
  const inRange = schedule13DSubmissions(all).filter((f) => f.dateFiled >= from && f.dateFiled <= to);
  inRange.sort((a, b) => a.dateFiled.localeCompare(b.dateFiled) || a.accessionNumber.localeCompare(b.accessionNumber));
  return { filings: inRange, incomplete: null };
}
