/** Output helpers shared by the commands: JSON for programs, aligned tables for people. */
import type { IssuerHeader } from '../ledger/issuer-events.js';

/** One answer on stdout, ended by a newline. */
export function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** JSON with bigints written as numbers when safe, else as strings. */
export function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, item: unknown) =>
      typeof item === 'bigint' ? (item <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(item) : item.toString()) : item,
    2,
  );
}

export type Align = 'left' | 'right';

export interface Column<Row> {
  header: string;
  value: (row: Row) => string;
  align?: Align;
}

/** A plain-text table: one header line, a rule, one line per row. */
export function formatTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const cells = rows.map((row) => columns.map((column) => column.value(row)));
  const widths = columns.map((column, i) => Math.max(column.header.length, ...cells.map((line) => line[i]!.length)));
  const pad = (text: string, i: number) =>
    columns[i]!.align === 'right' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!);
  const lines = [
    columns.map((column, i) => pad(column.header, i)).join('  '),
    widths.map((width) => '-'.repeat(width)).join('  '),
    ...cells.map((line) => line.map(pad).join('  ')),
  ];
  return lines.map((line) => line.trimEnd()).join('\n');
}

/** "Ault Alliance, Inc. (CUSIP 09175M507)"; an issuer known only by its CIK says it printed no CUSIP. */
export function issuerLabel(issuer: IssuerHeader, unnamed = 'Issuer'): string {
  const cusip = issuer.cusip === null ? 'no CUSIP printed' : `CUSIP ${issuer.cusip}`;
  return `${issuer.name ?? issuer.cusip ?? unnamed} (${cusip})`;
}

/** 214940800 -> "214,940,800"; a computed percent keeps the 4 decimals it was computed to (85.6626). */
export function formatCount(value: number | bigint | null | undefined): string {
  if (value === null || value === undefined) return '-';
  return value.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

/** 739948 -> "$739,948"; 0.22 -> "$0.22" (prices keep the cents or fractions the filing gave). */
export function formatMoney(value: number): string {
  const digits = { minimumFractionDigits: Number.isInteger(value) ? 0 : 2, maximumFractionDigits: 6 };
  return `$${value.toLocaleString('en-US', digits)}`;
}

/** A signed count: "+10,000", "-600,000", "0". */
export function formatChange(value: number): string {
  return `${value > 0 ? '+' : ''}${formatCount(value)}`;
}

// Words after which a bare number is an identifier, not a count: "CUSIP 594918104", "CIK 1422142", "File No. 0001".
const ID_BEFORE = /(?:CUSIP|CIK|No\.|#|Suite|Box)\s*$/i;
// "NV 89141": a US state code then a ZIP code.
const ZIP_BEFORE = /\b[A-Z]{2}\s$/;
// A 4-digit year is left alone unless a unit says it is a count ("2000 shares").
const COUNT_AFTER = /^\s*(?:shares|units|warrants|options|rights|RSUs|Shares)\b/;

/**
 * Puts thousands separators into bare integers of 4+ digits in prose the
 * projections wrote ("reported 25229" -> "reported 25,229"). Left alone: numbers
 * already grouped, decimals' fractions, leading-zero codes (CIKs, accession
 * numbers), anything joined to letters or hyphens (CUSIPs, ids, dates), years,
 * and numbers after an identifier word or a state code.
 */
export function groupDigits(text: string): string {
  return text.replace(/\d+(?:\.\d+)?/g, (match, offset: number) => {
    const before = text.slice(0, offset);
    const after = text.slice(offset + match.length);
    const [whole, fraction] = match.split('.') as [string, string | undefined];
    if (whole.length < 4 || whole.startsWith('0')) return match;
    // Joined to something: part of a date, id, CUSIP, grouped number or decimal.
    // A minus sign after a space or bracket is a sign ("-600000"); a hyphen after a word joins an id.
    const signed = /(?:^|[\s(])-$/.test(before);
    if ((!signed && /[\w.,/:-]$/.test(before)) || /^(?:[\w/-]|[:,.]\d)/.test(after)) return match;
    if (ID_BEFORE.test(before) || ZIP_BEFORE.test(before)) return match;
    const year = whole.length === 4 && fraction === undefined && Number(whole) >= 1900 && Number(whole) <= 2100;
    if (year && !COUNT_AFTER.test(after) && !before.endsWith('$')) return match;
    return Number(whole).toLocaleString('en-US') + (fraction === undefined ? '' : `.${fraction}`);
  });
}

/** String notes a view carries; the projections may add `notes` to views that had none. */
export function notesOf(source: object): string[] {
  const notes = (source as { notes?: unknown }).notes;
  return Array.isArray(notes) ? notes.filter((n): n is string => typeof n === 'string') : [];
}

/** "Notes:" and one line per note, digits grouped; nothing when there are none. */
export function noteLines(notes: readonly string[]): string[] {
  const unique = [...new Set(notes.map(groupDigits))];
  return unique.length === 0 ? [] : ['', 'Notes:', ...unique.map((n) => `- ${n}`)];
}

type Unreadable = { id: string; type: string; problems: string[] };
const warnedAbout = new Set<string>();

/**
 * Every ledger query result lists the events it left out because they fail their
 * schema; whatever the output format, the user hears of each once, on stderr.
 */
export function warnAboutUnreadableEvents(result: { unreadableEvents?: readonly Unreadable[] }): void {
  const fresh = (result.unreadableEvents ?? []).filter((event) => !warnedAbout.has(event.id));
  if (fresh.length === 0) return;
  process.stderr.write(
    `warning: ${fresh.length} event(s) in this issuer's stream fail their schema and were left out:\n`,
  );
  for (const event of fresh) {
    warnedAbout.add(event.id);
    process.stderr.write(`  ${event.id} ${event.type}: ${event.problems.join('; ')}\n`);
  }
  process.stderr.write('  (written by another program; `13d-ledger retract --event ID --reason TEXT` clears one)\n');
}

/** A ledger query that warns about the events it had to leave out. */
export function warned<Args extends unknown[], Result extends { unreadableEvents?: readonly Unreadable[] }>(
  query: (...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  return async (...args) => {
    const result = await query(...args);
    warnAboutUnreadableEvents(result);
    return result;
  };
}
