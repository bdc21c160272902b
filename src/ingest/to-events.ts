/**
 * A ParsedFiling into the ledger's domain events, for one atomic append to
 * the issuer's stream. The facts a filing states as of its own date
 * (StatementFiled, PositionReported, BeneficialOwnershipReported,
 * SharesOutstandingReported) have UUIDs derived from the filing's accession
 * number (or, without one, the hash of its content) and a key per fact; every
 * transaction and timeless fact has a UUID derived from the issuer and its
 * identifying content (factIdentity), so an amendment restating it yields the
 * same id. Ingesting the same filing again, or a transaction again, writes
 * nothing.
 *
 * Figures are kept as reported. A cover page that leaves rows out (an XML
 * 13D/A: absent means unchanged) is recorded as a partial cover page carrying
 * only the rows it states, never filled with zeros (see cover-events.ts).
 */
import {
  canonicalSecurityId,
  cikOf,
  filingKeyOf,
  isRestatable,
  newIssuerKey,
  parseCik,
  parseCusip,
  stableUuid,
  type Cusip,
  type DomainEvent,
} from '../domain/index.js';
import { capSetFromLift } from './cap-events.js';
import { FilingParseError } from './filing-parse-error.js';
import { matchCover } from './items.js';
import { newEventPlan, NO_TERMS, type EventPlan } from './event-plan.js';
import type { ParsedFiling, ReviewItem } from './parsed-filing.js';
import { displayNames } from './display-names.js';
import { personIdsFor, type KnownPerson } from './person-ids.js';
import { controlStatements, kebab, preferredAgreement, preferredTerms, reportedHoldings } from './positions.js';
import { addTransactions } from './transaction-events.js';
import { withoutImplausible } from './implausible-events.js';
import { earlierStatementEvents, filingDateOf, statementEvent } from './statement-events.js';

export interface FilingEvents {
  /** The stream the filing goes to is named by this key (src/domain/issuer-key.ts). */
  issuerKey: string;
  /** The CUSIP the filing prints (checked), or null when it prints none. */
  cusip: string | null;
  /** The subject company's CIK (ten digits) where the filing gives it. */
  cik: string | null;
  /** The key the ids derive from: the accession number or the content hash. */
  filingKey: string;
  /** The format-independent identity of the filing (src/domain/filing-key.ts); null when it names no person. */
  identityKey: string | null;
  events: { id: string; type: DomainEvent['type']; data: DomainEvent['data'] }[];
  persons: string[];
  review: ReviewItem[];
  /** Cover pages recorded as partial (rows not restated are unchanged), and which rows. */
  partial: string[];
  /** What the ledger assumed, e.g. where the filing date came from. */
  notes: string[];
}

export interface FilingToEventsOptions {
  /**
   * The issuer's key when the store knows the issuer under another (an amendment printing a new CUSIP
   * continues the chain of the old one). @defaultValue the filing's CUSIP, else `cik-` and its CIK
   */
  issuerKey?: string;
  /** Persons the issuer's stream already knows, so a CIK names the same person whatever the name printed. */
  knownPersons?: readonly KnownPerson[];
}

export function filingToEvents(filing: ParsedFiling, options: FilingToEventsOptions = {}): FilingEvents {
  const who = identifyFiling(filing, options);
  const persons = personIdsFor(filing.coverPages, options.knownPersons);
  const plan = newEventPlan(filing, who.issuerKey, who.filedOn, who.asOf, persons.of);
  const statement = statementEvent(filing, who.printedCusip, who.filedOn, plan.source, persons.of);
  plan.add('statement', statement.event);
  plan.events.push(...earlierStatementEvents(filing, who.issuerKey, who.printedCusip, plan.source));
  addPersons(plan);
  addSharesOutstanding(plan);
  addSecuritiesAndPositions(plan);
  addItem5Figures(plan);
  addControlAndGroup(plan);
  addTransactions(filing, plan.add, plan.source, plan.describe, plan.asOf, plan.review, persons.of);
  addExchangeCaps(plan);
  const review = finishIds(plan, who.filingKey);
  const identity = filingKeyOf(statement.event.data);
  return {
    issuerKey: who.issuerKey,
    cusip: who.printedCusip,
    cik: who.cik,
    filingKey: who.filingKey,
    identityKey: identity === null ? null : `${who.issuerKey}|${identity}`,
    events: plan.events,
    persons: filing.coverPages.map((c) => c.name),
    review,
    partial: statement.partialNotes,
    notes: [...who.notes, ...persons.notes],
  };
}

interface FilingIdentity {
  printedCusip: Cusip | null;
  cik: string | null;
  issuerKey: string;
  filedOn: string;
  /** Figures are stated as of the event date (the seed's Item 5 says so); the shares outstanding may be older. */
  asOf: string;
  /** The key the ids derive from: the accession number or the content hash. */
  filingKey: string;
  notes: string[];
}

/** Which issuer, which filing date, which key: a filing lacking any of them cannot be recorded. */
function identifyFiling(filing: ParsedFiling, options: FilingToEventsOptions): FilingIdentity {
  const fail = (problem: string) => new FilingParseError(filing.file, 'whole file', problem);
  if (!filing.issuer.cusip && !filing.issuer.cik)
    throw fail('no CUSIP and no subject company CIK: nothing identifies the issuer');
  const printedCusip = filing.issuer.cusip ? parseCusip(filing.issuer.cusip) : null;
  const cik = filing.issuer.cik ? cikOf(filing.issuer.cik) : null;
  const issuerKey = options.issuerKey ?? newIssuerKey({ cusip: printedCusip, cik });
  const dated = filingDateOf(filing);
  const filedOn = dated.filedOn;
  if (!filedOn) throw fail('no filing date (no submission header and no signature date)');
  const asOf = filing.eventDate ?? filing.sharesOutstanding?.asOf ?? filedOn;
  const filingKey = filing.accessionNumber ?? `sha256:${filing.contentHash}`;
  return { printedCusip, cik, issuerKey, filedOn, asOf, filingKey, notes: dated.note ? [dated.note] : [] };
}

/** One PersonIdentified per cover page, with the name Item 2 or the signatures spell (display-names.ts). */
function addPersons({ filing, add, source, idOf, byEventDate }: EventPlan): void {
  const displayNameOf = displayNames(
    filing.coverPages.map((c) => c.name),
    [filing.items['2'], filing.signatureText],
  );
  for (const cover of filing.coverPages) {
    add(`person/${idOf(cover)}`, {
      type: 'PersonIdentified',
      data: {
        ...byEventDate,
        ...source('cover row 1', `NAME OF REPORTING PERSON ${cover.name}`),
        personId: idOf(cover),
        name: displayNameOf(cover.name),
        kind: cover.typeOfReportingPerson?.includes('IN') ? 'individual' : 'entity',
        typeOfReportingPerson: cover.typeOfReportingPerson ?? [],
        citizenshipOrPlace: cover.citizenship ?? null,
        cik: cover.cik ? parseCik(cover.cik) : null,
      },
    });
  }
}

function addSharesOutstanding({ filing, add, source, asOf }: EventPlan): void {
  const outstanding = filing.sharesOutstanding;
  if (!outstanding) return;
  // A count stated without its date is the one the filing's percents use: in force on or before the event date.
  const when = outstanding.asOf
    ? { effectiveDate: outstanding.asOf }
    : { effectiveDate: asOf, effectiveDatePrecision: 'on-or-before' as const };
  const reportedBy = /reported by (the Issuer[^.,]*)/.exec(outstanding.sentence)?.[1] ?? 'the filing';
  add('shares-outstanding', {
    type: 'SharesOutstandingReported',
    data: { ...when, ...source(outstanding.item ?? '5', outstanding.sentence), count: outstanding.count, reportedBy },
  });
}

/** Preferred terms (dated by the agreement that sells them, where one does), then each holder's reported positions. */
function addSecuritiesAndPositions(plan: EventPlan): void {
  const { filing, add, source, describe, described, events, personOf, asOf } = plan;
  for (const terms of preferredTerms(filing)) {
    const stated = {
      statedValue: terms.statedValue,
      conversionPrice: terms.conversionPrice,
      conversionPriceFloor: terms.conversionPriceFloor,
    };
    const agreement = preferredAgreement(filing, terms.title);
    const id = canonicalSecurityId(terms.title, 'convertible-preferred');
    if (!agreement) {
      describe(id, terms.title, 'convertible-preferred', '5(a)', terms.quote, stated);
      continue;
    }
    // The agreement that sells this preferred dates its terms: in force on or before the agreement date.
    add(`security/${id}`, {
      type: 'SecurityDescribed',
      data: {
        effectiveDate: agreement.date,
        effectiveDatePrecision: 'on-or-before',
        ...source('6', `${agreement.quote} ${terms.quote}`),
        ...NO_TERMS,
        ...stated,
        securityId: id,
        title: terms.title,
        kind: 'convertible-preferred',
      },
    });
    described.set(id, events.at(-1)!);
  }
  const positions = reportedHoldings(filing);
  plan.review.push(...positions.review);
  for (const h of positions.holdings) {
    describe(h.security.id, h.security.title, h.security.kind, h.item, h.quote);
    add(`position/${personOf(h.holder)}/${h.security.id}`, {
      type: 'PositionReported',
      data: {
        effectiveDate: asOf,
        ...source(h.item, h.quote),
        personId: personOf(h.holder),
        securityId: h.security.id,
        quantity: h.quantity,
        sharesIssuableReported: h.sharesIssuable,
        exercisableFrom: null,
      },
    });
  }
}

/** Item 5(a) and 5(b) figures of a person, kept to compare with the cover page: only when all six are stated. */
function addItem5Figures({ filing, add, source, personOf, asOf }: EventPlan): void {
  for (const p of filing.item5) {
    const values = [
      p.aggregate,
      p.percentOfClass,
      p.soleVotingPower,
      p.sharedVotingPower,
      p.soleDispositivePower,
      p.sharedDispositivePower,
    ];
    if (!p.coverName || values.some((v) => v === undefined)) continue;
    add(`item5/${personOf(p.coverName)}`, {
      type: 'BeneficialOwnershipReported',
      data: {
        effectiveDate: asOf,
        ...source('5(a), 5(b)', p.ownershipText ?? p.heading),
        personId: personOf(p.coverName),
        aggregate: p.aggregate!,
        percentOfClass: p.percentOfClass!,
        soleVotingPower: p.soleVotingPower!,
        sharedVotingPower: p.sharedVotingPower!,
        soleDispositivePower: p.soleDispositivePower!,
        sharedDispositivePower: p.sharedDispositivePower!,
      },
    });
  }
}

/** Control of one reporting person by another (Item 5(a)), and the group the cover pages' row 2 forms. */
function addControlAndGroup({ filing, add, source, idOf, byEventDate, review, issuerKey }: EventPlan): void {
  for (const c of controlStatements(filing)) {
    const controller = matchCover(c.controllerPhrase, filing.coverPages, filing.identities);
    const entity = matchCover(c.entityPhrase, filing.coverPages, filing.identities);
    if (!controller || !entity) {
      review.push({
        item: '5(a)',
        sentence: c.quote,
        reason: 'control statement naming a person the cover pages do not',
      });
      continue;
    }
    add(`control/${idOf(controller)}/${idOf(entity)}`, {
      type: 'ControlEstablished',
      data: {
        ...byEventDate,
        ...source('5(a)', c.quote),
        controllerId: idOf(controller),
        entityId: idOf(entity),
        relationship: 'as described in Item 2',
      },
    });
  }
  const members = filing.coverPages.filter((c) => c.memberOfGroup?.a).map(idOf);
  if (members.length > 1) {
    add('group', {
      type: 'GroupFormed',
      data: {
        ...byEventDate,
        ...source('cover row 2', 'CHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP (a) ☒'),
        groupId: `${kebab(filing.issuer.name ?? issuerKey)}-reporting-persons`,
        memberIds: members,
      },
    });
  }
}

/** The cap an exchange-cap lift ends, set from the securities the events describe (cap-events.ts). */
function addExchangeCaps({ filing, add, source, events, review }: EventPlan): void {
  for (const lift of filing.transactions) {
    if (lift.kind !== 'exchange-cap-lifted') continue;
    const { plan, review: unsure } = capSetFromLift(
      { capPercent: lift.capPercent, exchange: lift.exchange, sentence: lift.source.sentence, item: lift.source.item },
      events,
    );
    if (unsure) review.push(unsure);
    if (!plan) continue;
    // Same capId as the lift, so the holdings fold pairs them.
    const capId = kebab(`${lift.exchange} ${lift.capPercent}`);
    add(`cap-set/${capId}`, {
      type: 'ExchangeCapSet',
      data: {
        effectiveDate: plan.effectiveDate,
        effectiveDatePrecision: 'on-or-before',
        ...source(lift.source.item, lift.source.sentence),
        capId,
        capPercent: plan.capPercent,
        baseSharesOutstanding: null,
        securityIds: plan.securityIds,
        exchange: plan.exchange,
      },
    });
  }
}

/** Impossible values set aside, ids given, and what is left for review (a sentence an event quotes is not). */
function finishIds(plan: EventPlan, filingKey: string): ReviewItem[] {
  // Nothing impossible is stored: a transaction holding such a value goes to review, anything else refuses.
  const notRecorded: ReviewItem[] = [];
  const plausible = withoutImplausible(plan.planned, notRecorded, plan.filing.file);
  const setAside = new Set(plan.planned.filter((p) => !plausible.includes(p)).map((p) => p.entry));
  if (setAside.size > 0) plan.events.splice(0, plan.events.length, ...plan.events.filter((e) => !setAside.has(e)));
  assignIds(plausible, plan.issuerKey, filingKey);
  const quoted = plan.events
    .map((e) => (e.data as { source?: { quote?: string } }).source?.quote ?? '')
    .filter((q) => q !== '');
  // A sentence already turned into an event is not also listed for review.
  return [...plan.review.filter((r) => !quoted.some((q) => q.includes(r.sentence))), ...notRecorded];
}

/**
 * What identifies a transaction or timeless fact whichever filing discloses it: the issuer, the type and the
 * data without where it was read (source, disclosure date). A date the filing gives only as a bound
 * ("on-or-before" its own as-of date) is the filing's, not the fact's, so it is left out too.
 */
export function factIdentity(issuerKey: string, type: DomainEvent['type'], data: DomainEvent['data']): string {
  const { source: _source, disclosedOn: _disclosed, ...rest } = data as Record<string, unknown>;
  if (rest.effectiveDatePrecision === 'on-or-before') delete rest.effectiveDate;
  // Fields ledger-events/2 states that /1 left out when they held their default: ids stay those of /1.
  if (rest.effectiveDatePrecision === 'on-or-before' || rest.effectiveDatePrecision === 'exact')
    delete rest.effectiveDatePrecision;
  if (type === 'SharesSold' && rest.totalPrice === null) delete rest.totalPrice;
  return `ingest-fact/${issuerKey}/${type}/${canonicalJson(rest)}`;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Filing-specific facts get ids from the filing key; every other fact from its identity, so a transaction an
 * amendment restates has the id it had in the filing that first disclosed it, and ingest writes it once. Two
 * identical facts in one filing are told apart by their order.
 */
function assignIds(
  planned: { entry: FilingEvents['events'][number]; key: string }[],
  cusip: string,
  filingKey: string,
): void {
  const seen = new Map<string, number>();
  for (const { entry, key } of planned) {
    // The facts a filing states about itself, as of its own date, are keyed by the filing; the rest by their content.
    if (entry.type !== 'EventCorrected' && entry.type !== 'EventRetracted' && !isRestatable(entry.type)) {
      entry.id = stableUuid(`ingest/${filingKey}/${key}`);
      continue;
    }
    const identity = factIdentity(cusip, entry.type, entry.data);
    const n = (seen.get(identity) ?? 0) + 1;
    seen.set(identity, n);
    entry.id = stableUuid(n === 1 ? identity : `${identity}#${n}`);
  }
}
