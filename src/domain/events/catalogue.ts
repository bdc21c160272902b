/**
 * What each fact event means, in one place: its kind (which orders the fold
 * within a date and says whether a later filing can restate it), the fields
 * that name persons, its word in history tables and, for a trade in common
 * shares, its effect on the holder's common shares. Keyed by every fact type:
 * a new event type does not compile until each of these is decided.
 */
import type { EventData, FactEvent, FactEventType } from '../events.js';

/**
 * - `statement`: a filing as filed (never merged: each filing is its own).
 * - `definition`: who and what exists (persons, terms, control, groups): folded first on its date.
 * - `transaction`: something that happened; a later filing restating it is the same fact.
 * - `reported-figure`: what a filing states as of its own date (never merged: each filing's figures are its own),
 *   folded last on its date.
 */
export type FactKind = 'statement' | 'definition' | 'transaction' | 'reported-figure';

/** A field that names a person: a property (`personId`), a list (`memberIds[]`), or one inside a list or object. */
export type PersonField = string;

export interface EventTraits<T extends FactEventType> {
  kind: FactKind;
  /** Where its data names persons (paths as a correction's `set` names them; `[]` marks a list). */
  personFields: readonly PersonField[];
  /** Its word in history tables; null where the history never shows it. */
  label: string | null;
  /**
   * Common shares it adds to (negative: takes from) its holder, in the basis of its disclosure; absent for the rest.
   */
  commonShares?: (data: EventData<T>) => number;
}

export const EVENT_CATALOGUE: { readonly [T in FactEventType]: EventTraits<T> } = {
  StatementFiled: {
    kind: 'statement',
    personFields: [
      'coverPages[].personId',
      'partialCoverPages[].personId',
      'noticeContact.careOf',
      'businessAddresses[].personId',
      'businessAddresses[].careOf',
      'readingDoubts[].personId',
    ],
    label: null,
  },
  PersonIdentified: { kind: 'definition', personFields: ['personId'], label: null },
  SecurityDescribed: { kind: 'definition', personFields: [], label: null },
  ControlEstablished: { kind: 'definition', personFields: ['controllerId', 'entityId'], label: null },
  ControlEnded: { kind: 'definition', personFields: ['controllerId', 'entityId'], label: null },
  GroupFormed: { kind: 'definition', personFields: ['memberIds[]'], label: null },
  GroupMemberJoined: { kind: 'definition', personFields: ['personId'], label: null },
  GroupMemberLeft: { kind: 'definition', personFields: ['personId'], label: null },
  JointFilingAgreementSigned: { kind: 'definition', personFields: ['partyIds[]'], label: null },
  SharesPurchased: {
    kind: 'transaction',
    personFields: ['personId'],
    label: 'purchase',
    commonShares: (d) => d.shares,
  },
  SharesSold: { kind: 'transaction', personFields: ['personId'], label: 'sale', commonShares: (d) => -d.shares },
  RsusVested: {
    kind: 'transaction',
    personFields: ['personId'],
    label: 'RSUs vested',
    commonShares: (d) => d.sharesIssued,
  },
  ConvertibleNoteIssued: { kind: 'transaction', personFields: ['personId'], label: 'note issued' },
  ConvertibleNoteConverted: {
    kind: 'transaction',
    personFields: ['personId'],
    label: 'conversion',
    commonShares: (d) => d.sharesIssued,
  },
  ConvertibleNoteRepaid: { kind: 'transaction', personFields: ['personId'], label: 'repaid' },
  PreferredIssued: { kind: 'transaction', personFields: ['personId'], label: 'preferred issued' },
  WarrantsIssued: { kind: 'transaction', personFields: ['personId'], label: 'warrants issued' },
  OptionsGranted: { kind: 'transaction', personFields: ['personId'], label: 'options granted' },
  OptionsVested: { kind: 'transaction', personFields: ['personId'], label: 'options vested' },
  ExchangeCapSet: { kind: 'transaction', personFields: [], label: null },
  ExchangeCapLifted: { kind: 'transaction', personFields: [], label: null },
  StockSplit: { kind: 'transaction', personFields: [], label: 'split' },
  PositionReported: { kind: 'reported-figure', personFields: ['personId'], label: 'reported position' },
  BeneficialOwnershipReported: { kind: 'reported-figure', personFields: ['personId'], label: null },
  SharesOutstandingReported: { kind: 'reported-figure', personFields: [], label: null },
};

export function traitsOf<T extends FactEventType>(type: T): EventTraits<T> {
  return EVENT_CATALOGUE[type] as EventTraits<T>;
}

/**
 * Within one effective date: definitions and statements first, then transactions, then figures reported as of that day.
 */
export function foldRank(type: FactEventType): number {
  const kind = EVENT_CATALOGUE[type].kind;
  return kind === 'transaction' ? 1 : kind === 'reported-figure' ? 2 : 0;
}

/**
 * A fact a later filing can restate, and so merge with: not a filing (each is its own) and not a figure a
 * filing states as of its own date (each filing's figures are its own, even when equal).
 */
export function isRestatable(type: FactEventType): boolean {
  const kind = EVENT_CATALOGUE[type].kind;
  return kind === 'definition' || kind === 'transaction';
}

/** Common shares a fact adds to its holder (in the basis of its disclosure); 0 for facts that are not such trades. */
export function commonSharesOf(event: FactEvent): number {
  const effect = (EVENT_CATALOGUE[event.type] as EventTraits<FactEventType>).commonShares as
    ((data: unknown) => number) | undefined;
  return effect === undefined ? 0 : effect(event.data);
}

/** The last segment of every person field: what a correction's `set` path ends with when it names a person. */
export const PERSON_FIELD_NAMES: ReadonlySet<string> = new Set(
  Object.values(EVENT_CATALOGUE).flatMap((traits) =>
    traits.personFields.map((path) => path.split('.').at(-1)!.replace('[]', '')),
  ),
);

/** Every person id the fact names, by its person fields. */
export function personsNamedBy(event: FactEvent): string[] {
  const found: string[] = [];
  for (const path of EVENT_CATALOGUE[event.type].personFields) collect(event.data, path.split('.'), found);
  return found;
}

function collect(value: unknown, segments: readonly string[], found: string[]): void {
  if (value === null || value === undefined) return;
  if (segments.length === 0) {
    if (typeof value === 'string') found.push(value);
    return;
  }
  const [head, ...rest] = segments as [string, ...string[]];
  const list = head.endsWith('[]');
  const next = (value as Record<string, unknown>)[list ? head.slice(0, -2) : head];
  if (list && Array.isArray(next)) for (const item of next) collect(item, rest, found);
  else if (!list) collect(next, rest, found);
}
