/** Loads the bundled Ault Alliance history; a second load writes nothing. */
import { aultAllianceHistory } from '../../data/ault-alliance.js';
import { parseCusip } from '../domain/index.js';
import type { EventStore } from '../store/event-store.js';
import { appendToIssuer, readIssuer } from './issuer-events.js';

export interface SampleLoadResult {
  stream: string;
  issuer: { cusip: string; name: string };
  /** Events in the bundled history. */
  total: number;
  appended: number;
  alreadyPresent: number;
}

export async function loadSample(store: EventStore): Promise<SampleLoadResult> {
  const history = aultAllianceHistory();
  const cusip = parseCusip(history.issuer.cusip);
  const { envelopes, lastRevision } = await readIssuer(store, cusip);
  const present = new Set(envelopes.map((e) => e.id));
  const missing = history.events.filter((e) => !present.has(e.id));
  if (missing.length > 0) {
    // Deterministic ids make a concurrent loader's retry harmless; the revision check makes it explicit.
    await appendToIssuer(store, cusip, missing, { expectedRevision: lastRevision ?? 'no_stream', source: 'sample:ault-alliance' });
  }
  return { stream: history.stream, issuer: history.issuer, total: history.events.length, appended: missing.length, alreadyPresent: history.events.length - missing.length };
}
