/**
 * Which of the supported formats a file is, from its content (the name's
 * extension only breaks no ties): never a silent guess. Anything that is not
 * clearly one of them is an error naming the file.
 */
import { FilingParseError } from './filing-parse-error.js';
import type { FilingFormat } from './parsed-filing.js';

const PROBE = 4096;

/** Older full submissions come wrapped: "-----BEGIN PRIVACY-ENHANCED MESSAGE-----", key fields, then <SEC-DOCUMENT>. */
const PRIVACY_ENHANCED = /^-----BEGIN PRIVACY-ENHANCED MESSAGE-----/;

/**
 * EDGAR text documents carry a little markup of their own (<PAGE>, and <TABLE>, <S>, <C>, <CAPTION>, <FN>
 * around text tables); HTML has paragraphs, rows or cells.
 */
export function looksLikeHtml(text: string): boolean {
  return /<(?:html|body)\b/i.test(text) || /<(?:p|div|tr|td|font|br)\b[^>]*>/i.test(text);
}

export function detectFormat(content: string, file: string): FilingFormat {
  const text = content.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new FilingParseError(file, 'whole file', 'empty file');
  const head = text.slice(0, PROBE).trimStart();
  if (/^<(?:SEC-DOCUMENT|SEC-HEADER|IMS-DOCUMENT|IMS-HEADER)>/.test(head)) return 'submission';
  if (PRIVACY_ENHANCED.test(head) && /^<(?:SEC|IMS)-(?:DOCUMENT|HEADER)>/m.test(head)) return 'submission';
  // XML that declares a DTD (not HTML's) is read as XML so that the XML guard refuses it, naming the line.
  if (/^<\?xml\b/.test(head) && /<!(?:DOCTYPE(?!\s+html\b)|ENTITY)\b/i.test(head)) return 'edgar-xml';
  // XML declaration, comments and doctype come first; the first element decides. <PAGE> is a text page marker.
  const firstElement = /^(?:<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?!PAGE>)([A-Za-z][\w:.-]*)/.exec(
    head,
  )?.[1];
  if (firstElement !== undefined) {
    const local = firstElement.includes(':') ? firstElement.split(':')[1]! : firstElement;
    if (local === 'edgarSubmission') return 'edgar-xml';
    if (/^(?:html|body|div|p|table|font|center)$/i.test(local) && looksLikeHtml(text.slice(0, PROBE * 4)))
      return 'html';
    if (!/^(?:table|s|c|caption)$/i.test(local)) {
      throw new FilingParseError(
        file,
        { line: 1 },
        `unrecognised format: markup with root <${firstElement}> is neither EDGAR Schedule 13D XML nor HTML`,
      );
    }
  }
  if (looksLikeHtml(head) && /<\/(?:p|div|td|table)>/i.test(text.slice(0, PROBE * 4))) return 'html';
  if (/SCHEDULE\s+13[DG]\b|NAMES?\s+OF\s+REPORTING\s+PERSONS?/i.test(text.slice(0, PROBE * 4))) return 'text';
  throw new FilingParseError(
    file,
    { line: 1 },
    'unrecognised format: not an EDGAR submission, Schedule 13D XML, HTML or Schedule 13D text',
  );
}
