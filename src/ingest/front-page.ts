/**
 * The front page of a text Schedule 13D: form, amendment number, issuer,
 * class, CUSIP and event date. Each value is printed just above its caption
 * ("(Name of Issuer)", "(CUSIP Number)"...), or before it on the same line
 * when a table put both in one row.
 */
import { FilingParseError, lineAt } from './filing-parse-error.js';
import type { FormType } from './parsed-filing.js';
import { isValidCusip, LONG_DATE, normalizeCusip, parseLongDate, parseSlashDate } from './values.js';

export interface FrontPage {
  formType: FormType;
  amendmentNo: number;
  issuerName?: string;
  classTitle?: string;
  cusip?: string;
  eventDate?: string;
}

const CAPTIONS = {
  issuer: /\(\s*Name\s+of\s+Issuer\s*\)/i,
  classTitle: /\(\s*Title\s+of\s+Class\s+of\s+Securities\s*\)/i,
  cusip: /\(\s*CUSIP\s+Number\s*\)/i,
  eventDate: /\(\s*Date\s+of\s+Event\s+Which\s+Requires\s+Filing\s+of\s+This\s+Statement\s*\)/i,
};

/** The top of the document, where the form says what it is. */
const HEAD_LENGTH = 6000;

export function parseFrontPage(text: string, file: string, coverStart: number): FrontPage {
  const head = text.slice(0, Math.min(coverStart, HEAD_LENGTH) || HEAD_LENGTH);
  // The form names itself before anything else; a 13D cover mentions 13G only later, in the 13d-1(e) box.
  const form = /SCHEDULE\s+13([DG])\b/i.exec(head);
  if (!form || form[1]!.toUpperCase() !== 'D') {
    throw new FilingParseError(file, { line: form ? lineAt(text, form.index) : 1 }, `not a Schedule 13D: the first page ${form ? `says "${form[0]}"` : 'does not say "SCHEDULE 13D"'}`);
  }
  // A combined form (a Schedule TO amendment that is also a 13D/A) prints the other form's amendment
  // number first; the 13D's own follows its "SCHEDULE 13D" title, so look there before anywhere else.
  const amendmentNo = amendmentNumber(text, head, form.index, file);
  const valueAbove = (caption: RegExp) => {
    const match = caption.exec(head);
    if (!match) return undefined;
    const lineStart = head.lastIndexOf('\n', match.index) + 1;
    const sameLine = head.slice(lineStart, match.index).replace(/\s+/g, ' ').trim();
    if (sameLine !== '') return { value: sameLine, line: lineAt(text, match.index) };
    const lines = head.slice(0, lineStart).split('\n');
    for (let i = lines.length - 1; i >= 0; i--) {
      const candidate = lines[i]!.replace(/\s+/g, ' ').trim();
      if (candidate !== '') return { value: candidate, line: i + 1 };
    }
    return undefined;
  };
  const cusipEntry = valueAbove(CAPTIONS.cusip);
  let cusip: string | undefined;
  if (cusipEntry) {
    cusip = normalizeCusip(cusipEntry.value);
    if (!isValidCusip(cusip)) {
      throw new FilingParseError(file, { line: cusipEntry.line }, `CUSIP "${cusipEntry.value}" is not a valid CUSIP (check digit)`);
    }
  }
  const eventEntry = valueAbove(CAPTIONS.eventDate);
  let eventDate: string | undefined;
  if (eventEntry) {
    const found = LONG_DATE.exec(eventEntry.value);
    eventDate = found ? parseLongDate(found[0]) : parseSlashDate(eventEntry.value);
    if (!eventDate) throw new FilingParseError(file, { line: eventEntry.line }, `event date "${eventEntry.value}" is not a date`);
  }
  return {
    formType: amendmentNo > 0 ? 'SC 13D/A' : 'SC 13D',
    amendmentNo,
    issuerName: valueAbove(CAPTIONS.issuer)?.value,
    classTitle: valueAbove(CAPTIONS.classTitle)?.value,
    cusip,
    eventDate,
  };
}

/**
 * The amendment number: "(Amendment No. 8)" after the form's title, else anywhere on the first page.
 * A page that says it is an amendment ("Amendment No. eight", "SCHEDULE 13D/A") but gives no number
 * that parses is refused: falling back to 0 would silently record an amendment as an original.
 */
function amendmentNumber(text: string, head: string, titleAt: number, file: string): number {
  const afterTitle = head.slice(titleAt, titleAt + 400);
  const numbered =
    /\(\s*Amendment\s+No\.?\s*(\d+)\s*\)/i.exec(afterTitle) ?? /\(\s*Amendment\s+No\.?\s*(\d+)\s*\)/i.exec(head) ?? /\bAmendment\s+No\.?\s*(\d+)\b/i.exec(head);
  if (numbered) return Number(numbered[1]);
  const saysAmendment = /\(\s*Amendment\s+No\b[^)\n]*\)?|\bAmendment\s+No\.?\s*\S+/i.exec(afterTitle) ?? /\(\s*Amendment\s+No\b[^)\n]*\)?/i.exec(head);
  if (saysAmendment) {
    const offset = (saysAmendment.input === afterTitle ? titleAt : 0) + saysAmendment.index;
    throw new FilingParseError(file, { line: lineAt(text, offset) }, `the first page says "${saysAmendment[0].trim()}" but gives no amendment number that parses`);
  }
  const slashA = /SCHEDULE\s+13D\s*\/\s*A\b/i.exec(head);
  if (slashA) throw new FilingParseError(file, { line: lineAt(text, slashA.index) }, `the form says "${slashA[0]}" (an amendment) but gives no amendment number`);
  return 0;
}
