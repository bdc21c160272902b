/**
 * The EDGAR full submission text file: `<SEC-DOCUMENT>` with an SGML header
 * (ACCESSION NUMBER, CONFORMED SUBMISSION TYPE, FILED AS OF DATE, SUBJECT
 * COMPANY, FILED BY, GROUP MEMBERS) and one or more `<DOCUMENT>`s. A
 * submission may combine a 13D/A with another form; the 13D part is the
 * document whose TYPE says so.
 */
import { FilingParseError, lineAt } from './filing-parse-error.js';
import type { SubmissionHeader } from './parsed-filing.js';
import { parseCompactDate } from './values.js';

export interface SubmissionDocument {
  type: string;
  sequence?: string;
  filename?: string;
  description?: string;
  /** What sits between <TEXT> and </TEXT>. */
  body: string;
  /** 1-based line in the submission where the body begins (the <TEXT> line), to point errors into the file. */
  line: number;
}

export interface Submission {
  header: SubmissionHeader;
  documents: SubmissionDocument[];
}

export const SCHEDULE_13D_TYPES = new Set(['SC 13D', 'SC 13D/A', 'SCHEDULE 13D', 'SCHEDULE 13D/A']);

export function parseSubmission(text: string, file: string): Submission {
  const headerMatch =
    /<SEC-HEADER>([\s\S]*?)<\/SEC-HEADER>/.exec(text) ?? /<IMS-HEADER>([\s\S]*?)<\/IMS-HEADER>/.exec(text);
  if (!headerMatch)
    throw new FilingParseError(file, { line: 1 }, 'submission has no complete <SEC-HEADER> (truncated file?)');
  if (/<SEC-DOCUMENT>/.test(text) && !/<\/SEC-DOCUMENT>/.test(text)) {
    throw new FilingParseError(
      file,
      { line: lineAt(text, text.length) },
      'truncated submission: no closing </SEC-DOCUMENT>',
    );
  }
  const header = parseHeader(headerMatch[1]!, file);
  const documents: SubmissionDocument[] = [];
  const opening = /<DOCUMENT>/g;
  for (let m = opening.exec(text); m; m = opening.exec(text)) {
    const close = text.indexOf('</DOCUMENT>', m.index);
    if (close < 0)
      throw new FilingParseError(
        file,
        { line: lineAt(text, m.index) },
        'truncated submission: a <DOCUMENT> has no closing </DOCUMENT>',
      );
    const doc = text.slice(m.index, close);
    const field = (name: string) => new RegExp(`^<${name}>[ \\t]*(.*)$`, 'm').exec(doc)?.[1]?.trim();
    const textStart = doc.indexOf('<TEXT>');
    const textEnd = doc.lastIndexOf('</TEXT>');
    if (textStart < 0 || textEnd < textStart)
      throw new FilingParseError(
        file,
        { line: lineAt(text, m.index) },
        'a <DOCUMENT> has no complete <TEXT> (truncated file?)',
      );
    // An <XML> (or <PDF>) wrapper is dropped; the body's line is where what is left begins.
    const raw = doc.slice(textStart + '<TEXT>'.length, textEnd);
    const wrapper = /^\s*<(?:XML|PDF)>\s*/.exec(raw)?.[0].length ?? 0;
    documents.push({
      type: field('TYPE') ?? '',
      sequence: field('SEQUENCE'),
      filename: field('FILENAME'),
      description: field('DESCRIPTION'),
      body: raw.slice(wrapper).replace(/\s*<\/(XML|PDF)>\s*$/, ''),
      line: lineAt(text, m.index + textStart + '<TEXT>'.length + wrapper),
    });
    opening.lastIndex = close;
  }
  if (documents.length === 0)
    throw new FilingParseError(file, { line: lineAt(text, text.length) }, 'submission has no <DOCUMENT>');
  header.documentTypes = documents.map((d) => d.type);
  return { header, documents };
}

/** The document that is the Schedule 13D: by its TYPE, else (a combined form) the one that prints a 13D cover page. */
export function findSchedule13D(submission: Submission, file: string): SubmissionDocument {
  const byType = submission.documents.find((d) => SCHEDULE_13D_TYPES.has(d.type.toUpperCase()));
  if (byType) return byType;
  const combined = submission.documents.find(
    (d) => /SCHEDULE\s+13D/i.test(d.body) && /NAMES?\s+OF\s+REPORTING\s+PERSONS?/i.test(d.body),
  );
  if (combined) return combined;
  throw new FilingParseError(
    file,
    { line: 1 },
    `not a Schedule 13D: submission type "${submission.header.submissionType}", documents ${submission.header.documentTypes.join(', ')}`,
  );
}

function parseHeader(block: string, file: string): SubmissionHeader {
  const header: SubmissionHeader = {
    accessionNumber: '',
    submissionType: '',
    filedBy: [],
    groupMembers: [],
    documentTypes: [],
  };
  let section: 'subject' | 'filer' | undefined;
  for (const line of block.split(/\r?\n/)) {
    const m = /^(\s*)([A-Z][A-Z0-9 .&/-]*?):\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    const [, indent, key, value] = m as unknown as [string, string, string, string];
    if (indent === '') {
      if (key === 'ACCESSION NUMBER') header.accessionNumber = value;
      else if (key === 'CONFORMED SUBMISSION TYPE') header.submissionType = value;
      else if (key === 'FILED AS OF DATE') header.filedAsOf = parseCompactDate(value);
      else if (key === 'GROUP MEMBERS') header.groupMembers.push(value);
      else if (key === 'SUBJECT COMPANY') section = 'subject';
      else if (key === 'FILED BY') {
        section = 'filer';
        header.filedBy.push({ name: '' });
      } else section = undefined;
      continue;
    }
    if (key === 'COMPANY CONFORMED NAME' || key === 'CENTRAL INDEX KEY') {
      const target =
        section === 'subject'
          ? (header.subjectCompany ??= { name: '' })
          : section === 'filer'
            ? header.filedBy[header.filedBy.length - 1]
            : undefined;
      if (!target) continue;
      if (key === 'COMPANY CONFORMED NAME') target.name = value;
      else target.cik = value;
    }
  }
  if (!/^\d{10}-\d{2}-\d{6}$/.test(header.accessionNumber)) {
    throw new FilingParseError(
      file,
      { line: 1 },
      `submission header has no valid ACCESSION NUMBER (got "${header.accessionNumber}")`,
    );
  }
  return header;
}
