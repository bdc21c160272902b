import { describe, expect, it } from 'vitest';
import {
  CommandRejectedError,
  decide,
  evolveTarget,
  initialTargetState,
  knownPersonIds,
  validateEvent,
  type Envelope,
} from '../../src/domain/index.js';

const source = {
  amendmentNumber: 8,
  accessionNumber: null,
  filedOn: '2024-07-24',
  item: '5(c)',
  quote: 'the purchase of 10,000 Shares in the open market on June 17, 2024',
};
const PURCHASE_ID = '10000000-0000-4000-8000-000000000001';
const RETRACTION_ID = '10000000-0000-4000-8000-000000000002';

function envelope(id: string, event: { type: string; data: unknown }): Envelope {
  return { id, event: validateEvent(event), recordedAt: '2024-08-01T00:00:00.000Z', position: 0 };
}

const purchase = envelope(PURCHASE_ID, {
  type: 'SharesPurchased',
  data: {
    effectiveDate: '2024-06-17',
    effectiveDatePrecision: 'exact',
    disclosedOn: '2024-07-24',
    source,
    personId: 'ault-and-company',
    shares: 10_000,
    method: 'open-market',
    pricePerShare: null,
    totalPrice: null,
  },
});

function stateFor(eventId: string, envelopes: Envelope[]) {
  return { ...envelopes.reduce(evolveTarget(eventId), initialTargetState()), knownPersons: knownPersonIds(envelopes) };
}

describe('deciding a correction or a retraction', () => {
  it('refuses a correction that changes nothing, naming the value already there', () => {
    const state = stateFor(PURCHASE_ID, [purchase]);
    expect(() =>
      decide({ kind: 'CorrectEvent', eventId: PURCHASE_ID, set: { shares: 10_000 }, reason: 'check' }, state),
    ).toThrow(/Nothing changes: .* already has shares=10000/);
  });

  it('refuses to point a fact at a person no event of the issuer names', () => {
    const state = stateFor(PURCHASE_ID, [purchase]);
    expect(() =>
      decide({ kind: 'CorrectEvent', eventId: PURCHASE_ID, set: { personId: 'nobody' }, reason: 'x' }, state),
    ).toThrow(/Unknown person "nobody" for personId: .*ault-and-company/);
  });

  it('refuses to retract or correct a retraction', () => {
    // Given a purchase and its retraction
    const retraction = envelope(RETRACTION_ID, {
      type: 'EventRetracted',
      data: { eventId: PURCHASE_ID, reason: 'wrong filer' },
    });
    const state = stateFor(RETRACTION_ID, [purchase, retraction]);
    // When the retraction is retracted, Then it is refused with a reason
    expect(() => decide({ kind: 'RetractEvent', eventId: RETRACTION_ID, reason: 'undo' }, state)).toThrow(
      CommandRejectedError,
    );
    expect(() => decide({ kind: 'RetractEvent', eventId: RETRACTION_ID, reason: 'undo' }, state)).toThrow(
      /is an EventRetracted: corrections and retractions cannot themselves be corrected or retracted/,
    );
  });

  it('accepts a real correction, checked against the schema', () => {
    const state = stateFor(PURCHASE_ID, [purchase]);
    const [corrected] = decide(
      { kind: 'CorrectEvent', eventId: PURCHASE_ID, set: { shares: 10_500 }, reason: 'typo' },
      state,
    );
    expect(corrected).toEqual({
      type: 'EventCorrected',
      data: { eventId: PURCHASE_ID, set: { shares: 10_500 }, reason: 'typo' },
    });
    expect(() =>
      decide({ kind: 'CorrectEvent', eventId: PURCHASE_ID, set: { shares: -1 }, reason: 'typo' }, state),
    ).toThrow(/shares/);
  });

  it('refuses a correction that would make a fact take effect after the filing that disclosed it', () => {
    const state = stateFor(PURCHASE_ID, [purchase]);
    expect(() =>
      decide({ kind: 'CorrectEvent', eventId: PURCHASE_ID, set: { effectiveDate: '2024-07-25' }, reason: 'x' }, state),
    ).toThrow(/would take effect on 2024-07-25, after the filing that disclosed it \(2024-07-24\)/);
  });

  it('refuses to set a name the data does not have as its own field, even one every object inherits', () => {
    // Given a purchase; When a correction sets toString, constructor, hasOwnProperty or valueOf (inherited, not fields)
    const state = stateFor(PURCHASE_ID, [purchase]);
    for (const field of ['toString', 'constructor', 'hasOwnProperty', 'valueOf', '__proto__', 'source.toString']) {
      // Then it is refused, naming the field, and nothing is decided
      expect(
        () => decide({ kind: 'CorrectEvent', eventId: PURCHASE_ID, set: { [field]: 1 }, reason: 'x' }, state),
        field,
      ).toThrow(/Cannot set ".*": no field/);
    }
  });
});

describe('deciding a correction against the values ingest refuses', () => {
  const today = '2026-01-15';
  it('refuses a value that cannot be true, naming its path, and judges dates against the day given', () => {
    const state = { ...stateFor(PURCHASE_ID, [purchase]), today };
    const correct = (set: Record<string, unknown>) => () =>
      decide({ kind: 'CorrectEvent', eventId: PURCHASE_ID, set, reason: 'x' }, state);
    expect(correct({ shares: 2 ** 53 + 2 })).toThrow(
      /shares: shares 9007199254740994 is over 2\^53 and cannot be stored exactly/,
    );
    expect(correct({ disclosedOn: '2026-01-16' })).toThrow(
      /disclosedOn: disclosedOn 2026-01-16 is after today \(2026-01-15\)/,
    );
    expect(correct({ disclosedOn: '2026-01-15' })).not.toThrow();
  });

  it('refuses only what the correction brings in: a value recorded before the rules does not block another field', () => {
    // Given a purchase recorded with an amount over 2^53 in its total price (before ingest refused such values)
    const recorded = envelope(PURCHASE_ID, {
      type: 'SharesPurchased',
      data: { ...purchase.event.data, totalPrice: 2 ** 60 },
    });
    const state = { ...stateFor(PURCHASE_ID, [recorded]), today };
    // When its share count is corrected, Then the correction is decided; setting another impossible value is not
    expect(
      decide({ kind: 'CorrectEvent', eventId: PURCHASE_ID, set: { shares: 10_500 }, reason: 'typo' }, state),
    ).toHaveLength(1);
    expect(() =>
      decide({ kind: 'CorrectEvent', eventId: PURCHASE_ID, set: { pricePerShare: 2 ** 60 }, reason: 'x' }, state),
    ).toThrow(/pricePerShare/);
  });
});
