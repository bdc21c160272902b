/**
 * The ledger index: which issuers the store holds and which persons report at each,
 * folded from the issuer streams' statements and person identifications. It answers
 * what no single issuer stream can: the list of issuers, and every issuer where a
 * person (by id or CIK) reports. A pure fold over recorded events, in global order,
 * so a server keeps it current from a catch-up subscription and restarts from its
 * checkpoint; the CLI builds it in one read.
 */
import { decodeEvent, ISSUER_STREAM_PREFIX, parseCik, type Cik } from '../domain/index.js';
import type { EventStore, RecordedEvent } from '../store/event-store.js';

export interface IndexedIssuer {
  issuerKey: string;
  /** The CUSIP and name the latest filing (by filing date) prints; null when none printed. */
  cusip: string | null;
  name: string | null;
  cik: string | null;
  filings: number;
  lastFiledOn: string | null;
  /** Reporting persons named on a cover page or identified, by id, with the name last given. */
  persons: Record<string, { name: string; cik: string | null }>;
}

export interface LedgerIndex {
  /** Position of the last event folded; null before any. */
  checkpoint: bigint | null;
  issuers: Record<string, IndexedIssuer>;
}

/** Only these events change the index: a subscription or a read can filter the rest out at the store. */
export const INDEX_FILTER = { streamPrefixes: [ISSUER_STREAM_PREFIX], types: ['StatementFiled', 'PersonIdentified'] };

export function emptyLedgerIndex(): LedgerIndex {
  return { checkpoint: null, issuers: {} };
}

/** Folds one recorded event in (mutating `index`: it is the server's live state, folded once per event). */
export function evolveLedgerIndex(index: LedgerIndex, recorded: RecordedEvent): LedgerIndex {
  index.checkpoint = recorded.position;
  if (!recorded.stream.startsWith(ISSUER_STREAM_PREFIX) || !INDEX_FILTER.types.includes(recorded.type)) return index;
  let event;
  try {
    event = decodeEvent(recorded).event;
  } catch {
    // An event another program wrote that fails its schema: the issuer's queries list it; the index skips it.
    return index;
  }
  const issuerKey = recorded.stream.slice(ISSUER_STREAM_PREFIX.length);
  const issuer = (index.issuers[issuerKey] ??= {
    issuerKey,
    cusip: null,
    name: null,
    cik: null,
    filings: 0,
    lastFiledOn: null,
    persons: {},
  });
  if (event.type === 'StatementFiled') {
    const d = event.data;
    issuer.filings++;
    if (issuer.lastFiledOn === null || d.filedOn >= issuer.lastFiledOn) {
      issuer.lastFiledOn = d.filedOn;
      issuer.name = d.issuer.name;
      issuer.cusip = d.issuer.cusip ?? issuer.cusip;
    }
    issuer.cik = d.issuer.cik ?? issuer.cik;
    for (const page of [...d.coverPages, ...d.partialCoverPages]) {
      issuer.persons[page.personId] = { name: page.name, cik: issuer.persons[page.personId]?.cik ?? null };
    }
  } else if (event.type === 'PersonIdentified') {
    const d = event.data;
    issuer.persons[d.personId] = { name: d.name, cik: d.cik ?? issuer.persons[d.personId]?.cik ?? null };
  }
  return index;
}

/** The whole index in one read of the store (what the CLI and a server's first start do). */
export async function buildLedgerIndex(
  store: EventStore,
  from: LedgerIndex = emptyLedgerIndex(),
): Promise<LedgerIndex> {
  const fromPosition = from.checkpoint === null ? undefined : from.checkpoint + 1n;
  for (const event of await store.readAll({
    ...(fromPosition === undefined ? {} : { fromPosition }),
    filter: INDEX_FILTER,
  }))
    evolveLedgerIndex(from, event);
  return from;
}

/** A person as a caller names one: a person id, or "cik:N" (any CIK a cover page or Item 2 gives). */
export type PersonRef = { personId: string } | { cik: Cik };

export function parsePersonRef(text: string): PersonRef {
  const cik = /^cik:?\s*(\d{1,10})$/i.exec(text.trim())?.[1];
  return cik === undefined ? { personId: text.trim() } : { cik: parseCik(cik) };
}

/** Every (issuer, person id) pair where the person reports, issuers by name. */
export function issuersOfPerson(index: LedgerIndex, ref: PersonRef): { issuer: IndexedIssuer; personId: string }[] {
  const found: { issuer: IndexedIssuer; personId: string }[] = [];
  for (const issuer of Object.values(index.issuers)) {
    for (const [personId, person] of Object.entries(issuer.persons)) {
      if ('personId' in ref ? personId === ref.personId : person.cik === ref.cik) found.push({ issuer, personId });
    }
  }
  return found.sort((a, b) => (a.issuer.name ?? a.issuer.issuerKey).localeCompare(b.issuer.name ?? b.issuer.issuerKey));
}
