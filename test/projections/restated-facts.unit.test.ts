import { describe, expect, it } from 'vitest';
import type { Envelope, FactEvent } from '../../src/domain/index.js';
import { selectFacts } from '../../projections/timeline/facts.js';
import { holdingsAt } from '../../projections/views/holdings-at.js';
import { envelopes, on, RECORDED, sampleEnvelopes } from './build.js';

const RESTATED = new Set([
  'SharesPurchased',
  'ConvertibleNoteIssued',
  'ConvertibleNoteConverted',
  'ConvertibleNoteRepaid',
  'PreferredIssued',
  'WarrantsIssued',
  'OptionsGranted',
  'RsusVested',
  'JointFilingAgreementSigned',
  'ControlEstablished',
  'SecurityDescribed',
  'PersonIdentified',
]);

/** Amendment No. 9 restating every transaction (and timeless fact) Amendment No. 8 disclosed, with its own source. */
function withAmendment9(base: Envelope[]): Envelope[] {
  const a9 = base
    .filter((e) => RESTATED.has(e.event.type) && (e.event as FactEvent).data.source.amendmentNumber === 8)
    .map((e, i) => {
      const data = (e.event as FactEvent).data;
      return {
        id: `a9-${i}`,
        event: {
          type: e.event.type,
          data: {
            ...data,
            disclosedOn: '2024-09-03',
            source: { ...data.source, amendmentNumber: 9, filedOn: '2024-09-03' },
          },
        } as FactEvent,
        recordedAt: RECORDED,
        position: base.length + i,
      };
    });
  expect(a9.length).toBeGreaterThan(10);
  return [...base, ...a9];
}

function common(view: ReturnType<typeof holdingsAt>, personId: string): number {
  return view.holders
    .find((h) => h.personId === personId)!
    .securities.filter((s) => s.kind === 'common' && s.ownership === 'direct')
    .reduce((n, s) => n + s.quantity, 0);
}

describe('a fact restated by a later filing is one fact', () => {
  it('Ault & Company holds 179 common at 2024-03-10 (88 + 55 + 36), not twice that, whatever the order', () => {
    const all = withAmendment9(sampleEnvelopes());
    const before = holdingsAt(selectFacts(sampleEnvelopes()), '2024-03-10');
    const view = holdingsAt(selectFacts(all), '2024-03-10');
    expect(common(view, 'ault-and-company')).toBe(179);
    expect(view.holders.find((h) => h.personId === 'ault-and-company')!.aggregate).toBe(
      before.holders.find((h) => h.personId === 'ault-and-company')!.aggregate,
    );
    const reversed = [...all].reverse().map((e, i) => ({ ...e, position: i }));
    expect(common(holdingsAt(selectFacts(reversed), '2024-03-10'), 'ault-and-company')).toBe(179);
  });

  it('keeps the earliest disclosure and records the later ones', () => {
    const facts = selectFacts(withAmendment9(sampleEnvelopes()));
    const merged = facts.filter((f) => (f.alsoDisclosedIn ?? []).length > 0);
    expect(merged.length).toBeGreaterThan(10);
    for (const f of merged) {
      expect(f.event.data.source.amendmentNumber).toBe(8);
      expect(f.alsoDisclosedIn![0]!.amendmentNumber).toBe(9);
    }
    // filedBy before Amendment No. 9: the fact is there, with no later disclosure yet.
    const early = selectFacts(withAmendment9(sampleEnvelopes()), { filedBy: '2024-08-01' });
    expect(early.filter((f) => (f.alsoDisclosedIn ?? []).length > 0)).toHaveLength(0);
    expect(early.length).toBe(selectFacts(sampleEnvelopes(), { filedBy: '2024-08-01' }).length);
  });

  const buy = (filing: number, filedOn: string) => ({
    type: 'SharesPurchased' as const,
    data: {
      ...on('2024-06-17', filedOn),
      source: { amendmentNumber: filing, accessionNumber: null, filedOn, item: '5(c)', quote: 'q' },
      personId: 'p',
      shares: 100,
      method: 'open-market' as const,
      pricePerShare: 1,
      totalPrice: null,
    },
  });
  const shares = (facts: ReturnType<typeof selectFacts>) =>
    facts
      .filter((f) => f.event.type === 'SharesPurchased')
      .reduce((n, f) => n + (f.event.data as { shares: number }).shares, 0);

  it('never merges two equal facts of the same filing; their restatements pair off', () => {
    expect(shares(selectFacts(envelopes([buy(1, '2024-07-01'), buy(1, '2024-07-01')])))).toBe(200);
    expect(
      shares(
        selectFacts(
          envelopes([
            buy(1, '2024-07-01'),
            buy(1, '2024-07-01'),
            buy(2, '2024-08-01'),
            buy(2, '2024-08-01'),
            buy(3, '2024-09-01'),
          ]),
        ),
      ),
    ).toBe(200);
  });

  it('never merges reported figures', () => {
    const reported = (filing: number, filedOn: string) => ({
      type: 'SharesOutstandingReported' as const,
      data: {
        ...on('2024-06-17', filedOn),
        source: { amendmentNumber: filing, accessionNumber: null, filedOn, item: '5', quote: 'q' },
        count: 1000,
        reportedBy: 'issuer',
      },
    });
    expect(selectFacts(envelopes([reported(1, '2024-07-01'), reported(2, '2024-08-01')]))).toHaveLength(2);
  });

  it('a retraction or correction of either twin applies to the merged fact', () => {
    const [a, b] = envelopes([buy(1, '2024-07-01'), buy(2, '2024-08-01')]);
    const retractKept = envelopes(
      [{ type: 'EventRetracted', data: { eventId: a!.id, reason: 'r' } } as never],
      RECORDED,
      10,
    );
    expect(shares(selectFacts([a!, b!, ...retractKept]))).toBe(0);
    const retractTwin = envelopes(
      [{ type: 'EventRetracted', data: { eventId: b!.id, reason: 'r' } } as never],
      RECORDED,
      10,
    );
    expect(shares(selectFacts([a!, b!, ...retractTwin]))).toBe(0);
    const correctTwin = envelopes(
      [{ type: 'EventCorrected', data: { eventId: b!.id, set: { shares: 150 }, reason: 'typo' } } as never],
      RECORDED,
      10,
    );
    const facts = selectFacts([a!, b!, ...correctTwin]);
    expect(shares(facts)).toBe(150);
    expect(facts[0]!.id).toBe(a!.id);
    expect(facts[0]!.corrections).toEqual(['typo']);
  });
});
