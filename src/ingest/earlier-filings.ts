/**
 * An amendment's preamble names the filings it amends: "This Amendment No. 8
 * amends and supplements the Schedule 13D filed by the undersigned on October
 * 12, 2021 and amended on November 24, 2021, ..., and October 24, 2023". Each
 * becomes a statement known only by date (original first, then Amendments 1..N-1
 * in order), like the bundled sample records them. Only when the dates are the
 * whole list and their number is exactly N-1; otherwise the sentence goes to review.
 */
import type { EarlierFiling, ReviewItem } from './parsed-filing.js';
import { splitSentences } from './sections.js';
import { LONG_DATE, parseLongDate } from './values.js';

const ALL_DATES = new RegExp(LONG_DATE.source, 'g');

export function earlierFilings(
  preamble: string | undefined,
  amendmentNo: number | null,
): { earlier: EarlierFiling[]; review: ReviewItem[] } {
  const none = { earlier: [], review: [] };
  // Without its own number, an amendment cannot say which numbers the earlier filings it names had.
  if (!preamble || amendmentNo === null || amendmentNo < 1) return none;
  for (const sentence of splitSentences(preamble)) {
    const m = new RegExp(
      `\\bamends(?: and supplements)? the (?:statement on )?Schedule 13D (?:originally )?filed (?:by the undersigned |with the [^,]+? )?on (${LONG_DATE.source})(?:,? (?:and |as )?amended (?:by [^,]+? )?on (.+?))?\\s*(?:\\(the "[^"]+"\\))?\\.?$`,
    ).exec(sentence);
    if (!m) continue;
    const list = m[5] ?? '';
    const dates = [...list.matchAll(ALL_DATES)].map((d) => parseLongDate(d[0])!);
    const onlyDates = list.replace(ALL_DATES, '').replace(/,|\band\b|\s/g, '') === '';
    if (!onlyDates || dates.length !== amendmentNo - 1) {
      return {
        earlier: [],
        review: [
          {
            item: 'preamble',
            sentence,
            reason: `names ${dates.length} earlier amendments for Amendment No. ${amendmentNo} (expected ${amendmentNo - 1}); earlier filings not recorded`,
          },
        ],
      };
    }
    const filed = [parseLongDate(m[1]!)!, ...dates];
    return { earlier: filed.map((filedOn, n) => ({ amendmentNo: n, filedOn, quote: sentence })), review: [] };
  }
  return none;
}
