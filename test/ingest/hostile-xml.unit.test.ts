import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FilingParseError } from '../../src/ingest/filing-parse-error.js';
import { parseFilingContent } from '../../src/ingest/read-filing.js';
import { asSubmission } from './hostile-inputs.js';
import { SYNTHETIC_XML } from './fixtures.js';

const xml = () => readFileSync(SYNTHETIC_XML, 'utf8');
const ISSUER = '<issuerName>Veridane Therapeutics, Inc.</issuerName>';

/** The synthetic XML with `dtd` put right after its XML declaration (line 2) and `name` as the issuer's name. */
function withDtd(dtd: string, name: string): string {
  return xml().replace('?>\n', `?>\n${dtd}\n`).replaceAll(ISSUER, `<issuerName>${name}</issuerName>`);
}

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

const LAUGHS = [
  '<!DOCTYPE edgarSubmission [',
  '  <!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, i) => `  <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
  ']>',
].join('\n');

describe('hostile XML', () => {
  it.each([
    ['nested internal entities (a billion laughs)', LAUGHS, '&lol9;'],
    ['a simple internal entity', '<!DOCTYPE edgarSubmission [ <!ENTITY co "Acme Holdings, Inc."> ]>', '&co;'],
    ['an external entity', '<!DOCTYPE edgarSubmission [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>', '&secret;'],
    [
      'an external DTD',
      '<!DOCTYPE edgarSubmission SYSTEM "http://127.0.0.1:9/schedule13d.dtd">',
      'Veridane Therapeutics, Inc.',
    ],
  ])('refuses a standalone XML statement declaring %s, naming the file and the line', (_, dtd, name) => {
    // Given the synthetic statement with a DTD on line 2 (and the issuer's name an entity it declares)
    // When it is read / Then it is refused at line 2, before any entity is expanded
    const error = refusal(withDtd(dtd, name), 'dtd.xml');
    expect(error.file).toBe('dtd.xml');
    expect(error.place).toEqual({ line: 2 });
    expect(error.message).toMatch(/^dtd\.xml:2: a document type declaration \(<!DOCTYPE \.\.\.>\) is not allowed/);
  });

  it('refuses a DTD in the XML document of a full submission, at its line in the submission', () => {
    // Given a submission whose Schedule 13D document is the synthetic XML with a DTD after its declaration
    const body = withDtd('<!DOCTYPE edgarSubmission [ <!ENTITY co "Acme Holdings, Inc."> ]>', '&co;');
    const submission = asSubmission(`<XML>\n${body}\n</XML>`);
    const lines = submission.split('\n');
    const doctypeLine = lines.findIndex((line) => line.startsWith('<!DOCTYPE')) + 1;
    // When it is read / Then the refusal names the document and the DTD's own line in the submission
    const error = refusal(submission, 'dtd-submission.txt');
    expect(error.place).toEqual({ line: doctypeLine });
    expect(error.problem).toMatch(/^document 1 \(SC 13D\/A\): a document type declaration/);
  });

  it('never expands an entity reference that no DTD declares', () => {
    // Given the synthetic statement whose issuer name is a reference to an undeclared entity, and no DTD
    const filing = parseFilingContent(xml().replaceAll(ISSUER, '<issuerName>&lol9;</issuerName>'), 'undeclared.xml');
    // Then the name is the reference as written: nothing was expanded into it
    expect(filing.issuer.name).toBe('&lol9;');
  });

  it('refuses elements nested deeper than any statement, naming the file and the line', () => {
    // Given the synthetic statement with 5,000 nested elements in its first comment field
    const deep = `${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}`;
    const content = xml().replace(/(<commentContent>)/, `$1${deep}`);
    const line = content.slice(0, content.indexOf('<a>')).split('\n').length;
    // When it is read / Then it is refused at the line of the nesting, not with the parser's bare "Maximum nested tags
    // exceeded"
    const error = refusal(content, 'deep.xml');
    expect(error.place).toEqual({ line });
    expect(error.message).toMatch(/^deep\.xml:\d+: elements nested more than 64 deep/);
  });
});
