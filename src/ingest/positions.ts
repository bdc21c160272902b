/**
 * What Item 5(a) (and Item 3, which names the warrant series) says each
 * person holds, security by security: "consisting of (i) 25,229 Shares,
 * (ii) 200,000,000 Shares issuable upon conversion of 44,000 shares of
 * Series C Preferred Stock and (iii) 14,915,571 Shares issuable upon exercise
 * of outstanding warrants". Parts held by someone else ("held by Ault &
 * Company") are that holder's, reached through control, not the person's.
 * A part no pattern reads goes to review.
 */
import { canonicalSecurityId, kebab } from '../domain/index.js';
import type { ParsedFiling, ReviewItem } from './parsed-filing.js';
import { splitSentences } from './sections.js';
import { matchCover } from './items.js';
import { LONG_DATE, parseCount, parseDollars, parseLongDate } from './values.js';

export interface ReportedHolding {
  holder: string;
  security: { id: string; title: string; kind: 'common' | 'convertible-preferred' | 'warrant' | 'option' };
  quantity: number;
  sharesIssuable: number | null;
  quote: string;
  item: string;
}

export interface PreferredTerms {
  title: string;
  statedValue: number;
  conversionPrice: number;
  conversionPriceFloor: number | null;
  quote: string;
}

export { kebab };

const PART = /\((?:i|ii|iii|iv|v|vi|vii|viii)\)\s*/;

export function reportedHoldings(filing: ParsedFiling): { holdings: ReportedHolding[]; review: ReviewItem[] } {
  const holdings: ReportedHolding[] = [];
  const review: ReviewItem[] = [];
  const warrantSeries = namedWarrants(filing.items['3'] ?? '');
  for (const person of filing.item5) {
    const text = person.ownershipText;
    if (!person.coverName || !text) continue;
    const list = /consisting of (.+?)\.(?:\s|$)/.exec(text)?.[1];
    if (!list) continue;
    for (const raw of list.split(PART).slice(1)) {
      const part = raw.replace(/,?\s*(?:and)?\s*$/, '').trim();
      if (/\bheld by\b/.test(part)) continue;
      const holder = person.coverName;
      const common = /^([\d,]+) Shares$/.exec(part);
      const preferred = /^([\d,]+) Shares issuable upon conversion of ([\d,]+) shares of (.+? Preferred Stock)$/.exec(
        part,
      );
      const warrants = /^([\d,]+) Shares issuable upon exercise of outstanding warrants$/.exec(part);
      const options =
        /^([\d,]+) Shares underlying stock options currently exercisable or exercisable within 60 days$/.exec(part);
      const at = { holder, item: '5(a)' };
      if (common)
        holdings.push({
          ...at,
          security: { id: 'common', title: 'Common Stock', kind: 'common' },
          quantity: parseCount(common[1]!)!,
          sharesIssuable: null,
          quote: part,
        });
      else if (preferred)
        holdings.push({
          ...at,
          security: {
            id: canonicalSecurityId(preferred[3]!, 'convertible-preferred'),
            title: preferred[3]!,
            kind: 'convertible-preferred',
          },
          quantity: parseCount(preferred[2]!)!,
          sharesIssuable: parseCount(preferred[1]!)!,
          quote: part,
        });
      else if (options)
        holdings.push({
          ...at,
          security: { id: 'options', title: 'Stock options', kind: 'option' },
          quantity: parseCount(options[1]!)!,
          sharesIssuable: parseCount(options[1]!)!,
          quote: part,
        });
      else if (warrants) {
        const total = parseCount(warrants[1]!)!;
        const series = warrantSeries.filter((w) => w.holderPhrase && person.heading.includes(w.holderPhrase));
        // Item 3 names the series; use them only when they add up to the Item 5(a) total exactly.
        if (series.length > 0 && series.reduce((sum, w) => sum + w.shares, 0) === total) {
          for (const w of series)
            holdings.push({
              holder,
              item: '3',
              security: {
                id: canonicalSecurityId(w.title, 'warrant', { issuedWithNote: w.issuedWithNote }),
                title: w.title,
                kind: 'warrant',
              },
              quantity: w.shares,
              sharesIssuable: w.shares,
              quote: w.quote,
            });
        } else
          holdings.push({
            ...at,
            security: { id: 'warrants', title: 'Warrants', kind: 'warrant' },
            quantity: total,
            sharesIssuable: total,
            quote: part,
          });
      } else review.push({ item: '5(a)', sentence: part, reason: 'a holding Item 5(a) lists that no pattern reads' });
    }
  }
  return { holdings, review };
}

/**
 * Item 3: "warrants owned directly by Ault & Company, which are currently exercisable into 13,008,131 Shares (the
 * "Series C Warrants")".
 */
function namedWarrants(item3: string) {
  const found: { holderPhrase: string; shares: number; title: string; quote: string; issuedWithNote: boolean }[] = [];
  for (const sentence of splitSentences(item3)) {
    for (const m of sentence.matchAll(
      /warrants owned directly by ([A-Z][\w&.' ]*?), which are currently exercisable into ([\d,]+) Shares \(the "([^"]+)"\)(, were issued in connection with an? [^.]*?\bnote\b)?/g,
    )) {
      // Warrants "issued in connection with a ... note" are the note's warrants (security-ids.ts: note-warrants).
      found.push({
        holderPhrase: m[1]!,
        shares: parseCount(m[2]!)!,
        title: m[3]!,
        quote: m[0],
        issuedWithNote: m[4] !== undefined,
      });
    }
  }
  return found;
}

/**
 * "Each share of Series C Preferred Stock has a stated value of $1,000.00 and is convertible into Shares at a
 * conversion price equal to the greater of (i) $0.10 per share and (ii) the lesser of (A) $0.22, ...".
 */
export function preferredTerms(filing: ParsedFiling): PreferredTerms[] {
  const terms = new Map<string, PreferredTerms>();
  const text = [filing.items['5'] ?? '', filing.items['6'] ?? ''].join('\n\n');
  for (const sentence of splitSentences(text)) {
    const m =
      /^Each share of (.+? Preferred Stock) has a stated value of (\$[\d,.]+) and is convertible into Shares at a conversion price (?:of (\$[\d.]+)|equal to the greater of \(i\) (\$[\d.]+) per share and \(ii\) the lesser of \(A\) (\$[\d.]+))/.exec(
        sentence,
      );
    if (!m || terms.has(m[1]!)) continue;
    terms.set(m[1]!, {
      title: m[1]!,
      statedValue: parseDollars(m[2]!)!,
      conversionPrice: parseDollars(m[3] ?? m[5]!)!,
      conversionPriceFloor: m[4] ? parseDollars(m[4])! : null,
      quote: sentence,
    });
  }
  return [...terms.values()];
}

/**
 * Item 6: "On November 6, 2023, the Issuer entered into a securities purchase agreement (the "SPA") with Ault &
 * Company, pursuant to which the Issuer agreed to sell, in one or more closings, to Ault & Company up to 50,000
 * shares of Series C Preferred Stock ...". The agreement that creates the preferred ties its terms to its date:
 * only when the sentence names exactly that preferred and a reporting person on both sides; otherwise undefined.
 */
export function preferredAgreement(filing: ParsedFiling, title: string): { date: string; quote: string } | undefined {
  const found: { date: string; quote: string }[] = [];
  for (const sentence of splitSentences(filing.items['6'] ?? '')) {
    const m = new RegExp(
      `^On (${LONG_DATE.source}),? the Issuer entered into an? securities purchase agreement \\(the "[^"]+"\\) with ([^,]+(?:, (?:Inc|LLC|L\\.P|Ltd)\\.?)?), pursuant to which the Issuer agreed to sell,?(?: in one or more closings,)? to ([^,]+?(?:, (?:Inc|LLC|L\\.P|Ltd)\\.?)?),? up to [\\d,]+ shares of (.+? Preferred Stock)\\b`,
    ).exec(sentence);
    if (!m || m[7] !== title) continue;
    const buyer = matchCover(m[5]!, filing.coverPages, filing.identities);
    if (!buyer || matchCover(m[6]!, filing.coverPages, filing.identities) !== buyer) continue;
    const date = parseLongDate(m[1]!);
    if (date) found.push({ date, quote: sentence });
  }
  // Two agreements for the same preferred: not certain which set the terms.
  return found.length === 1 ? found[0] : undefined;
}

/**
 * "Mr. Ault may be deemed to beneficially own the Shares owned directly by Ault & Company by virtue of his relationship
 * with Ault & Company".
 */
export function controlStatements(
  filing: ParsedFiling,
): { controllerPhrase: string; entityPhrase: string; quote: string }[] {
  const found: { controllerPhrase: string; entityPhrase: string; quote: string }[] = [];
  for (const person of filing.item5) {
    for (const sentence of splitSentences(person.ownershipText ?? '')) {
      const m =
        /^((?:Mr|Ms|Mrs|Dr)\.? [A-Z][\w'-]+) may be deemed to beneficially own the Shares owned directly by (.+?) by virtue of (?:his|her|its|their) relationship/.exec(
          sentence,
        );
      if (m) found.push({ controllerPhrase: m[1]!, entityPhrase: m[2]!, quote: sentence });
    }
  }
  return found;
}
