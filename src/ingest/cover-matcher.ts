/**
 * Which cover page a phrase of the filing speaks of ("Ault & Company", "Mr. Horne", a row of a trades table):
 * its full name, a defined alias, or "Mr. Surname". A filing may have thousands of cover pages and as many
 * phrases to place (signatures, Item 2 entries, table rows), so the covers and aliases are indexed once per
 * list and a phrase is looked up by its runs of words: the time grows with the phrase, not with the number of
 * cover pages.
 */
import type { CoverPage, Identity } from './parsed-filing.js';

/** "AULT & COMPANY, INC." and "Ault & Company, Inc." compare equal. */
export function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const SUFFIX = /^(?:iii?|iv|jr|sr|esq)$/;

/** The surname of a natural person's cover name: "MILTON C. AULT, III" -> "ault". */
function surnameOf(key: string): string | undefined {
  const words = key.split(' ').filter((w) => !SUFFIX.test(w));
  return words.length >= 2 ? words[words.length - 1] : undefined;
}

interface CoverIndex {
  length: number;
  /** Each cover's name key -> the first cover with it (covers are searched in order). */
  byKey: Map<string, number>;
  /** The most words a cover's name key has: the longest run of a phrase worth looking up. */
  maxWords: number;
  /** Surname -> the natural persons (or persons of unknown type) with it, in order. */
  bySurname: Map<string, number[]>;
  byName: Map<string, CoverPage>;
}

interface AliasIndex {
  length: number;
  byAlias: Map<string, Identity>;
}

const coverIndexes = new WeakMap<readonly CoverPage[], CoverIndex>();
const aliasIndexes = new WeakMap<readonly Identity[], AliasIndex>();

function coverIndex(covers: readonly CoverPage[]): CoverIndex {
  const cached = coverIndexes.get(covers);
  if (cached && cached.length === covers.length) return cached;
  const index: CoverIndex = {
    length: covers.length,
    byKey: new Map(),
    maxWords: 0,
    bySurname: new Map(),
    byName: new Map(),
  };
  covers.forEach((cover, i) => {
    const key = nameKey(cover.name);
    if (!index.byKey.has(key)) index.byKey.set(key, i);
    if (!index.byName.has(cover.name)) index.byName.set(cover.name, cover);
    index.maxWords = Math.max(index.maxWords, key === '' ? 0 : key.split(' ').length);
    const surname = surnameOf(key);
    if (surname !== undefined && cover.typeOfReportingPerson?.includes('IN') !== false) {
      const same = index.bySurname.get(surname) ?? [];
      same.push(i);
      index.bySurname.set(surname, same);
    }
  });
  coverIndexes.set(covers, index);
  return index;
}

function aliasIndex(identities: readonly Identity[]): AliasIndex {
  const cached = aliasIndexes.get(identities);
  if (cached && cached.length === identities.length) return cached;
  const index: AliasIndex = { length: identities.length, byAlias: new Map() };
  for (const identity of identities) {
    if (!identity.alias) continue;
    const key = nameKey(identity.alias);
    if (!index.byAlias.has(key)) index.byAlias.set(key, identity);
  }
  aliasIndexes.set(identities, index);
  return index;
}

/** The first cover (in order) whose whole name, as words, is a run of the phrase's words. */
export function coverNamedIn(phrase: string, covers: readonly CoverPage[]): CoverPage | undefined {
  const index = coverIndex(covers);
  const key = nameKey(phrase);
  if (key === '') {
    const i = index.byKey.get('');
    return i === undefined ? undefined : covers[i];
  }
  const words = key.split(' ');
  let best: number | undefined;
  for (let start = 0; start < words.length; start++) {
    let run = '';
    for (let end = start; end < words.length && end - start < index.maxWords; end++) {
      run = end === start ? words[end]! : `${run} ${words[end]}`;
      const i = index.byKey.get(run);
      if (i !== undefined && (best === undefined || i < best)) best = i;
    }
  }
  return best === undefined ? undefined : covers[best];
}

/** Every cover whose whole name, as words, is a run of the text's words, in the order the covers come. */
export function coversNamedIn(text: string, covers: readonly CoverPage[]): CoverPage[] {
  const index = coverIndex(covers);
  const words = nameKey(text)
    .split(' ')
    .filter((w) => w !== '');
  const found = new Set<number>();
  for (let start = 0; start < words.length; start++) {
    let run = '';
    for (let end = start; end < words.length && end - start < index.maxWords; end++) {
      run = end === start ? words[end]! : `${run} ${words[end]}`;
      const i = index.byKey.get(run);
      if (i !== undefined) found.add(i);
    }
  }
  return [...found].sort((a, b) => a - b).map((i) => covers[i]!);
}

/** Which cover page a phrase speaks of: its full name, a defined alias, or "Mr. Surname". */
export function matchCover(
  phrase: string,
  covers: readonly CoverPage[],
  identities: readonly Identity[] = [],
): CoverPage | undefined {
  const byName = coverNamedIn(phrase, covers);
  if (byName) return byName;
  const key = nameKey(phrase);
  const byAlias = identities.length === 0 ? undefined : aliasIndex(identities).byAlias.get(key);
  if (byAlias) return byAlias.coverName === undefined ? undefined : coverIndex(covers).byName.get(byAlias.coverName);
  // A heading such as "Milton C. Ault, III" in Item 5 may differ in case only; already handled above.
  if (!/^(?:Mr|Mrs|Ms|Dr)\.?\s/i.test(phrase.trim())) return undefined;
  const index = coverIndex(covers);
  const matches = new Set<number>();
  for (const word of new Set(key.split(' '))) for (const i of index.bySurname.get(word) ?? []) matches.add(i);
  return matches.size === 1 ? covers[[...matches][0]!] : undefined;
}
