/**
 * An issuer's ownership over time, for charts: each reporting person's aggregate and
 * percent of class at every date a fact takes effect, the filings and transactions
 * as markers, and each crossing of 5% and 10% of the class. Pure: built from the
 * facts under the caller's clocks.
 */
import { holdingsSeries, prepare, type Basis, type Fact } from '../../projections/index.js';
import { filingLabel, traitsOf, type IsoDate } from '../domain/index.js';

export interface TimelinePoint {
  date: IsoDate;
  aggregate: number | null;
  percentOfClass: number | null;
  basis: Basis;
}

export interface TimelinePerson {
  personId: string;
  name: string;
  /** One point per date on which the person's figures change (a step chart holds each until the next). */
  points: TimelinePoint[];
}

export interface TimelineMarker {
  date: IsoDate;
  kind: 'filing' | 'transaction';
  /** "Amendment No. 8", "purchase". */
  label: string;
  personId: string | null;
  /** Shares the transaction adds to (negative: takes from) the person's common shares; null when it does not say. */
  shares: number | null;
  eventId: string;
}

export interface ThresholdCrossing {
  personId: string;
  name: string;
  /** Percent of the class: 5 (the Schedule 13D threshold) or 10. */
  threshold: number;
  direction: 'up' | 'down';
  date: IsoDate;
  percentBefore: number | null;
  percentAfter: number | null;
  basis: Basis;
}

export interface Timeline {
  dates: IsoDate[];
  persons: TimelinePerson[];
  markers: TimelineMarker[];
  crossings: ThresholdCrossing[];
}

export const THRESHOLDS = [5, 10] as const;

export function timelineOf(facts: readonly Fact[]): Timeline {
  const prepared = prepare(facts);
  const dates = [...new Set(prepared.effectiveDates)];
  const views = holdingsSeries(prepared, dates);
  const persons = new Map<string, TimelinePerson>();
  dates.forEach((date, i) => {
    for (const holder of views[i]!.holders) {
      const person = persons.get(holder.personId) ?? { personId: holder.personId, name: holder.name, points: [] };
      persons.set(holder.personId, person);
      person.name = holder.name;
      const last = person.points.at(-1);
      if (
        last &&
        last.aggregate === holder.aggregate &&
        last.percentOfClass === holder.percentOfClass &&
        last.basis === holder.basis
      )
        continue;
      person.points.push({
        date,
        aggregate: holder.aggregate,
        percentOfClass: holder.percentOfClass,
        basis: holder.basis,
      });
    }
  });
  const list = [...persons.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { dates, persons: list, markers: markersOf(facts), crossings: list.flatMap(crossingsOf) };
}

function markersOf(facts: readonly Fact[]): TimelineMarker[] {
  const markers: TimelineMarker[] = [];
  for (const { id, event } of facts) {
    if (event.type === 'StatementFiled') {
      markers.push({
        date: event.data.filedOn,
        kind: 'filing',
        label: filingLabel(event.data.amendmentNumber),
        personId: null,
        shares: null,
        eventId: id,
      });
      continue;
    }
    const traits = traitsOf(event.type);
    if (traits.kind !== 'transaction' || traits.label === null) continue;
    const personId = 'personId' in event.data ? (event.data.personId as string) : null;
    const shares = traits.commonShares ? (traits.commonShares as (data: unknown) => number)(event.data) : null;
    markers.push({
      date: event.data.effectiveDate,
      kind: 'transaction',
      label: traits.label,
      personId,
      shares,
      eventId: id,
    });
  }
  return markers.sort((a, b) => a.date.localeCompare(b.date));
}

/** Where a person's percent of class goes from below a threshold to at or above it, or back. */
export function crossingsOf(person: TimelinePerson): ThresholdCrossing[] {
  const crossings: ThresholdCrossing[] = [];
  let before: number | null = null;
  for (const point of person.points) {
    const after = point.percentOfClass;
    if (after === null) continue;
    for (const threshold of THRESHOLDS) {
      const wasAbove = before !== null && before >= threshold;
      const isAbove = after >= threshold;
      if (wasAbove === isAbove) continue;
      crossings.push({
        personId: person.personId,
        name: person.name,
        threshold,
        direction: isAbove ? 'up' : 'down',
        date: point.date,
        percentBefore: before,
        percentAfter: after,
        basis: point.basis,
      });
    }
    before = after;
  }
  return crossings;
}
