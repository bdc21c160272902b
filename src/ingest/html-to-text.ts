/**
 * Raw EDGAR HTML into the text shape the text parser reads: paragraphs
 * separated by blank lines, each table row one line with its cells separated
 * by tabs, checkboxes as ☒/☐. htmlparser2 does the HTML (entities, implied
 * end tags, attributes, malformed markup) in one streaming pass, so the
 * conversion is linear in the input; this module only decides where lines
 * and cells break.
 */
import { Parser } from 'htmlparser2';
import { FilingParseError } from './filing-parse-error.js';

/** Elements that start a paragraph of their own outside a table. */
const BLOCK = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'center',
  'blockquote',
  'pre',
  'hr',
  'table',
  'body',
  'dl',
  'dt',
  'dd',
  'page',
]);
/** Elements whose content is not part of the document's text. */
const HIDDEN = new Set(['script', 'style', 'head', 'title', 'xml']);

export function htmlToText(html: string, file: string): string {
  if (/<html\b/i.test(html) && !/<\/html\s*>/i.test(html)) {
    throw new FilingParseError(file, { line: html.split('\n').length }, 'truncated HTML: no closing </html>');
  }
  const out: string[] = [];
  let hidden = 0;
  /** Inside <pre> the text's own lines and spacing are the layout (an old text cover page pasted into HTML). */
  let preformatted = 0;
  let tableDepth = 0;
  /** Cells opened in the current row of each open table, innermost last. */
  const cellsInRow: number[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (HIDDEN.has(name)) hidden++;
        if (hidden > 0) return;
        if (name === 'pre') preformatted++;
        if (name === 'input') {
          if ((attributes.type ?? '').toLowerCase() === 'checkbox') out.push('checked' in attributes ? ' ☒ ' : ' ☐ ');
        } else if (name === 'table') {
          tableDepth++;
          cellsInRow.push(0);
          out.push('\n\n');
        } else if (name === 'tr') {
          if (cellsInRow.length > 0) cellsInRow[cellsInRow.length - 1] = 0;
          out.push('\n');
        } else if (name === 'td' || name === 'th') {
          const last = cellsInRow.length - 1;
          if (last >= 0 && cellsInRow[last]!++ > 0) out.push('\t');
        } else if (tableDepth > 0 && (BLOCK.has(name) || name === 'br' || name === 'li')) {
          // Inside a cell, paragraphs and breaks join with a space: a row stays one line.
          out.push(' ');
        } else if (name === 'br') {
          out.push('\n');
        } else if (name === 'li') {
          out.push('\n- ');
        } else if (BLOCK.has(name)) {
          out.push('\n\n');
        }
      },
      ontext(text) {
        // In <pre>, lines stay lines and a run of spaces (a text column's gap) becomes a cell break. Elsewhere white
        // space collapses to one space; a lone space is left alone, so text that needs no change is not rebuilt
        // (a rebuilt piece is a rope of slices, about 1 KB each: 140 MB for a 10 MB filing).
        if (hidden === 0)
          out.push(
            preformatted > 0 && tableDepth === 0
              ? text.replace(/\r\n?/g, '\n').replace(/[ \t]{2,}/g, '\t')
              : text.replace(/\s{2,}|[^\S ]/g, ' '),
          );
      },
      onclosetag(name, implied) {
        if (HIDDEN.has(name)) {
          hidden = Math.max(0, hidden - 1);
          return;
        }
        if (hidden > 0) return;
        if (name === 'pre') preformatted = Math.max(0, preformatted - 1);
        if (name === 'table') {
          tableDepth = Math.max(0, tableDepth - 1);
          cellsInRow.pop();
          out.push('\n\n');
        } else if (tableDepth > 0 && BLOCK.has(name)) {
          out.push(' ');
        } else if (BLOCK.has(name) && !implied) {
          out.push('\n\n');
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.end(html);
  return out
    .join('')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .split('\n')
    .map((line) =>
      line
        .replace(/ {2,}/g, ' ')
        .replace(/ *\t */g, '\t')
        .trim(),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .concat('\n');
}
