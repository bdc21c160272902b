/**
 * Compares what the ledger shows for one filing with its hand-read truth:
 * each truth person is matched to a holder by name, then six figures (rows
 * 7-11 and 13) are compared exactly. Pure: no I/O.
 */
import type { ReportedPercent } from '../domain/index.js';
import type { TruthEntry, TruthPerson } from './truth.js';

/** What the ledger shows for one reporting person: the figures holdings prints at the event date. */
export interface ShownFigures {
  name: string;
  soleVoting: number | null;
  sharedVoting: number | null;
  soleDispositive: number | null;
  sharedDispositive: number | null;
  aggregate: number | null;
  percent: ReportedPercent | null;
}

export const FIGURES = [
  'soleVoting',
  'sharedVoting',
  'soleDispositive',
  'sharedDispositive',
  'aggregate',
  'percent',
] as const;
export type Figure = (typeof FIGURES)[number];

export interface FigureCheck {
  person: string;
  figure: Figure;
  expected: number | string | null;
  shown: number | string | null;
  right: boolean;
}

export interface FilingScore {
  personsExpected: number;
  personsFound: number;
  figuresRight: number;
  figuresTotal: number;
  /** Every figure that is wrong or missing, for the table. */
  wrong: FigureCheck[];
}

/** "AULT & COMPANY, INC." and "Ault & Company, Inc" compare equal. */
export function personKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Each truth person takes the first unclaimed holder with the same name, else one whose name contains it (or the
 * reverse).
 */
export function matchPersons(
  truth: readonly TruthPerson[],
  shown: readonly ShownFigures[],
): (ShownFigures | undefined)[] {
  const claimed = new Set<number>();
  const claim = (test: (candidate: string, wanted: string) => boolean, wanted: string) => {
    const index = shown.findIndex((s, i) => !claimed.has(i) && test(personKey(s.name), wanted));
    if (index < 0) return undefined;
    claimed.add(index);
    return shown[index];
  };
  const exact = truth.map((person) => claim((candidate, wanted) => candidate === wanted, personKey(person.name)));
  return exact.map(
    (found, i) =>
      found ??
      claim(
        (candidate, wanted) => ` ${candidate} `.includes(` ${wanted} `) || ` ${wanted} `.includes(` ${candidate} `),
        personKey(truth[i]!.name),
      ),
  );
}

export function scoreFiling(entry: TruthEntry, shown: readonly ShownFigures[] | null): FilingScore {
  const matches = shown === null ? entry.persons.map(() => undefined) : matchPersons(entry.persons, shown);
  const score: FilingScore = {
    personsExpected: entry.persons.length,
    personsFound: 0,
    figuresRight: 0,
    figuresTotal: 0,
    wrong: [],
  };
  entry.persons.forEach((person, i) => {
    const found = matches[i];
    if (found) score.personsFound++;
    for (const figure of FIGURES) {
      const expected = person[figure];
      const value = found?.[figure] ?? null;
      const shownText = value !== null && typeof value === 'object' ? value.text : value;
      const right =
        found !== undefined &&
        (figure === 'percent'
          ? samePercent(expected as TruthPerson['percent'], value as ReportedPercent | null)
          : expected === value);
      score.figuresTotal++;
      if (right) score.figuresRight++;
      else
        score.wrong.push({
          person: person.name,
          figure,
          expected,
          shown: found ? shownText : 'person not found',
          right,
        });
    }
  });
  return score;
}

/** A number compares with a stated value; a bound ("less than 1%") with a bound of the same size. */
function samePercent(expected: TruthPerson['percent'], shown: ReportedPercent | null): boolean {
  if (expected === null || shown === null) return expected === shown;
  if (typeof expected === 'number') return shown.kind === 'value' && Math.abs(shown.value - expected) < 1e-9;
  const bound = /(\d+(?:\.\d+)?)/.exec(expected)?.[1];
  return shown.kind === 'less-than' && bound !== undefined && shown.bound === Number(bound);
}
