/** group, history, statement and reconcile for one issuer: read, decode once, project. */
import {
  groupsAt,
  historyOf,
  reconcile,
  selectFacts,
  statementAt,
  type GroupsView,
  type HistoryView,
  type ReconciliationView,
  type StatementView,
} from '../../projections/index.js';
import {
  PersonIdSchema,
  InvalidValueError,
  knownPersonIds,
  type Envelope,
  type UnreadableEvent,
} from '../domain/index.js';
import type { EventStore } from '../store/event-store.js';
import { parseClocks, parseShareBasis, type ClockInput } from './clocks.js';
import { issuerName, readKnownIssuer, type IssuerHeader } from './issuer-events.js';
import { historyContextOf, type HistoryContext } from './history-context.js';

type IssuerInput = { issuer: string };
type Issuer = IssuerHeader;
/** Every query result lists the events it had to leave out because they fail their schema. */
type WithUnreadable = { unreadableEvents: UnreadableEvent[] };

export async function queryGroup(
  store: EventStore,
  input: IssuerInput & ClockInput,
): Promise<GroupsView & { issuer: Issuer } & WithUnreadable> {
  const clocks = parseClocks(input);
  const { cusip, envelopes, unreadable: unreadableEvents } = await readKnownIssuer(store, input.issuer);
  return {
    issuer: { cusip, name: issuerName(envelopes) },
    ...groupsAt(selectFacts(envelopes, clocks), clocks.asOf),
    unreadableEvents,
  };
}

export async function queryStatement(
  store: EventStore,
  input: IssuerInput & ClockInput,
): Promise<Omit<StatementView, 'issuer'> & { issuer: Issuer } & WithUnreadable> {
  const clocks = parseClocks(input);
  const { cusip, envelopes, unreadable: unreadableEvents } = await readKnownIssuer(store, input.issuer);
  const view = statementAt(selectFacts(envelopes, clocks), clocks.asOf);
  return { ...view, issuer: { cusip, name: view.issuer?.name ?? issuerName(envelopes) }, unreadableEvents };
}

export async function queryHistory(store: EventStore, input: HistoryInput): Promise<HistoryReport> {
  return (await queryHistoryWithContext(store, input)).view;
}

/** The history and, from the same read and the same facts, what a table needs to print prices and names. */
export async function queryHistoryWithContext(
  store: EventStore,
  input: HistoryInput,
): Promise<{ view: HistoryReport; context: HistoryContext }> {
  if (!PersonIdSchema.safeParse(input.person).success)
    throw new InvalidValueError(`--person "${input.person}" is not a person id (kebab-case, e.g. ault-and-company)`);
  const clocks = parseClocks({ ...input, asOf: input.asOf ?? '9999-12-31' });
  const shareBasis = parseShareBasis(input.shareBasis);
  const { cusip, issuerKey, envelopes, unreadable: unreadableEvents } = await readKnownIssuer(store, input.issuer);
  assertKnownPerson(envelopes, input.person, issuerKey);
  const facts = selectFacts(envelopes, clocks);
  // The audit index shows corrections (with the value first recorded) and retractions under the same clocks.
  const history = historyOf(facts, input.person, input.asOf === undefined ? null : clocks.asOf, {
    shareBasis,
    audit: { envelopes, ...clocks },
  });
  return {
    view: { issuer: { cusip, name: issuerName(envelopes) }, ...history, unreadableEvents },
    context: historyContextOf(facts),
  };
}

type HistoryInput = IssuerInput & Partial<ClockInput> & { person: string; shareBasis?: string | undefined };
type HistoryReport = HistoryView & { issuer: Issuer } & WithUnreadable;

/** A person the issuer's events never name is a mistake to report, not an empty history. */
function assertKnownPerson(envelopes: readonly Envelope[], personId: string, cusip: string): void {
  // The same set a correction is checked against (decide.ts): every person the issuer's events name.
  const known = knownPersonIds(envelopes);
  if (known.has(personId)) return;
  throw new PersonNotFoundError(
    `--person "${personId}" is not a person of issuer ${cusip}; known persons: ${[...known].sort().join(', ') || 'none'}`,
  );
}

/** A person id the issuer's events never name (a mistake in what was typed, so still an invalid value). */
export class PersonNotFoundError extends InvalidValueError {
  override readonly name = 'PersonNotFoundError';
}

export async function queryReconciliation(
  store: EventStore,
  input: IssuerInput & Partial<ClockInput>,
): Promise<ReconciliationView & { issuer: Issuer } & WithUnreadable> {
  const clocks = parseClocks({ ...input, asOf: input.asOf ?? '9999-12-31' });
  const { cusip, envelopes, unreadable: unreadableEvents } = await readKnownIssuer(store, input.issuer);
  return {
    issuer: { cusip, name: issuerName(envelopes) },
    ...reconcile(selectFacts(envelopes, clocks)),
    unreadableEvents,
  };
}
