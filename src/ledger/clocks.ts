/** Turns the clock options people type into the forms the projections compare. */
import { parseInstant, parseIsoDate, type IsoDate } from '../domain/index.js';
import type { Clocks } from '../../projections/facts.js';

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
