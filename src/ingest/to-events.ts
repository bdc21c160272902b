/**
 * A ParsedFiling into the ledger's domain events, for one atomic append to
 * the issuer's stream. Ids are UUIDs derived from the filing's accession
 * number (or, without one, the hash of its content) and a key per fact, so
 * ingesting the same filing again writes nothing.
 *
 * Figures are kept as reported. A cover page that leaves rows out (an XML
 * 13D/A: absent means unchanged) is recorded as a partial cover page carrying
 * only the rows it states, never filled with zeros (see cover-events.ts).
 */
import { parseCusip, stableUuid, type DomainEvent, type Source } from '../domain/index.js';
import { capSetFromLift } from './cap-events.js';
import { coverPagesForEvent } from './cover-events.js';
import { FilingParseError } from './filing-parse-error.js';
import { filingKeyOf } from './filing-key.js';
import { matchCover } from './items.js';
import type { CoverPage, ParsedFiling, ReviewItem } from './parsed-filing.js';
import { controlStatements, kebab, preferredTerms, reportedHoldings } from './positions.js';

export interface FilingEvents {
  cusip: string;
  /** The key the ids derive from: the accession number or the content hash. */
  filingKey: string;
  /** The format-independent identity of the filing (filing-key.ts); null when it names no person. */
  identityKey: string | null;
  events: { id: string; type: DomainEvent['type']; data: DomainEvent['data'] }[];
  persons: string[];
  review: ReviewItem[];
  /** Cover pages recorded as partial (rows not restated are unchanged), and which rows. */
  partial: string[];
}

/** "AULT & COMPANY, INC." -> "ault-and-company"; "MILTON C. AULT, III" -> "milton-c-ault-iii". */
export function personIdOf(name: string): string {
  return kebab(name.replace(/,?\s*\b(?:Inc|Corp|Corporation|LLC|L\.?L\.?C|L\.?P|Ltd|Co)\.?\s*$/i, ''));
}

export function filingToEvents(filing: ParsedFiling): FilingEvents {
  const fail = (problem: string) => new FilingParseError(filing.file, 'whole file', problem);
  if (!filing.issuer.cusip) throw fail('no CUSIP: the ledger files statements by issuer CUSIP');
  const cusip = parseCusip(filing.issuer.cusip);
  const filedOn = filing.filingDate ?? filing.signatureDate;
  if (!filedOn) throw fail('no filing date (no submission header and no signature date)');
  const asOf = filing.sharesOutstanding?.asOf ?? filing.eventDate ?? filedOn;
  const filingKey = filing.accessionNumber ?? `sha256:${filing.contentHash}`;
  const events: FilingEvents['events'] = [];
  const add = (key: string, event: DomainEvent) => events.push({ id: stableUuid(`ingest/${filingKey}/${key}`), type: event.type, data: event.data });
  const source = (item: string, quote: string): { disclosedOn: string; source: Source } => ({
    disclosedOn: filedOn,
    source: { amendmentNumber: filing.amendmentNo, accessionNumber: (filing.accessionNumber ?? null) as Source['accessionNumber'], filedOn, item, quote },
  });
  const idOf = (cover: CoverPage) => personIdOf(cover.name);
  const holderId = (name: string) => personIdOf(name);
  const covers = coverPagesForEvent(filing.coverPages, personIdOf);
  add('statement', {
    type: 'StatementFiled',
    data: {
      effectiveDate: filing.eventDate ?? filedOn,
      ...source('cover', `Amendment No. ${filing.amendmentNo}`),
      issuer: { name: filing.issuer.name ?? cusip, cusip, cik: (filing.issuer.cik?.replace(/^0+/, '').padStart(10, '0') ?? null) as never },
      classTitle: filing.classTitle ?? 'Common Stock',
      amendmentNumber: filing.amendmentNo,
      accessionNumber: (filing.accessionNumber ?? null) as Source['accessionNumber'],
      eventDate: filing.eventDate ?? null,
      filedOn,
      contentsKnown: true,
      items: Object.keys(filing.items).filter((k) => /^[1-7]$/.test(k)).map((item) => ({ item, change: filing.restatedItems.includes(item) ? 'restated' : 'amended', summary: null })),
      coverPages: covers.coverPages,
      ...(covers.partialCoverPages.length > 0 ? { partialCoverPages: covers.partialCoverPages } : {}),
      noticeContact: null,
      businessAddresses: filing.identities.filter((i) => i.coverName && i.address).map((i) => ({ personId: holderId(i.coverName!), address: i.address!, careOf: null })),
    },
  });
  const byEventDate = { effectiveDate: filing.eventDate ?? filedOn, effectiveDatePrecision: 'on-or-before' as const };
  for (const cover of filing.coverPages) {
    add(`person/${idOf(cover)}`, {
      type: 'PersonIdentified',
      data: { ...byEventDate, ...source('cover row 1', `NAME OF REPORTING PERSON ${cover.name}`), personId: idOf(cover), name: cover.name,
        kind: cover.typeOfReportingPerson?.includes('IN') ? 'individual' : 'entity', typeOfReportingPerson: cover.typeOfReportingPerson ?? [],
        citizenshipOrPlace: cover.citizenship ?? null, cik: (cover.cik?.padStart(10, '0') ?? null) as never },
    });
  }
  if (filing.sharesOutstanding?.asOf) {
    add('shares-outstanding', { type: 'SharesOutstandingReported', data: { effectiveDate: filing.sharesOutstanding.asOf, ...source('5', filing.sharesOutstanding.sentence), count: filing.sharesOutstanding.count, reportedBy: /reported by (the Issuer[^.,]*)/.exec(filing.sharesOutstanding.sentence)?.[1] ?? 'the filing' } });
  }

  const review: ReviewItem[] = [...filing.review];
  type Terms = { statedValue: number | null; conversionPrice: number | null; conversionPriceFloor: number | null; sharesPerUnit: number | null; exercisableFrom: string | null; expiresOn: string | null };
  const none: Terms = { statedValue: null, conversionPrice: null, conversionPriceFloor: null, sharesPerUnit: null, exercisableFrom: null, expiresOn: null };
  const described = new Set<string>();
  const describe = (id: string, title: string, kind: 'common' | 'convertible-preferred' | 'warrant' | 'option' | 'convertible-note', item: string, quote: string, extra: Partial<Terms> = {}) => {
    if (described.has(id)) return;
    described.add(id);
    add(`security/${id}`, { type: 'SecurityDescribed', data: { ...byEventDate, ...source(item, quote), ...none, ...(kind === 'warrant' || kind === 'option' ? { sharesPerUnit: 1 } : {}), ...extra, securityId: id, title, kind } });
  };
  for (const terms of preferredTerms(filing)) {
    describe(kebab(terms.title), terms.title, 'convertible-preferred', '5(a)', terms.quote, { statedValue: terms.statedValue, conversionPrice: terms.conversionPrice, conversionPriceFloor: terms.conversionPriceFloor });
  }
  const positions = reportedHoldings(filing);
  review.push(...positions.review);
  for (const h of positions.holdings) {
    describe(h.security.id, h.security.title, h.security.kind, h.item, h.quote);
    add(`position/${holderId(h.holder)}/${h.security.id}`, { type: 'PositionReported', data: { effectiveDate: asOf, ...source(h.item, h.quote), personId: holderId(h.holder), securityId: h.security.id, quantity: h.quantity, sharesIssuableReported: h.sharesIssuable, exercisableFrom: null } });
  }
  for (const p of filing.item5) {
    const values = [p.aggregate, p.percentOfClass, p.soleVotingPower, p.sharedVotingPower, p.soleDispositivePower, p.sharedDispositivePower];
    if (!p.coverName || values.some((v) => v === undefined)) continue;
    add(`item5/${holderId(p.coverName)}`, { type: 'BeneficialOwnershipReported', data: { effectiveDate: asOf, ...source('5(a), 5(b)', p.ownershipText ?? p.heading), personId: holderId(p.coverName), aggregate: p.aggregate!, percentOfClass: p.percentOfClass!, soleVotingPower: p.soleVotingPower!, sharedVotingPower: p.sharedVotingPower!, soleDispositivePower: p.soleDispositivePower!, sharedDispositivePower: p.sharedDispositivePower! } });
  }
  for (const c of controlStatements(filing)) {
    const controller = matchCover(c.controllerPhrase, filing.coverPages, filing.identities);
    const entity = matchCover(c.entityPhrase, filing.coverPages, filing.identities);
    if (!controller || !entity) {
      review.push({ item: '5(a)', sentence: c.quote, reason: 'control statement naming a person the cover pages do not' });
      continue;
    }
    add(`control/${idOf(controller)}/${idOf(entity)}`, { type: 'ControlEstablished', data: { ...byEventDate, ...source('5(a)', c.quote), controllerId: idOf(controller), entityId: idOf(entity), relationship: 'as described in Item 2' } });
  }
  const members = filing.coverPages.filter((c) => c.memberOfGroup?.a).map(idOf);
  if (members.length > 1) {
    add('group', { type: 'GroupFormed', data: { ...byEventDate, ...source('cover row 2', 'CHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP (a) ☒'), groupId: `${kebab(filing.issuer.name ?? cusip)}-reporting-persons`, memberIds: members } });
  }
  addTransactions(filing, add, source, describe);
  for (const lift of filing.transactions) {
    if (lift.kind !== 'exchange-cap-lifted') continue;
    const { plan, review: unsure } = capSetFromLift({ capPercent: lift.capPercent, exchange: lift.exchange, sentence: lift.source.sentence, item: lift.source.item }, events);
    if (unsure) review.push(unsure);
    if (plan) {
      // Same capId as the lift, so the holdings fold pairs them.
      add(`cap-set/${kebab(`${lift.exchange} ${lift.capPercent}`)}`, { type: 'ExchangeCapSet', data: { effectiveDate: plan.effectiveDate, effectiveDatePrecision: 'on-or-before', ...source(lift.source.item, lift.source.sentence), capId: kebab(`${lift.exchange} ${lift.capPercent}`), capPercent: plan.capPercent, baseSharesOutstanding: null, securityIds: plan.securityIds, exchange: plan.exchange } });
    }
  }
  const statement = events[0]!.data as Parameters<typeof filingKeyOf>[0];
  return { cusip, filingKey, identityKey: filingKeyOf(statement), events, persons: filing.coverPages.map((c) => c.name), review, partial: covers.partialNotes };
}

type Add = (key: string, event: DomainEvent) => void;
type SourceOf = (item: string, quote: string) => { disclosedOn: string; source: Source };

function addTransactions(filing: ParsedFiling, add: Add, source: SourceOf, describe: (id: string, title: string, kind: 'convertible-note' | 'warrant' | 'convertible-preferred', item: string, quote: string, extra?: { conversionPrice?: number | null }) => void) {
  const notes = filing.transactions.filter((t) => t.kind === 'note-issued');
  filing.transactions.forEach((t, i) => {
    const key = `tx/${i}/${t.kind}/${t.date}`;
    const at = { effectiveDate: t.date, ...source(t.source.item, t.source.sentence) };
    switch (t.kind) {
      case 'shares-purchased':
        return add(key, { type: 'SharesPurchased', data: { ...at, personId: personIdOf(t.holder), shares: t.shares, method: t.method, pricePerShare: null, totalPrice: t.totalPrice ?? null } });
      case 'note-issued': {
        const id = `${kebab(t.title)}-${t.date.slice(0, 4)}`;
        describe(id, t.title, 'convertible-note', t.source.item, t.source.sentence, { conversionPrice: t.conversionPrice ?? null });
        return add(key, { type: 'ConvertibleNoteIssued', data: { ...at, personId: personIdOf(t.holder), securityId: id, principal: t.principal, conversionPrice: t.conversionPrice ?? null, interestRatePercent: t.interestRatePercent ?? null } });
      }
      case 'note-converted': {
        // The note converted is the one note this filing issues to the holder; otherwise it is not certain which.
        const issued = notes.filter((n) => n.kind === 'note-issued' && n.holder === t.holder);
        if (issued.length !== 1) return;
        const note = issued[0]!;
        const id = note.kind === 'note-issued' ? `${kebab(note.title)}-${note.date.slice(0, 4)}` : '';
        return add(key, { type: 'ConvertibleNoteConverted', data: { ...at, personId: personIdOf(t.holder), securityId: id, principalConverted: t.principal, sharesIssued: t.shares } });
      }
      case 'preferred-issued':
        describe(kebab(t.title), t.title, 'convertible-preferred', t.source.item, t.source.sentence);
        return add(key, { type: 'PreferredIssued', data: { ...at, personId: personIdOf(t.holder), securityId: kebab(t.title), shares: t.shares, purchasePrice: t.totalPrice ?? null } });
      case 'warrants-issued':
        describe(kebab(t.title), t.title, 'warrant', t.source.item, t.source.sentence);
        return add(key, { type: 'WarrantsIssued', data: { ...at, personId: personIdOf(t.holder), securityId: kebab(t.title), shares: t.shares, exercisePrice: null, exercisableFrom: null, expiresOn: null } });
      case 'exchange-cap-lifted':
        return add(key, { type: 'ExchangeCapLifted', data: { ...at, capId: kebab(`${t.exchange} ${t.capPercent}`), approvedBy: t.exchange } });
      case 'joint-filing-agreement': {
        const parties = filing.coverPages.map((c) => personIdOf(c.name));
        if (parties.length < 2) return;
        return add(key, { type: 'JointFilingAgreementSigned', data: { ...at, partyIds: parties } });
      }
      default: {
        const unknown: never = t;
        return unknown;
      }
    }
  });
}
