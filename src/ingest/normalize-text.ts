/**
 * Cleans the residue an HTML-to-text conversion leaves in a filing, without
 * changing the number of lines, so that line numbers in errors still point
 * into the file the analyst has. Checkboxes, whatever their spelling, become
 * ☒ (checked) and ☐ (unchecked).
 */

const CHECKED = '☒';
const UNCHECKED = '☐';

export function normalizeFilingText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/<input\b[^>]*>/gi, (tag) =>
      /type\s*=\s*["']?checkbox/i.test(tag) ? (/\bchecked\b/i.test(tag) ? CHECKED : UNCHECKED) : '',
    )
    .replace(/[☑✓✔⌧]/g, CHECKED)
    .replace(/\\([$()[\]*_#.\-+!`{}|<>])/g, '$1')
    .replace(/\[([^\]]*)\]\([^)\n]*\)/g, '$1')
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s).,;:]|$)/gm, '$1$2')
    .replace(/<\/?(?:u|b|i|em|strong|sup|sub|span|font)\b[^>\n]*>/gi, '')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'");
}

/**
 * Reads a checkbox mark at the start of a piece of text: ☒/x/X/þ/ý/[X] checked,
 * ☐/¨/o/[ ] unchecked. Word-processor filings write Wingdings "x" and "¨".
 */
export function readCheckbox(text: string): boolean | undefined {
  const t = text.trim();
  if (/^(?:☒|\[\s*[xX✓]\s*\]|[xXþý])(?![A-Za-z])/.test(t)) return true;
  if (/^(?:☐|¨|o|\[\s*\])(?![A-Za-z])/.test(t)) return false;
  return undefined;
}
