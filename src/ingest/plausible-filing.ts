/**
 * A parsed filing checked for values that cannot be true (src/domain/plausible-values.ts), before anything
 * is planned from it. A damaged name (NUL, U+FFFD) or a filing or event date before EDGAR or after today
 * refuses the filing, naming the place: the identity of the filing itself is in doubt (an event date
 * before EDGAR is read with doubt instead, see checkDates). A figure that cannot
 * be true (a percent over 100) is kept out of the figures and recorded as read with doubt, with what was
 * read; a figure row left blank on an original (there is no earlier cover page it could leave unchanged)
 * is recorded as read with doubt too, as is a person the filing announces with no cover page read
 * (announced-persons.ts). Nothing impossible is stored silently.
 */
import { filingDateProblem, nameProblem, percentProblem, todayInNewYork } from '../domain/index.js';
import { announcedButNotRead } from './announced-persons.js';
import { ROW_NAMES } from './cover-labels.js';
import { FilingParseError, type FilingPlace } from './filing-parse-error.js';
import type { CoverPage, FilingDoubt, ParsedFiling } from './parsed-filing.js';

/** Rows 7-11 and 13, by the field that holds each. */
const FIGURE_ROWS = [
  [7, 'soleVotingPower'],
  [8, 'sharedVotingPower'],
  [9, 'soleDispositivePower'],
  [10, 'sharedDispositivePower'],
  [11, 'aggregate'],
  [13, 'percentOfClass'],
] as const;

export function checkPlausibleFiling(filing: ParsedFiling, today: string = todayInNewYork(new Date())): ParsedFiling {
  checkNames(filing);
  const doubts: FilingDoubt[] = [...checkDates(filing, today), ...announcedButNotRead(filing)];
  const coverPages = filing.coverPages.map((cover) => plausibleCover(cover, filing.amendmentNo === 0, doubts));
  return doubts.length === 0 ? filing : { ...filing, coverPages, doubts: [...filing.doubts, ...doubts] };
}

function checkNames(filing: ParsedFiling): void {
  for (const cover of filing.coverPages) {
    const problem = nameProblem(cover.name);
    if (problem) throw new FilingParseError(filing.file, placeOf(cover.place), `row 1 of a cover page: ${problem}`);
  }
  const issuer = filing.issuer.name === undefined ? undefined : nameProblem(filing.issuer.name);
  if (issuer)
    throw new FilingParseError(filing.file, filing.places?.issuerName ?? 'whole file', `the issuer's ${issuer}`);
}

/**
 * The filing date (or the signature date standing for it) must fall within EDGAR's years; the event date
 * must not be after today. An event before 1993 can be true (a late statement on a paper-era event: the
 * corpus has one of 1990 filed in 1994), so it is kept, read with doubt, for review.
 */
function checkDates(filing: ParsedFiling, today: string): FilingDoubt[] {
  const places = filing.places ?? {};
  const dates: [string | undefined, string, FilingPlace | undefined][] = [
    [filing.filingDate, 'filing date (FILED AS OF DATE)', places.filingDate],
    // The signature date stands for the filing date when no submission header is at hand.
    [filing.filingDate === undefined ? filing.signatureDate : undefined, 'signature date', places.signatureDate],
  ];
  for (const [date, what, place] of dates) {
    const problem = date === undefined ? undefined : filingDateProblem(date, today, what);
    if (problem) throw new FilingParseError(filing.file, place ?? 'whole file', problem);
  }
  const event = filing.eventDate;
  const problem = event === undefined ? undefined : filingDateProblem(event, today, 'date of event');
  if (!problem) return [];
  if (event! > today) throw new FilingParseError(filing.file, places.eventDate ?? 'whole file', problem);
  const where = places.eventDate === undefined ? 'front page' : describePlace(places.eventDate);
  return [{ row: 0, read: event!, reason: problem.replace('cannot be true', 'kept, for review'), place: where }];
}

function describePlace(place: FilingPlace): string {
  if (place === 'whole file') return 'front page';
  return 'line' in place ? `line ${place.line}` : 'xmlPath' in place ? place.xmlPath : `byte ${place.byte}`;
}

function plausibleCover(cover: CoverPage, original: boolean, doubts: FilingDoubt[]): CoverPage {
  const added: FilingDoubt[] = [];
  let checked = cover;
  const percent = cover.percentOfClass;
  const stated = percent === undefined ? undefined : percent.kind === 'value' ? percent.value : percent.bound;
  const problem = stated === undefined ? undefined : percentProblem(stated);
  if (problem) {
    added.push({
      person: cover.name,
      row: 13,
      read: percent!.text,
      reason: `${problem}; left out of the figures`,
      place: cover.place,
    });
    checked = { ...checked, percentOfClass: undefined };
  }
  const alreadyDoubted = new Set((cover.doubts ?? []).map((d) => d.row));
  for (const [row, field] of original ? FIGURE_ROWS : []) {
    if (cover[field] !== undefined || alreadyDoubted.has(row) || (row === 13 && problem)) continue;
    const why = 'no earlier cover page to leave it unchanged';
    const reason = `row ${row} (${ROW_NAMES[row]}) is blank on an original statement: ${why}`;
    added.push({ person: cover.name, row, read: '', reason, place: cover.place });
  }
  if (added.length === 0) return cover;
  doubts.push(...added);
  return { ...checked, doubts: [...(cover.doubts ?? []), ...added.map(({ person: _person, ...d }) => d)] };
}

/** A cover page's place as the parsers write it ("line 45", or an XML path) into a FilingPlace. */
function placeOf(place: string): FilingPlace {
  const line = /^line (\d+)$/.exec(place);
  if (line) return { line: Number(line[1]) };
  return place.startsWith('/') ? { xmlPath: place } : 'whole file';
}
