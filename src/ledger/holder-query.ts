/** holder: one person's holdings at every issuer where it reports (by person id or CIK), at a date. */
import type { Holder } from '../../projections/index.js';
import { InvalidValueError } from '../domain/index.js';
import type { EventStore } from '../store/event-store.js';
import type { ClockInput } from './clocks.js';
import { queryHoldings } from './holdings-query.js';
import { buildLedgerIndex, issuersOfPerson, parsePersonRef, type LedgerIndex } from './ledger-index.js';

export interface HolderPosition {
  issuer: { issuerKey: string; cusip: string | null; name: string | null };
  personId: string;
  /** The person's holdings at the date; null when it held nothing there then (before its first filing, say). */
  holding: Holder | null;
}

export interface HolderReport {
  /** As asked: a person id, or "cik:N". */
  holder: string;
  asOf: string;
  filedBy: string | null;
  recordedBy: string | null;
  positions: HolderPosition[];
}

export class HolderNotFoundError extends InvalidValueError {
  override readonly name = 'HolderNotFoundError';
}

/** `index` is a server's live index; without one the store is read for it. */
export async function queryHolder(
  store: EventStore,
  input: ClockInput & { holder: string },
  index?: LedgerIndex,
): Promise<HolderReport> {
  const found = issuersOfPerson(index ?? (await buildLedgerIndex(store)), parsePersonRef(input.holder));
  if (found.length === 0)
    throw new HolderNotFoundError(
      `No issuer in the ledger names a reporting person "${input.holder}" (a person id, or cik:N)`,
    );
  const positions: HolderPosition[] = [];
  let clocks = { asOf: input.asOf, filedBy: null as string | null, recordedBy: null as string | null };
  for (const { issuer, personId } of found) {
    const report = await queryHoldings(store, { ...input, issuer: issuer.cusip ?? `cik:${issuer.cik}` });
    clocks = { asOf: report.asOf, filedBy: report.filedBy, recordedBy: report.recordedBy };
    positions.push({
      issuer: { issuerKey: issuer.issuerKey, cusip: report.issuer.cusip, name: report.issuer.name },
      personId,
      holding: report.holders.find((h) => h.personId === personId) ?? null,
    });
  }
  return { holder: input.holder, ...clocks, positions };
}
