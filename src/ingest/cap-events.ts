/**
 * The exchange cap (the 20% rule, here 19.99%) read from the sentence that
 * lifts it. Amendment No. 8 says the Exchange approved, effective July 23, 2024,
 * issuances on "conversion of Series C Convertible Preferred Stock ... and
 * exercise of warrants, in excess of the initial 19.99% of Common Stock": so a
 * 19.99% cap limited exactly those securities from their first issuance
 * ("initial") until that date. That much is certain and becomes an
 * ExchangeCapSet citing the sentence, dated on or before the earliest issuance
 * of a covered security this filing discloses. Anything less certain (a
 * security the sentence names that the filing does not describe, no issuance
 * date) goes to review instead.
 */
import type { DomainEvent } from '../domain/index.js';
import type { ReviewItem } from './parsed-filing.js';
import { kebab } from './positions.js';

type Planned = { type: DomainEvent['type']; data: DomainEvent['data'] };

export interface CapSetPlan {
  capPercent: number;
  exchange: string;
  securityIds: string[];
  effectiveDate: string;
}

/** The securities an "allowing the issuance of shares ... upon X and Y, in excess of the initial N%" phrase names. */
function coveredPhrases(sentence: string): string[] | undefined {
  const m =
    /allowing the issuance of (?:shares of )?(?:Common Stock|Shares) upon (.+?),? in excess of the initial \d+(?:\.\d+)?%/.exec(
      sentence,
    );
  return m
    ? m[1]!
        .split(/,?\s+and\s+|,\s+/)
        .map((p) => p.trim())
        .filter((p) => p !== '')
    : undefined;
}

export function capSetFromLift(
  lift: { capPercent: number; exchange: string; sentence: string; item: string },
  events: readonly Planned[],
): { plan?: CapSetPlan; review?: ReviewItem } {
  const review = (reason: string) => ({ review: { item: lift.item, sentence: lift.sentence, reason } });
  const phrases = coveredPhrases(lift.sentence);
  if (!phrases) return review('lifts an exchange cap but does not say with certainty which securities it limited');
  const described = events.flatMap((e) =>
    e.type === 'SecurityDescribed' ? [e.data as { securityId: string; title: string; kind: string }] : [],
  );
  const securityIds: string[] = [];
  for (const phrase of phrases) {
    const conversion = /^conversion of (.+?)(?:\s*\(["“]([^"”]+)["”]\))?$/.exec(phrase);
    const exercise = /^exercise of (?:the |outstanding )?(.*?)\s*warrants$/i.exec(phrase);
    let found: string[] = [];
    if (conversion) {
      const names = [conversion[1]!, conversion[2]].filter((n): n is string => n !== undefined).map(kebab);
      found = described
        .filter((s) => s.kind === 'convertible-preferred' && names.includes(kebab(s.title)))
        .map((s) => s.securityId);
    } else if (exercise) {
      // "exercise of warrants" names no series: every warrant the filing reports; a named series only that one.
      const series = exercise[1]!.trim();
      found = described
        .filter((s) => s.kind === 'warrant' && (series === '' || kebab(s.title).startsWith(kebab(series))))
        .map((s) => s.securityId);
    }
    if (found.length === 0)
      return review(
        `lifts a ${lift.capPercent}% cap on "${phrase}", a security this filing does not describe; cap not recorded`,
      );
    securityIds.push(...found.filter((id) => !securityIds.includes(id)));
  }
  const issued = events
    .filter(
      (e) =>
        (e.type === 'PreferredIssued' || e.type === 'WarrantsIssued') &&
        securityIds.includes((e.data as { securityId: string }).securityId),
    )
    .map((e) => (e.data as { effectiveDate: string }).effectiveDate)
    .sort();
  if (issued.length === 0)
    return review(
      `lifts the "initial" ${lift.capPercent}% cap, but the filing dates no issuance of the securities it limited; cap start not recorded`,
    );
  return { plan: { capPercent: lift.capPercent, exchange: lift.exchange, securityIds, effectiveDate: issued[0]! } };
}
