/**
 * What the Items of a text Schedule 13D say beyond the cover pages: Item 2
 * identities and addresses, Item 5 shares outstanding and each person's
 * (a)/(b)/(c), Item 7 exhibits, the signature date and Schedule A.
 */
import { coverNamedIn, matchCover } from './cover-matcher.js';
import type { CoverPage, Exhibit, Identity, Item5Person, ScheduleARow, SharesOutstanding } from './parsed-filing.js';
import { splitSentences } from './sections.js';
import { LONG_DATE, parseCount, parseLongDate, parsePercent, splitFootnoteMarkers } from './values.js';

export { matchCover, nameKey } from './cover-matcher.js';

const ROMAN_MARK = /^[ \t]*(?:[-•*][ \t]*)?\((?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|[1-9])\)[ \t]+/;

/** List entries "(i) ...", each with its continuation lines (reflowed text wraps them). */
function romanEntries(text: string): string[] {
  const entries: string[] = [];
  let current: string | undefined;
  for (const line of text.split('\n')) {
    if (ROMAN_MARK.test(line)) {
      if (current !== undefined) entries.push(current);
      current = line.replace(ROMAN_MARK, '');
    } else if (current !== undefined && line.trim() !== '' && !/^[ \t]*(?:[-•*][ \t]*)?\([a-z]\)/.test(line)) {
      current += ` ${line.trim()}`;
    } else if (current !== undefined) {
      entries.push(current);
      current = undefined;
    }
  }
  if (current !== undefined) entries.push(current);
  return entries.map((e) => e.replace(/\s+/g, ' ').trim());
}

/** Item 2(a) "This statement is filed by: (i) ...; (ii) ..." matched to the cover pages, with (b) addresses. */
export function parseIdentities(item2: string | undefined, covers: readonly CoverPage[]): Identity[] {
  if (!item2) return [];
  const identities: Identity[] = [];
  for (const entry of romanEntries(item2)) {
    const text = entry.replace(/[;,]?\s*(?:and)?\s*$/, '').trim();
    const cover = coverNamedIn(text, covers);
    const alias = /\(\s*"([^"]+)"\s*\)/.exec(text)?.[1];
    identities.push({ coverName: cover?.name, text, alias });
  }
  for (const sentence of splitSentences(item2)) {
    const address = /principal\s+business\s+address\s+of\s+(.+?)\s+is\s+(.+?)\.?$/i.exec(sentence);
    if (!address) continue;
    const subjects = address[1]!
      .split(/,\s*|\s+and\s+/)
      .map((s, i, all) => (i > 0 && /^(?:Messrs|Mr)\./.test(all[0]!) ? `Mr. ${s}` : s.replace(/^Messrs\./, 'Mr.')));
    for (const subject of subjects) {
      const cover = matchCover(subject, covers, identities);
      const identity = identities.find((i) => i.coverName !== undefined && i.coverName === cover?.name);
      if (identity) identity.address = address[2]!.replace(/^c\/o\s+the\s+Issuer,\s*/i, 'c/o the Issuer, ').trim();
    }
  }
  return identities;
}

/** "based upon 35,846,318 Shares outstanding ... as of July 23, 2024". */
export function parseSharesOutstanding(item5: string | undefined): SharesOutstanding | undefined {
  if (!item5) return undefined;
  for (const sentence of splitSentences(item5)) {
    const count =
      /(\d{1,3}(?:,\d{3})+|\d{4,})\s+(?:shares|Shares)\b(?:\s+of\s+(?:the\s+Issuer's\s+)?(?:Class\s+\w+\s+)?Common\s+Stock)?(?:\s+issued\s+and)?\s+outstanding/.exec(
        sentence,
      );
    if (!count) continue;
    const date = new RegExp(`as\\s+of\\s+(${LONG_DATE.source})`).exec(sentence);
    return { count: parseCount(count[1]!)!, asOf: date ? parseLongDate(date[1]!) : undefined, sentence };
  }
  return undefined;
}

const POWER_LINES: [keyof Item5Person, RegExp][] = [
  ['soleVotingPower', /Sole\s+power\s+to\s+vote\s+or\s+(?:to\s+)?direct\s+(?:the\s+)?vote\s*:\s*([^\n]+)/i],
  ['sharedVotingPower', /Shared\s+power\s+to\s+vote\s+or\s+(?:to\s+)?direct\s+(?:the\s+)?vote\s*:\s*([^\n]+)/i],
  [
    'soleDispositivePower',
    /Sole\s+power\s+to\s+dispose\s+or\s+(?:to\s+)?direct\s+the\s+disposition(?:\s+of)?\s*:\s*([^\n]+)/i,
  ],
  [
    'sharedDispositivePower',
    /Shared\s+power\s+to\s+dispose\s+or\s+(?:to\s+)?direct\s+the\s+disposition(?:\s+of)?\s*:\s*([^\n]+)/i,
  ],
];

/** Item 5 per person: blocks headed "A. Ault & Company", or the whole item for a single filer. */
export function parseItem5Persons(
  item5: string | undefined,
  covers: readonly CoverPage[],
  identities: readonly Identity[],
): Item5Person[] {
  if (!item5) return [];
  const headings = [...item5.matchAll(/^[ \t]*([A-Z])\.[ \t]+(.+?)[ \t]*$/gm)]
    .map((m) => ({ index: m.index, heading: m[2]!.trim(), cover: matchCover(m[2]!, covers, identities) }))
    .filter((h) => h.cover !== undefined);
  if (headings.length === 0) {
    return covers.length === 1 ? [readBlock(item5, covers[0]!.name, covers[0]!.name)] : [];
  }
  return headings.map((h, i) =>
    readBlock(item5.slice(h.index, headings[i + 1]?.index ?? item5.length), h.heading, h.cover!.name),
  );
}

function readBlock(block: string, heading: string, coverName: string): Item5Person {
  const person: Item5Person = { heading, coverName };
  const a = /^[ \t]*(?:[-•][ \t]*)?\(a\)[ \t]*([\s\S]+?)(?=\n[ \t]*\n|(?![\s\S]))/m.exec(block);
  if (a) person.ownershipText = a[1]!.replace(/\s+/g, ' ').trim();
  const aggregate = /beneficially\s+own(?:ed|s)?\s+(?:an\s+aggregate\s+of\s+)?(\d[\d,]*)\s+Shares/i.exec(block);
  if (aggregate) person.aggregate = parseCount(aggregate[1]!);
  const percent = /Percentage\s*(?:of\s+class)?\s*:\s*([^\n]+)/i.exec(block);
  if (percent) person.percentOfClass = parsePercent(splitFootnoteMarkers(percent[1]!).text);
  for (const [field, pattern] of POWER_LINES) {
    const m = pattern.exec(block);
    const value = m ? parseCount(splitFootnoteMarkers(m[1]!).text) : undefined;
    if (value !== undefined) (person as unknown as Record<string, number>)[field] = value;
  }
  // Item 5(c) runs to the end of its paragraph, however the text was wrapped.
  const c =
    /^[ \t]*(?:[-•][ \t]*)?\(c\)[ \t]*([\s\S]+?)(?=\n[ \t]*\n|\n[ \t]*(?:[-•][ \t]*)?\([d-z]\)|(?![\s\S]))/m.exec(
      block,
    );
  if (c) person.transactionsText = c[1]!.replace(/\s+/g, ' ').trim();
  return person;
}

/** Item 7 lines: "99.1 Joint Filing Agreement ...", "Exhibit 1 - BML Letter to the Board". */
export function parseExhibits(item7: string | undefined): Exhibit[] {
  if (!item7) return [];
  // An exhibit starts at a bullet or a number; wrapped lines continue the one before.
  const entries: string[] = [];
  // Where the list is bulleted, only a bullet starts an exhibit (a wrapped line may begin "10.1 of Form 8-K").
  const usesBullets = /^[ \t]*[-•*][ \t]+/m.test(item7);
  const list = item7.replace(/^[\s\S]*?is\s+hereby\s+(?:amended|supplemented)[\s\S]*?(?:as\s+follows)?:[ \t]*\n/i, '');
  for (const raw of list.split('\n')) {
    const bulleted = /^[ \t]*[-•*][ \t]+/.test(raw);
    const line = raw.replace(/^[ \t]*[-•*][ \t]*/, '').trim();
    if (line === '' || /is\s+hereby\s+(?:amended|supplemented)/i.test(line)) continue;
    if (bulleted || (!usesBullets && /^(?:Exhibit\s+)?\d+(?:\.\d+)?\b/i.test(line)) || entries.length === 0)
      entries.push(line);
    else entries[entries.length - 1] += ` ${line}`;
  }
  return entries.map((line) => {
    const m = /^(?:Exhibit\s+)?(\d+(?:\.\d+)?|[A-Z])(?:\s*[-–—:.]\s*|\s+)(.+)$/i.exec(line);
    const description = (m ? m[2]! : line).trim();
    return { number: m?.[1], description, isJointFilingAgreement: /joint\s+filing\s+agreement/i.test(description) };
  });
}

/** "Dated: July 24, 2024" in the signature block. */
export function parseSignatureDate(signature: string | undefined): string | undefined {
  if (!signature) return undefined;
  const m =
    new RegExp(`(?:Dated?|Date)\\s*:?\\s*(${LONG_DATE.source})`, 'i').exec(signature) ?? LONG_DATE.exec(signature);
  return m ? parseLongDate(m[0].replace(/^(?:Dated?|Date)\s*:?\s*/i, '')) : undefined;
}

/** Schedule A rows: tab-separated cells, as tables convert. */
export function parseScheduleA(section: string | undefined): ScheduleARow[] {
  if (!section) return [];
  return section
    .split('\n')
    .filter((line) => line.includes('\t'))
    .map((line) => ({
      cells: line
        .split('\t')
        .map((cell) => cell.replace(/\s+/g, ' ').trim())
        .filter((cell) => cell !== ''),
    }))
    .filter((row) => row.cells.length > 1);
}

/** Items an amendment restates in their entirety ("Item 2 of the Schedule 13D is hereby amended and restated"). */
export function restatedItem(itemText: string): boolean {
  return /is\s+hereby\s+amended\s+and\s+restated\s+in\s+(?:its|their)\s+entirety/i.test(itemText);
}
