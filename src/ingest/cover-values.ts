/**
 * Reading one cover-page row's value out of the text between its label and
 * the next: what layouts leave there besides the value (the rows 7-10 caption
 * "NUMBER OF SHARES BENEFICIALLY OWNED BY EACH REPORTING PERSON WITH" cut into
 * pieces, rule lines, page headers, "(See Item 5)", footnote markers) is
 * noise; anything else beside the figure is a note, left out and reported as
 * a doubt with what was read. Nothing is invented: no figure, no value.
 */
import { splitFootnoteMarkers } from './values.js';
import type { ReportedPercent } from './parsed-filing.js';

export interface ValueReading<T> {
  /** Undefined when the row holds no figure (blank, or nothing that reads as one). */
  value?: T;
  /** What the row holds, cleaned of layout residue (whitespace collapsed). */
  read: string;
  /** Why the figure is uncertain; undefined when it was read with certainty. */
  doubt?: string;
  /** Footnote markers printed on the figure. */
  markers: string[];
}

/** The label words of rows 7-13 and the caption beside rows 7-10: layout, never part of a value. */
const CAPTION_WORDS = [
  'number',
  'of',
  'shares',
  'share',
  'beneficially',
  'owned',
  'by',
  'each',
  'reporting',
  'person',
  'persons',
  'with',
  'the',
];

/** Page furniture a page break can leave inside a row: headers, footers, markers, rules. */
const FURNITURE: RegExp[] = [
  /<\/?PAGE>/gi,
  /\bCUSIP\s*(?:No\.?|Number|#)?\s*:?\s*[0-9A-Z]{3,9}(?:[ -][0-9A-Z]{1,6}){0,3}\b(?:\s+(?:SCHEDULE\s+)?13D(?:\/A)?)?/gi,
  /\(?\bPage\s+\d+\s+of\s+\d+(?:\s+Pages?)?\)?/gi,
  /\((?:see\s+)?(?:instructions?|item\s+\d+(?:\([a-z]\))?(?:\s+(?:below|above|hereof))?|footnotes?\s*\d*|row\s*\d+|below|above)\)|\bsee\s+(?:instructions?|items?\s+\d+(?:\([a-z]\))?(?:\s+(?:and|&)\s+\d+)?(?:\s+(?:below|above|hereof))?)\b\.?/gi,
  /\*?SEE INSTRUCTIONS BEFORE FILLING OUT!?/gi,
  // Rule lines and their stubs ("_", "---", "===="), and the box drawings old text filings use ("/ /", "/_ _ /",
  // "|" sides and "+" corners of a cover drawn in boxes).
  /(?<![\w-])[-_=~*]{2,}(?![\w-])|(?<![\w])_(?![\w])|\/[ _]*\//g,
  /(?<!\S)[|+]+(?!\S)/g,
];

/** The caption beside rows 7-10, whole or its first words (the rest sits beside the next rows). */
const ROWS_CAPTION =
  /\bNUMBER\s+OF(?:\s+SHARES(?:\s+BENEFICIALLY(?:\s+OWNED(?:\s+BY(?:\s+EACH(?:\s+REPORTING(?:\s+PERSON(?:\s+WITH)?)?)?)?)?)?)?)?\s*:?(?=\s*$)|\bNUMBER\s+OF\s+SHARES\s+BENEFICIALLY\s+OWNED\s+BY\s+EACH\s+REPORTING\s+PERSON\s+WITH\b\s*:?/gi;

/** Layout residue of a text row (name, citizenship): furniture and the rows 7-10 caption. */
export function cleanTextRow(text: string): string {
  return removeFurniture(text).replace(ROWS_CAPTION, ' ').replace(/\s+/g, ' ').trim();
}

export function removeFurniture(text: string): string {
  let cleaned = text;
  for (const pattern of FURNITURE) cleaned = cleaned.replace(pattern, ' ');
  return cleaned.replace(/\s+/g, ' ').trim();
}

/** Words such as "Bene-" and "ficially" or "Report-" and "ing": pieces of the caption a column layout cut. */
function isCaptionPiece(word: string): boolean {
  const letters = word.toLowerCase().replace(/[^a-z]/g, '');
  // Punctuation alone is layout; a number beside the figure is not.
  if (letters === '') return !/\d/.test(word);
  return CAPTION_WORDS.some((caption) => caption === letters || (letters.length >= 3 && caption.includes(letters)));
}

/** What is left beside a figure, as printed, when anything but caption pieces and punctuation is there; else ''. */
function leftover(text: string, allowed: (word: string) => boolean = () => false): string {
  const meaningful = text.split(/\s+/).some((word) => word !== '' && !isCaptionPiece(word) && !allowed(word));
  return meaningful ? text.replace(/\s+/g, ' ').replace(/^[\s:;,.()[\]-]+|[\s:;,.()[\]-]+$/g, '') : '';
}

const ZERO_WORDS = /^(?:-0-|-|—|–|none|nil|zero|n\/a|not\s+applicable|0)$/i;
/** A share count: "1,482,760", "0", "-0-", "None", "N/A" (no such power). */
const COUNT =
  /(?<![\w.,$])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\d,]*\s*%)(?![\w])|(?<![\w])(?:-0-|none|nil|zero|n\/a|not\s+applicable)(?![\w])|(?<![\w-])[-—–](?![\w-])/i;

export function readCount(raw: string): ValueReading<number> {
  const read = removeFurniture(raw);
  const match = COUNT.exec(read);
  if (!match) {
    const rest = leftover(read);
    return rest === '' ? { read, markers: [] } : { read, markers: [], doubt: `no figure in "${rest}"` };
  }
  const token = match[0];
  const after = read.slice(match.index + token.length);
  const markers = leadingMarkers(after);
  const before = leftover(read.slice(0, match.index));
  const rest = leftover(stripMarkers(after));
  let value: number;
  let doubt: string | undefined;
  if (ZERO_WORDS.test(token.trim())) value = 0;
  else {
    const exact = Number(token.replace(/,/g, ''));
    value = Math.floor(exact);
    if (!Number.isSafeInteger(value)) return { read, markers, doubt: `"${token}" is not a number of shares` };
    if (value !== exact) doubt = `fractional shares "${token}" counted as ${value}`;
  }
  if (before !== '') doubt = joinDoubts(doubt, `text before the figure left out: "${before}"`);
  if (rest !== '') doubt = joinDoubts(doubt, `note after the figure left out: "${rest}"`);
  return { value, read, markers, ...(doubt ? { doubt } : {}) };
}

const PERCENT_BOUND = /(?<![\w])(?:less\s+than|lower\s+than|below|under|<)\s*(\d+(?:\.\d+)?|\.\d+)\s*%?/i;
const PERCENT = /(?<![\w.,])(\d{1,3}(?:\.\d+)?|\.\d+)\s*(?:%|percent\b|per\s+cent\b)/i;
const BARE_PERCENT = /^(?:approximately\s+|approx\.\s+|about\s+)?(\d{1,3}(?:\.\d+)?|\.\d+)$/i;
const PERCENT_WORDS = /^(?:approximately|approx\.?|about|percent|per|cent|of|class|%)$/i;

export function readPercent(raw: string): ValueReading<ReportedPercent> {
  const read = removeFurniture(raw);
  const text = stripMarkers(read);
  const bound = PERCENT_BOUND.exec(text);
  const stated = bound ? undefined : (PERCENT.exec(text) ?? (BARE_PERCENT.test(text) ? BARE_PERCENT.exec(text) : null));
  const zero = !bound && !stated && /^(?:-0-|0|none|nil)$/i.test(text);
  if (!bound && !stated && !zero) {
    const rest = leftover(text, (word) => PERCENT_WORDS.test(word));
    return rest === '' ? { read, markers: [] } : { read, markers: [], doubt: `no percent in "${rest}"` };
  }
  const match = (bound ?? stated)!;
  const sign = read.indexOf('%');
  const markers = sign < 0 ? [] : leadingMarkers(read.slice(sign + 1), true);
  const percent: ReportedPercent = zero
    ? { kind: 'value', value: 0, text }
    : bound
      ? { kind: 'less-than', bound: Number(bound[1]), text: bound[0].trim() }
      : { kind: 'value', value: Number(match[1]), text: match[0].trim() };
  const before = zero ? '' : leftover(text.slice(0, match.index), (word) => PERCENT_WORDS.test(word));
  const rest = zero ? '' : leftover(text.slice(match.index + match[0].length), (word) => PERCENT_WORDS.test(word));
  let doubt: string | undefined;
  if (before !== '') doubt = `text before the percent left out: "${before}"`;
  if (rest !== '') doubt = joinDoubts(doubt, `note after the percent left out: "${rest}"`);
  return { value: percent, read, markers, ...(doubt ? { doubt } : {}) };
}

const MARKER = /(?:\(\d{1,2}\)|\([a-z]\)|\*+|†|‡|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|⁽[¹²³⁴⁵⁶⁷⁸⁹⁰]+⁾)/gu;

/**
 * Footnote markers right after a figure: "19,717,461(1)(2)", "544,609 *". A bare digit is a marker only
 * right after a percent sign ("47.53%1"): after a count it could be another figure.
 */
function leadingMarkers(text: string, afterPercentSign = false): string[] {
  const digit = afterPercentSign ? /^(\d{1,2})(?![\d.,])/.exec(text) : null;
  if (digit) return [digit[1]!];
  const run = /^\s*((?:\(\d{1,2}\)|\*+|†|‡|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|⁽[¹²³⁴⁵⁶⁷⁸⁹⁰]+⁾)\s*)+/u.exec(text)?.[0] ?? '';
  return [...run.matchAll(MARKER)].map((m) => splitFootnoteMarkers(`x${m[0]}`).markers[0] ?? m[0]);
}

/** Footnote markers anywhere in a row ("*† 50.8%", "47.53%1" after a percent sign). */
function stripMarkers(text: string): string {
  return text
    .replace(/(?:\(\d{1,2}\)|\*+|†|‡|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|⁽[¹²³⁴⁵⁶⁷⁸⁹⁰]+⁾)/gu, ' ')
    .replace(/%\s*\d{1,2}(?![\d.,])/g, '% ')
    .replace(/\s+/g, ' ')
    .trim();
}

function joinDoubts(first: string | undefined, second: string): string {
  return first ? `${first}; ${second}` : second;
}
