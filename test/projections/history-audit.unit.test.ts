import { describe, expect, it } from 'vitest';
import { historyOf } from '../../projections/views/history.js';
import { selectFacts } from '../../projections/timeline/facts.js';
import { auditIndex } from '../../projections/timeline/audit-index.js';
import type { Envelope } from '../../src/domain/index.js';
import { sampleEnvelopes, envelopes, RECORDED } from './build.js';

const CORRECTED_AT = '2024-09-01T00:00:00.000Z';
const RETRACTED_AT = '2024-09-02T00:00:00.000Z';

function withAudit(): { all: Envelope[]; purchaseId: string; closingId: string } {
  const base = sampleEnvelopes();
  const purchase = base.find((e) => e.event.type === 'SharesPurchased' && e.event.data.effectiveDate === '2024-06-17')!;
  const closing = base.find((e) => e.event.type === 'PreferredIssued' && e.event.data.effectiveDate === '2024-03-07')!;
  const later = [
    ...envelopes(
      [
        {
          type: 'EventCorrected',
          data: { eventId: purchase.id, set: { shares: 10_500 }, reason: 'typo in Item 5(c)' },
        },
      ],
      CORRECTED_AT,
      base.length,
    ),
    ...envelopes(
      [{ type: 'EventRetracted', data: { eventId: closing.id, reason: 'not a transaction of the reporting person' } }],
      RETRACTED_AT,
      base.length + 1,
    ),
  ];
  return { all: [...base, ...later], purchaseId: purchase.id, closingId: closing.id };
}

describe('history: the audit trail of corrections and retractions', () => {
  it('shows a corrected change with the corrected value, the original, the reason and when', () => {
    const { all, purchaseId } = withAudit();
    const view = historyOf(selectFacts(all), 'ault-and-company', null, { audit: auditIndex(all) });
    const entry = view.changes.find((e) => e.factId === purchaseId)!;
    expect(entry.change).toBe(10_500);
    expect(entry.corrected).toMatchObject({
      originally: { change: 10_000, fields: { shares: 10_000 } },
      reasons: ['typo in Item 5(c)'],
      recordedAt: CORRECTED_AT,
    });
    expect(entry.retracted).toBeNull();
  });

  it('shows a retracted fact as recorded then retracted, contributing 0', () => {
    const { all, closingId } = withAudit();
    const view = historyOf(selectFacts(all), 'ault-and-company', null, { audit: { envelopes: all } });
    const entries = view.changes.filter((e) => e.factId === closingId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      change: 0,
      date: '2024-03-07',
      retracted: {
        reason: 'not a transaction of the reporting person',
        recordedAt: RETRACTED_AT,
        originallyRecordedAt: RECORDED,
        wouldHaveChanged: 500,
      },
    });
    // The position after it is what the others give: the entry before it for the same security.
    const series = view.changes.filter((e) => e.securityId === entries[0]!.securityId);
    const i = series.indexOf(entries[0]!);
    expect(entries[0]!.quantityAfter).toBe(series[i - 1]!.quantityAfter);
  });

  it('respects --recorded-by: a correction or retraction recorded after it is not shown', () => {
    const { all, purchaseId, closingId } = withAudit();
    const clocks = { recordedBy: '2024-08-15T00:00:00.000Z' };
    const view = historyOf(selectFacts(all, clocks), 'ault-and-company', null, { audit: auditIndex(all, clocks) });
    const entry = view.changes.find((e) => e.factId === purchaseId)!;
    expect(entry.change).toBe(10_000);
    expect(entry.corrected).toBeNull();
    const closing = view.changes.filter((e) => e.factId === closingId);
    expect(closing[0]).toMatchObject({ change: 500, retracted: null });
  });

  it('without the envelopes still marks a corrected entry with its reasons', () => {
    const { all, purchaseId } = withAudit();
    const entry = historyOf(selectFacts(all), 'ault-and-company').changes.find((e) => e.factId === purchaseId)!;
    expect(entry.corrected).toMatchObject({ originally: null, reasons: ['typo in Item 5(c)'] });
  });
});

describe('history of a fact a later filing restated', () => {
  it('shows a correction made to the restatement against the one merged fact, with the value first recorded', () => {
    // Given the sample, an "Amendment No. 9" restating the 2024-06-17 purchase of 10,000, and a correction of that
    // restatement
    const base = sampleEnvelopes();
    const purchase = base.find(
      (e) => e.event.type === 'SharesPurchased' && e.event.data.effectiveDate === '2024-06-17',
    )!;
    if (purchase.event.type !== 'SharesPurchased') throw new Error('not a purchase');
    const a9 = { ...purchase.event.data.source, amendmentNumber: 9, filedOn: '2024-08-22' };
    const [restated] = envelopes(
      [{ type: 'SharesPurchased', data: { ...purchase.event.data, disclosedOn: '2024-08-22', source: a9 } }],
      RECORDED,
      base.length,
    );
    const [correction] = envelopes(
      [
        {
          type: 'EventCorrected',
          data: { eventId: restated!.id, set: { shares: 10_500 }, reason: 'typo in Amendment No. 9' },
        },
      ],
      CORRECTED_AT,
      base.length + 1,
    );
    const all = [...base, restated!, correction!];
    // When the history is built
    const view = historyOf(selectFacts(all), 'ault-and-company', null, { audit: { envelopes: all } });
    // Then the purchase appears once, corrected to 10,500 from the 10,000 first recorded
    const entries = view.changes.filter((e) => e.date === '2024-06-17' && e.securityId === 'common');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      change: 10_500,
      corrected: { originally: { change: 10_000 }, reasons: ['typo in Amendment No. 9'] },
    });
  });
});
