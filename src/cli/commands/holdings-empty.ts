/**
 * Why a holdings table is empty, in one sentence with the earliest date that has
 * something. A bare header row reads like "holds nothing", which is a different
 * claim from "the ledger knows nothing yet at that date"; this says which clock
 * emptied the table.
 */
import { holdingsSeries } from '../../../projections/holdings-at.js';
import { selectFacts, type Clocks } from '../../../projections/facts.js';
import { label } from '../../../projections/statement.js';
import type { Envelope } from '../../domain/index.js';
import { parseClocks, type ClockInput } from '../../ledger/clocks.js';
import { readKnownIssuer } from '../../ledger/issuer-events.js';
import type { EventStore } from '../../store/event-store.js';

export async function explainEmptyHoldings(store: EventStore, input: ClockInput & { issuer: string }): Promise<string> {
  const { envelopes } = await readKnownIssuer(store, input.issuer);
  return explainEmpty(envelopes, parseClocks(input));
}

/** Checks the clocks from the outermost in: recorded by, then filed by, then as of. */
export function explainEmpty(envelopes: readonly Envelope[], clocks: Clocks): string {
  const recordedBy = clocks.recordedBy ?? null;
  const filedBy = clocks.filedBy ?? null;
  if (recordedBy !== null && selectFacts(envelopes, { recordedBy }).length === 0) {
    const first = envelopes.map((e) => e.recordedAt).sort()[0];
    return `The ledger had recorded nothing for this issuer by ${recordedBy}${first === undefined ? '.' : `; its first event was recorded at ${first}.`}`;
  }
  const recorded = selectFacts(envelopes, { recordedBy });
  if (filedBy !== null && selectFacts(envelopes, { recordedBy, filedBy }).length === 0) {
    const first = earliestFiling(recorded);
    const holdings = firstFilingWithHoldings(envelopes, recordedBy, clocks.asOf);
    const then = holdings === null ? '' : ` (the first to disclose holdings effective by ${clocks.asOf} was filed on ${holdings})`;
    return `No filing about this issuer had been filed by ${filedBy}${first === null ? '.' : `; the first, ${first.what}, was filed on ${first.on}${then}.`}`;
  }
  const facts = selectFacts(envelopes, { recordedBy, filedBy });
  const later = [...new Set(facts.map((f) => f.event.data.effectiveDate).filter((d) => d > clocks.asOf))].sort();
  const views = holdingsSeries(facts, later);
  const index = views.findIndex((v) => v.holders.length > 0);
  const under = filedBy === null ? '' : ` in filings filed by ${filedBy}`;
  if (index < 0 && filedBy !== null) {
    const holdings = firstFilingWithHoldings(envelopes, recordedBy, clocks.asOf);
    if (holdings !== null) return `No filing filed by ${filedBy} discloses holdings effective by ${clocks.asOf}; the first that does was filed on ${holdings}.`;
  }
  if (index < 0) return `No holdings are known for this issuer${under} on or before ${clocks.asOf}, nor at any later date.`;
  return `No holdings facts${under} are effective on or before ${clocks.asOf}; the earliest date with holdings is ${later[index]}.`;
}

/** The first filing date D such that `--filed-by D` gives holdings at `asOf`; null when none does. */
function firstFilingWithHoldings(envelopes: readonly Envelope[], recordedBy: string | null, asOf: string): string | null {
  const dates = [...new Set(selectFacts(envelopes, { recordedBy }).map((f) => f.event.data.disclosedOn))].sort();
  for (const filedBy of dates) {
    const [view] = holdingsSeries(selectFacts(envelopes, { recordedBy, filedBy }), [asOf]);
    if (view !== undefined && view.holders.length > 0) return filedBy;
  }
  return null;
}

function earliestFiling(facts: ReturnType<typeof selectFacts>): { what: string; on: string } | null {
  let first: { what: string; on: string } | null = null;
  for (const fact of facts) {
    const data = fact.event.data;
    const what = fact.event.type === 'StatementFiled' ? label(fact.event.data.amendmentNumber) : 'a filing';
    // On the same date a statement names the filing better than "a filing".
    if (first === null || data.disclosedOn < first.on || (data.disclosedOn === first.on && first.what === 'a filing')) first = { what, on: data.disclosedOn };
  }
  return first;
}
