import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/ingest/detect-format.js';
import { htmlToText } from '../../src/ingest/html-to-text.js';
import { readFilingFile } from '../../src/ingest/read-filing.js';
import { findSchedule13D, parseSubmission } from '../../src/ingest/sgml-submission.js';
import { AULT_TEXT, fixture, SYNTHETIC_XML } from './fixtures.js';

describe('format detection', () => {
  it.each([
    [AULT_TEXT, 'text'],
    [SYNTHETIC_XML, 'edgar-xml'],
    [fixture('ault-a8.htm'), 'html'],
    [fixture('ault-a8-submission.txt'), 'submission'],
    [fixture('ault-a8-reflowed.txt'), 'text'],
  ])('recognises %s as %s', async (file, format) => {
    expect(detectFormat(await readFile(file, 'utf8'), file)).toBe(format);
  });

  it('refuses markup of another kind rather than guessing', () => {
    expect(() => detectFormat('<?xml version="1.0"?><ownershipDocument/>', 'form4.xml')).toThrow(
      /root <ownershipDocument>/,
    );
  });
});

describe('raw EDGAR HTML', () => {
  it('turns each table row into one tab-separated line and checkboxes into ☒/☐', () => {
    const text = htmlToText(
      '<html><body><table><tr><td>2</td><td><p>CHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP</p><p>(a) <input type="checkbox" checked> (b) <input type="checkbox"></p></td></tr></table><p>A &amp; B&#8217;s</p></body></html>',
      'x.htm',
    );
    expect(text).toContain('2\tCHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP (a) ☒ (b) ☐');
    expect(text).toContain('A & B’s');
  });
});

describe('the full submission text file', () => {
  it('reads the SGML header and takes the 13D/A among documents of other types', async () => {
    // Given a submission whose first document is a press release and whose third is the joint filing agreement
    const content = await readFile(fixture('ault-a8-submission.txt'), 'utf8');
    const submission = parseSubmission(content, 'sub.txt');
    // Then the header is read and the 13D/A is the second document
    expect(submission.header).toMatchObject({
      accessionNumber: '0001213900-24-062810',
      submissionType: 'SC 13D/A',
      filedAsOf: '2024-07-24',
      subjectCompany: { name: 'Ault Alliance, Inc.', cik: '0000896493' },
      filedBy: [{ name: 'Ault Milton C III', cik: '0001215009' }],
      groupMembers: ['AULT & COMPANY, INC.', 'HENRY C.W. NISSER', 'KENNETH S. CRAGUN', 'WILLIAM B. HORNE'],
      documentTypes: ['EX-99.9', 'SC 13D/A', 'EX-99.1'],
    });
    expect(findSchedule13D(submission, 'sub.txt').sequence).toBe('2');
  });

  it('gives the parsed filing its accession number and filing date', async () => {
    const filing = await readFilingFile(fixture('ault-a8-submission.txt'));
    expect(filing).toMatchObject({
      format: 'submission',
      accessionNumber: '0001213900-24-062810',
      filingDate: '2024-07-24',
      amendmentNo: 8,
    });
    expect(filing.coverPages).toHaveLength(5);
  });
});
