/**
 * The amendment number a Schedule 13D prints on its first page: "(Amendment
 * No. 8)", "(Amendment No.1)", "_2_", "Amendment No. Eight". A blank line
 * ("(Amendment No. ___)", "(Amendment No. )") is normal on an original. An
 * amendment (the form says 13D/A, or the submission declares it) that gives
 * no number there is looked for in the body ("This Amendment No. 3 ..."), and
 * is otherwise an amendment of unknown number (null), placed by filing date:
 * never recorded as an original.
 */
import { FilingParseError, lineAt } from './filing-parse-error.js';

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINALS = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];

/** "8", "_2_", "Eight", "twenty-one" -> the number; undefined for anything else (a blank included). */
export function readAmendmentValue(value: string): number | undefined {
  const text = value.replace(/[_*]/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
  const digits = /^(\d{1,3})\b/.exec(text);
  if (digits) return Number(digits[1]);
  const word = /^([a-z]+)(?:[\s-]+([a-z]+))?/.exec(text);
  if (!word) return undefined;
  const unit = UNITS.indexOf(word[1]!);
  if (unit > 0) return unit;
  const tens = TENS.indexOf(word[1]!);
  if (tens >= 2) {
    const rest = word[2] ? UNITS.indexOf(word[2]) : 0;
    return tens * 10 + (rest > 0 && rest < 10 ? rest : 0);
  }
  return undefined;
}

const STATED = /\bAmendment\s+No\.?\s*:?[ \t]*([^)\n]{0,40})/i;
const ORDINAL_AMENDMENT = new RegExp(`\\b(${ORDINALS.slice(1).join('|')})\\s+Amendment\\b`, 'i');

/**
 * @param declaredAmendment what the submission declares for the document (SC 13D/A or SC 13D), when known.
 * @returns 0 for an original, N for Amendment No. N, null for an amendment that states no number.
 */
export function amendmentNumberOf(
  text: string,
  head: string,
  titleAt: number,
  declaredAmendment: boolean | undefined,
  file: string,
): number | null {
  // A combined form (a Schedule TO amendment that is also a 13D/A) prints the other form's amendment
  // number first; the 13D's own follows its "SCHEDULE 13D" title, so look there before anywhere else.
  const afterTitle = head.slice(titleAt, titleAt + 400);
  const stated = STATED.exec(afterTitle) ?? STATED.exec(head);
  if (stated) {
    const value = readAmendmentValue(stated[1]!);
    if (value !== undefined) return value;
  }
  const ordinal = ORDINAL_AMENDMENT.exec(afterTitle);
  if (ordinal) return ORDINALS.indexOf(ordinal[1]!.toLowerCase());
  const saysAmendment = /SCHEDULE\s+13D\s*\/\s*A\b|\bSC\s+13D\s*\/\s*A\b/i.test(head) || declaredAmendment === true;
  // "(Amendment No. ___)" on a form that is not declared an amendment: an original that left the line blank.
  const blank = stated !== null && stated[1]!.replace(/[_\s*]/g, '') === '';
  if (!saysAmendment && (stated === null || blank)) return 0;
  const inBody = /\bThis\s+Amendment\s+No\.?\s*(\d{1,3})\b|\bconstitutes\s+Amendment\s+No\.?\s*(\d{1,3})\b/i.exec(text);
  if (inBody) return Number(inBody[1] ?? inBody[2]);
  if (!saysAmendment && stated !== null) {
    // "(Amendment No. X)" with something that is neither a number nor blank, and nothing else to go by.
    throw new FilingParseError(
      file,
      { line: lineAt(text, head.indexOf(stated[0])) },
      `the first page says "${stated[0].trim()}" but gives no amendment number that parses`,
    );
  }
  return null;
}
