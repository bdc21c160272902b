/**
 * The reporting persons a filing announces, checked against the cover pages read: a damaged copy that still
 * parses (a swapped line that empties a row 1) would otherwise drop persons silently. Two lists name them
 * apart from the covers: the submission header (FILED BY, GROUP MEMBERS) and Item 2's list of the persons
 * filing ("(i) Ault & Company, Inc. ..."). Each name there with no cover page of its own is recorded as a
 * doubt on row 1, for review; nothing is invented for it.
 */
import { matchCover } from './items.js';
import type { FilingDoubt, ParsedFiling } from './parsed-filing.js';
import { nameWords } from './person-names.js';

export function announcedButNotRead(filing: ParsedFiling): FilingDoubt[] {
  const covers = coverWordIndex(filing.coverPages.map((cover) => nameWords(cover.name).split(' ')));
  const doubts: FilingDoubt[] = [];
  const header = filing.submission;
  const filers = header === undefined ? [] : [...header.filedBy.map((f) => f.name), ...header.groupMembers];
  for (const name of new Set(filers.filter((n) => !/^\s*(?:none|n\/?a)?\s*$/i.test(n)))) {
    if (fitsSomeCover(name, covers) || matchCover(name, filing.coverPages, filing.identities)) continue;
    doubts.push({
      row: 1,
      read: name,
      reason: `the submission header names ${name} as a filer; no cover page read for it`,
      place: 'submission header',
    });
  }
  // Item 2's entries that name no cover page, when most of them do: the list is the reporting persons'.
  const entries = filing.identities;
  const unmatched = entries.filter((identity) => identity.coverName === undefined);
  if (entries.length >= 2 && unmatched.length > 0 && unmatched.length < entries.length - unmatched.length) {
    for (const identity of unmatched) {
      const read = identity.text.slice(0, 120);
      doubts.push({
        row: 1,
        read,
        reason: 'Item 2 lists this person among those filing; no cover page read for it',
        place: 'Item 2',
      });
    }
  }
  return doubts;
}

interface CoverWords {
  covers: readonly (readonly string[])[];
  /** Word -> the covers whose name has it: a name is compared only with covers sharing its rarest word. */
  byWord: Map<string, number[]>;
}

function coverWordIndex(covers: readonly (readonly string[])[]): CoverWords {
  const byWord = new Map<string, number[]>();
  covers.forEach((words, i) => {
    for (const w of words) {
      const list = byWord.get(w);
      if (list === undefined) byWord.set(w, [i]);
      else if (list.at(-1) !== i) list.push(i);
    }
  });
  return { covers, byWord };
}

/**
 * EDGAR's conformed names are short ("BENUN JACK M" for Jack Mark Benun, "ROSE WILLIAM" for William E. Rose,
 * "WACHOVIA CORP/ NC" with its state): every word of one names a word of the cover, an initial its first letter.
 */
function fitsSomeCover(conformed: string, index: CoverWords): boolean {
  const words = nameWords(conformed.replace(/\/\s*[A-Z]{2}\s*$/, ''))
    .split(' ')
    .filter((w) => w !== '');
  const whole = words.filter((w) => w.length > 1);
  if (whole.length === 0) return false;
  const candidates = whole.map((w) => index.byWord.get(w) ?? []).reduce((a, b) => (b.length < a.length ? b : a));
  return candidates.some((i) =>
    words.every((w) => index.covers[i]!.some((c) => c === w || (w.length === 1 && c.startsWith(w)))),
  );
}
