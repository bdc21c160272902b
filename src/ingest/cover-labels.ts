/**
 * The printed labels of cover-page rows 1-14, as filers have worded them
 * since 1994: "AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON"
 * and "... OWNED BY REPORTING PERSON", "MEMBER OF A GROUP" and "MEMBER OF
 * GROUP", "IN ROW (11)" and "IN ROW" alone. Words may be split by any
 * whitespace (HTML tables and reflowed text put them anywhere).
 */

const IRS_TAIL = String.raw`(?:[\s:./,-]*\(?\s*(?:S\.?S\.?\s+OR\s+)?I\.?R\.?S\.?\s+IDENTIFICATION\s+NOS?\.?(?:\s+OF\s+(?:THE\s+)?ABOVE\s+PERSONS?)?(?:\s*\(ENTITIES\s+ONLY\))?\s*\)?)?`;

const ROW_LABELS: Record<number, string> = {
  1: String.raw`NAMES?\s+OF\s+(?:THE\s+)?REPORTING\s+PERSONS?${IRS_TAIL}`,
  2: String.raw`(?:CHECK\s+THE\s+)?APPROPRIATE\s+BOX\s+IF\s+(?:A\s+)?MEMBER\s+OF\s+(?:A\s+)?GROUP`,
  3: String.raw`SEC\s+USE\s+ONLY`,
  4: String.raw`SOURCE\s+OF\s+FUNDS`,
  5: String.raw`(?:CHECK\s+(?:BOX\s+)?IF\s+)?DISCLOSURE\s+OF\s+LEGAL\s+PROCEEDINGS\s+(?:IS\s+)?REQUIRED(?:\s+PURSUANT\s+TO\s+ITEMS?\s+2\s*\(?d\)?\s+(?:OR|AND)\s+2\s*\(?e\)?)?`,
  6: String.raw`CITIZENSHIP\s+OR\s+PLACE\s+OF\s+ORGANI[SZ]ATION`,
  7: String.raw`SOLE\s+VOTING\s+POWER`,
  8: String.raw`SHARED\s+VOTING\s+POWER`,
  9: String.raw`SOLE\s+DISPOSITIVE\s+POWER`,
  10: String.raw`SHARED\s+DISPOSITIVE\s+POWER`,
  11: String.raw`AGGREGATE\s+AMOUNT\s+(?:BENEFICIALLY\s+)?OWNED(?:\s+BENEFICIALLY)?(?:\s+BY\s+(?:EACH\s+|THE\s+|SUCH\s+)?REPORTING\s+PERSONS?)?`,
  12: String.raw`(?:CHECK\s+(?:BOX\s+)?IF\s+)?THE\s+AGGREGATE\s+AMOUNT\s+IN\s+ROW\s*(?:\(\s*\d+\s*\)|\d+)?\s*EXCLUDES\s+CERTAIN\s+SHARES`,
  13: String.raw`PERCENT(?:AGE)?\s+OF\s+CLASS\s+REPRESENTED\s+BY\s+(?:THE\s+)?AMOUNT\s+IN\s+ROW\s*(?:\(\s*\d+\s*\)|\d+)?`,
  14: String.raw`TYPE\s+OF\s+REPORTING\s+PERSONS?`,
};

export const ROW_NAMES: Record<number, string> = {
  1: 'name of reporting person',
  2: 'member of a group',
  4: 'source of funds',
  5: 'legal proceedings',
  6: 'citizenship or place of organization',
  7: 'sole voting power',
  8: 'shared voting power',
  9: 'sole dispositive power',
  10: 'shared dispositive power',
  11: 'aggregate amount beneficially owned',
  12: 'excludes certain shares',
  13: 'percent of class',
  14: 'type of reporting person',
};

// "(See Instructions)" follows many labels, and "*" pointing to the instructions.
const LABEL_TAIL = String.raw`(?:\s*[:.]?\s*\*?\s*\((?:see\s+instructions?|see\s+item\s+\d+)\))?\s*\*?\s*:?`;

const LABELS = new RegExp(
  Object.entries(ROW_LABELS)
    .map(([row, label]) => `(?<r${row}>${label}${LABEL_TAIL})`)
    .join('|'),
  'gi',
);

export interface LabelHit {
  row: number;
  start: number;
  end: number;
  /** Found by its row number alone: the printed label was not recognised (a typo, other wording). */
  byNumber?: boolean;
}

/** Rows whose figures matter: a page missing one is searched for it by its row number. */
const FIGURE_ROWS = [7, 8, 9, 10, 11, 13];

/**
 * A figure row whose label was not recognised ("11  AGGREAGATE AMOUNT BENEFICALLY OWNED  1,000") is found by the
 * row number that starts a line between the rows before and after it, followed by words: the label's. The
 * value is then read after the number, label words and all, and said to be read with doubt.
 */
export function withRowsByNumber(text: string, page: readonly LabelHit[], pageEnd: number): LabelHit[] {
  const hits = [...page];
  for (const row of FIGURE_ROWS) {
    if (hits.some((h) => h.row === row)) continue;
    const before = [...hits].reverse().find((h) => h.row < row);
    const after = hits.find((h) => h.row > row);
    if (before === undefined) continue;
    const from = before.end;
    const to = after?.start ?? pageEnd;
    const marker = new RegExp(`(?:^|\\n)[ \\t]*[(\\[]?${row}[)\\].]?[ \\t]+(?=[A-Za-z])`, 'g');
    marker.lastIndex = 0;
    const found = marker.exec(text.slice(from, to));
    if (!found) continue;
    const start = from + found.index + (found[0].startsWith('\n') ? 1 : 0);
    hits.push({ row, start, end: from + found.index + found[0].length, byNumber: true });
    hits.sort((a, b) => a.start - b.start);
  }
  return hits;
}

/**
 * Every row label in text[from, until), in order; a label out of order within a page is prose quoting it, not a row.
 */
export function labelHits(text: string, from: number, until: number): LabelHit[] {
  const hits: LabelHit[] = [];
  const region = text.slice(0, until);
  LABELS.lastIndex = from;
  for (let m = LABELS.exec(region); m; m = LABELS.exec(region)) {
    const row = Number(
      Object.entries(m.groups ?? {})
        .find(([, v]) => v !== undefined)![0]
        .slice(1),
    );
    hits.push({ row, start: m.index, end: m.index + m[0].length });
  }
  const kept: LabelHit[] = [];
  for (const hit of hits) {
    const previous = kept.at(-1);
    if (hit.row === 1 || (previous !== undefined && hit.row > previous.row)) kept.push(hit);
  }
  return kept;
}

/** The row number printed before a label ("7", "(7)", "7.", "7)"), dropped from the end of the previous row's value. */
export function dropRowNumber(value: string, row: number | undefined): string {
  if (row === undefined) return value;
  return value.replace(new RegExp(`(?:^|[\\s:|])[(\\[]?${row}[)\\].]?[\\s:|]*$`), ' ');
}
