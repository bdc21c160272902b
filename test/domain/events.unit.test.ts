import { describe, expect, it } from 'vitest';
import { aultAllianceHistory } from '../../data/ault-alliance.js';
import {
  CommandRejectedError,
  decide,
  EventValidationError,
  evolveTarget,
  initialTargetState,
  ReadingDoubtSchema,
  validateEvent,
  type Envelope,
  type ReadingDoubt,
} from '../../src/domain/index.js';

const source = { amendmentNumber: 8, accessionNumber: null, filedOn: '2024-07-24', item: '5(c)', quote: 'q' };
const purchase = {
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
};

describe('events', () => {
  it('validate every event of the bundled history, with unique ids', () => {
    // Given the bundled history
    const { events } = aultAllianceHistory();
    // When / Then
    for (const event of events) expect(() => validateEvent(event, event.id)).not.toThrow();
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it('refuse an issuer CUSIP with a bad check digit', () => {
    const filed = aultAllianceHistory().events.find((e) => e.type === 'StatementFiled')!;
    const bad = { ...filed, data: { ...filed.data, issuer: { name: 'X', cusip: '09175M508', cik: null } } };
    expect(() => validateEvent(bad)).toThrow(/issuer\.cusip: not a valid CUSIP/);
  });

  it('refuse a date that is not a date and say which field', () => {
    expect(() => validateEvent({ ...purchase, data: { ...purchase.data, effectiveDate: '2024-06-31' } })).toThrow(
      /effectiveDate: not a calendar date/,
    );
  });

  it('give programs the schema of a figure read with doubt: a cover row 1-14, or 0 for the front page', () => {
    const doubt: ReadingDoubt = {
      personId: null,
      row: 0,
      read: '09175M50',
      reason: 'CUSIP printed without its check digit',
      place: 'line 12',
    };
    expect(ReadingDoubtSchema.parse(doubt)).toEqual(doubt);
    expect(ReadingDoubtSchema.safeParse({ ...doubt, row: 15 }).success).toBe(false);
  });

  it('refuse an unknown type', () => {
    expect(() => validateEvent({ type: 'SharesStolen', data: {} })).toThrow(EventValidationError);
  });
});

describe('decide', () => {
  const target: Envelope = {
    id: '11111111-1111-4111-8111-111111111111',
    event: validateEvent(purchase),
    recordedAt: '2024-08-01T00:00:00.000Z',
    position: 0,
  };
  const state = [target].reduce(evolveTarget(target.id), initialTargetState());

  it('turns a valid correction into one EventCorrected', () => {
    const events = decide({ kind: 'CorrectEvent', eventId: target.id, set: { shares: 10_500 }, reason: 'r' }, state);
    expect(events).toEqual([
      { type: 'EventCorrected', data: { eventId: target.id, set: { shares: 10_500 }, reason: 'r' } },
    ]);
  });

  it('refuses a correction whose result fails the schema, or without a reason', () => {
    expect(() =>
      decide({ kind: 'CorrectEvent', eventId: target.id, set: { method: 'stolen' }, reason: 'r' }, state),
    ).toThrow(EventValidationError);
    expect(() => decide({ kind: 'CorrectEvent', eventId: target.id, set: { shares: 1 }, reason: ' ' }, state)).toThrow(
      CommandRejectedError,
    );
  });

  it('refuses anything on an unknown or already retracted event', () => {
    expect(() => decide({ kind: 'RetractEvent', eventId: target.id, reason: 'r' }, initialTargetState())).toThrow(
      /No event/,
    );
    const retracted: Envelope = {
      id: '22222222-2222-4222-8222-222222222222',
      event: { type: 'EventRetracted', data: { eventId: target.id, reason: 'r' } },
      recordedAt: '2024-08-02T00:00:00.000Z',
      position: 1,
    };
    const after = [target, retracted].reduce(evolveTarget(target.id), initialTargetState());
    expect(() => decide({ kind: 'RetractEvent', eventId: target.id, reason: 'r' }, after)).toThrow(/already retracted/);
  });
});
