/**
 * Why a holdings answer has no holders, and the earliest date or filing that has some. An empty
 * answer reads like "holds nothing", which is a different claim from "the ledger knows nothing yet
 * at that date"; this says which clock emptied it. The CLI words the answer; HTTP can serve it as is.
 */
import { holdingsSeries, selectFacts, type Clocks, label } from '../../projections/index.js';
import type { Envelope } from '../domain/index.js';
import type { EventStore } from '../store/event-store.js';
import { parseClocks, type ClockInput } from './clocks.js';
import { readKnownIssuer } from './issuer-events.js';

/** A filing by its label ("Amendment No. 8"); null when the ledger has its facts but not its statement. */
export interface FilingOnDate {
  label: string | null;
  filedOn: string;
}

/** The clock that emptied the answer, checked from the outermost in: recorded by, then filed by, then as of. */
export type EmptyHoldings =
  /** The ledger had recorded nothing of the issuer by `recordedBy`; null when it has recorded no readable event. */
  | { reason: 'nothing-recorded'; recordedBy: string; firstRecordedAt: string | null }
  /**
   * No filing had been filed by `filedBy`: the first one recorded, and the first whose facts give holdings at
   * `asOf` (the earliest `--filed-by` that fills the answer).
   */
  | {
      reason: 'nothing-filed';
      asOf: string;
      filedBy: string;
      firstFiling: FilingOnDate | null;
      firstFilingWithHoldings: string | null;
    }
  /** Filings were filed by `filedBy`, but none of them gives holdings at `asOf`; one filed later does. */
  | { reason: 'not-yet-disclosed'; asOf: string; filedBy: string; firstFilingWithHoldings: string }
  /** Holdings begin after `asOf`, on `earliestDate` (under `filedBy` when it is given). */
  | { reason: 'holdings-begin-later'; asOf: string; filedBy: string | null; earliestDate: string }
  /** No holdings on or before `asOf` nor at any later date (under `filedBy` when it is given). */
  | { reason: 'no-holdings'; asOf: string; filedBy: string | null };

/** Reads the issuer and says why holdings at these clocks are empty (call it only when they are). */
export async function explainEmptyHoldings(
  store: EventStore,
  input: ClockInput & { issuer: string },
): Promise<EmptyHoldings> {
  const { envelopes } = await readKnownIssuer(store, input.issuer);
  return emptyHoldingsReason(envelopes, parseClocks(input));
}

export function emptyHoldingsReason(envelopes: readonly Envelope[], clocks: Clocks): EmptyHoldings {
  const { asOf } = clocks;
  const recordedBy = clocks.recordedBy ?? null;
  const filedBy = clocks.filedBy ?? null;
  if (recordedBy !== null && selectFacts(envelopes, { recordedBy }).length === 0) {
    const firstRecordedAt = envelopes.map((e) => e.recordedAt).sort()[0] ?? null;
    return { reason: 'nothing-recorded', recordedBy, firstRecordedAt };
  }
  if (filedBy !== null && selectFacts(envelopes, { recordedBy, filedBy }).length === 0) {
    const firstFiling = earliestFiling(selectFacts(envelopes, { recordedBy }));
    const firstFilingWithHoldings = firstFilingWithHoldingsAt(envelopes, recordedBy, asOf);
    return { reason: 'nothing-filed', asOf, filedBy, firstFiling, firstFilingWithHoldings };
  }
  const facts = selectFacts(envelopes, { recordedBy, filedBy });
  const later = [...new Set(facts.map((f) => f.event.data.effectiveDate).filter((d) => d > asOf))].sort();
  const index = holdingsSeries(facts, later).findIndex((v) => v.holders.length > 0);
  if (index >= 0) return { reason: 'holdings-begin-later', asOf, filedBy, earliestDate: later[index]! };
  if (filedBy !== null) {
    const firstFilingWithHoldings = firstFilingWithHoldingsAt(envelopes, recordedBy, asOf);
    if (firstFilingWithHoldings !== null) {
      return { reason: 'not-yet-disclosed', asOf, filedBy, firstFilingWithHoldings };
    }
  }
  return { reason: 'no-holdings', asOf, filedBy };
}

/** The first filing date D such that `--filed-by D` gives holdings at `asOf`; null when none does. */
function firstFilingWithHoldingsAt(
  envelopes: readonly Envelope[],
  recordedBy: string | null,
  asOf: string,
): string | null {
  const dates = [...new Set(selectFacts(envelopes, { recordedBy }).map((f) => f.event.data.disclosedOn))].sort();
  for (const filedBy of dates) {
    const [view] = holdingsSeries(selectFacts(envelopes, { recordedBy, filedBy }), [asOf]);
    if (view !== undefined && view.holders.length > 0) return filedBy;
  }
  return null;
}

function earliestFiling(facts: ReturnType<typeof selectFacts>): FilingOnDate | null {
  let first: FilingOnDate | null = null;
  for (const { event } of facts) {
    const filedOn = event.data.disclosedOn;
    const named = event.type === 'StatementFiled' ? label(event.data.amendmentNumber) : null;
    // On the same date a statement names the filing better than its other facts can.
    if (first === null || filedOn < first.filedOn || (filedOn === first.filedOn && first.label === null)) {
      first = { label: named, filedOn };
    }
  }
  return first;
}
