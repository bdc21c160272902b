/**
 * Cover pages (rows 1-14, one per reporting person) from filing text.
 *
 * Layouts differ: Ault & Company's rows sit on one line each ("7\tSOLE VOTING
 * POWER 214,940,800 ⁽¹⁾"), Horne's put each value on the next line, HTML
 * tables and reflowed text put them anywhere. So rows are found by their
 * printed labels, in order, over the whole cover region with any whitespace
 * between words; a row's value is the text between its label and the next
 * row's number. Line numbers stay those of the text given.
 */
import { FilingParseError, lineAt } from './filing-parse-error.js';
import { readCheckbox } from './normalize-text.js';
import type { CoverPage, Footnote } from './parsed-filing.js';
import { parseCount, parsePercent, splitFootnoteMarkers } from './values.js';

/** The printed label of each row; words may be split by any whitespace. */
const ROW_LABELS: Record<number, string> = {
  1: String.raw`NAMES?\s+OF\s+REPORTING\s+PERSONS?(?:\s*(?:I\.?R\.?S\.?|S\.S\.\s+OR\s+I\.R\.S\.)\s+IDENTIFICATION\s+NOS?\.?\s+OF\s+(?:THE\s+)?ABOVE\s+PERSONS?(?:\s*\(ENTITIES\s+ONLY\))?)?`,
  2: String.raw`CHECK\s+THE\s+APPROPRIATE\s+BOX\s+IF\s+A\s+MEMBER\s+OF\s+A\s+GROUP`,
  3: String.raw`SEC\s+USE\s+ONLY`,
  4: String.raw`SOURCE\s+OF\s+FUNDS`,
  5: String.raw`CHECK\s+(?:BOX\s+)?IF\s+DISCLOSURE\s+OF\s+LEGAL\s+PROCEEDINGS\s+IS\s+REQUIRED\s+PURSUANT\s+TO\s+ITEMS?\s+2\s*\(d\)\s+OR\s+2\s*\(e\)`,
  6: String.raw`CITIZENSHIP\s+OR\s+PLACE\s+OF\s+ORGANI[SZ]ATION`,
  7: String.raw`SOLE\s+VOTING\s+POWER`,
  8: String.raw`SHARED\s+VOTING\s+POWER`,
  9: String.raw`SOLE\s+DISPOSITIVE\s+POWER`,
  10: String.raw`SHARED\s+DISPOSITIVE\s+POWER`,
  11: String.raw`AGGREGATE\s+AMOUNT\s+BENEFICIALLY\s+OWNED\s+BY\s+EACH\s+REPORTING\s+PERSON`,
  12: String.raw`CHECK\s+(?:BOX\s+)?IF\s+THE\s+AGGREGATE\s+AMOUNT\s+IN\s+ROW\s*\(?11\)?\s+EXCLUDES\s+CERTAIN\s+SHARES`,
  13: String.raw`PERCENT\s+OF\s+CLASS\s+REPRESENTED\s+BY\s+AMOUNT\s+IN\s+ROW\s*\(?11\)?`,
  14: String.raw`TYPE\s+OF\s+REPORTING\s+PERSON`,
};

const ROW_NAMES: Record<number, string> = {
  1: 'name of reporting person', 7: 'sole voting power', 8: 'shared voting power', 9: 'sole dispositive power',
  10: 'shared dispositive power', 11: 'aggregate amount beneficially owned', 13: 'percent of class',
};

/** Rows every text cover page must carry; the rest are read when present. */
const REQUIRED_ROWS = [1, 7, 8, 9, 10, 11, 13] as const;

// "(See Instructions)" follows many labels; the box that spans rows 7-10 prints its own caption.
const LABEL_TAIL = String.raw`(?:\s*[:.]?\s*\((?:see\s+instructions?|see\s+item\s+\d)\))?\s*:?`;
const ROW_BLOCK_CAPTION = /NUMBER\s+OF\s+SHARES\s+BENEFICIALLY\s+OWNED\s+BY\s+EACH\s+REPORTING\s+PERSON\s+WITH:?/gi;

const LABELS = new RegExp(
  Object.entries(ROW_LABELS).map(([row, label]) => `(?<r${row}>${label}${LABEL_TAIL})`).join('|'),
  'gi',
);

interface LabelHit { row: number; start: number; end: number }

/** A footnote paragraph: "(1) Represents...", "⁽¹⁾ Represents...", "* Includes...". */
const FOOTNOTE_START = /^\s*(?:\((\d{1,2}|[a-z])\)|⁽([⁰¹²³⁴⁵⁶⁷⁸⁹]+)⁾|([¹²³⁴⁵⁶⁷⁸⁹]+)|(\*{1,3}))\s*(.*)$/su;

export interface CoverRegion {
  pages: CoverPage[];
  /** Offset just past the last cover page and its footnotes: where the items start. */
  end: number;
}

/**
 * Reads every cover page in `text` from `from` up to `until` (the first item heading).
 * Throws a FilingParseError for a page missing a required row or with a figure that is not a number.
 */
export function parseCoverPages(text: string, file: string, from = 0, until = text.length): CoverRegion {
  const region = text.slice(0, until);
  const hits = labelHits(region, from);
  if (hits.length === 0) {
    throw new FilingParseError(file, { line: lineAt(text, from) }, 'no cover page found (no row 1 "NAME OF REPORTING PERSON")');
  }
  const groups: LabelHit[][] = [];
  for (const hit of hits) {
    if (hit.row === 1 || groups.length === 0) groups.push([]);
    groups[groups.length - 1]!.push(hit);
  }
  const pages: CoverPage[] = [];
  let end = from;
  groups.forEach((group, index) => {
    const nextStart = groups[index + 1]?.[0]?.start ?? region.length;
    const page = readPage(region, file, group, nextStart, index + 1);
    pages.push(page.cover);
    end = page.end;
  });
  return { pages, end };
}

function labelHits(text: string, from: number): LabelHit[] {
  const hits: LabelHit[] = [];
  LABELS.lastIndex = from;
  for (let m = LABELS.exec(text); m; m = LABELS.exec(text)) {
    const row = Number(Object.entries(m.groups ?? {}).find(([, v]) => v !== undefined)![0].slice(1));
    hits.push({ row, start: m.index, end: m.index + m[0].length });
  }
  // Rows must go up within a page; a label out of order is prose quoting a label, not a row.
  return hits.filter((hit, i) => hit.row === 1 || (i > 0 && hit.row > hits[i - 1]!.row));
}

function readPage(text: string, file: string, hits: LabelHit[], nextStart: number, ordinal: number) {
  const values = new Map<number, { value: string; offset: number }>();
  hits.forEach((hit, i) => {
    const stop = hits[i + 1]?.start ?? lastRowEnd(text, hit.end, nextStart);
    values.set(hit.row, { value: cleanValue(text.slice(hit.end, stop), hits[i + 1]?.row), offset: hit.start });
  });
  const startLine = lineAt(text, hits[0]!.start);
  const name = values.get(1)?.value ?? '';
  for (const row of REQUIRED_ROWS) {
    if (!values.has(row)) {
      throw new FilingParseError(file, { line: startLine }, `cover page ${ordinal}${name ? ` (${name})` : ''} has no row ${row} (${ROW_NAMES[row]})`);
    }
  }
  const rowFootnotes: Record<number, string[]> = {};
  const field = (row: number) => {
    const entry = values.get(row);
    if (!entry) return undefined;
    const { text: value, markers } = splitFootnoteMarkers(entry.value);
    if (markers.length > 0) rowFootnotes[row] = markers;
    return { value, line: lineAt(text, entry.offset) };
  };
  const count = (row: number) => {
    const entry = field(row);
    if (!entry) return undefined;
    const parsed = parseCount(entry.value);
    if (parsed === undefined) throw new FilingParseError(file, { line: entry.line }, `cover page ${ordinal} (${name}) row ${row} (${ROW_NAMES[row]}): "${entry.value}" is not a number of shares`);
    return parsed;
  };
  const percentEntry = field(13)!;
  const percentOfClass = parsePercent(percentEntry.value);
  if (!percentOfClass) throw new FilingParseError(file, { line: percentEntry.line }, `cover page ${ordinal} (${name}) row 13 (percent of class): "${percentEntry.value}" is not a percent`);
  const nameEntry = field(1)!;
  if (nameEntry.value === '') throw new FilingParseError(file, { line: nameEntry.line }, `cover page ${ordinal} row 1 names no reporting person`);
  const footnoteBlock = readFootnotes(text, lastRowEnd(text, hits[hits.length - 1]!.end, nextStart), nextStart);
  const cover: CoverPage = {
    name: nameEntry.value,
    memberOfGroup: values.has(2) ? readGroupBoxes(values.get(2)!.value) : undefined,
    sourceOfFunds: values.has(4) ? splitCodes(field(4)!.value) : undefined,
    legalProceedings: values.has(5) ? readCheckbox(values.get(5)!.value) ?? false : undefined,
    citizenship: field(6)?.value || undefined,
    soleVotingPower: count(7),
    sharedVotingPower: count(8),
    soleDispositivePower: count(9),
    sharedDispositivePower: count(10),
    aggregate: count(11),
    excludesCertainShares: values.has(12) ? readCheckbox(values.get(12)!.value) ?? false : undefined,
    percentOfClass,
    typeOfReportingPerson: values.has(14) ? splitCodes(field(14)!.value) : undefined,
    rowFootnotes,
    footnotes: footnoteBlock.footnotes,
    place: `line ${startLine}`,
  };
  return { cover, end: footnoteBlock.end };
}

/** Row 14 runs to the end of its line group: the first blank line, or the next page. */
function lastRowEnd(text: string, from: number, limit: number): number {
  const blank = /\n[ \t]*\n/g;
  blank.lastIndex = from;
  const found = blank.exec(text);
  // Skip a blank line that sits right after the label (value on a later line).
  if (found && text.slice(from, found.index).trim() === '') {
    const again = blank.exec(text);
    return Math.min(again ? again.index : limit, limit);
  }
  return Math.min(found ? found.index : limit, limit);
}

/** Drops the next row's number and the rows 7-10 caption from a value; joins its lines. */
function cleanValue(raw: string, nextRow: number | undefined): string {
  let value = raw.replace(ROW_BLOCK_CAPTION, ' ');
  if (nextRow !== undefined) value = value.replace(new RegExp(`(?:^|\\s)\\(?${nextRow}\\)?[.)]?\\s*$`), '');
  return value.replace(/\s+/g, ' ').trim();
}

/** Row 2: "(a) ☒ (b) ☐", or the boxes before the letters: "☒ (a) ☐ (b)". */
function readGroupBoxes(value: string): { a: boolean; b: boolean } {
  const box = (letter: string) => {
    const after = new RegExp(`\\(${letter}\\)\\s*(\\S+)`).exec(value);
    const afterMark = after ? readCheckbox(after[1]!) : undefined;
    if (afterMark !== undefined) return afterMark;
    const before = new RegExp(`(\\S+)\\s*\\(${letter}\\)`).exec(value);
    return (before ? readCheckbox(before[1]!) : undefined) ?? false;
  };
  return { a: box('a'), b: box('b') };
}

function splitCodes(value: string): string[] {
  return value.split(/[\s,;/]+|\band\b/).map((code) => code.trim()).filter((code) => code !== '');
}

/** Paragraphs right after a cover page that start with a footnote marker. */
function readFootnotes(text: string, from: number, limit: number): { footnotes: Footnote[]; end: number } {
  const footnotes: Footnote[] = [];
  let end = from;
  const paragraphs = /\n[ \t]*\n/g;
  let cursor = from;
  while (cursor < limit) {
    paragraphs.lastIndex = cursor;
    const next = paragraphs.exec(text);
    const stop = Math.min(next ? next.index : text.length, limit);
    const paragraph = text.slice(cursor, stop);
    if (paragraph.trim() !== '') {
      const match = FOOTNOTE_START.exec(paragraph.trim());
      if (!match) break;
      const marker = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
      footnotes.push({ marker: normalizeMarker(marker), text: match[5]!.replace(/\s+/g, ' ').trim() });
      end = stop;
    }
    if (!next || next.index >= limit) break;
    cursor = next.index + next[0].length;
  }
  return { footnotes, end };
}

function normalizeMarker(marker: string): string {
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return [...marker].map((ch) => (digits.includes(ch) ? String(digits.indexOf(ch)) : ch)).join('');
}
