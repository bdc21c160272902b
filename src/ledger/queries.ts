/** group, history, statement and reconcile for one issuer: read, decode once, project. */
import { selectFacts } from '../../projections/facts.js';
import { groupsAt, type GroupsView } from '../../projections/groups.js';
import { historyOf, type HistoryView } from '../../projections/history.js';
import { reconcile, type ReconciliationView } from '../../projections/reconciliation.js';
import { statementAt, type StatementView } from '../../projections/statement.js';
import { PersonIdSchema, InvalidValueError } from '../domain/index.js';
import type { EventStore } from '../store/event-store.js';
import { parseClocks, parseShareBasis, type ClockInput } from './clocks.js';
import { issuerName, readKnownIssuer } from './issuer-events.js';

type IssuerInput = { issuer: string };
type Issuer = { cusip: string; name: string | null };

export async function queryGroup(store: EventStore, input: IssuerInput & ClockInput): Promise<GroupsView & { issuer: Issuer }> {
  const clocks = parseClocks(input);
  const { cusip, envelopes } = await readKnownIssuer(store, input.issuer);
  return { issuer: { cusip, name: issuerName(envelopes) }, ...groupsAt(selectFacts(envelopes, clocks), clocks.asOf) };
}

export async function queryStatement(store: EventStore, input: IssuerInput & ClockInput): Promise<Omit<StatementView, 'issuer'> & { issuer: Issuer }> {
  const clocks = parseClocks(input);
  const { cusip, envelopes } = await readKnownIssuer(store, input.issuer);
  const view = statementAt(selectFacts(envelopes, clocks), clocks.asOf);
  return { ...view, issuer: { cusip, name: view.issuer?.name ?? issuerName(envelopes) } };
}

export async function queryHistory(store: EventStore, input: IssuerInput & Partial<ClockInput> & { person: string; shareBasis?: string | undefined }): Promise<HistoryView & { issuer: Issuer }> {
  if (!PersonIdSchema.safeParse(input.person).success) throw new InvalidValueError(`--person "${input.person}" is not a person id (kebab-case, e.g. ault-and-company)`);
  const clocks = parseClocks({ ...input, asOf: input.asOf ?? '9999-12-31' });
  const shareBasis = parseShareBasis(input.shareBasis);
  const { cusip, envelopes } = await readKnownIssuer(store, input.issuer);
  const view = historyOf(selectFacts(envelopes, clocks), input.person, input.asOf === undefined ? null : clocks.asOf, { shareBasis });
  return { issuer: { cusip, name: issuerName(envelopes) }, ...view };
}

export async function queryReconciliation(store: EventStore, input: IssuerInput & Partial<ClockInput>): Promise<ReconciliationView & { issuer: Issuer }> {
  const clocks = parseClocks({ ...input, asOf: input.asOf ?? '9999-12-31' });
  const { cusip, envelopes } = await readKnownIssuer(store, input.issuer);
  return { issuer: { cusip, name: issuerName(envelopes) }, ...reconcile(selectFacts(envelopes, clocks)) };
}
