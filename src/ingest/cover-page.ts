/**
 * Cover pages (rows 1-14, one per reporting person) from filing text.
 *
 * Layouts differ: one row per line ("7\tSOLE VOTING POWER 214,940,800"), the
 * value on the next line, the rows 7-10 caption interleaved with the values,
 * HTML tables and reflowed text that put them anywhere. So rows are found by
 * their printed labels, in order, over the whole cover region; a row's value
 * is the text between its label and the next row's label (cover-values.ts
 * reads it). A figure read with doubt is kept with what was read and why; a
 * row that is blank or holds no figure is absent, never zero.
 */
import { dropRowNumber, labelHits, ROW_NAMES, withRowsByNumber, type LabelHit } from './cover-labels.js';
import { cleanTextRow, readCount, readPercent, removeFurniture, type ValueReading } from './cover-values.js';
import { FilingParseError, lineAt } from './filing-parse-error.js';
import { readCheckbox } from './normalize-text.js';
import type { CoverPage, Footnote, ReadingDoubt } from './parsed-filing.js';

/** A footnote paragraph: "(1) Represents...", "⁽¹⁾ Represents...", "* Includes...". */
const FOOTNOTE_START = /^\s*(?:\((\d{1,2}|[a-z])\)|⁽([⁰¹²³⁴⁵⁶⁷⁸⁹]+)⁾|([¹²³⁴⁵⁶⁷⁸⁹]+)|(\*{1,3}))\s*(.*)$/su;

/** Rows 7-11 and 13: a page with none of them read carries no numbers. */
const FIGURE_ROWS = [7, 8, 9, 10, 11, 13] as const;

export interface CoverRegion {
  pages: CoverPage[];
  /** Lines of cover pages whose row 1 names no one (a damaged page): not read, and never silently dropped. */
  unnamed: number[];
  /** Offset just past the last cover page and its footnotes: where the items start. */
  end: number;
}

/**
 * Reads every cover page in `text` from `from` up to `until` (the first item heading). Throws a
 * FilingParseError only when no page names a person with at least one figure: a cover page with numbers.
 */
export function parseCoverPages(text: string, file: string, from = 0, until = text.length): CoverRegion {
  const hits = labelHits(text, from, until);
  if (hits.length === 0) {
    throw new FilingParseError(
      file,
      { line: lineAt(text, from) },
      'no cover page found (no row 1 "NAME OF REPORTING PERSON")',
    );
  }
  const groups: LabelHit[][] = [];
  for (const hit of hits) {
    if (hit.row === 1 || groups.length === 0) groups.push([]);
    groups[groups.length - 1]!.push(hit);
  }
  const pages: CoverPage[] = [];
  const unnamed: number[] = [];
  let end = from;
  groups.forEach((group, index) => {
    const nextStart = groups[index + 1]?.[0]?.start ?? until;
    const page = readPage(text, withRowsByNumber(text, group, nextStart), nextStart);
    end = page.end;
    if (page.cover) pages.push(page.cover);
    else if (group.length > 1) unnamed.push(lineAt(text, group[0]!.start));
  });
  if (!pages.some((page) => FIGURE_ROWS.some((row) => figureOf(page, row) !== undefined))) {
    const first = pages[0];
    throw new FilingParseError(
      file,
      { line: lineAt(text, hits[0]!.start) },
      first
        ? `no cover page with numbers: no figure in rows 7-11 or 13 of ${pages.length} cover page(s) (${first.name}${pages.length > 1 ? ', ...' : ''})`
        : 'no cover page names a reporting person in row 1',
    );
  }
  return { pages, unnamed, end };
}

function figureOf(page: CoverPage, row: (typeof FIGURE_ROWS)[number]): unknown {
  const fields = {
    7: page.soleVotingPower,
    8: page.sharedVotingPower,
    9: page.soleDispositivePower,
    10: page.sharedDispositivePower,
    11: page.aggregate,
    13: page.percentOfClass,
  };
  return fields[row];
}

function readPage(text: string, hits: LabelHit[], nextStart: number): { cover?: CoverPage; end: number } {
  const raw = new Map<number, { value: string; offset: number; byNumber: boolean }>();
  hits.forEach((hit, i) => {
    const stop = hits[i + 1]?.start ?? lastRowEnd(text, hit.end, nextStart);
    const value = text.slice(hit.end, stop);
    raw.set(hit.row, {
      value: hits[i + 1]?.byNumber ? value : dropRowNumber(value, hits[i + 1]?.row),
      offset: hit.start,
      byNumber: hit.byNumber === true,
    });
  });
  const footnoteBlock = readFootnotes(text, lastRowEnd(text, hits[hits.length - 1]!.end, nextStart), nextStart);
  const name = readName(raw.get(1)?.value ?? '');
  if (name === '') return { end: footnoteBlock.end };
  const startLine = lineAt(text, hits[0]!.start);
  const doubts: ReadingDoubt[] = [];
  const rowFootnotes: Record<number, string[]> = {};
  const place = (row: number) => `line ${lineAt(text, raw.get(row)!.offset)}`;
  function figure<T>(row: number, reader: (value: string) => ValueReading<T>): T | undefined {
    const entry = raw.get(row);
    if (!entry) {
      doubts.push({
        row,
        read: '',
        reason: `row ${row} (${ROW_NAMES[row]}) not found on the cover page`,
        place: `line ${startLine}`,
      });
      return undefined;
    }
    const reading = reader(entry.value);
    if (reading.markers.length > 0) rowFootnotes[row] = reading.markers;
    // A row found by its number alone: its label words sit before the figure, and the reading is said to be uncertain.
    const doubt = entry.byNumber
      ? `label of row ${row} (${ROW_NAMES[row]}) not recognised; ${reading.value === undefined ? 'no figure after its row number' : 'figure read after its row number'}`
      : reading.doubt;
    if (doubt) doubts.push({ row, read: reading.read, reason: doubt, place: place(row) });
    return reading.value;
  }
  const text6 = raw.has(6) ? cleanTextRow(raw.get(6)!.value) : undefined;
  const cover: CoverPage = {
    name,
    memberOfGroup: raw.has(2) ? readGroupBoxes(raw.get(2)!.value) : undefined,
    sourceOfFunds: raw.has(4) ? splitCodes(removeFurniture(raw.get(4)!.value)) : undefined,
    legalProceedings: raw.has(5) ? (readCheckbox(removeFurniture(raw.get(5)!.value)) ?? false) : undefined,
    citizenship: text6 || undefined,
    soleVotingPower: figure(7, readCount),
    sharedVotingPower: figure(8, readCount),
    soleDispositivePower: figure(9, readCount),
    sharedDispositivePower: figure(10, readCount),
    aggregate: figure(11, readCount),
    excludesCertainShares: raw.has(12) ? (readCheckbox(removeFurniture(raw.get(12)!.value)) ?? false) : undefined,
    percentOfClass: figure(13, readPercent),
    typeOfReportingPerson: raw.has(14) ? reportingPersonTypes(raw.get(14)!.value) : undefined,
    rowFootnotes,
    footnotes: footnoteBlock.footnotes,
    place: `line ${startLine}`,
    ...(doubts.length > 0 ? { doubts } : {}),
  };
  return { cover, end: footnoteBlock.end };
}

/** Row 1 without what filers print beside the name: tax ids, "I.R.S. Identification No.", "(See Item 2)". */
const NAME_NOISE: RegExp[] = [
  /\(?\s*(?:S\.?S\.?\s+(?:or|and)\s+)?I\.?R\.?S\.?\s*(?:Employer\s+)?(?:Identification|ID|I\.D\.)?\s*(?:Nos?\.?|Numbers?|#)?(?:\s+of\s+(?:the\s+)?above\s+persons?)?(?:\s*\(entities\s+only\))?\s*\)?\s*[:.]?\s*(?:\d{2}-\d{7}|N\/?A\b|not\s+applicable|none\b)?/gi,
  /[-(,\s]*\b(?:Tax\s+ID|I\.?D\.?)\s*(?:Nos?\.?|#)?\s*:?\s*\d{2}-\d{7}\)?/gi,
  /\b(?:TIN|EIN|Tax\s+I\.?D\.?(?:\s+No\.?)?)\s*:?\s*(?:\d{2}-\d{7}\b)?/g,
  // A social security number, printed or redacted: "S.S. No. ###-##-####", "Social Security Number: ###-##-####".
  /\b(?:S\.\s?S\.\s?(?:No\.?|Number)|Social\s+Security\s+(?:No\.?|Number))\s*:?\s*[#\dXx*-]*/gi,
  /\b\d{2}-\d{7}\b|\b\d{3}-\d{2}-\d{4}\b/g,
  /[[(]\s*see\s+item\s+\d+[^\])]*[\])]/gi,
  /^\s*Reporting\s+Person\s*[-:]/i,
];

function readName(raw: string): string {
  let name = cleanTextRow(raw);
  for (const pattern of NAME_NOISE) name = name.replace(pattern, ' ');
  return name
    .replace(/\s+/g, ' ')
    .replace(/^[\s:;,.\-–—]+|[\s:;,\-–—]+$/g, '')
    .replace(/\s*\(\s*\)\s*/g, ' ')
    .trim();
}

/** Row 14 codes: CO, IN, PN, HC, IA, BD, BK, IC, IV, EP, SA, CP, OO... */
function reportingPersonTypes(raw: string): string[] {
  return removeFurniture(raw)
    .split(/[\s,;/]+|\band\b/)
    .filter((code) => /^[A-Z]{2}$/.test(code));
}

/** Row 14 runs to the end of its line group: the first blank line, or the next page. */
function lastRowEnd(text: string, from: number, limit: number): number {
  const found = nextBlankLine(text, from, limit);
  // Skip a blank line that sits right after the label (value on a later line).
  if (found && text.slice(from, found.index).trim() === '')
    return nextBlankLine(text, found.end, limit)?.index ?? limit;
  return found?.index ?? limit;
}

/**
 * The first blank line ("\n", spaces or tabs, "\n") starting at or after `from` and before `limit`. Never looks
 * past `limit`: cover pages printed back to back have no blank line between them, and a search to the next
 * one from every page would read the rest of the cover region once per page.
 */
function nextBlankLine(text: string, from: number, limit: number): { index: number; end: number } | undefined {
  for (let i = text.indexOf('\n', from); i >= 0 && i < limit; i = text.indexOf('\n', i + 1)) {
    let j = i + 1;
    while (text[j] === ' ' || text[j] === '\t') j++;
    if (text[j] === '\n') return { index: i, end: j + 1 };
  }
  return undefined;
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
  return value
    .split(/[\s,;/]+|\band\b/)
    .map((code) => code.trim())
    .filter((code) => code !== '');
}

/** Paragraphs right after a cover page that start with a footnote marker. */
function readFootnotes(text: string, from: number, limit: number): { footnotes: Footnote[]; end: number } {
  const footnotes: Footnote[] = [];
  let end = from;
  let cursor = from;
  while (cursor < limit) {
    const next = nextBlankLine(text, cursor, limit);
    const stop = next ? next.index : limit;
    const paragraph = text.slice(cursor, stop);
    if (paragraph.trim() !== '') {
      const match = FOOTNOTE_START.exec(paragraph.trim());
      if (!match) break;
      const marker = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
      footnotes.push({ marker: normalizeMarker(marker), text: match[5]!.replace(/\s+/g, ' ').trim() });
      end = stop;
    }
    if (!next) break;
    cursor = next.end;
  }
  return { footnotes, end };
}

function normalizeMarker(marker: string): string {
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return [...marker].map((ch) => (digits.includes(ch) ? String(digits.indexOf(ch)) : ch)).join('');
}
