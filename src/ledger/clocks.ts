/** Turns the clock options people type into the forms the projections compare. */
import { InvalidValueError, parseInstant, parseIsoDate, type IsoDate } from '../domain/index.js';
import { type Clocks, SHARE_BASES, type ShareBasis } from '../../projections/index.js';

export interface ClockInput {
  asOf: string;
  filedBy?: string | undefined;
  recordedBy?: string | undefined;
}

export function parseClocks(input: ClockInput): Clocks {
  return {
    asOf: parseIsoDate(input.asOf, '--as-of') as IsoDate,
    filedBy: input.filedBy === undefined ? null : parseIsoDate(input.filedBy, '--filed-by'),
    recordedBy: input.recordedBy === undefined ? null : parseInstant(input.recordedBy, '--recorded-by'),
  };
}

/** `--share-basis as-reported|adjusted`; @defaultValue 'as-reported' */
export function parseShareBasis(value: string | undefined): ShareBasis {
  if (value === undefined) return 'as-reported';
  if ((SHARE_BASES as readonly string[]).includes(value)) return value as ShareBasis;
  throw new InvalidValueError(`--share-basis "${value}" is not one of ${SHARE_BASES.join(', ')}`);
}
