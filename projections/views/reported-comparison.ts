/**
 * A computed holder against what a filing reports for that person as of the
 * same date (cover page first, Item 5 second; see reported-figures.ts). The
 * issue's rule: "A derived figure is never presented as reported." A holder's
 * figures are `reported` only when they equal the filing's; where they differ,
 * the basis is `derived` and the difference is named with both numbers.
 */
import type { IsoDate, ReportedPercent } from '../../src/domain/index.js';
import { type FigureDifference, type FigureField, type Holder, type ReportedFigures } from './holdings.js';
import { decimalsOf } from './reconciliation-checks.js';
import { fmt } from '../format.js';

const COUNTS: readonly Exclude<FigureField, 'percentOfClass'>[] = [
  'aggregate',
  'soleVotingPower',
  'sharedVotingPower',
  'soleDispositivePower',
  'sharedDispositivePower',
];
const LABEL: Record<FigureField, string> = {
  aggregate: 'aggregate (row 11)',
  percentOfClass: 'percent of class (row 13)',
  soleVotingPower: 'sole voting power (row 7)',
  sharedVotingPower: 'shared voting power (row 8)',
  soleDispositivePower: 'sole dispositive power (row 9)',
  sharedDispositivePower: 'shared dispositive power (row 10)',
};

/** A percent matches at the decimals the filing prints ("85.72%": two), or under its bound ("Less than 1%"). */
export function percentMatches(computed: number, reported: ReportedPercent): boolean {
  if (reported.kind === 'less-than') return computed < reported.bound;
  const decimals = decimalsOf(reported);
  return Math.abs(Number(computed.toFixed(decimals)) - reported.value) < 1e-9;
}

export function differences(holder: Holder, reported: ReportedFigures): FigureDifference[] {
  const found: FigureDifference[] = [];
  // A row the filing leaves blank states nothing to differ from.
  for (const field of COUNTS) {
    const stated = reported[field];
    const computed = holder[field];
    if (stated !== null && computed !== null && computed !== stated) found.push({ field, reported: stated, computed });
  }
  const pct = holder.percentOfClass;
  if (pct !== null && reported.percentOfClass !== null && !percentMatches(pct, reported.percentOfClass))
    found.push({ field: 'percentOfClass', reported: reported.percentOfClass.text, computed: pct });
  return found;
}

/** Read with doubt: the figure stays as reported (basis unchanged), and a note says what was read and why. */
export function doubtNotes(reported: ReportedFigures): string[] {
  return (reported.readWithDoubt ?? []).map(
    (doubt) => `${reported.filing} row ${doubt.row} read with doubt (${doubt.place}): ${doubt.reason}`,
  );
}

export function compareWithReported(holder: Holder, reported: ReportedFigures | null, asOf: IsoDate): Holder {
  if (reported === null) {
    if (holder.basis !== 'reported') return holder;
    // Positions reported as of the date, but no filing states the person's totals then.
    return {
      ...holder,
      basis: 'derived',
      notes: [
        ...holder.notes,
        `no filing states this person's totals as of ${asOf}; computed from the positions reported`,
      ],
    };
  }
  const found = differences(holder, reported);
  const doubts = doubtNotes(reported);
  if (found.length === 0)
    return {
      ...holder,
      reportedFigures: reported,
      notes: doubts.length > 0 ? [...holder.notes, ...doubts] : holder.notes,
    };
  const where = `${reported.filing} (${reported.kind === 'cover-page' ? 'cover page' : 'Item 5'})`;
  const parts = found.map((d) => {
    const computed = d.field === 'percentOfClass' ? `${d.computed.toFixed(2)}%` : fmt(d.computed);
    return `${LABEL[d.field]} computed ${computed}, reported ${typeof d.reported === 'number' ? fmt(d.reported) : d.reported}`;
  });
  return {
    ...holder,
    basis: holder.basis === 'reported' ? 'derived' : holder.basis,
    reportedFigures: reported,
    differsFromReported: found,
    notes: [...holder.notes, `differs from ${where} as of ${reported.asOf}: ${parts.join('; ')}`, ...doubts],
  };
}
