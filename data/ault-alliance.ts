/**
 * The bundled Ault Alliance, Inc. history, as known from Amendment No. 8
 * (filed 2024-07-24): one issuer stream of events with deterministic ids.
 */
import { issuerStream, type IssuerAlias } from '../src/domain/index.js';
import { CIK, CUSIP, EARLIER_CUSIPS, ISSUER_NAME, type SampleEvent } from './ault-alliance/common.js';
import { positionEvents } from './ault-alliance/positions.js';
import { statementEvents } from './ault-alliance/statements.js';
import { transactionEvents } from './ault-alliance/transactions.js';

export {
  CUSIP as AULT_ALLIANCE_CUSIP,
  PERSON as AULT_ALLIANCE_PERSONS,
  SECURITY as AULT_ALLIANCE_SECURITIES,
} from './ault-alliance/common.js';
export type { SampleEvent } from './ault-alliance/common.js';

export interface SampleHistory {
  issuer: { cusip: string; name: string };
  /** The issuer's CIK and the other CUSIPs its chain printed: aliases of the stream's key (the CUSIP). */
  aliases: IssuerAlias[];
  stream: string;
  events: SampleEvent[];
}

/** Statements first, then identities and terms, transactions, reported positions. */
export function aultAllianceHistory(): SampleHistory {
  return {
    issuer: { cusip: CUSIP, name: ISSUER_NAME },
    aliases: [`cik:${CIK}`, ...EARLIER_CUSIPS.map((cusip) => `cusip:${cusip}` as const)],
    stream: issuerStream(CUSIP),
    events: [...statementEvents(), ...positionEvents(), ...transactionEvents()],
  };
}
