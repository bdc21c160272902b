/**
 * A small recorded EDGAR, built from the project's own fixtures (and, where a
 * test asks, from filings of ../shared/corpus read at run time, never copied):
 * each filing as a full submission `.txt` (a document without an SGML header
 * is wrapped in one, as EDGAR serves it), listed in daily and quarterly form
 * indexes beside forms the sync must ignore, and in each subject company's
 * submissions JSON, at the paths EDGAR uses.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { addDays, isBusinessDay } from '../../src/domain/index.js';
import { quarterOf } from '../../src/edgar/edgar-paths.js';

export interface RecordedFiling {
  accessionNumber: string;
  formType: string;
  subjectCik: string;
  subjectName: string;
  filerCik: string;
  filerName: string;
  dateFiled: string;
  bytes: Buffer;
}

const LAYOUTS = join(import.meta.dirname, '..', 'fixtures', 'layouts');

/** Layout fixtures that read as Schedule 13D filings once wrapped (text and HTML of 1994-2021). */
export const GOOD_LAYOUTS = [
  'l01-1994-text-caption-column.txt',
  'l02-1995-text-paren-rows-irs-line.txt',
  'l03-1996-text-tabs-inline-values.txt',
  'l05-1995-text-colon-column-underscores.txt',
  'l06-1999-text-inline-values-warrant-note.txt',
  'l08-2003-html-br-in-cells.htm',
  'l09-2006-html-value-cell-right-inputs.htm',
  'l10-2010-html-value-row-below-wingdings.htm',
];

/** Filed as an SC 13D, but its first page does not say "SCHEDULE 13D": the parser refuses it, for good. */
export const UNREADABLE_DOCUMENT = join(import.meta.dirname, '..', 'fixtures', 'ingest', 'bad-unrecognised.txt');

/** Wraps one layout fixture (or a document at an absolute path) in a full submission filed on `date`. */
export function layoutFiling(file: string, n: number, date: string): RecordedFiling {
  const document = readFileSync(isAbsolute(file) ? file : join(LAYOUTS, file), 'latin1');
  const formType = /\(Amendment No\.\s*\d+\)/i.test(document.slice(0, 6000)) ? 'SC 13D/A' : 'SC 13D';
  const accessionNumber = `0009999999-${date.slice(2, 4)}-${String(n).padStart(6, '0')}`;
  const subjectCik = String(7_000_000 + n).padStart(10, '0');
  const filerCik = String(8_000_000 + n).padStart(10, '0');
  const header = { accessionNumber, formType, dateFiled: date, subjectCik, subjectName: `LAYOUT ISSUER ${n}` };
  const bytes = Buffer.from(wrapInSubmission(document, header), 'latin1');
  return { ...header, filerCik, filerName: `LAYOUT FILER ${n}`, bytes };
}

/** A real full submission (its own header): listed on `date`, with the CIKs its header names. */
export function submissionFiling(bytes: Buffer, date: string): RecordedFiling {
  const head = bytes.subarray(0, 20_000).toString('latin1');
  const field = (label: string, from = 0) => new RegExp(`${label}:\\s*(.+)`).exec(head.slice(from))?.[1]?.trim() ?? '';
  const subjectAt = Math.max(0, head.indexOf('SUBJECT COMPANY:'));
  const filerAt = head.indexOf('FILED BY:');
  return {
    accessionNumber: field('ACCESSION NUMBER'),
    formType: field('CONFORMED SUBMISSION TYPE'),
    subjectCik: field('CENTRAL INDEX KEY', subjectAt).padStart(10, '0'),
    subjectName: field('COMPANY CONFORMED NAME', subjectAt),
    filerCik: (filerAt < 0 ? '0000000001' : field('CENTRAL INDEX KEY', filerAt)).padStart(10, '0'),
    filerName: filerAt < 0 ? 'UNKNOWN FILER' : field('COMPANY CONFORMED NAME', filerAt),
    dateFiled: date,
    bytes,
  };
}

function wrapInSubmission(
  document: string,
  h: { accessionNumber: string; formType: string; dateFiled: string; subjectCik: string; subjectName: string },
): string {
  const date = h.dateFiled.replace(/-/g, '');
  return [
    `<SEC-DOCUMENT>${h.accessionNumber}.txt : ${date}`,
    `<SEC-HEADER>${h.accessionNumber}.hdr.sgml : ${date}`,
    `ACCESSION NUMBER:\t\t${h.accessionNumber}`,
    `CONFORMED SUBMISSION TYPE:\t${h.formType}`,
    'PUBLIC DOCUMENT COUNT:\t\t1',
    `FILED AS OF DATE:\t\t${date}`,
    '',
    'SUBJECT COMPANY:\t',
    '',
    '\tCOMPANY DATA:\t',
    `\t\tCOMPANY CONFORMED NAME:\t\t\t${h.subjectName}`,
    `\t\tCENTRAL INDEX KEY:\t\t\t${h.subjectCik}`,
    '</SEC-HEADER>',
    '<DOCUMENT>',
    `<TYPE>${h.formType}`,
    '<SEQUENCE>1',
    '<FILENAME>schedule13d.txt',
    '<TEXT>',
    document,
    '</TEXT>',
    '</DOCUMENT>',
    '</SEC-DOCUMENT>',
    '',
  ].join('\n');
}

/** A form the sync must leave alone, listed in the indexes and served, so that a request for it would show. */
export interface OtherForm {
  formType: string;
  cik: string;
  name: string;
  dateFiled: string;
  accessionNumber: string;
}

export function otherForms(dates: readonly string[]): OtherForm[] {
  const forms = ['10-K', 'SC 13G', 'SC 13G/A', '8-K', 'SCHEDULE 13G', 'SC 13E3'];
  return dates.flatMap((dateFiled, i) =>
    forms.map((formType, j) => ({
      formType,
      cik: String(5_000_000 + i * 10 + j).padStart(10, '0'),
      name: `OTHER COMPANY ${i}-${j}`,
      dateFiled,
      accessionNumber: `0005555555-${dateFiled.slice(2, 4)}-${String(i * 10 + j + 1).padStart(6, '0')}`,
    })),
  );
}

interface IndexLine {
  formType: string;
  name: string;
  cik: string;
  dateFiled: string;
  accessionNumber: string;
}

/** Every file the recorded EDGAR serves: indexes for each business day and quarter of since..until, JSON, filings. */
export function recordedEdgar(
  filings: readonly RecordedFiling[],
  others: readonly OtherForm[],
  since: string,
  until: string,
): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  // A 13D has a line for the subject company and one for the filer, with one accession number.
  const lines: IndexLine[] = [
    ...filings.flatMap((f) => [
      {
        formType: f.formType,
        name: f.subjectName,
        cik: f.subjectCik,
        dateFiled: f.dateFiled,
        accessionNumber: f.accessionNumber,
      },
      {
        formType: f.formType,
        name: f.filerName,
        cik: f.filerCik,
        dateFiled: f.dateFiled,
        accessionNumber: f.accessionNumber,
      },
    ]),
    ...others.map((o) => ({ ...o })),
  ];
  for (const f of filings) {
    files.set(filingPath(f.subjectCik, f.accessionNumber), f.bytes);
    files.set(filingPath(f.filerCik, f.accessionNumber), f.bytes);
  }
  for (const o of others)
    files.set(filingPath(o.cik, o.accessionNumber), Buffer.from(`<SEC-DOCUMENT>${o.formType}</SEC-DOCUMENT>`));
  for (let day = since; day <= until; day = addDays(day, 1)) {
    if (!isBusinessDay(day)) continue;
    const { year, quarter } = quarterOf(day);
    const ofDay = lines.filter((l) => l.dateFiled === day);
    files.set(
      `Archives/edgar/daily-index/${year}/QTR${quarter}/form.${day.replace(/-/g, '')}.idx`,
      formIndex(ofDay, true),
    );
  }
  const quarters = new Set(lines.map((l) => JSON.stringify(quarterOf(l.dateFiled))));
  for (const q of quarters) {
    const { year, quarter } = JSON.parse(q) as { year: number; quarter: number };
    const ofQuarter = lines.filter(
      (l) => quarterOf(l.dateFiled).year === year && quarterOf(l.dateFiled).quarter === quarter,
    );
    files.set(`Archives/edgar/full-index/${year}/QTR${quarter}/form.idx`, formIndex(ofQuarter, false));
  }
  for (const [cik, json] of submissionsByCompany(lines)) files.set(`submissions/CIK${cik}.json`, Buffer.from(json));
  return files;
}

export function filingPath(cik: string, accessionNumber: string): string {
  return `Archives/edgar/data/${Number(cik)}/${accessionNumber}.txt`;
}

/** EDGAR's layout: a header, the column heading, a rule, fixed-width lines sorted by form type. */
function formIndex(lines: readonly IndexLine[], daily: boolean): Buffer {
  const sorted = [...lines].sort((a, b) => a.formType.localeCompare(b.formType) || a.name.localeCompare(b.name));
  const rows = sorted.map((l) => {
    const date = daily ? l.dateFiled.replace(/-/g, '') : l.dateFiled;
    const file = `edgar/data/${Number(l.cik)}/${l.accessionNumber}.txt`;
    return `${l.formType.padEnd(17)}${l.name.padEnd(62)}${String(Number(l.cik)).padEnd(12)}${date.padEnd(12)}${file}`;
  });
  const head = [
    `Description:           ${daily ? 'Daily' : 'Master'} Index of EDGAR Dissemination Feed by Form Type`,
    'Last Data Received:    (recorded for the tests)',
    'Comments:              webmaster@sec.gov',
    'Anonymous FTP:         ftp://ftp.sec.gov/edgar/',
    '',
    '',
    '',
    `${'Form Type'.padEnd(17)}${'Company Name'.padEnd(62)}${'CIK'.padEnd(12)}${'Date Filed'.padEnd(12)}File Name`,
    '-'.repeat(140),
  ];
  return Buffer.from(`${[...head, ...rows].join('\n')}\n`, 'latin1');
}

/** submissions/CIK##########.json: the company's filings in columns under filings.recent, newest first. */
function submissionsByCompany(lines: readonly IndexLine[]): Map<string, string> {
  const byCik = new Map<string, IndexLine[]>();
  for (const l of lines) byCik.set(l.cik, [...(byCik.get(l.cik) ?? []), l]);
  const out = new Map<string, string>();
  for (const [cik, own] of byCik) {
    const rows = [...own].sort((a, b) => b.dateFiled.localeCompare(a.dateFiled));
    const recent = {
      accessionNumber: rows.map((r) => r.accessionNumber),
      filingDate: rows.map((r) => r.dateFiled),
      form: rows.map((r) => r.formType),
      primaryDocument: rows.map(() => 'primary_doc.htm'),
    };
    out.set(cik, JSON.stringify({ cik: String(Number(cik)), name: own[0]!.name, filings: { recent, files: [] } }));
  }
  return out;
}
