/**
 * Splits the body of a text Schedule 13D into its parts: the preamble after
 * the cover pages, Items 1-7, the signatures, Schedule A and a joint filing
 * agreement printed as an exhibit. Headings are whole lines ("Item 5. Interest
 * in Securities of the Issuer."), so prose that mentions "Item 2 of the
 * Schedule 13D" is never taken for one.
 */

export type SectionKey =
  'preamble' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | 'signature' | 'schedule-a' | 'joint-filing-agreement';

export interface Section {
  key: SectionKey;
  /** Offset of the first character after the heading line. */
  start: number;
  end: number;
  text: string;
}

const HEADINGS: { key: (m: RegExpExecArray) => SectionKey; pattern: RegExp }[] = [
  // "Item 5. Interest in ...", "ITEM 5:", "Item 5 - ...", "Item 5 Interest in ..." (a capital word, never "Item 5 is
  // amended").
  {
    key: (m) => m[1] as SectionKey,
    pattern:
      /^[ \t]*(?:[-*•][ \t]*)?(?:ITEM|Item|item)[ \t]+([1-7])(?:[ \t]*[.:\-–—)](?:[ \t]*\S.*)?|[ \t]+[A-Z]\S*(?:[ \t].*)?)$/gm,
  },
  { key: () => 'signature', pattern: /^[ \t]*SIGNATURES?[ \t]*\.?[ \t]*$/gim },
  // Some statements print no heading: the certification that every signature page carries starts it.
  { key: () => 'signature', pattern: /^[ \t]*(?:SIGNATURES?\.?[ \t]*)?(?=After\s+reasonable\s+inquiry\b)/gim },
  // "SCHEDULE A" runs into its title when the bold markers are stripped: "SCHEDULE AOfficers...".
  { key: () => 'schedule-a', pattern: /^[ \t]*SCHEDULE[ \t]+A(?![a-z]).*$/gm },
  {
    key: () => 'joint-filing-agreement',
    pattern: /^[ \t]*(?:EXHIBIT[ \t]+[\d.]+[ \t]*[-–—:]?[ \t]*)?JOINT[ \t]+FILING[ \t]+AGREEMENT[ \t]*$/gim,
  },
];

/** The sections of `text` after offset `from` (the end of the cover pages). */
export function splitSections(text: string, from: number): Section[] {
  const marks: { key: SectionKey; headingStart: number; start: number }[] = [
    { key: 'preamble', headingStart: from, start: from },
  ];
  for (const { key, pattern } of HEADINGS) {
    pattern.lastIndex = from;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      marks.push({ key: key(m), headingStart: m.index, start: m.index + m[0].length });
      // A heading that is only a lookahead matches nothing: step past it.
      if (m[0].length === 0) pattern.lastIndex++;
    }
  }
  marks.sort((a, b) => a.headingStart - b.headingStart);
  // "SIGNATURE" followed by "After reasonable inquiry...": one section, not an empty one and its twin.
  const distinct = marks.filter((mark, i) => i === 0 || mark.key !== marks[i - 1]!.key);
  const sections: Section[] = [];
  distinct.forEach((mark, i) => {
    const end = distinct[i + 1]?.headingStart ?? text.length;
    // A heading repeated later (an exhibit restating "SIGNATURE") keeps the first occurrence.
    if (sections.some((s) => s.key === mark.key)) return;
    sections.push({ key: mark.key, start: mark.start, end, text: text.slice(mark.start, end) });
  });
  return sections;
}

/** Offset of the first Item heading at or after `from`, or the text's end. */
export function firstItemHeading(text: string, from: number): number {
  const pattern = new RegExp(HEADINGS[0]!.pattern.source, HEADINGS[0]!.pattern.flags);
  pattern.lastIndex = from;
  return pattern.exec(text)?.index ?? text.length;
}

/** Splits prose into sentences, keeping abbreviations ("Inc.", "Mr.", "C.W.", "No. 8") inside. */
export function splitSentences(text: string): string[] {
  // Paragraphs first: a lead-in such as "Item 6 ... is hereby amended and restated ... as follows:" ends at its line.
  return text.split(/\n[ \t]*\n|:[ \t]*\n/).flatMap(sentencesOf);
}

function sentencesOf(paragraph: string): string[] {
  const flat = paragraph.replace(/\s+/g, ' ').trim();
  const sentences: string[] = [];
  let start = 0;
  const boundary = /[.;!?]["')\]]?\s+(?=["'([]?[A-Z0-9$]|\([a-z]{1,4}\)\s)/g;
  for (let m = boundary.exec(flat); m; m = boundary.exec(flat)) {
    const before = flat.slice(start, m.index + 1);
    if (
      /(?:\b(?:Inc|Corp|Co|Ltd|Mr|Mrs|Ms|Messrs|Dr|No|Nos|Jr|Sr|St|L\.P|U\.S|N\.A|S\.A|Ave|vs|v|etc|approx)\.|\b[A-Z]\.|\b[A-Z]\.[A-Z]\.)$/.test(
        before,
      )
    )
      continue;
    sentences.push(before.trim());
    start = m.index + m[0].length;
  }
  const rest = flat.slice(start).trim();
  if (rest !== '') sentences.push(rest);
  return sentences;
}
