/**
 * EDGAR's form indexes (`form.idx`, daily and quarterly): a few header lines,
 * a column heading ("Form Type   Company Name   CIK   Date Filed   File
 * Name"), a rule of dashes, then one fixed-width line per filing and entity,
 * sorted by form type. A filing about two companies (a Schedule 13D names the
 * filer and the subject company) has a line for each, with one accession
 * number. The date is 2024-07-24 in the quarterly index, 20240724 in the
 * daily one. Lines are read from the right (file name, date, CIK), so a form
 * type wider than its column ("SCHEDULE 13D/A") does not shift anything.
 */
import { parseAccessionNumber } from '../domain/index.js';

/** The forms a Schedule 13D is filed as: text and HTML until 2024-12-18, XML since. */
export const SCHEDULE_13D_FORMS: ReadonlySet<string> = new Set([
  'SC 13D',
  'SC 13D/A',
  'SCHEDULE 13D',
  'SCHEDULE 13D/A',
]);

export interface IndexedFiling {
  formType: string;
  companyName: string;
  /** Ten digits. */
  cik: string;
  /** ISO date. */
  dateFiled: string;
  /** As the index names it: `edgar/data/896493/0001213900-24-062810.txt`. */
  fileName: string;
  accessionNumber: string;
}

export class FormIndexError extends Error {
  override readonly name = 'FormIndexError';
}

const ROW = /^(.*?)\s+(\d{1,10})\s+(\d{4}-\d{2}-\d{2}|\d{8})\s+(\S+)\s*$/;

/** Every line of the index. A line that is not a filing where filings are listed is an error, not a silent gap. */
export function parseFormIndex(text: string, where: string): IndexedFiling[] {
  const lines = text.split(/\r?\n/);
  const rule = lines.findIndex((line) => /^-{20,}\s*$/.test(line));
  if (rule < 0 || !/Form Type\s+Company Name/i.test(lines.slice(0, rule).join('\n'))) {
    throw new FormIndexError(`${where}: not an EDGAR form index (no "Form Type   Company Name" heading and rule)`);
  }
  const filings: IndexedFiling[] = [];
  for (const [i, line] of lines.entries()) {
    if (i <= rule || line.trim() === '') continue;
    const m = ROW.exec(line);
    if (!m) throw new FormIndexError(`${where}, line ${i + 1}: not an index line: "${line.slice(0, 120)}"`);
    const [, lead, cik, date, fileName] = m as unknown as [string, string, string, string, string];
    const { formType, companyName } = splitLead(lead);
    filings.push({
      formType,
      companyName,
      cik: cik.padStart(10, '0'),
      dateFiled: date.includes('-') ? date : `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
      fileName,
      accessionNumber: accessionOf(fileName, `${where}, line ${i + 1}`),
    });
  }
  return filings;
}

/** The Schedule 13D filings of an index, one per accession number (the first line of each), in index order. */
export function schedule13DFilings(filings: readonly IndexedFiling[]): IndexedFiling[] {
  const seen = new Set<string>();
  return filings.filter(
    (f) => SCHEDULE_13D_FORMS.has(f.formType) && !seen.has(f.accessionNumber) && seen.add(f.accessionNumber),
  );
}

/** The form type is the start of the line, then two or more spaces (the column is padded); a known 13D form wins. */
function splitLead(lead: string): { formType: string; companyName: string } {
  const known = [...SCHEDULE_13D_FORMS]
    .sort((a, b) => b.length - a.length)
    .find((form) => lead === form || lead.startsWith(`${form} `));
  if (known !== undefined) return { formType: known, companyName: lead.slice(known.length).trim() };
  const m = /^(\S+(?: \S+)*?)\s{2,}(.*)$/.exec(lead);
  return m ? { formType: m[1]!, companyName: m[2]!.trim() } : { formType: lead.trim(), companyName: '' };
}

/** The accession number of `edgar/data/896493/0001213900-24-062810.txt` (or of `.../000121390024062810/...`). */
export function accessionOf(fileName: string, where: string): string {
  const dashed = /(\d{10}-\d{2}-\d{6})(?:\.txt)?$/.exec(fileName)?.[1];
  const folder = /\/(\d{18})(?:\/|$)/.exec(fileName)?.[1];
  const text = dashed ?? (folder ? `${folder.slice(0, 10)}-${folder.slice(10, 12)}-${folder.slice(12)}` : undefined);
  if (text === undefined) throw new FormIndexError(`${where}: no accession number in "${fileName}"`);
  return parseAccessionNumber(text);
}
