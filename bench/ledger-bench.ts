/**
 * Replay and as-of queries against peers in the same run:
 * - decoding (zod, once at the read edge) against wrapping without validation;
 * - the holdings fold against the floor any fold must pay (one Map update per event);
 * - an as-of query on a timeline built once against a full replay per query.
 */
import { decodeEvents, EVENT_SCHEMA_VERSION, type Envelope } from '../src/domain/index.js';
import { buildTimeline, holdingsAt, holdingsFromEnvelopes, positionsFold, replay, selectFacts } from '../projections/index.js';
import { measure, report } from './measure.js';
import { syntheticHistory } from './synthetic-history.js';

export async function benchLedger(eventCount: number): Promise<void> {
  const stored = syntheticHistory(eventCount);

  const marked = stored.map((e) => ({ ...e, metadata: { ...e.metadata, schema: EVENT_SCHEMA_VERSION } }));
  const wrapped = await measure('wrap without validation (peer)', eventCount, () =>
    stored.map((e) => ({ id: e.id, event: { type: e.type, data: e.data }, recordedAt: e.metadata.recordedAt, position: Number(e.position) })),
  );
  const trusted = await measure('decodeEvents, validated on append (marked)', eventCount, () => decodeEvents(marked));
  report(`decode ${eventCount.toLocaleString('en-US')} events the ledger wrote`, trusted, wrapped);
  const validated = await measure('decodeEvents, foreign events (zod)', eventCount, () => decodeEvents(stored));
  report(`decode ${eventCount.toLocaleString('en-US')} events another program wrote`, validated, wrapped);

  const envelopes: Envelope[] = decodeEvents(stored);
  const full = await measure('selectFacts + positions fold (full replay)', eventCount, () => replay(selectFacts(envelopes), positionsFold));
  const floor = await measure('one Map update per event (floor peer)', eventCount, () => {
    const totals = new Map<string, number>();
    for (const { event } of envelopes) {
      const data = event.data as { personId?: string; shares?: number };
      const key = `${data.personId}|${event.type}`;
      totals.set(key, (totals.get(key) ?? 0) + (data.shares ?? 0));
    }
    return totals;
  });
  report(`replay ${eventCount.toLocaleString('en-US')} events into holdings state`, full, floor);

  const dates = Array.from({ length: 50 }, (_, i) => `${2000 + Math.floor(i / 2)}-0${1 + (i % 9)}-15`);
  const timeline = buildTimeline(envelopes);
  const onTimeline = await measure(`holdingsAt on a timeline, ${dates.length} dates`, dates.length, () => {
    for (const asOf of dates) holdingsAt(timeline, asOf);
  });
  const perQuery = await measure(`holdingsFromEnvelopes per query (peer)`, dates.length, () => {
    for (const asOf of dates) holdingsFromEnvelopes(envelopes, { asOf });
  }, 1);
  report(`as-of holdings queries (${(onTimeline.ms / dates.length).toFixed(2)} ms per query on a timeline)`, onTimeline, perQuery);
}
