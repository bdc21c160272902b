/**
 * Small readers for the values a filing writes: share counts, percents,
 * dates, CUSIPs. Each returns undefined for "not this kind of value" so the
 * caller can decide whether that is an error, and at which place.
 */
import type { ReportedPercent } from './parsed-filing.js';

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Footnote markers written after a value: "⁽¹⁾", "¹", "(1)", "*". */
const TRAILING_MARKER = /\s*(?:⁽([⁰¹²³⁴⁵⁶⁷⁸⁹]+)⁾|([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|\((\d{1,2}|[a-z*†‡]{1,2})\)|(\*{1,3}|†|‡))\s*$/u;

/** Splits trailing footnote markers off a cell: "214,940,800 ⁽¹⁾" -> ["214,940,800", ["1"]]. */
export function splitFootnoteMarkers(value: string): { text: string; markers: string[] } {
  let text = value.trim();
  const markers: string[] = [];
  for (;;) {
    const match = TRAILING_MARKER.exec(text);
    // A lone number in brackets is a value, not a marker: keep "(1)" only after something.
    if (!match || match.index === 0) break;
    const raw = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
    markers.unshift(fromSuperscript(raw));
    text = text.slice(0, match.index).trim();
  }
  return { text, markers };
}

function fromSuperscript(text: string): string {
  return [...text]
    .map((ch) => (SUPERSCRIPT_DIGITS.includes(ch) ? String(SUPERSCRIPT_DIGITS.indexOf(ch)) : ch))
    .join('');
}

/** "214,940,800", "-0-", "0", "None" -> a whole number of shares; anything else undefined. */
export function parseCount(text: string): number | undefined {
  const t = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\s*shares?$/i, '');
  if (/^(?:-0-|-|—|–|none|nil)$/i.test(t)) return 0;
  if (!/^\d{1,3}(?:,\d{3})*$|^\d+$/.test(t)) return undefined;
  const value = Number(t.replace(/,/g, ''));
  return Number.isSafeInteger(value) ? value : undefined;
}

/** "85.72%", "8.5", "Less than 1%", "<1%", "0%" -> a reported percent; anything else undefined. */
export function parsePercent(text: string): ReportedPercent | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  const below = /^(?:less than|below|under|<)\s*(\d+(?:\.\d+)?)\s*%?$/i.exec(t);
  if (below) return { kind: 'less-than', bound: Number(below[1]), text: t };
  if (/^(?:-0-|0)\s*%?$/.test(t)) return { kind: 'value', value: 0, text: t };
  const value = /^(\d{1,3}(?:\.\d+)?)\s*%?$/.exec(t);
  if (value) return { kind: 'value', value: Number(value[1]), text: t };
  return undefined;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Long-form dates as filings write them: "July 23, 2024", "December 31st, 2024". */
export const LONG_DATE =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i;

/** "July 23, 2024" -> "2024-07-23"; undefined when not a real calendar date. */
export function parseLongDate(text: string): string | undefined {
  const match = new RegExp(`^\\s*${LONG_DATE.source}\\s*$`, 'i').exec(text);
  if (!match) return undefined;
  return isoDate(Number(match[3]), MONTHS.indexOf(match[1]!.toLowerCase()) + 1, Number(match[2]));
}

/** EDGAR XML "MM/DD/YYYY" (and "6/13/2008" in text) -> ISO. */
export function parseSlashDate(text: string): string | undefined {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  return isoDate(Number(match[3]), Number(match[1]), Number(match[2]));
}

/** SGML header "20240724" -> ISO. */
export function parseCompactDate(text: string): string | undefined {
  const match = /^\s*(\d{4})(\d{2})(\d{2})\s*$/.exec(text);
  if (!match) return undefined;
  return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "$1,000,000", "$41.5 million", "$147,340.50" -> dollars. */
export function parseDollars(text: string): number | undefined {
  const match = /^\s*\$\s*(\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)(\s+(?:million|billion))?\s*$/i.exec(text);
  if (!match) return undefined;
  const base = Number(match[1]!.replace(/,/g, ''));
  const scale = match[2] ? (/billion/i.test(match[2]) ? 1e9 : 1e6) : 1;
  // Scale in integer cents so "$41.5 million" is exactly 41500000.
  return Math.round(base * scale * 100) / 100;
}

/** Strips spaces a layout put inside a CUSIP ("09175M 507") and upper-cases it. */
export function normalizeCusip(text: string): string {
  return text.replace(/[\s-]/g, '').toUpperCase();
}

/** The domain's CUSIP check (mod-10 double-add-double), so ingest and events agree. */
export { isValidCusip } from '../domain/ids.js';
