import { describe, expect, it } from 'vitest';
import { holdingsFromEnvelopes } from '../../projections/views/holdings-at.js';
import { reconcile } from '../../projections/views/reconciliation.js';
import { selectFacts } from '../../projections/timeline/facts.js';
import { validateEvent, type Envelope } from '../../src/domain/index.js';
import { planIngest } from '../../src/ingest/plan-filing.js';
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
    const kestrel = holdingsFromEnvelopes(events, { asOf: '2025-03-14' }).holders.find(
      (h) => h.personId === 'kestrel-hollow-partners-lp',
    )!;
    expect(kestrel).toMatchObject({
      aggregate: 1_760_000,
      percentOfClass: 8.2,
      soleVotingPower: 0,
      sharedVotingPower: 1_640_000,
      soleDispositivePower: 0,
      sharedDispositivePower: 1_640_000,
      breakdownKnown: false,
    });
    // Carried forward from 2025-03-10: derived
    expect(kestrel.basis).toBe('derived');
    expect(kestrel.reportedFigures).toMatchObject({
      filing: 'Amendment No. 1',
      asOf: '2025-03-10',
      aggregate: 1_760_000,
    });
    expect(kestrel.notes.join('\n')).toMatch(/the transactions known give 120,000 shares/);
  });

  it('is reported on the amendment date itself', async () => {
    const events = await ingested(SYNTHETIC_XML, SYNTHETIC_AMENDMENT_XML);
    const kestrel = holdingsFromEnvelopes(events, { asOf: '2025-03-10' }).holders.find(
      (h) => h.personId === 'kestrel-hollow-partners-lp',
    )!;
    expect([kestrel.aggregate, kestrel.basis]).toEqual([1_760_000, 'reported']);
  });
});

describe('computed figures against the reported ones', () => {
  const retractCapLifted = (): Envelope[] => {
    const sample = sampleEnvelopes();
    const lifted = sample.find((e) => e.event.type === 'ExchangeCapLifted')!;
    return [
      ...sample,
      ...envelopes([{ type: 'EventRetracted', data: { eventId: lifted.id, reason: 'test' } }], RECORDED, sample.length),
    ];
  };

  it('are derived, with both numbers, when the exchange cap lift is retracted', () => {
    // Given the cap in force at 2024-07-23: 19.99% of the cap base limits the rights counted
    const company = holdingsFromEnvelopes(retractCapLifted(), { asOf: '2024-07-23' }).holders.find(
      (h) => h.personId === 'ault-and-company',
    )!;
    // Then the computed aggregate is 25,229 + floor(35,846,318 x 19.99%) = 25,229 + floor(7,165,678.97) = 7,190,907,
    // not Amendment No. 8's 214,940,800, and is not called reported
    expect(company.aggregate).toBe(7_190_907);
    expect(company.basis).toBe('derived');
    expect(company.differsFromReported).toContainEqual({
      field: 'aggregate',
      reported: 214_940_800,
      computed: 7_190_907,
    });
    expect(company.reportedFigures).toMatchObject({
      kind: 'cover-page',
      filing: 'Amendment No. 8',
      aggregate: 214_940_800,
    });
    expect(company.notes.join('\n')).toMatch(
      /differs from Amendment No. 8 \(cover page\) as of 2024-07-23: aggregate \(row 11\) computed 7,190,907, reported 214,940,800/,
    );
  });

  it('share one 19.99% allowance among the three capped securities when the exchange cap lift is retracted', () => {
    // Given the cap in force at 2024-07-23 over the Series C Preferred, the Series C Warrants and the Warrants, in that
    // order
    const view = holdingsFromEnvelopes(retractCapLifted(), { asOf: '2024-07-23' });
    const company = view.holders.find((h) => h.personId === 'ault-and-company')!;
    const counted = Object.fromEntries(
      company.securities.map((s) => [s.securityId, [s.sharesIssuable, s.countedShares, s.blockedByCap]]),
    );
    // Then the allowance, floor(35,846,318 x 19.99 / 100) = floor(7,165,678.9682) = 7,165,678, goes to the Series C
    // first:
    // 200,000,000 - 7,165,678 = 192,834,322 blocked; nothing is left for the 13,008,131 + 1,907,440 warrant shares
    expect(counted['series-c-preferred']).toEqual([200_000_000, 7_165_678, 192_834_322]);
    expect(counted['series-c-warrants']).toEqual([13_008_131, 0, 13_008_131]);
    expect(counted['note-warrants']).toEqual([1_907_440, 0, 1_907_440]);
    expect(company.rightsCounted).toBe(7_165_678);
    expect(company.notes).toContain(
      'nyse-american-19-99: the 19.99% exchange cap is in force: at most 7,165,678 shares issuable (19.99% of 35,846,318)',
    );
    // And Mr. Ault, deemed to own Ault & Company's shares: his own 2,245 + 81, plus 7,190,907 = 7,193,233
    const ault = view.holders.find((h) => h.personId === 'milton-c-ault-iii')!;
    expect([ault.aggregate, ault.soleVotingPower, ault.sharedVotingPower]).toEqual([7_193_233, 2_326, 7_190_907]);
  });

  it("are derived when Mr. Horne's cover sole voting power is corrected to 81 and the securities give 162", () => {
    const sample = sampleEnvelopes();
    const a8 = sample.find((e) => e.event.type === 'StatementFiled' && e.event.data.amendmentNumber === 8)!;
    const index =
      a8.event.type === 'StatementFiled'
        ? a8.event.data.coverPages.findIndex((c) => c.personId === 'william-b-horne')
        : -1;
    const corrected = [
      ...sample,
      ...envelopes(
        [
          {
            type: 'EventCorrected',
            data: { eventId: a8.id, set: { [`coverPages.${index}.soleVotingPower`]: 81 }, reason: 'Item 5(b)' },
          },
        ],
        RECORDED,
        sample.length,
      ),
    ];
    const horne = holdingsFromEnvelopes(corrected, { asOf: '2024-07-23' }).holders.find(
      (h) => h.personId === 'william-b-horne',
    )!;
    expect(horne.soleVotingPower).toBe(81 + 81);
    expect(horne.basis).toBe('derived');
    expect(horne.differsFromReported).toEqual([{ field: 'soleVotingPower', reported: 81, computed: 162 }]);
  });

  it('stay reported where they equal the cover page (the sample at 2024-07-23)', () => {
    const view = holdingsFromEnvelopes(sampleEnvelopes(), { asOf: '2024-07-23' });
    // The five reporting persons of Amendment No. 8's cover pages, each reported and with no difference
    expect(view.holders.map((h) => [h.personId, h.basis, h.differsFromReported.length])).toEqual([
      ['ault-and-company', 'reported', 0],
      ['milton-c-ault-iii', 'reported', 0],
      ['william-b-horne', 'reported', 0],
      ['henry-c-w-nisser', 'reported', 0],
      ['kenneth-s-cragun', 'reported', 0],
    ]);
  });

  it('reconcile checks the percent with the rights the filing states, not the ledger after a retraction', () => {
    const view = reconcile(selectFacts(retractCapLifted()));
    const company = [...view.findings, ...view.consistent].find(
      (f) => f.kind === 'percent-arithmetic' && f.personId === 'ault-and-company',
    )!;
    // 214,940,800 / (35,846,318 + 200,000,000 + 13,008,131 + 1,907,440) = 85.7151%
    expect(company.message).toMatch(/214,940,800 \/ \(35,846,318 outstanding \+ 214,915,571 own rights\) = 85\.7151%/);
    expect(view.consistent).toContainEqual(
      expect.objectContaining({ kind: 'percent-arithmetic', personId: 'ault-and-company' }),
    );
  });
});
