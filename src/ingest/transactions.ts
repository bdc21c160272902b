/**
 * Transactions from the prose of Items 3, 5(c) and 6 (and the preamble of an
 * amendment). A sentence becomes a transaction only when one of the patterns
 * below matches it whole, with a date, a holder that is a reporting person and
 * every figure; it then cites its sentence. A sentence that reads like a
 * transaction but matches no pattern goes to the review list: never guessed.
 */
import { matchCover } from './items.js';
import type { Citation, CoverPage, Identity, Item5Person, ParsedTransaction, ReviewItem } from './parsed-filing.js';
import { splitSentences } from './sections.js';
import { LONG_DATE, parseCount, parseDollars, parseLongDate } from './values.js';

export interface ProseSource {
  /** "preamble", "3", "5(c)", "6". */
  item: string;
  text: string;
  /** For Item 5(c) blocks: the reporting person the block is about. */
  person?: string;
}

interface Context {
  covers: readonly CoverPage[];
  identities: readonly Identity[];
}

const DATE = `(${LONG_DATE.source})`;
const N = String.raw`(\d{1,3}(?:,\d{3})+|\d+)`;
const MONEY = String.raw`(\$\s?[\d,]+(?:\.\d+)?(?:\s+(?:million|billion))?)`;
const HOLDER = String.raw`([A-Z][A-Za-z.&' ]*?(?:,\s*(?:Inc|L\.P|LLC|Ltd|III|Jr)\.?)?)`;

type Matcher = (
  sentence: string,
  next: string | undefined,
  source: ProseSource,
  ctx: Context,
) => { transactions: ParsedTransaction[]; consumesNext?: boolean } | undefined;

function holderName(phrase: string, ctx: Context): string | undefined {
  return matchCover(phrase, ctx.covers, ctx.identities)?.name;
}

function cite(source: ProseSource, ...sentences: string[]): Citation {
  return { item: source.item, sentence: sentences.join(' ') };
}

/** "On August 20, 2020, Ault & Company converted $600,000 of the Note principal into 55 Shares." */
const noteConverted: Matcher = (sentence, _next, source, ctx) => {
  const m = new RegExp(
    `^On ${DATE},? ${HOLDER} converted (?:the remaining )?${MONEY} of the (.+?) principal into ${N} Shares\\.?$`,
  ).exec(sentence);
  const holder = m && holderName(m[5]!, ctx);
  if (!m || !holder) return undefined;
  return {
    transactions: [
      {
        kind: 'note-converted',
        date: parseLongDate(m[1]!)!,
        holder,
        principal: parseDollars(m[6]!)!,
        title: m[7]!,
        shares: parseCount(m[8]!)!,
        source: cite(source, sentence),
      },
    ],
  };
};

/**
 * "On December 22, 2019, the Issuer entered into a securities purchase agreement with X, pursuant to which X purchased
 * an aggregate of 88 Shares for a total purchase price of $739,948." + "The transaction closed on January 15, 2020".
 */
const privatePlacement: Matcher = (sentence, next, source, ctx) => {
  const m = new RegExp(
    `^On ${DATE},? the Issuer entered into a securities purchase agreement with ${HOLDER}, pursuant to which (.+?) purchased (?:an aggregate of )?${N} Shares for a (?:total |aggregate )?purchase price of ${MONEY}\\.?$`,
  ).exec(sentence);
  const holder = m && holderName(m[5]!, ctx);
  if (!m || !holder || holderName(m[6]!, ctx) !== holder) return undefined;
  // The shares change hands at the closing; without a stated closing the date is not certain.
  const closed = next ? new RegExp(`^The transaction closed on ${DATE}`).exec(next) : null;
  if (!closed) return undefined;
  return {
    transactions: [
      {
        kind: 'shares-purchased',
        method: 'private-placement',
        date: parseLongDate(closed[1]!)!,
        holder,
        shares: parseCount(m[7]!)!,
        totalPrice: parseDollars(m[8]!),
        source: cite(source, sentence, next!),
      },
    ],
    consumesNext: true,
  };
};

/**
 * "On February 5, 2020 the Issuer sold and issued an 8% Convertible Promissory Note in the principal amount of
 * $1,000,000 (the "Note") to X." + "The Note was convertible into Shares at a conversion price of $10,989 per share."
 */
const noteIssued: Matcher = (sentence, next, source, ctx) => {
  const m = new RegExp(
    `^On ${DATE},? the Issuer sold and issued an? (?:(\\d+(?:\\.\\d+)?)% )?(.*?Note) in the principal amount of ${MONEY}(?: \\(the "([^"]+)"\\))? to ${HOLDER}\\.?$`,
  ).exec(sentence);
  const holder = m && holderName(m[9]!, ctx);
  if (!m || !holder) return undefined;
  const alias = m[8] ?? 'Note';
  const terms = next
    ? new RegExp(
        `^The ${alias} (?:was|is) convertible into Shares at a conversion price of ${MONEY} per share\\.?$`,
        'i',
      ).exec(next)
    : null;
  return {
    transactions: [
      {
        kind: 'note-issued',
        date: parseLongDate(m[1]!)!,
        holder,
        principal: parseDollars(m[7]!)!,
        title: `${m[5] ? `${m[5]}% ` : ''}${m[6]!}`,
        interestRatePercent: m[5] ? Number(m[5]) : undefined,
        conversionPrice: terms ? parseDollars(terms[1]!) : undefined,
        source: terms ? cite(source, sentence, next!) : cite(source, sentence),
      },
    ],
    consumesNext: terms !== null,
  };
};

/**
 * "On [each of] D1, D2 and D3, pursuant to the SPA, the Issuer sold to X[, in ...,] [an aggregate of] 500 shares of
 * Series C Preferred Stock and Series C Warrants to purchase 147,820 Shares, for a [total] purchase price of $500,000."
 */
const preferredWithWarrants: Matcher = (sentence, _next, source, ctx) => {
  const m = new RegExp(
    `^On (?:each of )?(.+?), (?:pursuant to the [A-Za-z ]+?, )?the Issuer sold to ${HOLDER},?(?: in [^,]+,)? (?:an aggregate of )?${N} shares of (.+?Preferred Stock) and (.+?Warrants) to purchase ${N} Shares, for a (?:total |aggregate )?purchase price of ${MONEY}\\.?$`,
  ).exec(sentence);
  const holder = m && holderName(m[2]!, ctx);
  if (!m || !holder) return undefined;
  const dates = [...m[1]!.matchAll(new RegExp(LONG_DATE.source, 'g'))].map((d) => parseLongDate(d[0])!);
  // The date list must be nothing but dates: anything else is not certain.
  if (dates.length === 0 || m[1]!.replace(new RegExp(LONG_DATE.source, 'g'), '').replace(/,|\band\b|\s/g, '') !== '')
    return undefined;
  return {
    transactions: dates.flatMap((date): ParsedTransaction[] => [
      {
        kind: 'preferred-issued',
        date,
        holder,
        shares: parseCount(m[3]!)!,
        title: m[4]!,
        totalPrice: parseDollars(m[7]!),
        source: cite(source, sentence),
      },
      {
        kind: 'warrants-issued',
        date,
        holder,
        shares: parseCount(m[6]!)!,
        title: m[5]!,
        source: cite(source, sentence),
      },
    ]),
  };
};

/**
 * ", at a price of $0.15 per Share" or "for an aggregate price of $750": the price clause a purchase or sale may carry.
 */
const PRICE = String.raw`(?:,?\s+(?:at a (?:purchase |sale )?price of ${MONEY} per [Ss]hare|for an? (?:aggregate|total) (?:purchase |sale )?price of ${MONEY}))?`;

function trade(
  verb: string,
  date: string,
  holder: string,
  shares: string,
  perShare: string | undefined,
  total: string | undefined,
  source: ProseSource,
  sentence: string,
): ParsedTransaction {
  const prices = {
    ...(perShare ? { pricePerShare: parseDollars(perShare)! } : {}),
    ...(total ? { totalPrice: parseDollars(total)! } : {}),
  };
  const at = {
    method: 'open-market' as const,
    date: parseLongDate(date)!,
    holder,
    shares: parseCount(shares)!,
    ...prices,
    source: cite(source, sentence),
  };
  return /^(?:purchase|purchased)$/.test(verb) ? { kind: 'shares-purchased', ...at } : { kind: 'shares-sold', ...at };
}

/**
 * Item 5(c): "Other than the purchase [sale] of 10,000 Shares in the open market on June 17, 2024[ at a price of
 * $0.15 per Share], X has not entered into any transactions..." or "[On D,] X purchased [sold] 10,000 Shares in the
 * open market[ on D][ at a price of $0.12 per Share | for an aggregate price of $Y]". The holder is the sentence's
 * named person matched to a reporting person; in an Item 5(c) block about one person it must be that person.
 */
const openMarket: Matcher = (sentence, _next, source, ctx) => {
  const other = new RegExp(
    `^Other than the (purchase|sale) of ${N} Shares in the open market on ${DATE}${PRICE}, ${HOLDER} has not entered into any (?:other )?transactions`,
  ).exec(sentence);
  const direct = new RegExp(
    `^(?:On ${DATE},? )?${HOLDER} (purchased|sold) ${N} Shares in the open market(?: on ${DATE})?${PRICE}\\.?$`,
  ).exec(sentence);
  if (other) {
    const holder = holderName(other[9]!, ctx);
    if (!holder || (source.person && source.person !== holder)) return undefined;
    return { transactions: [trade(other[1]!, other[3]!, holder, other[2]!, other[7], other[8], source, sentence)] };
  }
  if (!direct) return undefined;
  const date = direct[1] ?? direct[8];
  const holder = holderName(direct[5]!, ctx);
  // Two dates, or none: not certain which.
  if (!date || (direct[1] && direct[8]) || !holder || (source.person && source.person !== holder)) return undefined;
  return { transactions: [trade(direct[6]!, date, holder, direct[7]!, direct[12], direct[13], source, sentence)] };
};

/**
 * Preamble: "approval by the NYSE American ..., effective July 23, 2024, ... in excess of the initial 19.99% of Common
 * Stock".
 */
const exchangeCapLifted: Matcher = (sentence, _next, source) => {
  const m = new RegExp(
    `approval by the (NYSE American|NYSE|New York Stock Exchange|Nasdaq[A-Za-z ]*?)\\b.*?, effective ${DATE},.*?in excess of the initial (\\d+(?:\\.\\d+)?)% of (?:the )?(?:outstanding )?Common Stock`,
  ).exec(sentence);
  if (!m) return undefined;
  return {
    transactions: [
      {
        kind: 'exchange-cap-lifted',
        exchange: m[1]!,
        date: parseLongDate(m[2]!)!,
        capPercent: Number(m[6]!),
        source: cite(source, sentence),
      },
    ],
  };
};

/** Item 6: "On July 24, 2024, the Reporting Persons entered into a Joint Filing Agreement ...". */
const jointFiling: Matcher = (sentence, _next, source) => {
  const m = new RegExp(`^On ${DATE},? the Reporting Persons entered into a Joint Filing Agreement`).exec(sentence);
  return m
    ? {
        transactions: [{ kind: 'joint-filing-agreement', date: parseLongDate(m[1]!)!, source: cite(source, sentence) }],
      }
    : undefined;
};

const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
};
const wordNumber = (word: string) =>
  WORD_NUMBERS[word.toLowerCase()] ?? (/^\d+$/.test(word) ? Number(word) : undefined);

/**
 * Item 6: "On October 13, 2023, the Issuer entered into a note purchase agreement with X, pursuant to which the
 * Issuer sold to X the Senior Note and Warrants." + "The Warrants have a five-year term, expiring on the fifth
 * anniversary of the closing date, and became exercisable on the first business day after the six-month
 * anniversary of the closing date." The principal and warrant count are defined in Item 3 (note-warrants.ts).
 */
const noteAndWarrants: Matcher = (sentence, next, source, ctx) => {
  const m = new RegExp(
    `^On ${DATE},? the Issuer entered into a note purchase agreement with ${HOLDER}, pursuant to which the Issuer sold to ${HOLDER} the ((?:[A-Z][\\w-]* )*Note) and (?:the )?((?:[A-Z][\\w-]* )*Warrants)\\.?$`,
  ).exec(sentence);
  const holder = m && holderName(m[5]!, ctx);
  if (!m || !holder || holderName(m[6]!, ctx) !== holder) return undefined;
  const warrantsAlias = m[8]!;
  const terms = next
    ? new RegExp(
        `^The ${warrantsAlias} ha(?:ve|d) an? (\\w+)-year term, expiring on the \\w+ anniversary of the closing date, and (?:became|become|will become) exercisable on the first business day after the (\\w+)-month anniversary of the closing date\\.?$`,
      ).exec(next)
    : null;
  const termYears = terms ? wordNumber(terms[1]!) : undefined;
  const exercisableAfterMonths = terms ? wordNumber(terms[2]!) : undefined;
  const withTerms = terms !== null && termYears !== undefined && exercisableAfterMonths !== undefined;
  return {
    transactions: [
      {
        kind: 'note-and-warrants-sold',
        date: parseLongDate(m[1]!)!,
        holder,
        noteAlias: m[7]!,
        warrantsAlias,
        ...(withTerms ? { termYears, exercisableAfterMonths } : {}),
        source: withTerms ? cite(source, sentence, next!) : cite(source, sentence),
      },
    ],
    consumesNext: withTerms,
  };
};

/** Item 3: "The Senior Note was subsequently repaid." */
const noteRepaid: Matcher = (sentence, _next, source) => {
  const m = /^The ((?:[A-Z][\w-]* )*Note) was (?:subsequently |later )?repaid(?: in full)?\.?$/.exec(sentence);
  return m ? { transactions: [{ kind: 'note-repaid', noteAlias: m[1]!, source: cite(source, sentence) }] } : undefined;
};

const MATCHERS: Matcher[] = [
  noteConverted,
  privatePlacement,
  noteIssued,
  preferredWithWarrants,
  openMarket,
  exchangeCapLifted,
  jointFiling,
  noteAndWarrants,
  noteRepaid,
];

/** Words that make a sentence read like a transaction, and the things transacted. */
const TRANSACTION_VERB =
  /\b(?:purchas\w*|sold|sells?|sale|acquired|acquisition|converted|exercised|issued|granted|vest(?:ed|ing)|awarded|repaid|redeemed|transferred|disposed|gifted)\b/i;
const TRANSACTED_THING = /\b(?:shares?|stock|notes?|warrants?|options?|units|preferred)\b|\$\s?\d|\d/i;
const NOT_A_TRANSACTION = [
  /^A copy of\b/i,
  /incorporated (?:herein )?by reference/i,
  /^(?:\(c\)\s*)?[A-Z][^,]*? ha(?:s|ve) not (?:entered into|effected) any transactions\b[^\d]*$/i,
];

/** Reads transactions from each prose source; unmatched transaction-like sentences go to review. */
export function extractTransactions(
  sources: readonly ProseSource[],
  covers: readonly CoverPage[],
  identities: readonly Identity[],
) {
  const ctx: Context = { covers, identities };
  const transactions: ParsedTransaction[] = [];
  const review: ReviewItem[] = [];
  for (const source of sources) {
    const sentences = splitSentences(source.text);
    for (let i = 0; i < sentences.length; i++) {
      const sentence = sentences[i]!.replace(/^\(c\)\s*/, '');
      const found = MATCHERS.map((match) => match(sentence, sentences[i + 1], source, ctx)).find(
        (r) => r !== undefined,
      );
      if (found) {
        transactions.push(...found.transactions);
        if (found.consumesNext) i++;
        continue;
      }
      if (
        TRANSACTION_VERB.test(sentence) &&
        TRANSACTED_THING.test(sentence) &&
        !NOT_A_TRANSACTION.some((p) => p.test(sentence))
      ) {
        review.push({
          item: source.item,
          sentence,
          reason: 'reads like a transaction but matches no pattern with certainty',
        });
      }
    }
  }
  return { transactions, review };
}

/** The prose sources of a filing: preamble, Item 3, each Item 5(c), Item 6. */
export function proseSources(items: Record<string, string>, item5: readonly Item5Person[]): ProseSource[] {
  const sources: ProseSource[] = [];
  if (items.preamble) sources.push({ item: 'preamble', text: items.preamble });
  if (items['3']) sources.push({ item: '3', text: items['3'] });
  for (const person of item5)
    if (person.transactionsText)
      sources.push({ item: '5(c)', text: person.transactionsText, person: person.coverName });
  if (items['6']) sources.push({ item: '6', text: items['6'] });
  return sources;
}
