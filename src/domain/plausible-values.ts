/**
 * Values that cannot be true, whoever supplies them (a filing read by ingest, a `correct --set`): a percent
 * of class over 100, a filing or event date before EDGAR or after today, an amount that a double cannot
 * hold exactly (over 2^53), a name with a NUL or a replacement character (U+FFFD: bytes lost in decoding).
 * Ingest and corrections ask the same questions here, so a value refused on one path is refused on the other.
 */
import type { IsoDate } from './ids.js';

/** EDGAR took its first electronic filings in 1993: no filing (and no event it reports) is dated earlier. */
export const EDGAR_FIRST_DATE = '1993-01-01';

/** A percent of a class: of all the shares, so never more than all of them. */
export function percentProblem(percent: number): string | undefined {
  if (!Number.isFinite(percent) || percent < 0) return `percent of class ${percent} is not a percent`;
  return percent > 100 ? `percent of class ${percent}% is over 100%: cannot be true` : undefined;
}

/** A filing or event date: on or after EDGAR's first day, and not later than today (US Eastern). */
export function filingDateProblem(date: IsoDate, today: IsoDate, what: string): string | undefined {
  if (date < EDGAR_FIRST_DATE) return `${what} ${date} is before EDGAR (${EDGAR_FIRST_DATE}): cannot be true`;
  if (date > today) return `${what} ${date} is after today (${today}): cannot be true`;
  return undefined;
}

/** Share counts and dollar amounts are stored as doubles: above 2^53 they would be rounded silently. */
export function amountProblem(value: number, what: string): string | undefined {
  if (!Number.isFinite(value)) return `${what} ${value} is not a number`;
  return Math.abs(value) > Number.MAX_SAFE_INTEGER
    ? `${what} ${value} is over 2^53 and cannot be stored exactly`
    : undefined;
}

/** NUL, other control characters and U+FFFD in a name are damage (a lost byte), never part of a name. */
export function nameProblem(name: string): string | undefined {
  const bad = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFD]/u.exec(name);
  if (!bad) return undefined;
  const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  const what = code === 'FFFD' ? 'a replacement for bytes that could not be decoded' : 'a control character';
  return `name "${name.replace(/[\u0000-\u001F\u007F]/g, '?')}" holds the character U+${code} (${what}): the text is damaged`;
}

export interface ValueProblem {
  /** Dotted path in the event's data: "coverPages.0.percentOfClass.value". */
  path: string;
  problem: string;
}

/** Event fields that hold a filing's or its event's date (a transaction's own date may precede EDGAR). */
const FILING_DATE_FIELDS = new Set(['filedOn', 'eventDate', 'disclosedOn']);

/**
 * Every value in an event's data that cannot be true, with its path. Dates are judged only given `today`:
 * a preamble may name an earlier filing made on paper before EDGAR, which ingest records as it is named.
 */
export function implausibleValues(data: unknown, today?: IsoDate): ValueProblem[] {
  const problems: ValueProblem[] = [];
  walk(data, '', today, problems);
  return problems;
}

function walk(node: unknown, path: string, today: IsoDate | undefined, problems: ValueProblem[]): void {
  const key = path.split('.').at(-1) ?? '';
  const add = (problem: string | undefined, at = path) => {
    if (problem !== undefined) problems.push({ path: at, problem });
  };
  if (typeof node === 'number') add(amountProblem(node, key));
  else if (typeof node === 'string') {
    if (key === 'name') add(nameProblem(node));
    if (today !== undefined && FILING_DATE_FIELDS.has(key)) add(filingDateProblem(node, today, key));
  } else if (Array.isArray(node)) node.forEach((item, i) => walk(item, join(path, String(i)), today, problems));
  else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if (key === 'percentOfClass' && typeof record.value === 'number')
      add(percentProblem(record.value), join(path, 'value'));
    if (key === 'percentOfClass' && typeof record.bound === 'number')
      add(percentProblem(record.bound), join(path, 'bound'));
    for (const [field, value] of Object.entries(record)) walk(value, join(path, field), today, problems);
  }
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
