import { describe, expect, it } from 'vitest';
import { holdingsFromEnvelopes } from '../../projections/holdings-at.js';
import { reconcile } from '../../projections/reconciliation.js';
import { selectFacts } from '../../projections/facts.js';
import { validateEvent, type Envelope } from '../../src/domain/index.js';
import { planIngest } from '../../src/ingest/ingest-filings.js';
import { readFilingFile } from '../../src/ingest/read-filing.js';
import { SYNTHETIC_AMENDMENT_XML, SYNTHETIC_XML } from '../ingest/fixtures.js';
import { envelopes, RECORDED, sampleEnvelopes } from './build.js';

const ingested = async (...files: string[]): Promise<Envelope[]> => {
  const events = [];
  for (const file of files) events.push(...planIngest(await readFilingFile(file)).events);
  return events.map((e, i) => ({ id: e.id, event: validateEvent(e), recordedAt: RECORDED, position: i }));
};

describe('the latest filing gives figures but no breakdown (synthetic XML statement)', () => {
  // Original (2025-01-06): Kestrel Hollow Partners 0 sole / 1,640,000 shared, 1,640,000, 7.7%.
  // Amendment No. 1 (event 2025-03-10, filed 2025-03-12): aggregate 1,760,000, 8.2% (other rows absent:
  // unchanged), and Item 5(c) an open-market purchase of 120,000 shares on 2025-03-10.
  it("gives the partnership the amendment's figures, not the 120,000 shares of its transactions", async () => {
    const events = await ingested(SYNTHETIC_XML, SYNTHETIC_AMENDMENT_XML);
    const kestrel = holdingsFromEnvelopes(events, { asOf: '2025-03-14' }).holders.find((h) => h.personId === 'kestrel-hollow-partners-lp')!;
    expect(kestrel).toMatchObject({ aggregate: 1_760_000, percentOfClass: 8.2, soleVotingPower: 0, sharedVotingPower: 1_640_000, soleDispositivePower: 0, sharedDispositivePower: 1_640_000, breakdownKnown: false });
    // Carried forward from 2025-03-10: derived
    expect(kestrel.basis).toBe('derived');
    expect(kestrel.reportedFigures).toMatchObject({ filing: 'Amendment No. 1', asOf: '2025-03-10', aggregate: 1_760_000 });
    expect(kestrel.notes.join('\n')).toMatch(/the transactions known give 120,000 shares/);
  });

  it('is reported on the amendment date itself', async () => {
    const events = await ingested(SYNTHETIC_XML, SYNTHETIC_AMENDMENT_XML);
    const kestrel = holdingsFromEnvelopes(events, { asOf: '2025-03-10' }).holders.find((h) => h.personId === 'kestrel-hollow-partners-lp')!;
    expect([kestrel.aggregate, kestrel.basis]).toEqual([1_760_000, 'reported']);
  });
});

describe('computed figures against the reported ones', () => {
  const retractCapLifted = (): Envelope[] => {
    const sample = sampleEnvelopes();
    const lifted = sample.find((e) => e.event.type === 'ExchangeCapLifted')!;
    return [...sample, ...envelopes([{ type: 'EventRetracted', data: { eventId: lifted.id, reason: 'test' } }], RECORDED, sample.length)];
  };

  it('are derived, with both numbers, when the exchange cap lift is retracted', () => {
    // Given the cap in force at 2024-07-23: 19.99% of the cap base limits the rights counted
    const company = holdingsFromEnvelopes(retractCapLifted(), { asOf: '2024-07-23' }).holders.find((h) => h.personId === 'ault-and-company')!;
    // Then the computed aggregate is not Amendment No. 8's 214,940,800, and is not called reported
    expect(company.aggregate).not.toBe(214_940_800);
    expect(company.basis).toBe('derived');
    expect(company.differsFromReported).toContainEqual({ field: 'aggregate', reported: 214_940_800, computed: company.aggregate });
    expect(company.reportedFigures).toMatchObject({ kind: 'cover-page', filing: 'Amendment No. 8', aggregate: 214_940_800 });
    expect(company.notes.join('\n')).toMatch(/differs from Amendment No. 8 \(cover page\) as of 2024-07-23: aggregate \(row 11\) computed [\d,]+, reported 214,940,800/);
  });

  it("are derived when Mr. Horne's cover sole voting power is corrected to 81 and the securities give 162", () => {
    const sample = sampleEnvelopes();
    const a8 = sample.find((e) => e.event.type === 'StatementFiled' && e.event.data.amendmentNumber === 8)!;
    const index = a8.event.type === 'StatementFiled' ? a8.event.data.coverPages.findIndex((c) => c.personId === 'william-b-horne') : -1;
    const corrected = [...sample, ...envelopes([{ type: 'EventCorrected', data: { eventId: a8.id, set: { [`coverPages.${index}.soleVotingPower`]: 81 }, reason: 'Item 5(b)' } }], RECORDED, sample.length)];
    const horne = holdingsFromEnvelopes(corrected, { asOf: '2024-07-23' }).holders.find((h) => h.personId === 'william-b-horne')!;
    expect(horne.soleVotingPower).toBe(81 + 81);
    expect(horne.basis).toBe('derived');
    expect(horne.differsFromReported).toEqual([{ field: 'soleVotingPower', reported: 81, computed: 162 }]);
  });

  it('stay reported where they equal the cover page (the sample at 2024-07-23)', () => {
    const view = holdingsFromEnvelopes(sampleEnvelopes(), { asOf: '2024-07-23' });
    expect(view.holders.map((h) => [h.personId, h.basis, h.differsFromReported.length])).toEqual(view.holders.map((h) => [h.personId, 'reported', 0]));
  });

  it('reconcile checks the percent with the rights the filing states, not the ledger after a retraction', () => {
    const view = reconcile(selectFacts(retractCapLifted()));
    const company = [...view.findings, ...view.consistent].find((f) => f.kind === 'percent-arithmetic' && f.personId === 'ault-and-company')!;
    // 214,940,800 / (35,846,318 + 200,000,000 + 13,008,131 + 1,907,440) = 85.7151%
    expect(company.message).toMatch(/214,940,800 \/ \(35,846,318 outstanding \+ 214,915,571 own rights\) = 85\.7151%/);
    expect(view.consistent).toContainEqual(expect.objectContaining({ kind: 'percent-arithmetic', personId: 'ault-and-company' }));
  });
});
