/**
 * The shares outstanding a filing states as the basis of its percents, where
 * filings state them: a footnote to row 13 ("Based on 67,584,573 shares of
 * Common Stock outstanding as of November 8, 2022, as reported in ..."), a
 * note printed in row 13 itself, Item 5 prose ("based upon 35,846,318 Shares
 * outstanding as of July 23, 2024"), or a plain statement ("There are
 * currently 19,376,667 shares of Common Stock outstanding"). A count tied to
 * "outstanding" in a sentence about a holding ("beneficially owns 3,215,700
 * shares, representing 9.7% of the outstanding shares") is the holding, not
 * the class, and is never taken.
 */
import type { SharesOutstanding } from './parsed-filing.js';
import { splitSentences } from './sections.js';
import { LONG_DATE, parseCount, parseLongDate, parseSlashDate } from './values.js';

/** Where to look, best first: each a text and the place it is cited from. */
export interface OutstandingSource {
  text: string;
  item: string;
}

const COUNT = /(?<![\d,.$])(\d{1,3}(?:,\d{3})+|\d{5,})(?![\d,]*\.\d)(?!\s*%)/g;
/** Words between a count and "outstanding" that make it a holding or a right, not the class. */
const NOT_THE_CLASS =
  /%|\d{1,3},\d{3}|\b(?:beneficially|owns?|owned|held|holds|issuable|underlying|subject\s+to|purchased|acquired|sold|representing|comprised|consist(?:s|ing)?)\b/i;
/** Words just before a count that make it a holding. */
const HOLDING_BEFORE =
  /\b(?:own|owns|owned|holds?|held|acquired|purchased|sold|issuable|comprised\s+of|consisting\s+of|aggregate\s+amount)\s+(?:\S+\s+){0,3}$/i;
/** The sentence states the basis of the filing's percents. */
const BASIS = /\b(?:based|calculated|computed|percentages?|denominator|outstanding\s+as\s+of)\b/i;
const DATE = new RegExp(`\\b(?:as\\s+of|on|at)\\s+(${LONG_DATE.source}|\\d{1,2}/\\d{1,2}/\\d{4})`, 'i');

interface Candidate extends SharesOutstanding {
  basis: boolean;
}

export function readSharesOutstanding(
  sources: readonly OutstandingSource[],
): (SharesOutstanding & { item: string }) | undefined {
  let fallback: (Candidate & { item: string }) | undefined;
  for (const source of sources) {
    const onCover = source.item.startsWith('cover');
    for (const sentence of splitSentences(source.text)) {
      const found = candidateIn(sentence) ?? (onCover ? basisNote(sentence) : undefined);
      if (found === undefined) continue;
      const { basis, ...stated } = found;
      if (basis) return { ...stated, item: source.item };
      // A count stated without saying it is the basis counts only where the filing speaks of its own figures.
      if (onCover || source.item === '5') fallback ??= { ...found, item: source.item };
    }
  }
  if (fallback === undefined) return undefined;
  const { basis: _basis, ...stated } = fallback;
  return stated;
}

function candidateIn(sentence: string): Candidate | undefined {
  if (!/\boutstanding\b/i.test(sentence)) return undefined;
  const basis = BASIS.test(sentence);
  for (const m of sentence.matchAll(COUNT)) {
    const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + 200);
    const to = after.search(/\boutstanding\b/i);
    if (to < 0) continue;
    const between = after.slice(0, to);
    if (NOT_THE_CLASS.test(between) || between.trim().split(/\s+/).length > 14) continue;
    if (HOLDING_BEFORE.test(sentence.slice(Math.max(0, m.index - 80), m.index))) continue;
    return { count: parseCount(m[1]!)!, asOf: dateIn(after) ?? dateIn(sentence), sentence, basis };
  }
  // "there were outstanding on such date 57,214,587 shares", "the number of shares outstanding ... is 12,300,000"
  const stated =
    /\bthere\s+(?:are|were|will\s+be)\b[^.%]{0,80}?\boutstanding\b[^.%]{0,60}?(\d{1,3}(?:,\d{3})+)(?!\s*%)/i.exec(
      sentence,
    ) ??
    /\b(?:number|total)\s+of\s+(?:\S+\s+){0,6}?outstanding\b[^.%]{0,120}?\b(?:is|was|were)\s+(?:approximately\s+)?(\d{1,3}(?:,\d{3})+)(?!\s*%)/i.exec(
      sentence,
    );
  if (stated) return { count: parseCount(stated[1]!)!, asOf: dateIn(sentence), sentence, basis };
  return undefined;
}

/** A note in row 13 or a footnote to it: "9.66% at 5/19/03 based on 8,460,187 common shares" needs no "outstanding". */
function basisNote(text: string): Candidate | undefined {
  const m =
    /\bbased\s+(?:up)?on\s+(?:an?\s+(?:aggregate|total)\s+of\s+|the\s+)?(\d{1,3}(?:,\d{3})+)\s+(?:\S+\s+){0,4}?(?:shares|units)\b/i.exec(
      text,
    );
  return m
    ? { count: parseCount(m[1]!)!, asOf: dateIn(text), sentence: text.replace(/\s+/g, ' ').trim(), basis: true }
    : undefined;
}

function dateIn(text: string): string | undefined {
  const date = DATE.exec(text)?.[1];
  if (date === undefined) return undefined;
  return parseLongDate(date) ?? parseSlashDate(date);
}
