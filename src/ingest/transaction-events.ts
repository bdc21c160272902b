/**
 * Parsed transactions into ledger events, each citing its sentence. Security
 * ids are canonical (src/domain/security-ids.ts), the same the bundled sample
 * uses, so that one security is one position whoever recorded it.
 */
import { canonicalSecurityId, type DomainEventInput, type Source } from '../domain/index.js';
import { planNoteAndWarrants, repaidNote } from './note-warrants.js';
import type { ParsedFiling, ReviewItem } from './parsed-filing.js';
import { kebab } from './positions.js';

type Add = (key: string, event: DomainEventInput) => void;
type SourceOf = (item: string, quote: string) => { disclosedOn: string; source: Source };
type Terms = { conversionPrice?: number | null; exercisableFrom?: string | null; expiresOn?: string | null };
export type Describe = (
  id: string,
  title: string,
  kind: 'convertible-note' | 'warrant' | 'convertible-preferred',
  item: string,
  quote: string,
  extra?: Terms,
) => void;

/** `asOf`: the date the filing states its figures as of; a repayment "subsequently" made happened on or before it. */
export function addTransactions(
  filing: ParsedFiling,
  add: Add,
  source: SourceOf,
  describe: Describe,
  asOf: string,
  review: ReviewItem[],
  personIdOf: (name: string) => string,
): void {
  const context: Context = { filing, add, source, describe, review, personIdOf };
  const notes = filing.transactions.filter((t) => t.kind === 'note-issued');
  filing.transactions.forEach((t, i) => {
    const key = `tx/${i}/${t.kind}/${'date' in t ? t.date : asOf}`;
    const at = { effectiveDate: 'date' in t ? t.date : asOf, ...source(t.source.item, t.source.sentence) };
    switch (t.kind) {
      case 'shares-purchased':
        return add(key, {
          type: 'SharesPurchased',
          data: {
            ...at,
            personId: personIdOf(t.holder),
            shares: t.shares,
            method: t.method,
            pricePerShare: t.pricePerShare ?? null,
            totalPrice: t.totalPrice ?? null,
          },
        });
      case 'shares-sold':
        return add(key, {
          type: 'SharesSold',
          data: {
            ...at,
            personId: personIdOf(t.holder),
            shares: t.shares,
            method: t.method,
            pricePerShare: t.pricePerShare ?? null,
            totalPrice: t.totalPrice ?? null,
          },
        });
      case 'note-issued':
      case 'note-converted':
      case 'preferred-issued':
      case 'warrants-issued':
        return addIssuance(context, t, key, at, notes);
      case 'note-and-warrants-sold':
        return addNoteAndWarrants(context, t, key);
      case 'note-repaid':
        return addRepayment(context, t, key, at);
      case 'exchange-cap-lifted':
        return add(key, {
          type: 'ExchangeCapLifted',
          data: { ...at, capId: kebab(`${t.exchange} ${t.capPercent}`), approvedBy: t.exchange },
        });
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

type Transaction = ParsedFiling['transactions'][number];
type Of<K extends Transaction['kind']> = Extract<Transaction, { kind: K }>;
type At = { effectiveDate: string } & ReturnType<SourceOf>;

/** What every transaction's events are made with. */
interface Context {
  filing: ParsedFiling;
  add: Add;
  source: SourceOf;
  describe: Describe;
  review: ReviewItem[];
  personIdOf: (name: string) => string;
}

/** A note sold with warrants (Item 3 defines both): the note issued, and the warrants, each with its terms. */
function addNoteAndWarrants(context: Context, t: Of<'note-and-warrants-sold'>, key: string): void {
  const { filing, add, source, describe, review, personIdOf } = context;
  const { plan, review: unsure } = planNoteAndWarrants(filing, t);
  if (unsure) review.push(unsure);
  if (!plan) return;
  const read = review.findIndex((r) => r.sentence === plan.definition);
  if (read >= 0) review.splice(read, 1);
  const cited = { effectiveDate: t.date, ...source(plan.item, plan.quote) };
  const { note, warrants } = plan;
  describe(note.securityId, note.title, 'convertible-note', plan.item, plan.quote);
  describe(warrants.securityId, warrants.title, 'warrant', plan.item, plan.quote, {
    exercisableFrom: warrants.exercisableFrom,
    expiresOn: warrants.expiresOn,
  });
  // Item 3 does not state the note's conversion terms: conversion price null.
  add(`${key}/note`, {
    type: 'ConvertibleNoteIssued',
    data: {
      ...cited,
      personId: personIdOf(t.holder),
      securityId: note.securityId,
      principal: note.principal,
      conversionPrice: null,
      interestRatePercent: null,
    },
  });
  add(`${key}/warrants`, {
    type: 'WarrantsIssued',
    data: {
      ...cited,
      personId: personIdOf(t.holder),
      securityId: warrants.securityId,
      shares: warrants.shares,
      exercisePrice: null,
      exercisableFrom: warrants.exercisableFrom,
      expiresOn: warrants.expiresOn,
    },
  });
}

/** A note repaid: recorded only when this filing issues that note with certainty, else listed for review. */
function addRepayment(context: Context, t: Of<'note-repaid'>, key: string, at: At): void {
  const { filing, add, review, personIdOf } = context;
  const note = repaidNote(filing, t.noteAlias);
  const holder = filing.transactions.find((s) => s.kind === 'note-and-warrants-sold' && s.noteAlias === t.noteAlias);
  if (!note || !holder || holder.kind !== 'note-and-warrants-sold') {
    review.push({
      item: t.source.item,
      sentence: t.source.sentence,
      reason: `repays "${t.noteAlias}", a note this filing does not issue with certainty; not recorded`,
    });
    return;
  }
  // "subsequently repaid": the filing shows only that it had happened by the date its figures are stated as of.
  add(key, {
    type: 'ConvertibleNoteRepaid',
    data: {
      ...at,
      effectiveDatePrecision: 'on-or-before',
      personId: personIdOf(holder.holder),
      securityId: note.securityId,
      principalRepaid: note.principal,
    },
  });
}

const noteId = (title: string, date: string) => canonicalSecurityId(title, 'convertible-note', { issuedOn: date });

/** A security issued to a holder (a note, preferred, warrants) with its terms, or a note converted into shares. */
function addIssuance(
  context: Context,
  t: Of<'note-issued' | 'note-converted' | 'preferred-issued' | 'warrants-issued'>,
  key: string,
  at: At,
  notes: readonly Transaction[],
): void {
  const { add, describe, personIdOf } = context;
  switch (t.kind) {
    case 'note-issued': {
      const id = noteId(t.title, t.date);
      describe(id, t.title, 'convertible-note', t.source.item, t.source.sentence, {
        conversionPrice: t.conversionPrice ?? null,
      });
      return add(key, {
        type: 'ConvertibleNoteIssued',
        data: {
          ...at,
          personId: personIdOf(t.holder),
          securityId: id,
          principal: t.principal,
          conversionPrice: t.conversionPrice ?? null,
          interestRatePercent: t.interestRatePercent ?? null,
        },
      });
    }
    case 'note-converted': {
      // The note converted is the one note this filing issues to the holder; otherwise it is not certain which.
      const issued = notes.filter((n) => n.kind === 'note-issued' && n.holder === t.holder);
      if (issued.length !== 1) return;
      const note = issued[0]!;
      const id = note.kind === 'note-issued' ? noteId(note.title, note.date) : '';
      return add(key, {
        type: 'ConvertibleNoteConverted',
        data: {
          ...at,
          personId: personIdOf(t.holder),
          securityId: id,
          principalConverted: t.principal,
          sharesIssued: t.shares,
        },
      });
    }
    case 'preferred-issued': {
      const id = canonicalSecurityId(t.title, 'convertible-preferred');
      describe(id, t.title, 'convertible-preferred', t.source.item, t.source.sentence);
      return add(key, {
        type: 'PreferredIssued',
        data: {
          ...at,
          personId: personIdOf(t.holder),
          securityId: id,
          shares: t.shares,
          purchasePrice: t.totalPrice ?? null,
        },
      });
    }
    case 'warrants-issued': {
      const id = canonicalSecurityId(t.title, 'warrant');
      describe(id, t.title, 'warrant', t.source.item, t.source.sentence);
      return add(key, {
        type: 'WarrantsIssued',
        data: {
          ...at,
          personId: personIdOf(t.holder),
          securityId: id,
          shares: t.shares,
          exercisePrice: null,
          exercisableFrom: null,
          expiresOn: null,
        },
      });
    }
  }
}
