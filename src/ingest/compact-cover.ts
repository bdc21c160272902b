/**
 * Some filers (FMR Corp.'s filings of the 1990s among them) print the cover
 * page as a list keyed by row number instead of the form's labels:
 *
 *   Item 1:  Reporting Person - FMR Corp. - (Tax ID: 04-2507163)
 *   Item 7:  161,387
 *   Item 13: 12.12%
 *
 * Each such line's key is replaced by the row's printed label, in place (same
 * lines, so line numbers still point into the file), and the labelled-cover
 * reader does the rest. Only a list that starts with "Item 1: Reporting
 * Person" is read this way, so the Items of the statement are never touched.
 */

const ROW_LABEL_TEXT: Record<number, string> = {
  1: 'NAME OF REPORTING PERSON',
  2: 'CHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP',
  3: 'SEC USE ONLY',
  4: 'SOURCE OF FUNDS',
  5: 'CHECK IF DISCLOSURE OF LEGAL PROCEEDINGS IS REQUIRED',
  6: 'CITIZENSHIP OR PLACE OF ORGANIZATION',
  7: 'SOLE VOTING POWER',
  8: 'SHARED VOTING POWER',
  9: 'SOLE DISPOSITIVE POWER',
  10: 'SHARED DISPOSITIVE POWER',
  11: 'AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON',
  12: 'CHECK IF THE AGGREGATE AMOUNT IN ROW (11) EXCLUDES CERTAIN SHARES',
  13: 'PERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (11)',
  14: 'TYPE OF REPORTING PERSON',
};

const COMPACT_ROW = /^([ \t]*)Item[ \t]+(\d{1,2})[ \t]*:[ \t]*(.*)$/gim;

export function expandCompactCover(text: string): string {
  if (!/^[ \t]*Item[ \t]+1[ \t]*:[ \t]*Reporting\s+Person\b/im.test(text)) return text;
  let inList = false;
  let previous = 0;
  return text.replace(COMPACT_ROW, (line, indent: string, number: string, rest: string) => {
    const row = Number(number);
    // A list starts at "Item 1: Reporting Person" and goes up; anything else ends it.
    if (row === 1 && /^Reporting\s+Person\b/i.test(rest)) inList = true;
    else if (!inList || row <= previous || row > 14) inList = false;
    if (!inList) return line;
    previous = row;
    return `${indent}${row} ${ROW_LABEL_TEXT[row]} ${row === 1 ? rest.replace(/^Reporting\s+Person\s*[-:]?\s*/i, '') : rest}`;
  });
}
