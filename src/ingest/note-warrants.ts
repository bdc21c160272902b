/**
 * Item 6 says a note and warrants were sold together on a date, with the
 * warrants' term and when they became exercisable; Item 3 defines the two
 * aliases with the figures: "The remaining warrants owned directly by Ault &
 * Company, which are currently exercisable into 1,907,440 Shares (the
 * "Warrants"), were issued in connection with a senior secured convertible
 * promissory note in the principal face amount of $17.5 million, ... (the
 * "Senior Note")." Events follow only when both aliases are defined that way
 * for the same holder: then the count is tied with certainty. Otherwise the
 * Item 6 sentence goes to review.
 */
import { addMonths, addYears, canonicalSecurityId, firstBusinessDayAfter } from '../domain/index.js';
import { matchCover } from './items.js';
import type { ParsedFiling, ParsedTransaction, ReviewItem } from './parsed-filing.js';
import { splitSentences } from './sections.js';
import { parseCount, parseDollars } from './values.js';

type Sold = Extract<ParsedTransaction, { kind: 'note-and-warrants-sold' }>;

export interface NoteAndWarrantsPlan {
  note: { securityId: string; title: string; principal: number };
  warrants: {
    securityId: string;
    title: string;
    shares: number;
    exercisableFrom: string | null;
    expiresOn: string | null;
  };
  /** The Item 6 sentences and the Item 3 sentence that defines the figures. */
  quote: string;
  item: string;
  /** The Item 3 sentence that defines the aliases: read with certainty, so no longer for review. */
  definition: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The Item 3 sentence defining both aliases, for the same holder. */
function definition(filing: ParsedFiling, sold: Sold) {
  const pattern = new RegExp(
    `warrants owned directly by (.+?), which are currently exercisable into ([\\d,]+) Shares \\(the "${escape(sold.warrantsAlias)}"\\), were issued in connection with an? (.+?note) in the principal (?:face )?amount of (\\$[\\d,.]+(?: million)?)[^(]*\\(the "${escape(sold.noteAlias)}"\\)`,
    'i',
  );
  for (const sentence of splitSentences(filing.items['3'] ?? '')) {
    const m = pattern.exec(sentence);
    if (!m) continue;
    const holder = matchCover(m[1]!, filing.coverPages, filing.identities)?.name;
    const shares = parseCount(m[2]!);
    const principal = parseDollars(m[4]!);
    if (holder === sold.holder && shares !== undefined && principal !== undefined)
      return { shares, principal, noteTitle: m[3]!, sentence };
  }
  return undefined;
}

const titleCase = (text: string) => text.replace(/\b[a-z]/g, (c) => c.toUpperCase());

export function planNoteAndWarrants(
  filing: ParsedFiling,
  sold: Sold,
): { plan?: NoteAndWarrantsPlan; review?: ReviewItem } {
  const defined = definition(filing, sold);
  if (!defined) {
    return {
      review: {
        item: sold.source.item,
        sentence: sold.source.sentence,
        reason: `sells "${sold.noteAlias}" and "${sold.warrantsAlias}", but Item 3 does not define both for this holder with the warrant count and principal; not recorded`,
      },
    };
  }
  // Item 6: "a five-year term, expiring on the fifth anniversary of the closing date, and became exercisable on the
  // first business day after the six-month anniversary of the closing date" (dates.ts counts business days).
  const exercisableFrom =
    sold.exercisableAfterMonths === undefined
      ? null
      : firstBusinessDayAfter(addMonths(sold.date, sold.exercisableAfterMonths));
  const expiresOn = sold.termYears === undefined ? null : addYears(sold.date, sold.termYears);
  const noteTitle = titleCase(defined.noteTitle);
  return {
    plan: {
      note: {
        securityId: canonicalSecurityId(noteTitle, 'convertible-note', { issuedOn: sold.date }),
        title: noteTitle,
        principal: defined.principal,
      },
      warrants: {
        securityId: canonicalSecurityId(sold.warrantsAlias, 'warrant', { issuedWithNote: true }),
        title: `${sold.warrantsAlias} (${sold.noteAlias})`,
        shares: defined.shares,
        exercisableFrom,
        expiresOn,
      },
      quote: `${sold.source.sentence} ${defined.sentence}`,
      item: `3, ${sold.source.item}`,
      definition: defined.sentence,
    },
  };
}

/** "The Senior Note was subsequently repaid.": which note, when Item 3 defines its alias and principal. */
export function repaidNote(
  filing: ParsedFiling,
  noteAlias: string,
): { securityId: string; principal: number } | undefined {
  for (const sold of filing.transactions) {
    if (sold.kind !== 'note-and-warrants-sold' || sold.noteAlias !== noteAlias) continue;
    const planned = planNoteAndWarrants(filing, sold).plan;
    if (planned) return { securityId: planned.note.securityId, principal: planned.note.principal };
  }
  return undefined;
}
