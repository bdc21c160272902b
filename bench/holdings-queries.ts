/** Random (issuer, date) pairs for holdings queries: a date from an issuer's first filing to a year after its last. */
import { seededRandom } from './seeded-random.js';
import { iso, type IssuerSummary } from './synthetic-issuer.js';

export interface HoldingsQuery {
  cusip: string;
  asOf: string;
}

const DAY = 86_400_000;

export function randomQueries(issuers: readonly IssuerSummary[], count: number, seed: number): HoldingsQuery[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const issuer = random.pick(issuers);
    const first = Date.parse(issuer.firstFiledOn) / DAY;
    const last = Date.parse(issuer.lastFiledOn) / DAY + 365;
    return { cusip: issuer.cusip, asOf: iso(random.int(first, last)) };
  });
}
