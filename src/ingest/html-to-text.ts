/**
 * Raw EDGAR HTML into the text shape the text parser reads: paragraphs
 * separated by blank lines, each table row one line with its cells separated
 * by tabs, checkboxes as ☒/☐. A small tokenizer is enough: EDGAR HTML is
 * flat (paragraphs, tables, fonts) and only the text and the row/cell
 * structure matter, so no HTML parser dependency is taken.
 */
import { FilingParseError } from './filing-parse-error.js';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', ndash: '–', mdash: '—', sect: '§', bull: '•',
  middot: '·', hellip: '…', copy: '©', reg: '®', trade: '™', uml: '¨', deg: '°', frac12: '½',
  sup1: '¹', sup2: '²', sup3: '³', para: '¶', dagger: '†', Dagger: '‡',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name] ?? NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const BLOCK = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'center', 'blockquote', 'pre', 'hr', 'table', 'body']);
const TAG = /<(\/?)([a-zA-Z][\w:-]*)\b([^>]*)>/g;

export function htmlToText(html: string, file: string): string {
  if (/<html\b/i.test(html) && !/<\/html\s*>/i.test(html)) {
    throw new FilingParseError(file, { line: html.split('\n').length }, 'truncated HTML: no closing </html>');
  }
  const body = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|title)\b[\s\S]*?<\/\1\s*>/gi, '');
  const out: string[] = [];
  let cellInRow = 0;
  let tableDepth = 0;
  let last = 0;
  const emitText = (raw: string) => {
    const text = decodeEntities(raw.replace(/\s+/g, ' '));
    if (text !== '') out.push(text);
  };
  for (const m of body.matchAll(TAG)) {
    emitText(body.slice(last, m.index));
    last = m.index + m[0].length;
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    const attributes = m[3] ?? '';
    if (name === 'input') {
      if (/type\s*=\s*["']?checkbox/i.test(attributes)) out.push(/\bchecked\b/i.test(attributes) ? ' ☒ ' : ' ☐ ');
    } else if (name === 'table') {
      tableDepth += closing ? -1 : 1;
      out.push('\n\n');
    } else if (name === 'tr') {
      cellInRow = 0;
      out.push('\n');
    } else if ((name === 'td' || name === 'th') && !closing) {
      if (cellInRow++ > 0) out.push('\t');
    } else if (tableDepth > 0 && (BLOCK.has(name) || name === 'br' || name === 'li')) {
      // Inside a cell, paragraphs and breaks join with a space: a row stays one line.
      out.push(' ');
    } else if (name === 'br') {
      out.push('\n');
    } else if (name === 'li' && !closing) {
      out.push('\n- ');
    } else if (BLOCK.has(name)) {
      out.push('\n\n');
    }
  }
  emitText(body.slice(last));
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ ]+/g, ' ').replace(/ *\t */g, '\t').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
    .concat('\n');
}
