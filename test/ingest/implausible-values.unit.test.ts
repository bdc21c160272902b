import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FilingParseError } from '../../src/ingest/filing-parse-error.js';
import { planIngest } from '../../src/ingest/plan-filing.js';
import { parseFilingContent } from '../../src/ingest/read-filing.js';
import { AULT_TEXT, SYNTHETIC_XML } from './fixtures.js';

const seed = () => readFileSync(AULT_TEXT, 'utf8');
/** The seed as an original: its front page's "(Amendment No. 8)" left blank, as originals print it. */
const asOriginal = (text: string) => text.replace('(Amendment No. 8)¹', '(Amendment No. ___)');

function refusal(content: string, file: string): FilingParseError {
  let caught: unknown;
  try {
    parseFilingContent(content, file);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(FilingParseError);
  return caught as FilingParseError;
}

const statementOf = (content: string, file: string) => {
  const planned = planIngest(parseFilingContent(content, file));
  return planned.events.find((e) => e.type === 'StatementFiled')!.data as {
    coverPages: { name: string; aggregate: number | null; percentOfClass: unknown }[];
    readingDoubts: { row: number; read: string; reason: string; place: string }[];
  };
};

describe('values that cannot be true', () => {
  it('keeps a percent of class over 100 out of the figures and records it as read with doubt', () => {
    // Given the seed with Ault & Company's row 13 (line 57) printed 185.72% instead of 85.72%
    const text = seed().replace('(11) 85.72%', '(11) 185.72%');
    // When it is planned
    const statement = statementOf(text, 'percent.txt');
    // Then row 13 of that cover page is absent, and the doubt quotes what was read
    expect(statement.coverPages[0]).toMatchObject({
      name: 'AULT & COMPANY, INC.',
      aggregate: 214_940_800,
      percentOfClass: null,
    });
    expect(statement.readingDoubts).toEqual([
      {
        personId: 'ault-and-company',
        row: 13,
        read: '185.72%',
        reason: 'percent of class 185.72% is over 100%: cannot be true; left out of the figures',
        place: 'line 45',
      },
    ]);
    // And Milton C. Ault's 85.72% on the next page stands
    expect(statement.coverPages[1]!.percentOfClass).toMatchObject({ kind: 'value', value: 85.72 });
  });

  it('records an empty row 11 on an original as blank and read with doubt, never as 0 shares', () => {
    // Given the seed as an original, with Ault & Company's row 11 (line 55) left blank
    const text = asOriginal(seed()).replace('EACH REPORTING PERSON 214,940,800\t', 'EACH REPORTING PERSON \t');
    // When it is planned
    const statement = statementOf(text, 'blank-11.txt');
    // Then the aggregate is null (absent), not 0, and the doubt says why it matters on an original
    expect(statement.coverPages[0]).toMatchObject({ name: 'AULT & COMPANY, INC.', aggregate: null });
    expect(statement.readingDoubts).toEqual([
      expect.objectContaining({
        row: 11,
        read: '',
        place: 'line 45',
        reason: expect.stringMatching(
          /^row 11 \(aggregate amount beneficially owned\) is blank on an original statement/,
        ),
      }),
    ]);
  });

  it('records an aggregate left out of an XML original as blank on a full cover page, with a doubt', () => {
    // Given the synthetic XML original with its first person's aggregateAmountOwned left out
    const xml = readFileSync(SYNTHETIC_XML, 'utf8').replace(/<aggregateAmountOwned>[^<]*<\/aggregateAmountOwned>/, '');
    // When it is planned
    const statement = statementOf(xml, 'no-aggregate.xml') as ReturnType<typeof statementOf> & {
      partialCoverPages: unknown[];
    };
    // Then the page is a full one whose row 11 is null (an original leaves nothing "unchanged"), read with doubt
    expect(statement.partialCoverPages).toEqual([]);
    expect(statement.coverPages[0]).toMatchObject({ name: 'Kestrel Hollow Partners, L.P.', aggregate: null });
    expect(statement.readingDoubts).toEqual([
      expect.objectContaining({ row: 11, place: '/edgarSubmission/formData/reportingPersons/reportingPersonInfo[1]' }),
    ]);
  });

  it.each([
    [
      'a signature (filing) date after today',
      (t: string) => t.replace(/Dated: July 24, 2024/g, 'Dated: December 31, 2099'),
      288,
      /^signature date 2099-12-31 is after today \(\d{4}-\d{2}-\d{2}\): cannot be true$/,
    ],
    [
      'a signature (filing) date before EDGAR',
      (t: string) => t.replace(/Dated: July 24, 2024/g, 'Dated: July 24, 1992'),
      288,
      /^signature date 1992-07-24 is before EDGAR \(1993-01-01\): cannot be true$/,
    ],
    [
      'an event date after today',
      (t: string) => t.replace('July 23, 2024\n(Date of Event', 'December 31, 2099\n(Date of Event'),
      34,
      /^date of event 2099-12-31 is after today/,
    ],
  ])('refuses %s, naming the line', (_, damage, line, problem) => {
    // Given the seed with the date changed / When it is read / Then it is refused at the date's line
    const error = refusal(damage(seed()), 'dates.txt');
    expect(error.place).toEqual({ line });
    expect(error.problem).toMatch(problem);
  });

  it('refuses a submission whose FILED AS OF DATE is after today, at the header line', () => {
    // Given the seed's full submission with FILED AS OF DATE 20991231
    const submission = readFileSync(new URL('../fixtures/ingest/ault-a8-submission.txt', import.meta.url), 'utf8');
    const damaged = submission.replace(/FILED AS OF DATE:(\s+)20240724/, 'FILED AS OF DATE:$120991231');
    const line = damaged.split('\n').findIndex((l) => l.startsWith('FILED AS OF DATE:')) + 1;
    // When it is read / Then the header's line is named
    const error = refusal(damaged, 'future.txt');
    expect(error.place).toEqual({ line });
    expect(error.problem).toMatch(/^filing date \(FILED AS OF DATE\) 2099-12-31 is after today/);
  });

  it('keeps an event date before EDGAR (a paper-era event in a late statement), read with doubt', () => {
    // Given the seed with its event date (line 34) moved to 1990
    const filing = parseFilingContent(
      seed().replace('July 23, 2024\n(Date of Event', 'December 31, 1990\n(Date of Event'),
      'old-event.txt',
    );
    // Then the date is kept and a front-page doubt (row 0) points at its line
    expect(filing.eventDate).toBe('1990-12-31');
    expect(filing.doubts).toEqual([
      {
        row: 0,
        read: '1990-12-31',
        reason: 'date of event 1990-12-31 is before EDGAR (1993-01-01): kept, for review',
        place: 'line 34',
      },
    ]);
  });

  it.each([
    ['a NUL inside a name', 'NAME OF REPORTING PERSON AULT & COMP\u0000ANY, INC.', 'U+0000'],
    [
      'a NUL that joins rows 1 and 2 into one bogus person',
      'NAME OF REPORTING PERSON AULT & COMPANY, INC.\t\n2\tCHECK THE APPROPRIATE\u0000BOX',
      'U+0000',
    ],
    ['a replacement character (U+FFFD)', 'NAME OF REPORTING PERSON AULT & COMP\uFFFDANY, INC.', 'U+FFFD'],
  ])('refuses %s, naming the cover page line', (_, damaged, code) => {
    // Given the seed whose first cover page (line 45) carries the damage
    const original = /NAME OF REPORTING PERSON AULT & COMPANY, INC\.(\t\n2\tCHECK THE APPROPRIATE BOX)?/;
    const text = seed().replace(
      damaged.includes('2\tCHECK')
        ? /NAME OF REPORTING PERSON AULT & COMPANY, INC\.\t\n2\tCHECK THE APPROPRIATE BOX/
        : original,
      damaged,
    );
    // When it is read / Then it is refused there: no person is made of a damaged name
    const error = refusal(text, 'nul.txt');
    expect(error.place).toEqual({ line: 45 });
    expect(error.problem).toContain(`holds the character ${code}`);
  });

  it('sets aside a transaction whose amount is over 2^53, for review, and records the rest', () => {
    // Given the seed whose 8% Convertible Promissory Note (Item 6) has a principal above 2^53 dollars
    const text = seed().replace(
      'principal amount of \\$1,000,000 (the',
      'principal amount of \\$90,071,992,547,409,930 (the',
    );
    // When it is planned
    const planned = planIngest(parseFilingContent(text, 'money.txt'));
    // Then no note issue is recorded, the sentence is listed for review with the reason, and the rest is planned
    const issued = planned.events
      .filter((e) => e.type === 'ConvertibleNoteIssued')
      .map((e) => (e.data as { securityId: string }).securityId);
    expect(issued).toEqual(['senior-note']);
    expect(planned.review).toContainEqual(
      expect.objectContaining({
        reason: expect.stringMatching(/^not recorded: principal \d+ is over 2\^53 and cannot be stored exactly$/),
      }),
    );
    expect(planned.events.some((e) => e.type === 'ConvertibleNoteConverted')).toBe(true);
  });

  it('refuses an XML share count over 2^53, naming its path', () => {
    // Given the synthetic XML with the first person's aggregate at 2^53 + 2
    const xml = readFileSync(SYNTHETIC_XML, 'utf8').replace(
      /<aggregateAmountOwned>[^<]*</,
      '<aggregateAmountOwned>9007199254740994<',
    );
    // When it is read / Then it is refused at that element
    const error = refusal(xml, 'huge.xml');
    expect(error.place).toEqual({
      xmlPath: '/edgarSubmission/formData/reportingPersons/reportingPersonInfo[1]/aggregateAmountOwned',
    });
    expect(error.problem).toMatch(/over 2\^53/);
  });
});
