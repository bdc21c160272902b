/**
 * Transactions from the tables filers print in Item 5(c) or in a schedule of
 * trades ("Schedule A: Transactions in the Shares During the Past Sixty
 * Days"), as HTML tables (cells on one line, tab-separated) or text columns
 * (two or more spaces apart). A table is recognised by its header (a date, a
 * number of shares, and a price or the kind of trade); each row then gives a
 * date, a count and usually a price. Which way the trade went comes from the
 * row ("open market purchase", "(13,000)"), else the header ("Number of Shares
 * Sold"), else the sentence that introduces the table ("Information regarding
 * the sales is as follows"); whose it is from the row, else the holder heading
 * above it, else that sentence, else the filing's only reporting person. A row
 * that leaves either open is listed for review, never guessed.
 */
import { isIsoDate } from '../domain/index.js';
import { matchCover } from './items.js';
import type { CoverPage, Identity, ParsedTransaction, ReviewItem } from './parsed-filing.js';
import { LONG_DATE, parseCount, parseLongDate } from './values.js';

export interface TableSource {
  text: string;
  /** Where it is cited from: "5(c)", "Schedule A", "Exhibit 99.1". */
  item: string;
}

type Side = 'buy' | 'sell';

const BUY_WORDS = /\b(?:purchas(?:e|ed|es)|buys?|bought|acquir(?:e|ed)|acquisitions?)\b/i;
const SELL_WORDS = /\b(?:sales?|sells?|sold|dispos(?:e|ed|ition)|tender(?:ed)?)\b/i;
/** Rows about trades the ledger has no event for: listed for review. */
const OTHER_KINDS =
  /\b(?:exercis\w*|conver\w*|gift\w*|dividend\w*|distribut\w*|grant\w*|vest\w*|transfer\w*|swap\w*|option\w*|warrant\w*|call|put)\b/i;

const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;
const COUNT_CELL = /^\(?-?\s*(\d{1,3}(?:,\d{3})+|\d+)\s*\)?$/;
const PRICE_CELL = /^\$?\s*(\d{1,6}(?:,\d{3})*(?:\.\d+)?|\.\d+)$/;

interface Context {
  covers: readonly CoverPage[];
  identities: readonly Identity[];
}

interface Row {
  date: string;
  shares: number;
  negative: boolean;
  price?: number;
  words: string;
}

export function extractTableTransactions(
  sources: readonly TableSource[],
  covers: readonly CoverPage[],
  identities: readonly Identity[],
): { transactions: ParsedTransaction[]; review: ReviewItem[] } {
  const ctx: Context = { covers, identities };
  const transactions: ParsedTransaction[] = [];
  const review: ReviewItem[] = [];
  for (const source of sources) {
    let header: string | null = null;
    let leadIn = '';
    let heading: string | undefined;
    let previous = '';
    for (const line of source.text.split('\n')) {
      const cells = cellsOf(line);
      if (cells.length === 0) continue;
      const joined = cells.join(' ');
      const above = previous;
      previous = joined;
      if (isHeader(joined)) {
        // A header printed on two lines ("Transaction  No. of  Type of  Price" over "Date  Shares  Transaction  per
        // Share").
        header = !/\d/.test(above) && above.length < 80 ? `${above} ${joined}` : joined;
        continue;
      }
      const row = header === null ? undefined : rowOf(cells, header);
      if (row === undefined) {
        // A holder's name above its rows; else prose that introduces (or ends) a table.
        const holder = cells.length === 1 && joined.length < 90 ? matchCover(joined, covers, identities) : undefined;
        if (holder) heading = holder.name;
        else if (cells.length === 1 && joined.length >= 60) {
          leadIn = joined;
          header = null;
          heading = undefined;
        }
        continue;
      }
      const sentence = `${header} | ${cells.join(' | ')}`;
      const side = sideOf(row, header!, leadIn);
      const holder = holderOf(row, heading, leadIn, ctx);
      const reason = OTHER_KINDS.test(row.words)
        ? `a "${row.words}" is not a purchase or sale the ledger records`
        : side === undefined
          ? 'neither the row, its header nor the sentence before the table says whether shares were bought or sold'
          : holder === undefined
            ? 'the row names no reporting person, and the filing has more than one'
            : undefined;
      if (reason !== undefined) {
        review.push({ item: source.item, sentence, reason });
        continue;
      }
      const method = /open[\s-]+market/i.test(`${row.words} ${leadIn}`) ? 'open-market' : 'other';
      const citation = { item: source.item, sentence };
      const price = row.price === undefined ? {} : { pricePerShare: row.price };
      transactions.push(
        side === 'buy'
          ? {
              kind: 'shares-purchased',
              method,
              date: row.date,
              holder: holder!,
              shares: row.shares,
              ...price,
              source: citation,
            }
          : {
              kind: 'shares-sold',
              method,
              date: row.date,
              holder: holder!,
              shares: row.shares,
              ...price,
              source: citation,
            },
      );
    }
  }
  return { transactions, review };
}

/**
 * Cells of a table line: tab-separated (HTML rows), else text columns two spaces apart; a lone "$" joins the next cell.
 */
function cellsOf(line: string): string[] {
  const raw = (line.includes('\t') ? line.split('\t') : line.split(/\s{2,}/))
    .map((cell) => cell.trim())
    .filter((cell) => cell !== '' && !/^[-_=]+$/.test(cell));
  const cells: string[] = [];
  for (const cell of raw) {
    if (cells.length > 0 && cells[cells.length - 1] === '$') cells[cells.length - 1] = `$${cell}`;
    else cells.push(cell);
  }
  return cells;
}

/** A transactions table's header: a date, a number of shares, and a price or the kind of trade. */
function isHeader(text: string): boolean {
  if (/\d{1,3},\d{3}/.test(text)) return false;
  return (
    /\bdate\b/i.test(text) &&
    /\b(?:shares?|quantity|amount|number|units?)\b/i.test(text) &&
    /\b(?:price|purchas\w*|sold|sales?|sell|buy|transaction|type|nature)\b/i.test(text)
  );
}

function rowOf(cells: readonly string[], header: string): Row | undefined {
  const dateIndex = cells.findIndex((cell) => dateOf(cell) !== undefined);
  if (dateIndex < 0) return undefined;
  const numbers = cells
    .map((cell, i) => ({ cell, i }))
    .filter(({ cell, i }) => i !== dateIndex && (COUNT_CELL.test(cell) || PRICE_CELL.test(cell.replace(/\s/g, ''))));
  // A price has a dollar sign or decimals; else, of two whole numbers, the header says which comes first.
  let price = numbers.find(({ cell }) => /\$|\./.test(cell) && !COUNT_CELL.test(cell));
  const counts = numbers.filter((n) => n !== price && COUNT_CELL.test(n.cell));
  if (price === undefined && counts.length === 2 && /price/i.test(header)) {
    const priceFirst = header.search(/price/i) < header.search(/\b(?:shares?|quantity|amount|number)\b/i);
    price = priceFirst ? counts.shift() : counts.pop();
  }
  if (counts.length !== 1) return undefined;
  const count = counts[0]!.cell;
  const words = cells.filter((_, i) => i !== dateIndex && !numbers.some((n) => n.i === i)).join(' ');
  const priceValue = price === undefined ? undefined : Number(price.cell.replace(/[$,\s]/g, ''));
  return {
    date: dateOf(cells[dateIndex]!)!,
    shares: parseCount(COUNT_CELL.exec(count)![1]!)!,
    negative: /^\(|^-/.test(count),
    ...(priceValue === undefined || !Number.isFinite(priceValue) ? {} : { price: priceValue }),
    words,
  };
}

function dateOf(cell: string): string | undefined {
  const slash = SLASH_DATE.exec(cell.trim());
  if (slash) {
    // Two-digit years: EDGAR starts in 1993, so 93-99 are the 1900s.
    const year =
      slash[3]!.length === 4
        ? Number(slash[3])
        : Number(slash[3]) >= 93
          ? 1900 + Number(slash[3])
          : 2000 + Number(slash[3]);
    const iso = `${year}-${slash[1]!.padStart(2, '0')}-${slash[2]!.padStart(2, '0')}`;
    return isIsoDate(iso) ? iso : undefined;
  }
  const long = new RegExp(`^${LONG_DATE.source}$`, 'i').exec(cell.trim());
  return long ? parseLongDate(long[0]) : undefined;
}

/** The row's own words, a negative count, the header, then the sentence before the table. */
function sideOf(row: Row, header: string, leadIn: string): Side | undefined {
  const fromWords = (text: string): Side | undefined =>
    BUY_WORDS.test(text) && !SELL_WORDS.test(text)
      ? 'buy'
      : SELL_WORDS.test(text) && !BUY_WORDS.test(text)
        ? 'sell'
        : undefined;
  if (row.negative) return 'sell';
  const own = fromWords(row.words);
  if (own !== undefined) return own;
  // "Purchased (Sold)", "Purchased/(Sold)": a count not in brackets is a purchase.
  if (/purchas\w*\s*\/?\s*\(\s*(?:sold|sales?)\s*\)/i.test(header)) return 'buy';
  return fromWords(header) ?? fromWords(leadIn);
}

function holderOf(row: Row, heading: string | undefined, leadIn: string, ctx: Context): string | undefined {
  const named =
    row.words === ''
      ? undefined
      : (matchCover(row.words, ctx.covers, ctx.identities) ?? shortName(row.words, ctx.covers));
  if (named) return named.name;
  if (heading !== undefined) return heading;
  const inLeadIn = ctx.covers.filter(
    (cover) => matchCover(leadIn, [cover], ctx.identities) !== undefined || mentions(leadIn, cover, ctx),
  );
  if (inLeadIn.length === 1) return inLeadIn[0]!.name;
  return ctx.covers.length === 1 ? ctx.covers[0]!.name : undefined;
}

/** A short name the table uses ("Master" for Cornwall Master LP): its words are in one cover name only. */
function shortName(cell: string, covers: readonly CoverPage[]): CoverPage | undefined {
  const words = cell
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 4);
  if (words.length === 0 || words.length > 4) return undefined;
  const having = covers.filter((cover) => {
    const name = ` ${cover.name.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
    return words.every((w) => name.includes(` ${w} `));
  });
  return having.length === 1 ? having[0] : undefined;
}

/** "Mrs. Shaw sold ..." speaks of the cover page of Minor M. Shaw. */
function mentions(text: string, cover: CoverPage, ctx: Context): boolean {
  const titles = [...text.matchAll(/\b(?:Mr|Mrs|Ms|Dr)\.?\s+[A-Z][A-Za-z'-]+/g)].map((m) => m[0]);
  return titles.some((title) => matchCover(title, [cover], ctx.identities) !== undefined);
}
