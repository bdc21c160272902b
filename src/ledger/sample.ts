/**
 * Loads the bundled Ault Alliance history; a second load writes nothing.
 *
 * The sample is grouped by the filing that discloses each event (a statement
 * is its own filing; every other fact belongs to the filing in its source), and
 * each filing is compared with the store by the same identity ingest uses
 * (src/domain/filing-key.ts): a filing already recorded from another source (an
 * ingest of Amendment No. 8's text, say) is skipped whole, so its positions are
 * not counted twice. What is new is still appended.
 */
import { aultAllianceHistory, type SampleEvent, type SampleHistory } from '../../data/ault-alliance.js';
import {
  datedFilingKeyOf,
  filingKeyOf,
  filingLabel,
  issuerStream,
  parseCusip,
  type EventData,
} from '../domain/index.js';
import type { EventStore } from '../store/event-store.js';
import { handleIssuerCommand, type Decision, type IssuerRecord } from './issuer-command.js';
import { issuerDirectory } from './issuer-directory.js';

export interface SampleLoadResult {
  stream: string;
  issuer: { cusip: string; name: string };
  /** Events in the bundled history. */
  total: number;
  appended: number;
  alreadyPresent: number;
  /** Filings of the sample already recorded from another source: not appended, with the reason. */
  skipped: { filing: string; events: number; reason: string }[];
}

type Filed = EventData<'StatementFiled'>;

/** The filing an event belongs to, by amendment number: a statement is its own filing, a fact its source's. */
function filingOf(event: SampleEvent): number | null {
  if (event.type === 'StatementFiled') return (event.data as Filed).amendmentNumber;
  return 'source' in event.data ? event.data.source.amendmentNumber : -1;
}

export async function loadSample(store: EventStore): Promise<SampleLoadResult> {
  const history = aultAllianceHistory();
  const cusip = parseCusip(history.issuer.cusip);
  const result = await handleIssuerCommand(store, issuerStream(cusip), (record) => decideSampleLoad(history, record), {
    source: 'sample:ault-alliance',
  });
  // Its CIK and Amendment No. 7's CUSIP find this chain too (an ingest of Amendment No. 7 continues it).
  await issuerDirectory(store).record(history.aliases, cusip, history.issuer.name, 'sample:ault-alliance');
  return result;
}

/**
 * The sample's events the issuer's stream lacks, filing by filing: a filing already recorded from another source
 * (an ingest of the same filing, by either identity) is skipped whole, and said so.
 */
export function decideSampleLoad(history: SampleHistory, record: IssuerRecord): Decision<SampleLoadResult> {
  const present = new Set(record.recorded.map((e) => e.id));
  // Statements recorded from another source, by both identities.
  const known = new Map<string, string>();
  const sourceOf = new Map(record.recorded.map((e) => [e.id, String(e.metadata.source ?? 'an unnamed source')]));
  for (const { id, event } of record.envelopes) {
    const from = sourceOf.get(id)!;
    if (event.type !== 'StatementFiled' || from === 'sample:ault-alliance') continue;
    const key = filingKeyOf(event.data);
    if (key !== null) known.set(key, from);
    if (!known.has(datedFilingKeyOf(event.data))) known.set(datedFilingKeyOf(event.data), from);
  }
  const groups = new Map<number | null, SampleEvent[]>();
  for (const event of history.events) groups.set(filingOf(event), [...(groups.get(filingOf(event)) ?? []), event]);
  const missing: SampleEvent[] = [];
  const skipped: SampleLoadResult['skipped'] = [];
  for (const [amendment, events] of groups) {
    const statement = events.find(
      (e) => e.type === 'StatementFiled' && (e.data as Filed).amendmentNumber === amendment,
    );
    const data = statement?.data as Filed | undefined;
    const from = data ? (known.get(filingKeyOf(data) ?? '') ?? known.get(datedFilingKeyOf(data))) : undefined;
    const notYet = events.filter((e) => !present.has(e.id));
    if (from !== undefined && notYet.length > 0) {
      skipped.push({ filing: filingLabel(amendment), events: notYet.length, reason: `already recorded from ${from}` });
      continue;
    }
    missing.push(...notYet);
  }
  const skippedEvents = skipped.reduce((sum, s) => sum + s.events, 0);
  const total = history.events.length;
  return {
    events: missing,
    // Another loader writing the same events at the same moment wrote them, not this one.
    report: (wrote) => ({
      stream: history.stream,
      issuer: history.issuer,
      total,
      appended: wrote ? missing.length : 0,
      alreadyPresent: total - (wrote ? missing.length : 0) - skippedEvents,
      skipped,
    }),
  };
}
