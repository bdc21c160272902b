/**
 * One synthetic issuer's history, shaped like what ingest writes: an amendment chain of 1 to 15 filings
 * by 1 to 8 reporting persons, each filing a StatementFiled with a cover page per person, the transactions
 * since the previous filing, persons joining and leaving the group, and the positions, Item 5 figures and
 * shares outstanding it reports; now and then a correction of an earlier transaction in a later batch.
 */
import { cusipCheckDigit, EVENT_SCHEMA_VERSION, type DomainEvent } from '../src/domain/index.js';
import type { NewEvent } from '../src/store/event-store.js';
import { issuerSeed, seededRandom, type Random } from './seeded-random.js';

/** One append: the events a filing (or a correction) gives, with how many the stream held before. */
export interface SyntheticBatch {
  issuer: number;
  stream: string;
  filedOn: string;
  /** Events already in the stream: each target derives its expected revision from it. */
  eventsBefore: number;
  events: NewEvent[];
}

export interface IssuerSummary {
  cusip: string;
  firstFiledOn: string;
  lastFiledOn: string;
}

interface Holder {
  personId: string;
  name: string;
  shares: number;
}

interface IssuerState {
  index: number;
  random: Random;
  cusip: string;
  cik: string;
  name: string;
  holders: Holder[];
  nextHolder: number;
  outstanding: number;
  purchaseIds: string[];
  eventCount: number;
  seed: number;
  ids: number;
}

const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(1996, 0, 2) / DAY;
const METADATA = { schema: EVENT_SCHEMA_VERSION, source: 'bench' };

export function iso(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export function syntheticCusip(issuer: number): string {
  const base = `${String(issuer).padStart(6, '0')}BN`;
  return `${base}${cusipCheckDigit(base)}`;
}

/** Every batch of one issuer, in filing order, and what a query needs to pick a date. */
export function syntheticIssuer(seed: number, index: number): { batches: SyntheticBatch[]; summary: IssuerSummary } {
  const random = seededRandom(issuerSeed(seed, index));
  const state: IssuerState = {
    index,
    seed,
    ids: 0,
    random,
    cusip: syntheticCusip(index),
    cik: String(1_000_000 + index),
    name: `Synthetic Issuer ${index} Inc.`,
    holders: [],
    nextHolder: 0,
    outstanding: random.int(10_000_000, 500_000_000),
    purchaseIds: [],
    eventCount: 0,
  };
  const holders = 1 + Math.floor(8 * random.next() ** 2);
  for (let i = 0; i < holders; i++) state.holders.push(newHolder(state));
  const filings = random.int(1, 15);
  let day = FIRST_DAY + random.int(0, 20 * 365);
  let previousDay = day - random.int(30, 400);
  const batches: SyntheticBatch[] = [];
  const firstFiledOn = iso(day);
  for (let n = 0; n < filings; n++) {
    batches.push(batch(state, iso(day), filingEvents(state, n, previousDay, day)));
    if (n > 0 && random.chance(0.02) && state.purchaseIds.length > 0)
      batches.push(batch(state, iso(day), [correction(state)]));
    previousDay = day;
    if (n < filings - 1) day += random.int(15, 365);
  }
  return { batches, summary: { cusip: state.cusip, firstFiledOn, lastFiledOn: iso(day) } };
}

function batch(state: IssuerState, filedOn: string, events: Array<{ id: string; event: DomainEvent }>): SyntheticBatch {
  const eventsBefore = state.eventCount;
  state.eventCount += events.length;
  const stream = `issuer-${state.cusip}`;
  return {
    issuer: state.index,
    stream,
    filedOn,
    eventsBefore,
    events: events.map(({ id, event }) => ({ id, type: event.type, data: event.data, metadata: METADATA })),
  };
}

function newHolder(state: IssuerState): Holder {
  const k = state.nextHolder++;
  const shares = Math.round(state.outstanding * (0.005 + state.random.next() * 0.05));
  return { personId: `holder-${state.index}-${k}`, name: `Reporting Person ${k} of issuer ${state.index}`, shares };
}

/** A filing: the statement; on an original the persons and terms, on an amendment what happened since; the figures. */
function filingEvents(
  state: IssuerState,
  n: number,
  previousDay: number,
  day: number,
): Array<{ id: string; event: DomainEvent }> {
  const filedOn = iso(day);
  const eventDate = iso(day - state.random.int(1, 10));
  const filer = String(1_100_000 + state.index).padStart(10, '0');
  const accession = `${filer}-${filedOn.slice(2, 4)}-${String(n + 1).padStart(6, '0')}`;
  const facts = { effectiveDatePrecision: 'exact' as const, disclosedOn: filedOn };
  const source = (item: string) => ({
    amendmentNumber: n,
    accessionNumber: accession,
    filedOn,
    item,
    quote: 'synthetic',
  });
  const events: DomainEvent[] = [];
  if (n === 0) events.push(...originalDefinitions(state, { ...facts, effectiveDate: eventDate, source: source('2') }));
  else events.push(...changesSince(state, previousDay, day - 1, facts, source));
  state.outstanding = Math.max(1_000_000, Math.round(state.outstanding * (0.97 + state.random.next() * 0.08)));
  events.unshift(statement(state, n, accession, filedOn, eventDate));
  events.push(...reportedFigures(state, { ...facts, effectiveDate: eventDate, source: source('5(a)') }));
  const identified = events.map((event) => ({ id: uuid(state), event }));
  for (const { id, event } of identified) if (event.type === 'SharesPurchased') state.purchaseIds.push(id);
  return identified;
}

interface Source {
  amendmentNumber: number;
  accessionNumber: string;
  filedOn: string;
  item: string;
  quote: string;
}
type FactFields = { effectiveDate: string; effectiveDatePrecision: 'exact'; disclosedOn: string; source: Source };

function originalDefinitions(state: IssuerState, fact: FactFields): DomainEvent[] {
  const events: DomainEvent[] = [
    {
      type: 'SecurityDescribed',
      data: {
        ...fact,
        securityId: 'common',
        title: 'Common Stock',
        kind: 'common',
        statedValue: null,
        conversionPrice: null,
        conversionPriceFloor: null,
        sharesPerUnit: null,
        exercisableFrom: null,
        expiresOn: null,
      },
    },
  ] as DomainEvent[];
  for (const holder of state.holders) events.push(personIdentified(holder, fact));
  if (state.holders.length > 1) {
    const memberIds = state.holders.map((h) => h.personId);
    events.push({ type: 'GroupFormed', data: { ...fact, groupId: `group-${state.index}`, memberIds } } as DomainEvent);
    events.push({ type: 'JointFilingAgreementSigned', data: { ...fact, partyIds: memberIds } } as DomainEvent);
  }
  return events;
}

function personIdentified(holder: Holder, fact: FactFields): DomainEvent {
  return {
    type: 'PersonIdentified',
    data: {
      ...fact,
      personId: holder.personId,
      name: holder.name,
      kind: 'entity',
      typeOfReportingPerson: ['CO'],
      citizenshipOrPlace: 'Delaware',
      cik: null,
    },
  } as DomainEvent;
}

/** Trades between two filings, and now and then a person joining or leaving the group. */
function changesSince(
  state: IssuerState,
  fromDay: number,
  toDay: number,
  facts: Omit<FactFields, 'effectiveDate' | 'source'>,
  source: (item: string) => Source,
): DomainEvent[] {
  const { random } = state;
  const events: DomainEvent[] = [];
  const on = () => iso(random.int(fromDay + 1, Math.max(fromDay + 1, toDay)));
  if (state.holders.length < 8 && random.chance(0.12)) {
    const joining = newHolder(state);
    const fact = { ...facts, effectiveDate: on(), source: source('2') };
    events.push(personIdentified(joining, fact), {
      type: 'GroupMemberJoined',
      data: { ...fact, groupId: `group-${state.index}`, personId: joining.personId },
    } as DomainEvent);
    state.holders.push(joining);
  } else if (state.holders.length > 1 && random.chance(0.08)) {
    const leaving = state.holders.splice(random.int(0, state.holders.length - 1), 1)[0]!;
    events.push({
      type: 'GroupMemberLeft',
      data: {
        ...facts,
        effectiveDate: on(),
        source: source('2'),
        groupId: `group-${state.index}`,
        personId: leaving.personId,
      },
    } as DomainEvent);
  }
  for (const holder of state.holders) {
    for (let t = random.int(0, 3); t > 0; t--)
      events.push(trade(state, holder, { ...facts, effectiveDate: on(), source: source('5(c)') }));
  }
  return events;
}

function trade(state: IssuerState, holder: Holder, fact: FactFields): DomainEvent {
  const shares = state.random.int(100, Math.max(100, Math.round(holder.shares * 0.05)));
  const pricePerShare = Math.round(state.random.next() * 5000) / 100 + 0.5;
  if (holder.shares > shares && state.random.chance(0.3)) {
    holder.shares -= shares;
    return {
      type: 'SharesSold',
      data: { ...fact, personId: holder.personId, shares, method: 'open-market', pricePerShare, totalPrice: null },
    } as DomainEvent;
  }
  holder.shares += shares;
  return {
    type: 'SharesPurchased',
    data: { ...fact, personId: holder.personId, shares, method: 'open-market', pricePerShare, totalPrice: null },
  } as DomainEvent;
}

function statement(state: IssuerState, n: number, accession: string, filedOn: string, eventDate: string): DomainEvent {
  const coverPages = state.holders.map((holder) => ({
    personId: holder.personId,
    name: holder.name,
    memberOfGroup: { a: state.holders.length > 1, b: false },
    sourceOfFunds: ['WC'],
    legalProceedings: false,
    citizenshipOrPlace: 'Delaware',
    soleVotingPower: holder.shares,
    sharedVotingPower: 0,
    soleDispositivePower: holder.shares,
    sharedDispositivePower: 0,
    aggregate: holder.shares,
    excludesCertainShares: false,
    percentOfClass: percent(holder.shares, state.outstanding),
    typeOfReportingPerson: ['CO'],
    footnotes: [],
  }));
  const data = {
    effectiveDate: eventDate,
    effectiveDatePrecision: 'exact',
    disclosedOn: filedOn,
    source: { amendmentNumber: n, accessionNumber: accession, filedOn, item: 'cover', quote: 'synthetic' },
    issuer: { name: state.name, cusip: state.cusip, cik: state.cik.padStart(10, '0') },
    classTitle: 'Common Stock, par value $0.001 per share',
    amendmentNumber: n,
    accessionNumber: accession,
    previousAccessionNumber: null,
    eventDate,
    filedOn,
    filedOnFrom: 'submission-header',
    contentsKnown: true,
    items: n === 0 ? [] : [{ item: '5', change: 'amended', summary: null }],
    coverPages,
    partialCoverPages: [],
    noticeContact: null,
    businessAddresses: [],
    readingDoubts: [],
  };
  return { type: 'StatementFiled', data } as unknown as DomainEvent;
}

function percent(shares: number, outstanding: number): { kind: 'value'; value: number; text: string } {
  const value = Math.round((shares / outstanding) * 1000) / 10;
  return { kind: 'value', value, text: `${value}%` };
}

/** Item 5(a)-(b) of each person and the shares outstanding the percentages are of, as of the event date. */
function reportedFigures(state: IssuerState, fact: FactFields): DomainEvent[] {
  const events: DomainEvent[] = [];
  for (const holder of state.holders) {
    const { personId, shares } = holder;
    events.push({
      type: 'PositionReported',
      data: {
        ...fact,
        personId,
        securityId: 'common',
        quantity: shares,
        sharesIssuableReported: null,
        exercisableFrom: null,
      },
    } as DomainEvent);
    events.push({
      type: 'BeneficialOwnershipReported',
      data: {
        ...fact,
        personId,
        aggregate: shares,
        percentOfClass: percent(shares, state.outstanding),
        soleVotingPower: shares,
        sharedVotingPower: 0,
        soleDispositivePower: shares,
        sharedDispositivePower: 0,
      },
    } as DomainEvent);
  }
  events.push({
    type: 'SharesOutstandingReported',
    data: { ...fact, count: state.outstanding, reportedBy: "the Issuer's latest 10-Q" },
  } as DomainEvent);
  return events;
}

/** A correction of one earlier purchase's share count, as `13d-ledger correct` appends it. */
function correction(state: IssuerState): { id: string; event: DomainEvent } {
  const eventId = state.random.pick(state.purchaseIds);
  const event = {
    type: 'EventCorrected',
    data: { eventId, set: { shares: state.random.int(100, 10_000) }, reason: 'typo in Item 5(c)' },
  } as DomainEvent;
  return { id: uuid(state), event };
}

/**
 * A UUID-shaped id unique by construction: the seed, the issuer and the issuer's event counter (random bits from a
 * generator can collide across 2 million events; a SHA-1 per event took most of the generation).
 */
function uuid(state: IssuerState): string {
  const hex = (value: number, digits: number) => (value >>> 0).toString(16).padStart(digits, '0');
  return `${hex(state.seed, 8)}-0000-4000-8000-${hex(state.index, 6)}${hex(state.ids++, 6)}`;
}
