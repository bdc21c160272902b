import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FilingParseError } from '../../src/ingest/filing-parse-error.js';
import { readFileSync } from 'node:fs';
import { MAX_FILING_BYTES, parseFilingContent, readFilingFile } from '../../src/ingest/read-filing.js';
import { AULT_TEXT, fixture } from './fixtures.js';

async function failure(file: string): Promise<FilingParseError> {
  const error = await readFilingFile(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FilingParseError);
  return error as FilingParseError;
}

describe('bad input', () => {
  it.each([
    ['bad-not-13d.txt', { line: 6 }, /not a Schedule 13D.*13G/],
    ['bad-not-13d.xml', { xmlPath: '/edgarSubmission/headerData/submissionType' }, /not a Schedule 13D/],
    ['bad-truncated.txt', { line: 200 }, /truncated/],
    [
      'bad-truncated.xml',
      { xmlPath: '/edgarSubmission/formData/reportingPersons/reportingPersonInfo/commentContent' },
      /truncated XML/,
    ],
    ['bad-truncated-submission.txt', { line: 306 }, /truncated submission/],
    [
      'bad-number.xml',
      { xmlPath: '/edgarSubmission/formData/reportingPersons/reportingPersonInfo[2]/aggregateAmountOwned' },
      /not a number/,
    ],
    ['bad-cusip.txt', { line: 23 }, /CUSIP "09175M 508" is not a valid CUSIP/],
    ['bad-cusip.xml', { xmlPath: '/edgarSubmission/formData/coverPageHeader/issuerInfo' }, /CUSIP "75934R104"/],
    [
      'bad-namespace.xml',
      { xmlPath: '/edgarSubmission/@xmlns' },
      /wrong namespace "http:\/\/www\.sec\.gov\/edgar\/schedule13d"/,
    ],
    ['bad-empty.txt', 'whole file', /empty file/],
    ['bad-unrecognised.txt', { line: 1 }, /unrecognised format/],
  ])('refuses %s, naming the file and the place', async (name, place, problem) => {
    // Given a bad filing / When it is read / Then the error names the file, the place and the problem
    const error = await failure(fixture(name));
    expect(error.file).toBe(fixture(name));
    expect(error.place).toEqual(place);
    expect(error.problem).toMatch(problem);
    expect(error.message).toContain(name);
  });

  it('refuses a cover page that carries no figure at all, naming the real cause', () => {
    // Given the seed text with every figure row (7-11, 13) of every cover page taken out
    const text = readFileSync(AULT_TEXT, 'utf8').replace(
      /^.*(?:VOTING POWER|DISPOSITIVE POWER|AGGREGATE AMOUNT BENEFICIALLY|PERCENT OF CLASS REPRESENTED).*$/gm,
      '',
    );
    // When it is parsed, Then it is refused for having no cover page with numbers, at the first cover page
    expect(() => parseFilingContent(text, 'no-figures.txt')).toThrowError(
      /^no-figures\.txt:\d+: no cover page with numbers: no figure in rows 7-11 or 13 of 5 cover page\(s\) \(AULT & COMPANY, INC\., \.\.\.\)$/,
    );
  });

  it('refuses a file over 50 MB from its size, before reading it', async () => {
    // Given a sparse file one byte over the limit (no disk is used for its content)
    const dir = await mkdtemp(join(tmpdir(), 'ingest-'));
    const path = join(dir, 'huge.txt');
    const handle = await open(path, 'w');
    await handle.truncate(MAX_FILING_BYTES + 1);
    await handle.close();
    try {
      // When it is read / Then the size alone refuses it
      const error = await failure(path);
      expect(error.problem).toMatch(/over the 52428800-byte limit/);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});

describe('damaged figures', () => {
  it('reads a row whose label is missing as absent, with the doubt recorded, never as zero', async () => {
    // Given the seed text whose fifth cover page (Kenneth S. Cragun) lost its row 11 line
    const filing = await readFilingFile(fixture('bad-missing-row-11.txt'));
    // Then the filing is read, Cragun's aggregate is absent, his other rows are as printed, and the doubt names the
    // place
    const cragun = filing.coverPages[4]!;
    expect(cragun).toMatchObject({
      name: 'KENNETH S. CRAGUN',
      soleVotingPower: 77,
      sharedVotingPower: 0,
      aggregate: undefined,
    });
    expect(filing.doubts).toEqual([
      {
        person: 'KENNETH S. CRAGUN',
        row: 11,
        read: '',
        reason: 'row 11 (aggregate amount beneficially owned) not found on the cover page',
        place: 'line 125',
      },
    ]);
  });

  it('reads a figure that is not a number as absent, with what was read', async () => {
    // Given the seed text with "1G3" printed in Henry C.W. Nisser's row 7
    const filing = await readFilingFile(fixture('bad-number.txt'));
    // Then row 7 is absent, row 9 (printed 163) stands, and the doubt quotes "1G3" at line 114
    expect(filing.coverPages[3]).toMatchObject({
      name: 'HENRY C.W. NISSER',
      soleVotingPower: undefined,
      soleDispositivePower: 163,
    });
    expect(filing.doubts).toEqual([
      expect.objectContaining({
        person: 'HENRY C.W. NISSER',
        row: 7,
        read: '1G3 ⁽¹⁾',
        reason: 'no figure in "1G3 ⁽¹⁾"',
        place: 'line 114',
      }),
    ]);
  });
});

describe('labels and layouts filers vary', () => {
  const seed = () => readFileSync(AULT_TEXT, 'utf8');

  it('reads a figure row whose label has a typo by its row number, and says so', () => {
    // Given Kenneth S. Cragun's row 11 label misspelt
    const text = seed().replace(
      '11\tAGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON 77',
      '11\tAGGREAGATE AMOUNT BENEFICALLY OWNED BY EACH REPORTING PERSON 77',
    );
    const filing = parseFilingContent(text, 'typo.txt');
    // Then the 77 printed there is read, with the doubt naming the row and the line
    expect(filing.coverPages[4]).toMatchObject({ name: 'KENNETH S. CRAGUN', aggregate: 77 });
    expect(filing.doubts).toEqual([
      {
        person: 'KENNETH S. CRAGUN',
        row: 11,
        read: 'AGGREAGATE AMOUNT BENEFICALLY OWNED BY EACH REPORTING PERSON 77',
        reason:
          'label of row 11 (aggregate amount beneficially owned) not recognised; figure read after its row number',
        place: 'line 135',
      },
    ]);
  });

  it('reads a percent written in words', () => {
    const filing = parseFilingContent(seed().replace('(11) 85.72%', '(11) 85.72 percent'), 'words.txt');
    expect(filing.coverPages[0]!.percentOfClass).toEqual({ kind: 'value', value: 85.72, text: '85.72 percent' });
    expect(filing.doubts).toEqual([]);
  });

  it('finds the signatures of a filing that prints no "SIGNATURE" heading by its "/s/" line, and dates the filing by them', () => {
    // Given the seed text without its signature heading and certification
    const text = seed()
      .replace(/^SIGNATURES\n/m, '\n')
      .replace(/After reasonable inquiry/g, 'Having made inquiry');
    const filing = parseFilingContent(text, 'unheaded.txt');
    // Then it is read, and the "Dated:" line above the first "/s/" gives the date
    expect(filing.signatureDate).toBe('2024-07-24');
  });
});
