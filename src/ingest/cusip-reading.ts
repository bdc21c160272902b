/**
 * The issuer's CUSIP as a filing prints it: above the "(CUSIP Number)"
 * caption, else as "CUSIP No. 863111100" on the cover pages (where the
 * caption line holds only a rule, a rule is never read as a CUSIP). Spaces and
 * hyphens inside ("517310 10 8", "469814-10-7") are layout. A CUSIP printed
 * without its check digit (8 characters) is completed, with a doubt; a wrong
 * check digit is an error naming the place. No CUSIP at all is not an error
 * here: the subject company's CIK may still identify the issuer.
 */
import { cusipCheckDigit } from '../domain/ids.js';
import { FilingParseError, lineAt } from './filing-parse-error.js';
import { isValidCusip } from './values.js';

export interface CusipReading {
  cusip: string;
  read: string;
  line: number;
  doubt?: string;
}

const CAPTION = /\(\s*CUSIP\s+(?:Number|No\.?)(?:\s+of\s+Class\s+of\s+Securities)?\s*\)/i;
/** "CUSIP No. 37947B 10 3", "CUSIP NUMBER: 863111100", "Cusip # 114537103". */
const PRINTED = /\bCUSIP\s*(?:No\.?|Number|#)?\s*[:.]?[ \t]*([0-9A-Z*@#]{3,9}(?:[ \t-]{1,2}[0-9A-Z]{1,6}){0,3})/gi;

/** The characters of a CUSIP candidate, or undefined when it is not one (a rule, a word, a phone number). */
function candidate(value: string): string | undefined {
  const compact = value.replace(/[\s-]/g, '').toUpperCase();
  if (!/^[0-9A-Z*@#]{8,9}$/.test(compact) || !/\d/.test(compact)) return undefined;
  // A CUSIP starts with six characters that name the issuer; words do not have digits in them.
  return compact;
}

export function readCusip(text: string, head: string, coverEnd: number, file: string): CusipReading | undefined {
  const found: { value: string; offset: number }[] = [];
  const caption = CAPTION.exec(head);
  if (caption) {
    const lineStart = head.lastIndexOf('\n', caption.index) + 1;
    const sameLine = head.slice(lineStart, caption.index).trim();
    const above = head
      .slice(0, lineStart)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !/^[-_=\s]+$/.test(line))
      .at(-1);
    const value = sameLine !== '' ? sameLine : above;
    if (value !== undefined && candidate(value) !== undefined)
      found.push({ value, offset: sameLine !== '' ? caption.index : head.lastIndexOf(value, lineStart) });
  }
  const region = text.slice(0, coverEnd);
  PRINTED.lastIndex = 0;
  for (let m = PRINTED.exec(region); m && found.length < 4; m = PRINTED.exec(region)) {
    if (candidate(m[1]!) !== undefined) found.push({ value: m[1]!, offset: m.index });
  }
  const first = found[0];
  if (!first) return undefined;
  const cusip = candidate(first.value)!;
  const line = lineAt(text, first.offset);
  if (cusip.length === 8 && cusipCheckDigit(cusip) >= 0) {
    const completed = `${cusip}${cusipCheckDigit(cusip)}`;
    return {
      cusip: completed,
      read: first.value,
      line,
      doubt: `CUSIP printed without its check digit ("${first.value}"); completed as ${completed}`,
    };
  }
  if (cusip.length === 8 || !isValidCusip(cusip))
    throw new FilingParseError(file, { line }, `CUSIP "${first.value}" is not a valid CUSIP (check digit)`);
  return { cusip, read: first.value, line };
}
