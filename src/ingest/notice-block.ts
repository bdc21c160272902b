/**
 * The cover's notice block, printed above "(Name, Address and Telephone Number
 * of Person Authorized to Receive Notices and Communications)": the name on the
 * first line, the phone on its own line, the address between. Reconcile checks
 * its address against Item 2(b) (DOMAIN.md: Suite 330 against Suite 240).
 */
import type { NoticeBlock } from './parsed-filing.js';

const CAPTION =
  /\(\s*Name,?\s+Address\s+and\s+Telephone\s+Number\s+of\s+Persons?\s+Authorized\s+to\s+Receive\s+Notices\s+and\s+Communications\s*\)/i;
const PREVIOUS_CAPTION = /\(\s*CUSIP\s+Number\s*\)/i;
const PHONE = /^(?:Tel(?:ephone)?\.?:?\s*)?\+?1?[\s.-]?\(?\d{3}\)?[\s.-]*\d{3}[\s.-]\d{4}$/i;

export function parseNoticeBlock(head: string): NoticeBlock | undefined {
  const caption = CAPTION.exec(head);
  if (!caption) return undefined;
  const previous = PREVIOUS_CAPTION.exec(head.slice(0, caption.index));
  const block = head.slice(previous ? previous.index + previous[0].length : 0, caption.index);
  const lines = block
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter((l) => l !== '');
  // A "with a copy to" second contact is not the person authorized to receive notices.
  const copyTo = lines.findIndex((l) => /^with (?:a )?cop(?:y|ies) to/i.test(l));
  const own = copyTo >= 0 ? lines.slice(0, copyTo) : lines;
  if (own.length < 2) return undefined;
  const [name, ...rest] = own as [string, ...string[]];
  const phone = rest.find((l) => PHONE.test(l));
  const addressLines = rest.filter((l) => l !== phone);
  if (addressLines.length === 0) return undefined;
  const careOf = /^c\/o\s+(.+?),?$/i.exec(addressLines[0]!)?.[1];
  return {
    name,
    address: addressLines.join(', ').replace(/,,/g, ','),
    ...(phone ? { phone: phone.replace(/^Tel(?:ephone)?\.?:?\s*/i, '') } : {}),
    ...(careOf ? { careOfName: careOf } : {}),
  };
}
