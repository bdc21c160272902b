/** diff: what changed between two filings of an issuer's Schedule 13D chain. */
import { amendmentDiff, amendmentNumbers, buildTimeline, type AmendmentDiff } from '../../projections/index.js';
import { InvalidValueError, type UnreadableEvent } from '../domain/index.js';
import type { EventStore } from '../store/event-store.js';
import { parseClocks, parseShareBasis } from './clocks.js';
import { issuerName, readKnownIssuer, type IssuerHeader } from './issuer-events.js';

export interface DiffInput {
  issuer: string;
  from: string;
  to: string;
  filedBy?: string | undefined;
  recordedBy?: string | undefined;
  shareBasis?: string | undefined;
}

function amendmentNumber(text: string, flag: string): number {
  if (!/^\d+$/.test(text))
    throw new InvalidValueError(`${flag} "${text}" is not an amendment number (0 for the original)`);
  return Number(text);
}

/** JSON: { issuer, from, to, itemsRestated, coverChanges, holdingChanges, notes, ... } */
export async function queryDiff(
  store: EventStore,
  input: DiffInput,
): Promise<AmendmentDiff & { issuer: IssuerHeader; unreadableEvents: UnreadableEvent[] }> {
  const from = amendmentNumber(input.from, '--from');
  const to = amendmentNumber(input.to, '--to');
  if (from >= to) throw new InvalidValueError(`--from ${from} must be an earlier filing than --to ${to}`);
  const clocks = parseClocks({ asOf: '9999-12-31', filedBy: input.filedBy, recordedBy: input.recordedBy });
  const shareBasis = parseShareBasis(input.shareBasis);
  const { cusip, envelopes, unreadable: unreadableEvents } = await readKnownIssuer(store, input.issuer);
  const timeline = buildTimeline(envelopes, clocks, { checkpointEvery: 0 });
  const known = amendmentNumbers(timeline);
  for (const n of [from, to])
    if (!known.includes(n))
      throw new InvalidValueError(
        `The ledger has no filing numbered ${n} for ${cusip}; it knows ${known.join(', ')} (0 is the original)`,
      );
  return {
    issuer: { cusip, name: issuerName(envelopes) },
    ...amendmentDiff(timeline, from, to, { shareBasis }),
    unreadableEvents,
  };
}
