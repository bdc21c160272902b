/**
 * What EDGAR Schedule 13D XML never holds, refused before any parser sees it: a document type declaration
 * (the only place entities are declared, internal or external: with none, nothing can be expanded into the
 * issuer's name, nothing fetched, nothing multiplied) and elements nested deeper than any real schedule
 * (its deepest path is about eight). One pass over the text, so the check itself is linear.
 */
import { FilingParseError, lineAt } from './filing-parse-error.js';

/** Far above the schema's depth, below fast-xml-parser's own limit (100), which would name no place. */
export const MAX_XML_DEPTH = 64;

/**
 * Comments, CDATA and processing instructions (skipped whole), declarations (group 1), element tags (group 2
 * "/" for a closing tag, group 3 "/" for an empty one). A tag never spans a "<", so an unclosed quote costs
 * a scan to the next tag, not to the end of the file.
 */
const MARKUP = new RegExp(
  [
    String.raw`<!--[\s\S]*?(?:-->|$)`,
    String.raw`<!\[CDATA\[[\s\S]*?(?:\]\]>|$)`,
    String.raw`<\?[\s\S]*?(?:\?>|$)`,
    String.raw`<!([A-Za-z]+)`,
    String.raw`<(\/?)[A-Za-z_](?:[^<>"']|"[^"<]*"|'[^'<]*')*?(\/?)>`,
  ].join('|'),
  'g',
);

export function guardXml(xml: string, file: string): void {
  let depth = 0;
  const pattern = new RegExp(MARKUP.source, MARKUP.flags);
  for (let m = pattern.exec(xml); m; m = pattern.exec(xml)) {
    if (m[1] !== undefined) {
      const name = m[1].toUpperCase();
      const what = name === 'DOCTYPE' ? 'a document type declaration (<!DOCTYPE ...>)' : `a <!${name} ...> declaration`;
      const why = 'entities are never declared or expanded; refused';
      const problem = `${what} is not allowed in EDGAR Schedule 13D XML: ${why}`;
      throw new FilingParseError(file, { line: lineAt(xml, m.index) }, problem);
    }
    if (m[2] === undefined) continue;
    if (m[2] === '/') depth--;
    else if (m[3] !== '/' && ++depth > MAX_XML_DEPTH) {
      const problem = `elements nested more than ${MAX_XML_DEPTH} deep: not an EDGAR Schedule 13D; refused`;
      throw new FilingParseError(file, { line: lineAt(xml, m.index) }, problem);
    }
  }
}
