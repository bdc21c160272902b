import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FilingParseError } from '../../src/ingest/filing-parse-error.js';
import { MAX_FILING_BYTES, readFilingFile } from '../../src/ingest/read-filing.js';
import { fixture } from './fixtures.js';

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
    ['bad-truncated.xml', { xmlPath: '/edgarSubmission/formData/reportingPersons/reportingPersonInfo/commentContent' }, /truncated XML/],
    ['bad-truncated-submission.txt', { line: 306 }, /truncated submission/],
    ['bad-missing-row-11.txt', { line: 125 }, /cover page 5 \(KENNETH S\. CRAGUN\) has no row 11/],
    ['bad-number.txt', { line: 114 }, /row 7 \(sole voting power\): "1G3" is not a number/],
    ['bad-number.xml', { xmlPath: '/edgarSubmission/formData/reportingPersons/reportingPersonInfo[2]/aggregateAmountOwned' }, /not a number/],
    ['bad-cusip.txt', { line: 23 }, /CUSIP "09175M 508" is not a valid CUSIP/],
    ['bad-cusip.xml', { xmlPath: '/edgarSubmission/formData/coverPageHeader/issuerInfo' }, /CUSIP "00032Q105"/],
    ['bad-namespace.xml', { xmlPath: '/edgarSubmission/@xmlns' }, /wrong namespace "http:\/\/www\.sec\.gov\/edgar\/schedule13d"/],
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
