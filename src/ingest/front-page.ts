/**
 * The front page of a text Schedule 13D: form, amendment number, issuer,
 * class, CUSIP and event date. Each value is printed just above its caption
 * ("(Name of Issuer)", "(CUSIP Number)"...), or before it on the same line
 * when a table put both in one row.
 */
import { amendmentNumberOf } from './amendment-number.js';
import { readCusip } from './cusip-reading.js';
import { FilingParseError, lineAt } from './filing-parse-error.js';
import type { FormType, ReadingDoubt } from './parsed-filing.js';
import { LONG_DATE, parseLongDate, parseSlashDate } from './values.js';

export interface FrontPage {
  formType: FormType;
  /** 0 for an original; null for an amendment that gives no number (placed by filing date). */
  amendmentNo: number | null;
  issuerName?: string;
  classTitle?: string;
  cusip?: string;
  eventDate?: string;
  /** Values read with doubt (a CUSIP printed without its check digit...). */
  doubts: ReadingDoubt[];
  /** Lines of the event date and the issuer's name, for errors that point at them. */
  places: { eventDate?: { line: number }; issuerName?: { line: number } };
}

const CAPTIONS = {
  issuer: /\(\s*Name\s+of\s+(?:the\s+)?Issuer\s*\)/i,
  classTitle: /\(\s*Title\s+of\s+Class\s+of\s+Securities\s*\)/i,
  eventDate: /\(\s*Date\s+of\s+Event\s+Which\s+Requires\s+Filing\s+of\s+(?:this|the)\s+Statement\s*\)/i,
};

/** The top of the document, where the form says what it is. */
const HEAD_LENGTH = 6000;

export interface FrontPageContext {
  /** The form the submission declares for this document (header or <TYPE>), when there is one. */
  declaredForm?: string;
}

export function parseFrontPage(
  text: string,
  file: string,
  coverStart: number,
  coverEnd: number,
  context: FrontPageContext = {},
): FrontPage {
  const head = text.slice(0, Math.min(coverStart, HEAD_LENGTH) || HEAD_LENGTH);
  // The form names itself before anything else; a 13D cover mentions 13G only later, in the 13d-1(e) box.
  const form = /SCHEDULE\s+13([DG])\b/i.exec(head);
  if (!form || form[1]!.toUpperCase() !== 'D') {
    throw new FilingParseError(
      file,
      { line: form ? lineAt(text, form.index) : 1 },
      `not a Schedule 13D: the first page ${form ? `says "${form[0]}"` : 'does not say "SCHEDULE 13D"'}`,
    );
  }
  const declaredAmendment =
    context.declaredForm !== undefined ? /13D\/A$/i.test(context.declaredForm.trim()) : undefined;
  const amendmentNo = amendmentNumberOf(text, head, form.index, declaredAmendment, file);
  const valueAbove = (caption: RegExp) => {
    const match = caption.exec(head);
    if (!match) return undefined;
    const lineStart = head.lastIndexOf('\n', match.index) + 1;
    const sameLine = head.slice(lineStart, match.index).replace(/\s+/g, ' ').trim();
    if (sameLine !== '') return { value: sameLine, line: lineAt(text, match.index) };
    const lines = head.slice(0, lineStart).split('\n');
    for (let i = lines.length - 1; i >= 0; i--) {
      const candidate = lines[i]!.replace(/\s+/g, ' ').trim();
      // A rule line under the value is layout.
      if (candidate !== '' && !/^[-_=\s]+$/.test(candidate)) return { value: candidate, line: i + 1 };
    }
    return undefined;
  };
  const doubts: ReadingDoubt[] = [];
  const cusip = readCusip(text, head, coverEnd, file);
  if (cusip?.doubt) doubts.push({ row: 0, read: cusip.read, reason: cusip.doubt, place: `line ${cusip.line}` });
  const eventEntry = valueAbove(CAPTIONS.eventDate);
  let eventDate: string | undefined;
  if (eventEntry) {
    const found = LONG_DATE.exec(eventEntry.value) ?? /\b\d{1,2}\/\d{1,2}\/\d{4}\b/.exec(eventEntry.value);
    eventDate = found ? (parseLongDate(found[0]) ?? parseSlashDate(found[0])) : undefined;
    if (!eventDate)
      throw new FilingParseError(file, { line: eventEntry.line }, `event date "${eventEntry.value}" is not a date`);
  }
  const issuer = valueAbove(CAPTIONS.issuer);
  return {
    formType: amendmentNo === 0 ? 'SC 13D' : 'SC 13D/A',
    amendmentNo,
    issuerName: issuer?.value,
    classTitle: valueAbove(CAPTIONS.classTitle)?.value,
    cusip: cusip?.cusip,
    eventDate,
    doubts,
    places: {
      ...(eventEntry ? { eventDate: { line: eventEntry.line } } : {}),
      ...(issuer ? { issuerName: { line: issuer.line } } : {}),
    },
  };
}
