/**
 * The working state of turning one filing into events (to-events.ts): the events planned so far in order,
 * each with the key its id will derive from, the review list, the securities described, and the helpers every
 * part uses to add an event, cite the filing and describe a security once. Ids are given only at the end,
 * once every event is planned: a description may still take terms from a later sentence.
 */
import { withPrecision, type DomainEvent, type DomainEventInput, type Source } from '../domain/index.js';
import type { CoverPage, ParsedFiling, ReviewItem } from './parsed-filing.js';

export type PlannedEntry = { id: string; type: DomainEvent['type']; data: DomainEvent['data'] };
export type SecurityKind = 'common' | 'convertible-preferred' | 'warrant' | 'option' | 'convertible-note';

type Terms = {
  statedValue: number | null;
  conversionPrice: number | null;
  conversionPriceFloor: number | null;
  sharesPerUnit: number | null;
  exercisableFrom: string | null;
  expiresOn: string | null;
};
export const NO_TERMS: Terms = {
  statedValue: null,
  conversionPrice: null,
  conversionPriceFloor: null,
  sharesPerUnit: null,
  exercisableFrom: null,
  expiresOn: null,
};

export interface EventPlan {
  filing: ParsedFiling;
  /** The issuer's key: names the stream, and the ids of the facts keyed by content. */
  issuerKey: string;
  filedOn: string;
  /** The date the filing states its figures as of. */
  asOf: string;
  /** What a fact the filing states without its own date takes: the event date, as a bound. */
  byEventDate: { effectiveDate: string; effectiveDatePrecision: 'on-or-before' };
  events: PlannedEntry[];
  planned: { entry: PlannedEntry; key: string }[];
  review: ReviewItem[];
  described: Map<string, PlannedEntry>;
  personOf: (name: string) => string;
  idOf: (cover: CoverPage) => string;
  add: (key: string, input: DomainEventInput) => void;
  source: (item: string, quote: string) => { disclosedOn: string; source: Source };
  describe: (
    id: string,
    title: string,
    kind: SecurityKind,
    item: string,
    quote: string,
    extra?: Partial<Terms>,
  ) => void;
}

export function newEventPlan(
  filing: ParsedFiling,
  issuerKey: string,
  filedOn: string,
  asOf: string,
  personOf: (name: string) => string,
): EventPlan {
  const plan: EventPlan = {
    filing,
    issuerKey,
    filedOn,
    asOf,
    personOf,
    byEventDate: { effectiveDate: filing.eventDate ?? filedOn, effectiveDatePrecision: 'on-or-before' },
    events: [],
    planned: [],
    review: [...filing.review],
    described: new Map(),
    idOf: (cover) => personOf(cover.name),
    add: (key, input) => {
      const event = withPrecision(input);
      const entry = { id: '', type: event.type, data: event.data };
      plan.events.push(entry);
      plan.planned.push({ entry, key });
    },
    source: (item, quote) => ({
      disclosedOn: filedOn,
      source: {
        amendmentNumber: filing.amendmentNo,
        accessionNumber: (filing.accessionNumber ?? null) as Source['accessionNumber'],
        filedOn,
        item,
        quote,
      },
    }),
    describe: (id, title, kind, item, quote, extra = {}) => describeOnce(plan, { id, title, kind, item, quote, extra }),
  };
  return plan;
}

interface Description {
  id: string;
  title: string;
  kind: SecurityKind;
  item: string;
  quote: string;
  extra: Partial<Terms>;
}

/**
 * A security is described once; one first met in Item 5(a) gets the terms a later sentence states (the note
 * warrants' Item 6 dates).
 */
function describeOnce(plan: EventPlan, { id, title, kind, item, quote, extra }: Description): void {
  const earlier = plan.described.get(id);
  if (earlier) {
    const stated = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== null && v !== undefined));
    if (Object.keys(stated).length > 0)
      earlier.data = { ...earlier.data, ...stated, ...plan.source(item, quote) } as typeof earlier.data;
    return;
  }
  const perUnit = kind === 'warrant' || kind === 'option' ? { sharesPerUnit: 1 } : {};
  const data = {
    ...plan.byEventDate,
    ...plan.source(item, quote),
    ...NO_TERMS,
    ...perUnit,
    ...extra,
    securityId: id,
    title,
    kind,
  };
  plan.add(`security/${id}`, { type: 'SecurityDescribed', data });
  plan.described.set(id, plan.events.at(-1)!);
}
