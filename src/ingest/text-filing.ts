/**
 * A Schedule 13D in text form (as converted from EDGAR HTML, or converted
 * here by html-to-text) into a ParsedFiling.
 */
import { labelHits } from './cover-labels.js';
import { expandCompactCover } from './compact-cover.js';
import { parseCoverPages } from './cover-page.js';
import { FilingParseError, lineAt } from './filing-parse-error.js';
import { earlierFilings } from './earlier-filings.js';
import { parseFrontPage } from './front-page.js';
import {
  parseExhibits,
  parseIdentities,
  parseItem5Persons,
  parseScheduleA,
  parseSignatureDate,
  restatedItem,
} from './items.js';
import { readSharesOutstanding, type OutstandingSource } from './shares-outstanding.js';
import { normalizeFilingText } from './normalize-text.js';
import { parseNoticeBlock } from './notice-block.js';
import type { CoverPage, FilingDoubt, FilingFormat, ParsedFiling } from './parsed-filing.js';
import { firstItemHeading, splitSections, type Section } from './sections.js';
import { extractTableTransactions } from './transaction-tables.js';
import { extractTransactions, proseSources } from './transactions.js';
import { LONG_DATE } from './values.js';

export interface TextFilingContext {
  file: string;
  format: FilingFormat;
  contentHash: string;
  /** The form the submission declares for this document (SC 13D, SC 13D/A), when it came in one. */
  declaredForm?: string;
}

export function parseTextFiling(raw: string, context: TextFilingContext): ParsedFiling {
  const { file } = context;
  const text = expandCompactCover(normalizeFilingText(raw));
  if (text.trim() === '') throw new FilingParseError(file, 'whole file', 'empty filing: no text');
  const firstRow = labelHits(text, 0, text.length).find((hit) => hit.row === 1);
  const coverEnd = firstRow ? firstItemHeading(text, firstRow.start) : text.length;
  const front = parseFrontPage(text, file, firstRow?.start ?? text.length, coverEnd, {
    declaredForm: context.declaredForm,
  });
  if (!firstRow)
    throw new FilingParseError(
      file,
      { line: lineAt(text, text.length) },
      'no cover page: no row 1 "NAME OF REPORTING PERSON" (truncated file?)',
    );
  const { pages, unnamed, end } = parseCoverPages(
    text,
    file,
    Math.max(0, text.lastIndexOf('\n', firstRow.start)),
    coverEnd,
  );
  const sections = splitSections(text, end);
  const signature = signatureSection(sections, text, end);
  const signed = signature?.text;
  const section = (key: string) => (key === 'signature' ? signed : sections.find((s) => s.key === key)?.text);
  // Every statement is signed (Rule 13d-1(k)); a text that stops before its signature was cut short.
  if (!signature || !signed) {
    throw new FilingParseError(
      file,
      { line: lineAt(text, text.length) },
      'truncated: the filing ends before its signature section',
    );
  }
  const items: Record<string, string> = {};
  for (const s of sections) if (/^[1-7]$|^preamble$/.test(s.key) && s.text.trim() !== '') items[s.key] = s.text.trim();
  const identities = parseIdentities(items['2'], pages);
  const item5 = parseItem5Persons(items['5'], pages, identities);
  const prose = extractTransactions(proseSources(items, item5), pages, identities);
  // Tables of trades: in Item 5, or in a schedule after the signatures ("Schedule A: Transactions ...").
  const headed = sections.find((s) => s.key === 'signature');
  const tables = extractTableTransactions(
    [
      ...(items['5'] ? [{ text: items['5'], item: '5(c)' }] : []),
      ...(headed ? [{ text: text.slice(headed.start), item: 'schedule' }] : []),
    ],
    pages,
    identities,
  );
  const transactions = [...prose.transactions, ...tables.transactions];
  const review = [...prose.review, ...tables.review];
  const exhibits = parseExhibits(items['7']);
  const earlier = earlierFilings(items.preamble, front.amendmentNo);
  return {
    file,
    format: context.format,
    contentHash: context.contentHash,
    formType: front.formType,
    amendmentNo: front.amendmentNo,
    issuer: { name: front.issuerName, cusip: front.cusip },
    classTitle: front.classTitle,
    eventDate: front.eventDate,
    coverPages: pages,
    items,
    restatedItems: Object.entries(items)
      .filter(([key, body]) => key !== 'preamble' && restatedItem(body))
      .map(([key]) => key),
    identities,
    sharesOutstanding: readSharesOutstanding(outstandingSources(pages, items)),
    item5,
    exhibits,
    transactions,
    review: [...review, ...earlier.review],
    signatureDate: parseSignatureDate(signed),
    signatureText: section('signature'),
    noticeContact: parseNoticeBlock(text.slice(0, firstRow.start)),
    earlierFilings: earlier.earlier,
    scheduleA: parseScheduleA(section('schedule-a')),
    doubts: [
      ...front.doubts,
      ...pages.flatMap((page) => (page.doubts ?? []).map((d) => ({ ...d, person: page.name }))),
      ...unnamed.map(unnamedPage),
    ],
    places: { ...front.places, ...signatureDatePlace(text, signature) },
  };
}

/** A cover page whose row 1 is blank: its rows belong to no one, so none is recorded; it is said, for review. */
function unnamedPage(line: number): FilingDoubt {
  return {
    row: 1,
    read: '',
    reason: 'a cover page names no reporting person in row 1: its figures are not recorded',
    place: `line ${line}`,
  };
}

/** The line of the signature date: where the signature section is, then the date in it. */
function signatureDatePlace(
  text: string,
  signature: { text: string; start: number },
): { signatureDate?: { line: number } } {
  if (parseSignatureDate(signature.text) === undefined) return {};
  const dated = new RegExp(`(?:Dated?|Date)\\s*:?\\s*(${LONG_DATE.source})`, 'i').exec(signature.text);
  const at = dated ?? LONG_DATE.exec(signature.text);
  return { signatureDate: { line: lineAt(text, signature.start + (at?.index ?? 0)) } };
}

/**
 * The signatures: the section headed "SIGNATURE" (or opened by "After reasonable inquiry ..."), else, for a
 * filing that prints neither, its first "/s/" line with the "Dated:" line just above it.
 */
function signatureSection(
  sections: readonly Section[],
  text: string,
  from: number,
): { text: string; start: number } | undefined {
  const headed = sections.find((s) => s.key === 'signature');
  if (headed !== undefined) return { text: headed.text, start: headed.start };
  const signedLine = /^[^\n]*\/s\/[^\n]*$/m.exec(text.slice(from));
  if (!signedLine) return undefined;
  const at = from + signedLine.index;
  const dated = /(?:^|\n)[ \t]*Dated?\b[^\n]*\n(?:[^\n]*\n){0,5}$/i.exec(text.slice(Math.max(from, at - 600), at));
  const start = dated ? at - (dated[0].length - (dated[0].startsWith('\n') ? 1 : 0)) : at;
  return { text: text.slice(start), start };
}

/**
 * Where a filing states its shares outstanding, best first: cover footnotes, a note in row 13, Item 5, the other items.
 */
function outstandingSources(pages: readonly CoverPage[], items: Record<string, string>): OutstandingSource[] {
  return [
    ...pages.flatMap((page) => page.footnotes.map((f) => ({ text: f.text, item: 'cover footnote' }))),
    ...pages.flatMap((page) =>
      (page.doubts ?? []).filter((d) => d.row === 13).map((d) => ({ text: d.read, item: 'cover row 13' })),
    ),
    ...(items['5'] ? [{ text: items['5'], item: '5' }] : []),
    ...Object.entries(items)
      .filter(([key]) => key !== '5')
      .map(([key, text]) => ({ text, item: key })),
  ];
}
