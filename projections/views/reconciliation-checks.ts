/**
 * Checks of a filing against its own words: a cover footnote's "(i) ... (ii) ..."
 * against the rows it is printed on, Item 5(a)'s breakdown against its total,
 * and, when no shares outstanding are stated, what each percent implies about
 * the denominator. Pure; used by reconciliation.ts.
 */
import type { ReportedPercent } from '../../src/domain/index.js';
import type { StatedRows } from '../folds/cover-pages.js';
import { fmt } from '../format.js';

export type CheckKind = 'footnote-sum' | 'item-5-breakdown' | 'percent-denominator-not-stated' | 'percent-arithmetic';
export type AddCheck = (
  ok: boolean,
  finding: {
    kind: CheckKind;
    message: string;
    reported: number | string | null;
    computed: number | string | null;
    personId: string | null;
    item: string | null;
  },
) => void;

/** XML writes "8.5", text "85.72%": print either as a percent once. */
const pct = (text: string) => (text.trim().endsWith('%') ? text.trim() : `${text.trim()}%`);
const ROMAN = /\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)\s*/;

/**
 * The amounts an enumeration states: "Represents (i) 2,245 shares ... and (ii) 81 shares ..."
 * or "beneficially own 162 Shares, consisting of (i) 81 Shares and (ii) 81 Shares ...".
 * Only the first sentence counts (the next may list "(i) $0.10 per share"); null unless every
 * part starts with a share count, so a half-read list never becomes a finding.
 */
export function statedParts(text: string): { total: number | null; parts: number[] } | null {
  const start = /\b(?:Represents|consisting of)\b/i.exec(text);
  if (start === null) return null;
  const lead = text.slice(0, start.index);
  const total = /beneficially own(?:s|ed)?\s+([\d,]+)\s+Shares?\b[^.]*$/i.exec(lead)?.[1];
  const rest = text.slice(start.index);
  const sentence = rest.slice(0, rest.search(/\.(?=\s+[A-Z(]|\s*$)/) + 1 || rest.length);
  const chunks = sentence.split(ROMAN).slice(1);
  if (chunks.length < 2) return null;
  const parts = chunks.map((chunk) => /^([\d,]+)\s+shares?\b/i.exec(chunk.trim())?.[1]);
  if (parts.some((p) => p === undefined)) return null;
  return {
    total: total === undefined ? null : Number(total.replace(/,/g, '')),
    parts: parts.map((p) => Number(p!.replace(/,/g, ''))),
  };
}

type Row = 7 | 8 | 9 | 10 | 11;
const ROW_FIELD = {
  7: 'soleVotingPower',
  8: 'sharedVotingPower',
  9: 'soleDispositivePower',
  10: 'sharedDispositivePower',
  11: 'aggregate',
} as const;
const sumText = (parts: number[]) => `${parts.map(fmt).join(' + ')} = ${fmt(parts.reduce((a, b) => a + b, 0))}`;

/**
 * Each footnote that enumerates shares against the rows it is printed on (rows 7-10, 11), and
 * row 11 against what the footnotes on rows 7 and 8 claim (sole + shared voting), or rows 9 + 10 when the person may
 * dispose of more shares than it may vote.
 * Events recorded without footnote rows: a footnote belongs to the rows whose figure it equals.
 */
export function footnoteChecks(add: AddCheck, cover: StatedRows, who: string): void {
  const claims = new Map<Row, number>();
  for (const footnote of cover.footnotes ?? []) {
    const stated = statedParts(footnote.text);
    if (stated === null) continue;
    const sum = stated.parts.reduce((a, b) => a + b, 0);
    const rowValue = (row: Row) => cover[ROW_FIELD[row]];
    const rows = (
      footnote.rows?.filter((r): r is Row => r >= 7 && r <= 11) ??
      ([7, 8, 9, 10, 11] as Row[]).filter((r) => rowValue(r) === sum)
    ).filter((r) => rowValue(r) !== undefined);
    const item = `cover footnote (${footnote.marker})`;
    if (rows.length === 0) {
      add(false, {
        kind: 'footnote-sum',
        personId: cover.personId,
        item,
        reported: cover.aggregate ?? null,
        computed: sum,
        message: `${who}: footnote (${footnote.marker}) enumerates ${sumText(stated.parts)} shares, which matches none of rows 7-11`,
      });
      continue;
    }
    for (const row of rows) {
      claims.set(row, sum);
      const reported = rowValue(row)!;
      add(reported === sum, {
        kind: 'footnote-sum',
        personId: cover.personId,
        item,
        reported,
        computed: sum,
        message: `${who}: row ${row} is ${fmt(reported)}; footnote (${footnote.marker}) printed on it enumerates ${sumText(stated.parts)}`,
      });
    }
  }
  const { aggregate, soleVotingPower: sole, sharedVotingPower: shared } = cover;
  if (aggregate === undefined || sole === undefined || shared === undefined || !(claims.has(7) || claims.has(8)))
    return;
  // A zero row needs no footnote; a non-zero row without one leaves row 11 unexplained by footnotes.
  const seven = claims.get(7) ?? (sole === 0 ? 0 : undefined);
  const eight = claims.get(8) ?? (shared === 0 ? 0 : undefined);
  if (seven === undefined || eight === undefined) return;
  const voting = seven + eight;
  const claimed = `${who}: row 11 is ${fmt(aggregate)}; the footnotes claim ${fmt(seven)} (sole voting, row 7) + ${fmt(eight)} (shared voting, row 8) = ${fmt(voting)}`;
  const disposition = dispositionCoversAggregate(voting, aggregate, cover);
  add(voting === aggregate || disposition !== null, {
    kind: 'footnote-sum',
    personId: cover.personId,
    item: 'cover row 11',
    reported: aggregate,
    computed: disposition ?? voting,
    message: disposition === null ? claimed : `${claimed}, ${dispositionNote('rows 9 + 10', disposition)}`,
  });
}

/**
 * Rule 13d-3 counts a share its holder may vote or dispose of: an aggregate above the shares it may vote is explained
 * when sole + shared dispositive power (rows 9 + 10) reach all of it. That dispositive total, or null when they do not.
 */
export function dispositionCoversAggregate(
  voting: number,
  aggregate: number,
  powers: { soleDispositivePower?: number | undefined; sharedDispositivePower?: number | undefined },
): number | null {
  const { soleDispositivePower: sole, sharedDispositivePower: shared } = powers;
  if (voting >= aggregate || sole === undefined || shared === undefined) return null;
  return sole + shared === aggregate ? aggregate : null;
}

/** The words that say why an aggregate above the voting power holds. */
export function dispositionNote(rows: string, dispositive: number): string {
  return `and ${rows} = ${fmt(dispositive)} reach it: Rule 13d-3 counts a share that may be voted or disposed of`;
}

/**
 * Item 5(a): "beneficially own N Shares, consisting of (i) a, (ii) b ..." must add up, and N must be the aggregate Item
 * 5 reports.
 */
export function item5BreakdownCheck(
  add: AddCheck,
  personId: string,
  who: string,
  aggregate: number,
  quote: string,
): void {
  const stated = statedParts(quote);
  if (stated === null) return;
  const sum = stated.parts.reduce((a, b) => a + b, 0);
  const total = stated.total ?? aggregate;
  add(sum === total && total === aggregate, {
    kind: 'item-5-breakdown',
    personId,
    item: '5(a)',
    reported: total,
    computed: sum,
    message: `${who}: Item 5(a) states ${fmt(total)} Shares${total === aggregate ? '' : ` (aggregate reported ${fmt(aggregate)})`}, consisting of ${sumText(stated.parts)}`,
  });
}

/** Decimals printed in a percent: "85.72%" -> 2, "8.5" -> 1, "9" -> 0. */
export function decimalsOf(percent: ReportedPercent): number {
  return /\d+\.(\d+)/.exec(percent.text)?.[1]?.length ?? 0;
}

interface Implied {
  personId: string;
  who: string;
  low: number;
  high: number;
  percent: string;
}

/**
 * No shares outstanding stated: row 13 cannot be checked against Rule 13d-3(d)(1)(i). What can be said:
 * a percent rounded to d decimals puts the person's denominator (shares outstanding + own rights)
 * within [aggregate / (p + h), aggregate / (p - h)], h half a unit of the last decimal.
 */
export function denominatorNotStated(add: AddCheck, covers: readonly { cover: StatedRows; who: string }[]): void {
  const implied: Implied[] = [];
  for (const { cover, who } of covers) {
    const percent = cover.percentOfClass;
    if (cover.aggregate === undefined || percent === undefined || percent.kind !== 'value' || percent.value === 0)
      continue;
    const half = 0.5 * 10 ** -decimalsOf(percent);
    const low = Math.ceil((cover.aggregate * 100) / (percent.value + half));
    const high = Math.floor((cover.aggregate * 100) / (percent.value - half));
    implied.push({ personId: cover.personId, who, low, high, percent: percent.text });
    add(false, {
      kind: 'percent-denominator-not-stated',
      personId: cover.personId,
      item: 'cover row 13',
      reported: percent.text,
      computed: null,
      message: `${who}: ${fmt(cover.aggregate)} shares stated as ${pct(percent.text)}, but the filing states no shares outstanding, so the percent cannot be checked; it implies a denominator (shares outstanding + own rights) of ${fmt(low)} to ${fmt(high)}`,
    });
  }
  if (implied.length < 2) return;
  const low = Math.max(...implied.map((i) => i.low));
  const high = Math.min(...implied.map((i) => i.high));
  const names = implied.map((i) => `${i.who} (${pct(i.percent)})`).join(', ');
  add(low <= high, {
    kind: 'percent-arithmetic',
    personId: null,
    item: 'cover row 13',
    reported: implied.map((i) => i.percent).join(', '),
    computed: low <= high ? `${low}-${high}` : null,
    message:
      low <= high
        ? `the percents of ${names} fit one denominator between ${fmt(low)} and ${fmt(high)} (if no one's own rights differ)`
        : `the percents of ${names} imply denominators that do not overlap; with no rights held they cannot all be right`,
  });
}

/**
 * Shares outstanding stated, but no breakdown of the person's own rights: Rule 13d-3(d)(1)(i) puts the percent at
 * aggregate / (outstanding + own rights), rights >= 0. A percent rounded to d decimals fits a denominator in
 * [aggregate / (p + h), aggregate / (p - h)]; it fits with no rights when the count outstanding is in that range,
 * only with some rights when the range lies above it, and not at all when the count outstanding exceeds it.
 */
export function percentAgainstOutstanding(add: AddCheck, cover: StatedRows, who: string, outstanding: number): void {
  const percent = cover.percentOfClass;
  if (cover.aggregate === undefined || percent === undefined || percent.kind !== 'value' || percent.value === 0) return;
  const half = 0.5 * 10 ** -decimalsOf(percent);
  const low = Math.ceil((cover.aggregate * 100) / (percent.value + half));
  const high = Math.floor((cover.aggregate * 100) / (percent.value - half));
  const computed = Number(((cover.aggregate / outstanding) * 100).toFixed(4));
  const base = `${who}: ${fmt(cover.aggregate)} / ${fmt(outstanding)} outstanding = ${computed}%, against ${pct(percent.text)}`;
  const finding = {
    kind: 'percent-arithmetic' as const,
    personId: cover.personId,
    item: 'cover row 13',
    reported: percent.text,
    computed,
  };
  if (outstanding > high)
    add(false, {
      ...finding,
      message: `${base}: too high for that count even with no rights to acquire (it implies at most ${fmt(high)} shares in the denominator)`,
    });
  else if (outstanding >= low)
    add(true, { ...finding, message: `${base}: consistent, with no rights to acquire counted` });
  else
    add(true, {
      ...finding,
      message: `${base}: consistent only if the person's own rights to acquire add ${fmt(low - outstanding)} to ${fmt(high - outstanding)} shares to the denominator (not broken down by the filing)`,
    });
}
